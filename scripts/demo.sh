#!/bin/sh
# The main job, from a fresh Debian machine: install what is missing, build,
# start the bundled Admin API simulator (TLS on loopback, its own throwaway CA),
# update one organization role and one project role through the oarc CLI,
# show what the simulator received and what came back, then converge the
# organization onto a sample plan with the provisioner, twice (the second run
# must write nothing), stop the simulator.
# Usage: scripts/demo.sh [BUILD_DIR]   (default: ./build-demo)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build-demo}
sh "$root/scripts/deps.sh"
cmake -S "$root" -B "$out" -DOARC_BUILD_TESTS=OFF -DOARC_HOST_LWIP=OFF >/dev/null
cmake --build "$out" --target oarc_cli oarc_provisioner -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
cli="$out/tools/oarc/oarc"
prov="$out/firmware/provisioner/oarc-provisioner"
plan="$root/firmware/provisioner/plans/sample.json"

tmp=$(mktemp -d)
key="sk-admin-demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
python3 "$root/tests/sim/oarc_sim.py" --admin-key "$key" --state-dir "$tmp" \
        --info-file "$tmp/info.json" --max-lifetime 600 >/dev/null &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
i=0
while [ ! -s "$tmp/info.json" ]; do
    i=$((i + 1))
    [ $i -le 100 ] || { echo "the simulator did not start" >&2; exit 1; }
    kill -0 $sim 2>/dev/null || { echo "the simulator exited" >&2; exit 1; }
    sleep 0.1
done
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$tmp/info.json" "$1"; }
base_url=$(field base_url)
ca=$(field ca_file)
control=$(field control_url)
echo "simulator: $base_url (CA $ca)"

# What arrived at the simulator since the last look: method, path, body.
seen=0
show_received() {
    seen=$(python3 - "$control" "$seen" <<'PY'
import json, sys, urllib.request
control, since = sys.argv[1], int(sys.argv[2])
reqs = json.load(urllib.request.urlopen(control + "/requests"))
last = since
for r in reqs:
    if r["seq"] > since:
        sys.stderr.write("  sent     > %s %s\n  sent     > %s\n" % (r["method"], r["path"], r["body"]))
        last = max(last, r["seq"])
print(last)
PY
)
}

run() {
    echo
    echo "\$ oarc $*"
    set +e
    OPENAI_ADMIN_KEY=$key "$cli" --base-url "$base_url" --ca-file "$ca" "$@" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    set -e
    show_received
    sed 's/^/  received < /' "$tmp/out"
    sed 's/^/  stderr   ! /' "$tmp/err"
    echo "  exit code $rc"
    return $rc
}

# The simulator's count of writes (2xx POST and DELETE answers) so far.
writes() {
    python3 -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "/stats"))["writes"])' "$control"
}

# One provisioner run over the sample plan: its lines, exit code and writes.
provision() {
    echo
    echo "\$ oarc-provisioner firmware/provisioner/plans/sample.json    # $1 run"
    before=$(writes)
    set +e
    OPENAI_ADMIN_KEY=$key "$prov" --base-url "$base_url" --ca-file "$ca" "$plan" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    set -e
    sed 's/^/  /' "$tmp/out"
    sed 's/^/  stderr ! /' "$tmp/err"
    after=$(writes)
    run_writes=$((after - before))
    echo "  exit code $rc; simulator writes counter $before -> $after: $run_writes writes this run"
    return $rc
}

run org-role update role_01J1F8ROLE01 --name "API Group Manager" --null-description \
    --permission api.groups.read --permission api.groups.write
run project-role update proj_abc123 role_01J1F8PROJ02 --description "Deploys models" \
    --no-permissions
echo
echo "both updates applied over verified TLS"

provision first
provision second
[ "$run_writes" -eq 0 ] || { echo "the second run wrote $run_writes times: not converged" >&2; exit 1; }
echo
echo "the plan converged: the second run read every item and wrote nothing; stopping the simulator"
