#!/usr/bin/env bash
# Runs fuzz targets built in a fuzz build tree, each for SECONDS over its committed corpus.
#   fuzz/run.sh <build-dir> [seconds] [target ...]     (default: 60 s, every target)
# New inputs go to <build-dir>/fuzz-work/<target>/corpus, never into fuzz/corpus; a crash, hang or
# sanitizer report leaves its input in <build-dir>/fuzz-work/<target>/ (crash-*, timeout-*, oom-*,
# leak-*) and makes the script fail after the remaining targets have run.
# The target's regression-* inputs are replayed whole first; fuzzing then caps inputs at 64 KiB.
# Extra libFuzzer flags: PATCHBANK_FUZZ_FLAGS (e.g. "-jobs=4 -workers=4" or "-max_len=1000000").
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: fuzz/run.sh <build-dir> [seconds] [target ...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for dir in "$here"/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

failed=()
for t in "${targets[@]}"; do
    exe="$build/${t}_fuzzer"
    if [ ! -x "$exe" ]; then
        echo "fuzz/run.sh: $exe is not built" >&2
        failed+=("$t (not built)")
        continue
    fi
    work="$build/fuzz-work/$t"
    mkdir -p "$work/corpus"
    echo "=== $t: $seconds s"
    # The regression inputs first, whole: some are large (a slow header), and the fuzzing below caps the
    # input length so that they do not slow every mutation down.
    regressions=("$here/corpus/$t"/regression-*)
    if [ -e "${regressions[0]}" ] && ! "$exe" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/" \
            "${regressions[@]}" > "$work/regressions.txt" 2>&1; then
        failed+=("$t (regression input)")
        tail -n 60 "$work/regressions.txt"
        continue
    fi
    # -print_final_stats prints stat::number_of_executed_units; the committed corpus is read only.
    # shellcheck disable=SC2086
    if ! "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
            -artifact_prefix="$work/" ${PATCHBANK_FUZZ_FLAGS:-} "$work/corpus" "$here/corpus/$t" \
            > "$work/log.txt" 2>&1; then
        failed+=("$t")
        tail -n 60 "$work/log.txt"
    fi
    grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb' "$work/log.txt" | sed "s/^/  $t: /"
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz/run.sh: failed: ${failed[*]} (inputs and logs in $build/fuzz-work/)" >&2
    exit 1
fi
echo "fuzz/run.sh: ${#targets[@]} targets, no crash, hang or sanitizer report"
