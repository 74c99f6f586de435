#!/bin/sh
# Cross-compiles lib/ for Cortex-M4 (arm-none-eabi-gcc -mthumb -Os) and prints
# text/data/bss per object and in total. The flash target for the seed codec is
# 6 KB of text; the figure is printed, and going over it fails the test, since
# the budget is a size guarantee rather than a speed goal.
# Usage: size_report.sh SOURCE_DIR BUILD_DIR
set -eu
src=$1
out=$2/arm-size
budget=6144
command -v arm-none-eabi-gcc >/dev/null || { echo "arm-none-eabi-gcc missing: apt-get install --no-install-recommends gcc-arm-none-eabi libnewlib-arm-none-eabi"; exit 1; }
cmake -S "$src" -B "$out" -DCMAKE_TOOLCHAIN_FILE="$src/cmake/arm-none-eabi.cmake" \
      -DCMAKE_BUILD_TYPE=MinSizeRel -DOARC_WITH_CLIENT=OFF -DOARC_BUILD_TESTS=OFF >/dev/null
cmake --build "$out" --target oarc -j2 >/dev/null
lib="$out/lib/liboarc.a"
echo "Cortex-M4 Thumb -Os, $(arm-none-eabi-gcc -dumpversion), lib/ core (seed codec):"
arm-none-eabi-size -t "$lib"
text=$(arm-none-eabi-size -t "$lib" | awk '/TOTALS/ {print $1}')
data=$(arm-none-eabi-size -t "$lib" | awk '/TOTALS/ {print $2}')
bss=$(arm-none-eabi-size -t "$lib" | awk '/TOTALS/ {print $3}')
echo "seed codec flash: text=$text data=$data bss=$bss (budget: text <= $budget)"
[ "$data" -eq 0 ] && [ "$bss" -eq 0 ] || { echo "FAIL: lib/ has data or bss (mutable state)"; exit 1; }
[ "$text" -le "$budget" ] || { echo "FAIL: over the $budget byte budget"; exit 1; }
