#!/bin/sh
# Compiles the provisioner's core for Cortex-M4 (arm-none-eabi-gcc -mthumb -Os,
# the project's warnings as errors) against lib/include, and prints each
# object's size: proof that the core has no OS header and builds for a device.
# Fails when a file does not compile or when the core has data or bss
# (mutable state belongs in the caller's prov_run, not in globals).
# OARC_TLS_MBEDTLS_SIZE (set by CMake for a real build) only sizes the TLS
# storage inside oarc_client, which the core never declares: any value does.
# Usage: cross_check.sh SOURCE_DIR OUT_DIR
set -eu
src=$1
out=$2/provisioner-cortex-m4
command -v arm-none-eabi-gcc >/dev/null || { echo "arm-none-eabi-gcc missing: apt-get install --no-install-recommends gcc-arm-none-eabi libnewlib-arm-none-eabi"; exit 1; }
rm -rf "$out"
mkdir -p "$out/include"
# Only jsmn.h, not the host's /usr/include (it would shadow newlib). oarc's
# public headers include no mbedTLS: the core compiles without its headers.
ln -s /usr/include/jsmn.h "$out/include/jsmn.h"
prov="$src/firmware/provisioner"
core="plan_error plan_check plan_json plan_builtin role_diff provision provision_report provision_roles provision_assignments exit_code"
for f in $core; do
    arm-none-eabi-gcc -std=c11 -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -Os \
        -ffunction-sections -fdata-sections \
        -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror -Wstrict-prototypes -Wmissing-prototypes \
        -DOARC_TLS_MBEDTLS_SIZE=2048 \
        -I"$src/lib/include" -I"$src/lib/src" -I"$prov" -I"$prov/cross" -isystem "$out/include" \
        -c "$prov/$f.c" -o "$out/$f.o"
done
echo "provisioner core, Cortex-M4 Thumb -Os, arm-none-eabi-gcc $(arm-none-eabi-gcc -dumpversion):"
arm-none-eabi-size -t "$out"/*.o
data=$(arm-none-eabi-size -t "$out"/*.o | awk '/TOTALS/ {print $2}')
bss=$(arm-none-eabi-size -t "$out"/*.o | awk '/TOTALS/ {print $3}')
[ "$data" -eq 0 ] && [ "$bss" -eq 0 ] || { echo "FAIL: the provisioner core has data or bss"; exit 1; }
if arm-none-eabi-nm -u "$out"/*.o | grep -Ew "malloc|calloc|realloc|free"; then
    echo "FAIL: the provisioner core calls the heap"; exit 1
fi
echo "OK: no heap, no mutable globals"
