#!/bin/sh
# Line and branch coverage of lib/src/*.c and firmware/provisioner/*.c by the
# unit tests (ctest -L unit). A report that prints numbers, not a gate: it
# exits 0 whatever the percentages, and non-zero only when it cannot produce
# them (build failure, no gcovr).
# Usage: scripts/coverage.sh [BUILD_DIR]   (default: ./build-cov)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build-cov}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac # ctest runs from inside it
command -v gcovr >/dev/null 2>&1 || sh "$root/scripts/deps.sh"

# gcc, since gcovr reads gcc's .gcda files through gcov. -O0 keeps each branch
# of the source a branch in the object, so the counts map onto the code read.
# The lwIP board is left out: it has no unit tests and needs `apt-get source`.
CC=gcc cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="--coverage -O0" \
    -DOARC_HOST_LWIP=OFF >/dev/null
cmake --build "$out" -j2 >/dev/null
# Counts accumulate across runs: start from zero so the numbers are this run's.
find "$out" -name '*.gcda' -delete
# lib.no_heap_no_globals is left out: the instrumentation adds gcov's counters,
# mutable globals, to every object (scripts/test.sh runs it on a plain build).
if ! (cd "$out" && ctest -L unit -E '^lib\.no_heap_no_globals$' -j2 --output-on-failure >"$out/coverage-ctest.log" 2>&1); then
    echo "warning: some unit tests failed (see $out/coverage-ctest.log); numbers below are still this run's" >&2
fi
grep -E "tests passed|tests failed" "$out/coverage-ctest.log" || true

# Only the two folders the report is about; the tests, ports and tools are not.
filters="--filter $root/lib/src/.*\.c$ --filter $root/firmware/provisioner/.*\.c$"
# --exclude-unreachable-branches: gcc's branches on lines with no code (such
# as a closing brace) are not decisions a test can take.
echo "== line coverage (ctest -L unit)"
# shellcheck disable=SC2086
gcovr --root "$root" $filters --exclude-unreachable-branches "$out"
echo "== branch coverage (ctest -L unit)"
# shellcheck disable=SC2086
gcovr --root "$root" $filters --exclude-unreachable-branches --branches "$out"
