#!/usr/bin/env bash
# libFuzzer over the readers of untrusted files (RELIABILITY-fuzz.md):
#   fuzz-feeds      OTA XML feeds: FeedReader (libxml2 SAX push parser) + ChannelNormalizer for four channels
#   fuzz-rateplans  YAML: RatePlanFile, HotelFile, ChannelsFile (Yams/libyaml + shape checks)
#   fuzz-csv        CSV: DemandFile, RoomingListFile, CommissionStatementFile
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET (default 120)] [TARGET...]   e.g. scripts/fuzz.sh 30 fuzz-csv
#
# Builds each target (release, -sanitize=fuzzer,address; C code of Yams and CSV.swift instrumented too) in
# .build-fuzz, seeds it from the repository's sample and fixture files, runs it for the given time, one target
# after the other, and prints executions and findings per target. A finding (crash, broken invariant, ASan
# report, timeout, out of memory) is written to .build-fuzz/artifacts/TARGET/ and makes the script exit 1;
# replay it with `.build-fuzz/release/TARGET FILE`. The growing corpus is kept in .build-fuzz/corpus/TARGET.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

seconds="${1:-120}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz-feeds fuzz-rateplans fuzz-csv)

scratch=.build-fuzz
# The Swift backtracer would fight libFuzzer and ASan for the crash; let libFuzzer report it.
export SWIFT_BACKTRACE=enable=no

seeds() {
    case "$1" in
    fuzz-feeds)
        ls channel-feeds/inbox/*.xml channel-feeds/statements/*.xml \
            Tests/HotelFeedsTests/Fixtures/synthetic/*.xml Tests/HotelFeedsTests/Fixtures/conformance/*.xml \
            Tests/HotelFeedsTests/Fixtures/fuzz/*.xml Tests/HotelCLITests/Fixtures/hostile/*.xml 2>/dev/null ;;
    fuzz-rateplans)
        ls rate-plans/*.yaml channel-feeds/channels.yaml Tests/HotelFilesTests/Fixtures/*.yaml \
            Tests/HotelFilesTests/Fixtures/fuzz/*.yaml Tests/HotelCLITests/Fixtures/*.yaml \
            Tests/HotelCLITests/Fixtures/conformance-hotel/*.yaml 2>/dev/null ;;
    fuzz-csv)
        ls groups/*.csv channel-feeds/statements/*.csv Tests/HotelFilesTests/Fixtures/*.csv \
            Tests/HotelFilesTests/Fixtures/fuzz/*.csv Tests/HotelCLITests/Fixtures/groups/*.csv \
            Tests/HotelCLITests/Fixtures/commissions/*.csv 2>/dev/null ;;
    *) echo "unknown target $1 (fuzz-feeds, fuzz-rateplans, fuzz-csv)" >&2; exit 64 ;;
    esac
}

status=0
summary=()
for target in "${targets[@]}"; do
    seeds "$target" >/dev/null
    echo "== building $target" >&2
    if ! HOTELSALES_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >&2; then
        echo "fuzz.sh: building $target failed" >&2
        exit 1
    fi
    seed_dir="$scratch/seeds/$target"
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    log="$scratch/logs/$target.log"
    rm -rf "$seed_dir"
    mkdir -p "$seed_dir" "$corpus" "$artifacts" "$(dirname "$log")"
    seeds "$target" | while read -r file; do cp "$file" "$seed_dir/"; done
    echo "== fuzzing $target for ${seconds}s ($(ls "$seed_dir" | wc -l) seed files, corpus $(ls "$corpus" | wc -l))" >&2
    before=$(ls "$artifacts" | wc -l)
    "$scratch/release/$target" "$corpus" "$seed_dir" \
        -dict="Fuzz/dictionaries/${target#fuzz-}.dict" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    code=$?
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    cov=$(grep -oE '^#[0-9]+[[:space:]]+DONE[[:space:]]+cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+)/cov \1, ft \2/')
    found=$(($(ls "$artifacts" | wc -l) - before))
    line="$target: ${runs:-?} executions in ${seconds}s, ${cov:-coverage ?}, corpus $(ls "$corpus" | wc -l) files, exit $code, $found new finding(s)"
    if [ "$code" -ne 0 ] || [ "$found" -gt 0 ]; then
        status=1
        line="$line — see $log and $artifacts/"
        grep -m3 -E 'Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer|SUMMARY' "$log" >&2
    fi
    summary+=("$line")
    echo "$line" >&2
done

echo
printf '%s\n' "${summary[@]}" | tee "$scratch/fuzz-summary.txt"
exit "$status"
