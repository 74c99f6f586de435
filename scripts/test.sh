#!/bin/sh
# Every test, from a fresh Debian machine: installs what is missing, then
#   1. gcc build (-Werror) on Debian's mbedTLS 2.28, all ctest labels but fuzz
#   2. gcc Release build (-O3, -Werror): the unit tests, optimized
#   3. the coverage gate (scripts/coverage.sh: lib/ by the unit tests)
#   4. clang build with AddressSanitizer + UBSan + libFuzzer on mbedTLS 3.6
#      (OARC_MBEDTLS=source: TLS 1.3), all ctest labels
# The four-core cross builds, stack analysis and size table run as the 'size' ctests.
# Usage: scripts/test.sh [BUILD_ROOT]   (default: ./build-ci)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build-ci}
sh "$root/scripts/deps.sh"
jobs=$(nproc 2>/dev/null || echo 2)
# The lwip ctests (both builds: the sanitizers see the lwIP port too) skip where no
# network namespace or TAP device can be made. Where one can (root with /dev/net/tun,
# as on CI) a skip would hide a broken rig, so there they must run.
if [ "$(id -u)" -eq 0 ] && [ -c /dev/net/tun ]; then
    export OARC_LWIP_REQUIRE=1
fi

echo "== gcc build (mbedTLS 2.28)"
CC=gcc cmake -S "$root" -B "$out/gcc" -DCMAKE_BUILD_TYPE=Debug -DOARC_MBEDTLS=system >/dev/null
cmake --build "$out/gcc" -j"$jobs"
(cd "$out/gcc" && ctest --output-on-failure -j"$jobs")

# Optimized code warns where -O0 does not (format-truncation at -O3) and
# may behave apart: build it all, run the unit label. No lwIP board here (it
# needs its own apt-get source tree); the Debug builds cover it.
echo "== gcc Release build (unit tests)"
CC=gcc cmake -S "$root" -B "$out/gcc-release" -DCMAKE_BUILD_TYPE=Release -DOARC_HOST_LWIP=OFF >/dev/null
cmake --build "$out/gcc-release" -j"$jobs"
(cd "$out/gcc-release" && ctest --output-on-failure -j"$jobs" -L unit)

echo "== coverage gate"
sh "$root/scripts/coverage.sh" "$out/coverage"

echo "== clang build (ASan, UBSan, libFuzzer, mbedTLS 3.6)"
CC=clang cmake -S "$root" -B "$out/clang" -DCMAKE_BUILD_TYPE=Debug -DOARC_FUZZ=ON \
    -DOARC_MBEDTLS=source >/dev/null
cmake --build "$out/clang" -j"$jobs"
(cd "$out/clang" && ctest --output-on-failure -j"$jobs" -LE 'size|qemu')
