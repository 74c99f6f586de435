#!/bin/sh
# Installs the Debian packages oarc builds and tests with, when any is missing,
# and makes sure apt can fetch Debian source packages (the host-lwip board
# builds lwIP from `apt-get source lwip`, see cmake/OarcLwip.cmake).
# Only Debian's archive is used. Run as root (CI and the dev machines are root);
# otherwise it tries sudo.
set -eu
# dpkg-dev: `apt-get source` unpacks with dpkg-source.
# dnsmasq-base: the DNS server the lwIP TAP rig runs in its namespace.
pkgs="cmake make gcc clang libclang-rt-14-dev libjsmn-dev libcmocka-dev libmbedtls-dev
      gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi
      python3 openssl valgrind iproute2 ca-certificates dpkg-dev dnsmasq-base"
pkgs="$pkgs gcovr" # scripts/coverage.sh: line and branch coverage of the unit tests
# The Cortex-M4 board (boards/mps2-an386): QEMU's mps2-an386 and a small C library.
pkgs="$pkgs qemu-system-arm picolibc-arm-none-eabi"
# The size report's RV32IMAC build (tests/size, ctest -L size).
pkgs="$pkgs gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf"
# Differential fuzzing of the parsers against independent ones (tests/fuzz).
pkgs="$pkgs libhttp-parser-dev libcjson-dev"
# The API reference (Doxyfile; ctest docs.doxygen: warnings are errors) and the
# consumer test's pkg-config build (tests/consumer).
pkgs="$pkgs doxygen pkg-config"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

# Source entries are derived from the machine's own binary entries (same
# mirrors, suites, components and keys), so no archive is named here. Both
# apt formats are handled: deb822 *.sources files and one-line *.list files.
src_file=/etc/apt/sources.list.d/oarc-deb-src.sources
need_update=""
have_deb_src() {
    grep -rqsE '^[[:space:]]*(Types:.*deb-src|deb-src[[:space:]])' \
        /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}
derive_deb_src() {
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        # Keep each stanza whose Types include "deb", as a deb-src stanza.
        awk 'BEGIN { RS = ""; ORS = "\n\n" }
             /(^|\n)Types:[^\n]*(^|[ \t])deb([ \t]|\n|$)/ {
                 sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$f"
    done
}
if ! have_deb_src; then
    tmp=$(mktemp)
    derive_deb_src >"$tmp"
    if [ -s "$tmp" ]; then
        # One-line entries cannot live in a .sources file.
        if grep -q '^deb-src ' "$tmp"; then src_file=/etc/apt/sources.list.d/oarc-deb-src.list; fi
        echo "adding deb-src entries derived from the apt sources: $src_file"
        $sudo cp "$tmp" "$src_file"
        $sudo chmod 644 "$src_file"
        need_update=1
    else
        echo "warning: no 'deb' apt entries found to derive deb-src entries from;" \
             "apt-get source lwip (host-lwip board) will fail" >&2
    fi
    rm -f "$tmp"
fi

# mbedTLS 3.6 LTS is built from Debian 13's source package
# (cmake/OarcMbedtlsSource.cmake): a deb-src entry for that suite, copied from
# the machine's own Debian entry (same mirror and keys), where the machine is
# of another suite. Fetches name their suite (lwip/<machine's suite>,
# mbedtls/trixie), so this entry changes nothing else apt picks.
mbedtls_suite=trixie
mbedtls_src_file=/etc/apt/sources.list.d/oarc-deb-src-$mbedtls_suite
machine_suite=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
derive_suite_src() {
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        # The stanza of type deb whose Suites name the machine's suite itself.
        awk -v from="$1" -v to="$2" 'BEGIN { RS = ""; ORS = "\n\n" }
             /(^|\n)Types:[^\n]*(^|[ \t])deb([ \t]|\n|$)/ &&
             match($0, "(^|\n)Suites:([^\n]*[ \t])?" from "([ \t]|\n|$)") {
                 sub(/Types:[^\n]*/, "Types: deb-src"); sub(/Suites:[^\n]*/, "Suites: " to)
                 print; exit }' "$f"
    done | head -c 4096
}
derive_suite_list() {
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        sed -n "s/^[[:space:]]*deb[[:space:]]\{1,\}\([^[:space:]]*\)[[:space:]]\{1,\}$1[[:space:]]/deb-src \1 $2 /p" "$f"
    done | head -n 1
}
if [ -n "$machine_suite" ] && [ "$machine_suite" != "$mbedtls_suite" ] &&
   [ ! -f "$mbedtls_src_file.sources" ] && [ ! -f "$mbedtls_src_file.list" ]; then
    tmp=$(mktemp)
    derive_suite_src "$machine_suite" "$mbedtls_suite" >"$tmp"
    ext=sources
    if [ ! -s "$tmp" ]; then
        derive_suite_list "$machine_suite" "$mbedtls_suite" >"$tmp"
        ext=list
    fi
    if [ -s "$tmp" ]; then
        echo "adding a deb-src entry for $mbedtls_suite (mbedTLS 3.6), derived from the apt sources"
        $sudo cp "$tmp" "$mbedtls_src_file.$ext"
        $sudo chmod 644 "$mbedtls_src_file.$ext"
        need_update=1
    else
        echo "warning: no 'deb' entry for $machine_suite to derive a $mbedtls_suite deb-src entry from;" \
             "apt-get source mbedtls/$mbedtls_suite (the mbedTLS 3.6 backend) will fail" >&2
    fi
    rm -f "$tmp"
fi

missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ] || [ -n "$need_update" ]; then
    $sudo apt-get update -qq
fi
[ -z "$missing" ] && exit 0
echo "installing Debian packages:$missing"
# --no-install-recommends keeps the ARM toolchain from pulling in docs and gdb.
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
