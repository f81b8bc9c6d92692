#!/usr/bin/env bash
# Interleaved A/B of feed-import builds (issue 4): on a shared machine whose speed moves by a quarter within
# minutes, only builds run next to each other can be compared. Each round times `xmllint --stream --noout` on the
# feed, then imports it with every binary into a fresh database; printed per binary: the sorted ratios
# import / xmllint of the same round, and the wall, user and system seconds and peak memory of each import.
# Usage: scripts/bench-feeds-ab.sh ROUNDS FEED BINARY...   (e.g. copies of .build/release/hotelsales)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1; feed=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A ratios runs
for round in $(seq "$rounds"); do
    start=$(date +%s.%N)
    xmllint --stream --noout "$feed"
    parse=$(echo "$(date +%s.%N) - $start" | bc)
    for binary in "$@"; do
        export HOTELSALES_DB="$work/ab.sqlite"
        rm -f "$HOTELSALES_DB" "$HOTELSALES_DB-wal" "$HOTELSALES_DB-shm"
        "$binary" init --hotel rate-plans/hotel.yaml >/dev/null
        "$binary" rates import rate-plans/bar-2027.yaml >/dev/null
        "$binary" channels import channel-feeds/channels.yaml >/dev/null
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$binary" feeds import "$feed" --channel SITEMINDER --format json \
            >/dev/null || true
        read -r wall user sys peak < "$work/time"
        ratios[$binary]+="$(echo "scale=2; $wall / $parse" | bc) "
        runs[$binary]+="  round $round: wall $wall s, user $user s, sys $sys s, peak $((peak / 1024)) MB (xmllint $parse s)"$'\n'
    done
done
for binary in "$@"; do
    echo "$binary: ratios $(echo ${ratios[$binary]} | tr ' ' '\n' | sort -n | tr '\n' ' ')"
    printf '%s' "${runs[$binary]}"
done
