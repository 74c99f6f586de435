#!/bin/sh
# Installs the Debian packages oarc builds and tests with, when any is missing.
# Only Debian's archive is used. Run as root (CI and the dev machines are root);
# otherwise it tries sudo.
set -eu
pkgs="cmake make gcc clang libclang-rt-14-dev libjsmn-dev libcmocka-dev libmbedtls-dev
      gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi
      python3 openssl valgrind iproute2 ca-certificates"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing Debian packages:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# --no-install-recommends keeps the ARM toolchain from pulling in docs and gdb.
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
