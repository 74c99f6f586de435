#!/bin/sh
# Cross-compiles lib/ for Cortex-M4 (arm-none-eabi-gcc -mthumb -Os) and prints
#  - text/data/bss of every object of the core library, and
#  - the flash the two seed operations' codec really costs a device: a probe
#    (tests/size/seed_probe.c) linked with --gc-sections, less the same link
#    of an empty main (newlib's startup and the C library calls count as 0).
# Fails when the cross build fails or when lib/ has data or bss (mutable
# state). The 6 KB flash target is printed against, not enforced: it is a
# goal to track, not a correctness property.
# Usage: size_report.sh SOURCE_DIR BUILD_DIR
set -eu
src=$1
out=$2/arm-size
target=6144
command -v arm-none-eabi-gcc >/dev/null || { echo "arm-none-eabi-gcc missing: apt-get install --no-install-recommends gcc-arm-none-eabi libnewlib-arm-none-eabi"; exit 1; }
cmake -S "$src" -B "$out" -DCMAKE_TOOLCHAIN_FILE="$src/cmake/arm-none-eabi.cmake" \
      -DCMAKE_BUILD_TYPE=MinSizeRel -DOARC_WITH_CLIENT=OFF -DOARC_BUILD_TESTS=OFF >/dev/null
cmake --build "$out" --target oarc -j2 >/dev/null
lib="$out/lib/liboarc.a"
echo "Cortex-M4 Thumb -Os, arm-none-eabi-gcc $(arm-none-eabi-gcc -dumpversion), lib/ core:"
arm-none-eabi-size -t "$lib"
data=$(arm-none-eabi-size -t "$lib" | awk '/TOTALS/ {print $2}')
bss=$(arm-none-eabi-size -t "$lib" | awk '/TOTALS/ {print $3}')
[ "$data" -eq 0 ] && [ "$bss" -eq 0 ] || { echo "FAIL: lib/ has data or bss (mutable state)"; exit 1; }

flags="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -Os -ffunction-sections -fdata-sections --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections"
echo 'int main(void); int main(void) { return 0; }' > "$out/empty.c"
arm-none-eabi-gcc $flags "$out/empty.c" -o "$out/empty.elf"
arm-none-eabi-gcc -std=c11 $flags -I"$src/lib/include" -I"$src/lib/src" -I"$out/jsmn-include" \
    "$src/tests/size/seed_probe.c" "$lib" -o "$out/seed_probe.elf"
base=$(arm-none-eabi-size "$out/empty.elf" | awk 'NR==2 {print $1}')
probe=$(arm-none-eabi-size "$out/seed_probe.elf" | awk 'NR==2 {print $1}')
seed=$((probe - base))
echo "seed operations' codec, linked with --gc-sections: text=$seed bytes (target <= $target: $( [ $seed -le $target ] && echo met || echo "over by $((seed - target))"))"
