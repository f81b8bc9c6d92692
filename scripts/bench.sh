#!/usr/bin/env bash
# `make bench`: builds hotelsales and hotelsales-bench in release mode, then measures issue 3's speed targets
# on 100,000 generated reservations (see BENCHMARKS.md). Extra arguments go to hotelsales-bench, e.g.
#   bash scripts/bench.sh --reservations 20000 --keep
# SCRATCH_PATH=.build-bench bash scripts/bench.sh   builds in another folder (leaves .build to the editor).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT="${SWIFT:-swift}"
SCRATCH="${SCRATCH_PATH:-.build}"

echo "== machine"
echo "cpus: $(nproc) ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || uname -m))"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "os: $(uname -sr)"
echo "swift: $("$SWIFT" --version 2>/dev/null | head -n1)"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo ' + uncommitted changes in Sources')"
fi

echo "== build (release, $SCRATCH)"
# `--product` is taken once per invocation: two builds (the second reuses the first's modules).
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product hotelsales
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product hotelsales-bench
BIN="$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)"

echo "== bench"
"$BIN/hotelsales-bench" --binary "$BIN/hotelsales" "$@"
