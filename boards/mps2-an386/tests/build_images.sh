#!/bin/sh
# Configures and builds the mps2-an386 cross tree (boards/mps2-an386 with its
# toolchain file) inside the host build: the ctest fixture every qemu test
# needs, so scripts/test.sh builds the board's images on every run.
# Usage: build_images.sh SOURCE_DIR OUT_DIR [-DOPTION=VALUE...]
# (the host build passes its lwIP / mbedTLS source trees, so nothing is
# fetched twice)
set -eu
src=$1
out=$2
shift 2
for tool in arm-none-eabi-gcc arm-none-eabi-size; do
    command -v $tool >/dev/null || { echo "$tool missing: run scripts/deps.sh"; exit 1; }
done
[ -f /usr/lib/picolibc/arm-none-eabi/picolibc.specs ] ||
    { echo "picolibc missing: apt-get install picolibc-arm-none-eabi (scripts/deps.sh does)"; exit 1; }
set -- -DCMAKE_TOOLCHAIN_FILE="$src/boards/mps2-an386/toolchain.cmake" \
       -DOARC_BOARD=mps2-an386 -DCMAKE_BUILD_TYPE=MinSizeRel -DOARC_BUILD_TESTS=OFF "$@"
mkdir -p "$out"
cmake -S "$src" -B "$out" "$@" >"$out.configure.log" 2>&1 ||
    { cat "$out.configure.log"; echo "FAIL: configuring the mps2-an386 cross build"; exit 1; }
cmake --build "$out" -j2
echo "mps2-an386 images in $out:"
ls "$out"/boards/mps2-an386/*.elf "$out"/firmware/provisioner/*.elf 2>/dev/null || true
