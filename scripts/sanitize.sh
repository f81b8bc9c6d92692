#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (+ LeakSanitizer), then under ThreadSanitizer (RELIABILITY-fuzz.md).
#
# Usage: scripts/sanitize.sh [address|thread ...]        (default: both, one after the other)
#
# Each run builds in its own scratch folder (.build-asan, .build-tsan) and runs `swift test` there; the CLI tests
# spawn the sanitized `hotelsales` of that folder (CommandRunner.binary looks next to the test bundle first).
# Every sanitized process — the test binary and each hotelsales child — writes its reports to
# .build-{asan,tsan}/sanitizer-logs/<tool>.<pid>; a run passes when the tests pass and no report was written.
# Leaks in the toolchain's libraries are suppressed (scripts/sanitize/lsan.supp, each with its evidence).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
root=$(pwd)

tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(address thread)

# Let the sanitizer report a crash itself; the Swift backtracer and the sanitizers' signal handlers collide.
export SWIFT_BACKTRACE=enable=no
# The hostile-corpus tests bound the child's peak RSS (150 MB normally); shadow memory needs more.
export HOTELSALES_TEST_RSS_LIMIT_MB=600

status=0
summary=()
for tool in "${tools[@]}"; do
    case "$tool" in
    address) scratch=.build-asan; skip=() ;;
    # ThreadSanitizer's runtime dies with SIGBUS (in its shadow of ICU's time-zone data) whenever RLIMIT_FSIZE
    # is below about 1 MB, in any command — `ulimit -f 920; hotelsales audit` does it on an untouched database.
    # The disk-full test that uses `ulimit -f` therefore cannot run under TSan (its tmpfs case can, but
    # `--skip` takes whole tests); the ASan and plain runs cover it.
    thread) scratch=.build-tsan; skip=(--skip 'NightlyFaultTests/diskFull') ;;
    *) echo "sanitize.sh: unknown sanitizer $tool (address, thread)" >&2; exit 64 ;;
    esac
    logs="$root/$scratch/sanitizer-logs"
    rm -rf "$logs"
    mkdir -p "$logs"
    echo "== building the tests with --sanitize=$tool in $scratch" >&2
    if ! swift build --build-tests --scratch-path "$scratch" --sanitize="$tool" >&2; then
        echo "sanitize.sh: the $tool build failed" >&2
        exit 1
    fi
    echo "== swift test --sanitize=$tool" >&2
    started=$(date +%s)
    ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1" \
        LSAN_OPTIONS="suppressions=$root/scripts/sanitize/lsan.supp:print_suppressions=0" \
        TSAN_OPTIONS="log_path=$logs/tsan" \
        swift test --skip-build --scratch-path "$scratch" --sanitize="$tool" "${skip[@]}" 2>&1 | tee "$scratch/sanitize-test.log"
    code=${PIPESTATUS[0]}
    seconds=$(($(date +%s) - started))
    reports=$(grep -lE "ERROR: |WARNING: " "$logs"/* 2>/dev/null | wc -l)
    result=$(grep -E "Test run with [0-9]+ tests" "$scratch/sanitize-test.log" | tail -1 | sed -E 's/^[^A-Za-z]*//')
    line="$tool: ${result:-no Swift Testing summary}; swift test exit $code; $reports sanitizer report(s) in ${seconds}s"
    if [ "$code" -ne 0 ] || [ "$reports" -gt 0 ]; then
        status=1
        line="$line — see $scratch/sanitize-test.log and $logs/"
        for report in $(grep -lE "ERROR: |WARNING: " "$logs"/* 2>/dev/null); do
            echo "--- $report" >&2
            head -40 "$report" >&2
        done
    fi
    summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
exit "$status"
