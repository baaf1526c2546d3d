#!/usr/bin/env bash
# The short fuzz run of the test suite (ctest -R fuzz.short): configures and builds the fuzz targets with
# clang in <scratch-dir>/build (kept between runs), then runs each for PATCHBANK_FUZZ_SECONDS (default 15).
#   fuzz/run-short.sh <source-dir> <scratch-dir>
# PATCHBANK_FUZZ_JOBS sets the build's parallelism (default: all cores).
set -eu
src=${1:?usage: fuzz/run-short.sh <source-dir> <scratch-dir>}
scratch=${2:?usage: fuzz/run-short.sh <source-dir> <scratch-dir>}
build="$scratch/build"

for tool in clang clang++; do
    if ! command -v "$tool" > /dev/null; then
        echo "fuzz.short: $tool is not installed; the fuzz targets need clang and libFuzzer" \
             "(Debian: apt-get install clang libclang-rt-14-dev)" >&2
        exit 1
    fi
done
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' \
    > "$probe/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" 2> "$probe/err"; then
    cat "$probe/err" >&2
    echo "fuzz.short: clang++ cannot link a libFuzzer target: the libFuzzer/sanitizer runtime is missing" \
         "(Debian: apt-get install libclang-rt-14-dev)" >&2
    exit 1
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$src/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target fuzzers -- -j "${PATCHBANK_FUZZ_JOBS:-$(nproc)}"
exec "$src/fuzz/run.sh" "$build" "${PATCHBANK_FUZZ_SECONDS:-15}"
