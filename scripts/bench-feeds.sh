#!/usr/bin/env bash
# Feed-import benchmark (issue 4): N generated bookings (default 1,000,000) imported into an empty database by a
# release build, against the bare libxml2 parse (`xmllint --stream --noout`) of the same file.
# Prints both times, their ratio, bookings per second and the import's peak memory.
# Usage: scripts/bench-feeds.sh [N] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=${2:-$(mktemp -d)}
bash scripts/setup.sh
swift build -c release --product hotelsales >/dev/null
hs=.build/release/hotelsales
feed="$work/feed-$count.xml"
[ -f "$feed" ] || python3 scripts/generate-feed.py "$count" "$feed"
bytes=$(stat -c %s "$feed")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "feed: $count bookings, $((bytes / 1048576)) MB"
start=$(date +%s.%N)
xmllint --stream --noout "$feed"
parse=$(echo "$(date +%s.%N) - $start" | bc)
export HOTELSALES_DB="$work/bench.sqlite"
rm -f "$HOTELSALES_DB" "$HOTELSALES_DB-wal" "$HOTELSALES_DB-shm"
$hs init --hotel rate-plans/hotel.yaml >/dev/null
$hs rates import rate-plans/bar-2027.yaml >/dev/null
$hs channels import channel-feeds/channels.yaml >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/peak-kb" $hs feeds import "$feed" --channel SITEMINDER --format json > "$work/import.json" || true
import=$(echo "$(date +%s.%N) - $start" | bc)
peak=$(cat "$work/peak-kb")
printf 'xmllint --stream --noout: %.2f s (%.0f MB/s)\n' "$parse" "$(echo "$bytes / 1048576 / $parse" | bc -l)"
printf 'hotelsales feeds import:  %.2f s (%.0f bookings/s)\n' "$import" "$(echo "$count / $import" | bc -l)"
printf 'ratio import / parse:     %.1f (target: at most 3)\n' "$(echo "$import / $parse" | bc -l)"
printf 'peak memory of import:    %d MB (target: under 150 MB)\n' "$((peak / 1024))"
