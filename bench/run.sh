#!/bin/sh
# The benchmark in one command (bench/README.md says how to read its table):
#   sh bench/run.sh [N]        N updates for the time/RSS runs (default 200)
# Builds the driver in ./build-bench (RelWithDebInfo: -O2 -g, so callgrind can
# name functions), then bench/bench.py starts bench/server.py on loopback,
# runs the driver under callgrind and plainly, runs curl for the same updates,
# stops the server by its PID and prints the table.
#
# Installs nothing itself, except through scripts/deps.sh (the project's
# Debian packages, valgrind among them, each named as it installs them) and
# then, when missing, the Debian packages curl and time (apt-get install,
# said before it happens).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-bench
sh "$root/scripts/deps.sh"
missing=""
for p in curl time; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "bench: installing Debian packages:$missing"
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
CC=${CC:-gcc} cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOARC_BUILD_TESTS=OFF -DOARC_HOST_LWIP=OFF >/dev/null
cmake --build "$out" -j2 --target oarc_bench >/dev/null
python3 "$root/bench/bench.py" --driver "$out/bench/oarc_bench" --updates "${1:-200}"
