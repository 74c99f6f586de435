#!/bin/sh
# The mbedTLS ECP tuning of boards/mps2-an386/README.md, measured: builds the
# board's images once per variant of mbedtls_board_config.h's ECP choices
# (each a -D on the compiler's command line, which the config honours), then
# tune_ecp.py boots bench_tls.elf of each under -icount in the rig and prints
# instructions, flash, RAM, pool peak and stack high-water per variant.
# Needs root and /dev/net/tun (the rig); takes a few minutes per variant.
# Usage: tune_ecp.sh SOURCE_DIR OUT_DIR [-DOPTION=VALUE...]  (as build_images.sh)
set -eu
src=$1
out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
variants="baseline:
no_nist_optim:-DOARC_MPS2_NO_NIST_OPTIM
window_4:-DMBEDTLS_ECP_WINDOW_SIZE=4
window_6:-DMBEDTLS_ECP_WINDOW_SIZE=6
fixed_point:-DMBEDTLS_ECP_FIXED_POINT_OPTIM=1"
dirs=""
for v in $variants; do
    name=${v%%:*}
    flags=${v#*:}
    echo "== $name ($flags)"
    CFLAGS="$flags" sh "$here/build_images.sh" "$src" "$out/$name" "$@" >"$out/$name.build.log" 2>&1 ||
        { tail -20 "$out/$name.build.log"; exit 1; }
    dirs="$dirs $name=$out/$name"
done
python3 "$here/tune_ecp.py" $dirs
