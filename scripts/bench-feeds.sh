#!/usr/bin/env bash
# Feed-import benchmark (issue 4): N generated bookings (default 1,000,000) imported into an empty database by a
# release build, against the bare libxml2 parse (`xmllint --stream --noout`) of the same file.
# Prints both times, their ratio, bookings per second and the import's peak memory.
# Usage: [ROUNDS=3] scripts/bench-feeds.sh [N] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
# The feed is kept in the work folder and reused by the next run (a 1M feed is 1.9 GB and takes a minute to write).
work=${2:-${TMPDIR:-/tmp}/hotelsales-bench-feeds}
mkdir -p "$work"
bash scripts/setup.sh
swift build -c release --product hotelsales >/dev/null
hs=.build/release/hotelsales
feed="$work/feed-$count.xml"
[ -f "$feed" ] || python3 scripts/generate-feed.py "$count" "$feed"
bytes=$(stat -c %s "$feed")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "feed: $count bookings, $((bytes / 1048576)) MB"
# Each round times the bare parse and then the import into a fresh database, one after the other, so that
# both see the same machine: on this shared 2-core machine either can vary by a quarter from one minute to
# the next. Every round's ratio is printed, then their median and the ratio of the best times.
rounds=${ROUNDS:-3}
export HOTELSALES_DB="$work/bench.sqlite"
ratios=(); parses=(); imports=(); peaks=()
for round in $(seq "$rounds"); do
    start=$(date +%s.%N)
    xmllint --stream --noout "$feed"
    parse=$(echo "$(date +%s.%N) - $start" | bc)
    rm -f "$HOTELSALES_DB" "$HOTELSALES_DB-wal" "$HOTELSALES_DB-shm"
    $hs init --hotel rate-plans/hotel.yaml >/dev/null
    $hs rates import rate-plans/bar-2027.yaml >/dev/null
    $hs channels import channel-feeds/channels.yaml >/dev/null
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/peak-kb" $hs feeds import "$feed" --channel SITEMINDER --format json > "$work/import.json" || true
    import=$(echo "$(date +%s.%N) - $start" | bc)
    peak=$(cat "$work/peak-kb")
    ratio=$(echo "scale=2; $import / $parse" | bc)
    printf 'round %d: xmllint --stream --noout %.2f s (%.0f MB/s); hotelsales feeds import %.2f s (%.0f bookings/s); ratio %.2f; peak %d MB\n' \
        "$round" "$parse" "$(echo "$bytes / 1048576 / $parse" | bc -l)" "$import" "$(echo "$count / $import" | bc -l)" "$ratio" "$((peak / 1024))"
    ratios+=("$ratio"); parses+=("$parse"); imports+=("$import"); peaks+=("$peak")
done
created=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(f["created"] for f in d))' "$work/import.json" 2>/dev/null || echo "?")
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
best_parse=$(printf '%s\n' "${parses[@]}" | sort -n | head -1)
best_import=$(printf '%s\n' "${imports[@]}" | sort -n | head -1)
max_peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
printf 'bookings created (last round): %s of %s\n' "$created" "$count"
printf 'xmllint --stream --noout: best %.2f s\n' "$best_parse"
printf 'hotelsales feeds import:  best %.2f s (%.0f bookings/s)\n' "$best_import" "$(echo "$count / $best_import" | bc -l)"
printf 'ratio import / parse:     median of %d rounds %.2f, of the best times %.2f (target: at most 3)\n' \
    "$rounds" "$median" "$(echo "$best_import / $best_parse" | bc -l)"
printf 'peak memory of import:    %d MB at most (target: under 150 MB)\n' "$((max_peak / 1024))"
