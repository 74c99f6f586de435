#!/bin/sh
# Every libFuzzer target (tests/fuzz/fuzz_*.c) for SECONDS each, from its seed
# corpus (tests/fuzz/corpus/<name>/, copied: new inputs stay in the build
# tree), with AddressSanitizer and UBSan. Prints per target the executions and
# the findings (crash, leak, timeout or out-of-memory inputs, kept under
# BUILD_DIR/fuzz-findings/<name>/); exits 1 when any target found something.
# ctest's `fuzz` label runs the same targets briefly (OARC_FUZZ_RUNS inputs).
# Usage: scripts/fuzz.sh [SECONDS] [BUILD_DIR]   (default: 60, ./build-fuzz)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
out=${2:-$root/build-fuzz}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
case $seconds in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [BUILD_DIR]" >&2; exit 2 ;; esac
command -v clang >/dev/null 2>&1 || sh "$root/scripts/deps.sh"

CC=clang cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=Debug -DOARC_FUZZ=ON \
    -DOARC_HOST_LWIP=OFF >/dev/null
targets=""
for src in "$root"/tests/fuzz/fuzz_*.c; do
    targets="$targets $(basename "$src" .c)"
done
# shellcheck disable=SC2086
cmake --build "$out" -j2 --target $targets >/dev/null

total=0
printf '%-22s %12s %9s\n' target executions findings
for exe in $targets; do
    name=${exe#fuzz_}
    work=$out/fuzz-work/$name
    found=$out/fuzz-findings/$name
    rm -rf "$work" && mkdir -p "$work" "$found"
    cp "$root/tests/fuzz/corpus/$name/"* "$work/"
    log=$out/fuzz-work/$name.log
    # -timeout: one input running over 10 s is a hang, and a finding.
    set +e
    "$out/tests/fuzz/$exe" -max_total_time="$seconds" -seed=1 -max_len=4096 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$found/" "$work" >"$log" 2>&1
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
    n=$(find "$found" -type f | wc -l)
    total=$((total + n))
    printf '%-22s %12s %9s\n' "$name" "${runs:-?}" "$n"
    if [ "$n" -ne 0 ]; then
        grep -m 3 -E "ERROR|SUMMARY" "$log" | sed 's/^/    /' || true
    fi
done
echo "findings: $total"
[ "$total" -eq 0 ]
