#!/bin/sh
# Every build type with gcc and clang, warnings as errors (the project's flags):
# Debug, Release, MinSizeRel, RelWithDebInfo. Builds only; prints one line per
# configuration and exits non-zero when any of them fails to build.
# Usage: scripts/build-matrix.sh [BUILD_ROOT] [JOBS]   (default: ./build-matrix, 2)
# The lwIP board is left out (-DOARC_HOST_LWIP=OFF): it needs `apt-get source`
# per build tree; scripts/test.sh builds it in its Debug trees.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build-matrix}
jobs=${2:-2}
mkdir -p "$out"
failed=0
for cc in gcc clang; do
    for type in Debug Release MinSizeRel RelWithDebInfo; do
        dir=$out/$cc-$type
        if CC=$cc cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=$type -DOARC_HOST_LWIP=OFF \
                >"$dir.log" 2>&1 &&
            cmake --build "$dir" -j"$jobs" >>"$dir.log" 2>&1; then
            echo "ok      $cc $type"
        else
            echo "FAILED  $cc $type (see $dir.log)"
            grep -E "error|warning:" "$dir.log" | head -5
            failed=1
        fi
    done
done
exit $failed
