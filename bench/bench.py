#!/usr/bin/env python3
"""The benchmark (bench/README.md): starts bench/server.py on loopback, runs
the driver under callgrind and plainly, runs Debian's curl for the same
updates, stops the server by its PID and prints one table.

    bench.py --driver PATH [--updates N] [--kept K] [--repeat R] [--tls-max 1.2|1.3]

Python standard library only; valgrind, curl and openssl are run as commands.
"""
import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import callgrind_split  # noqa: E402

# Long enough to look like a real admin key; the server does not check it.
ADMIN_KEY = "sk-admin-" + "b3nch" * 16
ROLE = "role_01J1F8ROLE01"
# The driver's body (bench/oarc_bench.c), sent by curl as well.
BODY = ('{"description":"Allows managing organization groups",'
        '"permissions":["api.groups.read","api.groups.write"]}')
TARGET = 20000  # issue 16: oarc's own instructions per kept-alive update
PHASES = ("bench_full_update", "bench_kept_updates", "bench_resumed_update")


def fail(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.exit(1)


class Server:
    """bench/server.py in the background; stopped by its PID."""

    def __init__(self, workdir, tls_max):
        self.dir = workdir
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py"), workdir,
                                      "--tls-max", tls_max], stdin=subprocess.DEVNULL)
        port_file = os.path.join(workdir, "port")
        deadline = time.monotonic() + 60
        while not os.path.exists(port_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                fail("bench/server.py did not start")
            time.sleep(0.05)
        with open(port_file) as f:
            self.port = int(f.read())
        self.url = "https://localhost:%d/v1" % self.port
        self.ca = os.path.join(workdir, "ca.pem")
        self.log = os.path.join(workdir, "requests.log")

    def log_lines(self):
        with open(self.log) as f:
            return f.read().splitlines()

    def stop(self):
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def run_measured(argv, workdir, env=None):
    """Runs argv under GNU time; returns (exit code, wall s, CPU s, max RSS KiB, stdout).
    GNU time rather than os.wait4: a child forked from Python inherits Python's
    peak RSS into its own ru_maxrss, GNU time's children inherit a few pages."""
    report = os.path.join(workdir, "time.out")
    # GNU time reports in 10 ms steps; wall and CPU are taken here instead
    # (CPU: this process's children, i.e. GNU time, a few pages, and argv).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%M"] + argv,
                          env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(report) as f:
        rss = int(f.read().split()[-1])
    return proc.returncode, wall, cpu, rss, proc.stdout.decode(errors="replace")


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def driver_env():
    env = dict(os.environ)
    env["OPENAI_ADMIN_KEY"] = ADMIN_KEY
    return env


def callgrind(args, server, workdir):
    """One run under callgrind per phase (callgrind honours one --dump-after
    only), counting that phase alone. Returns {phase: Profile}."""
    profiles = {}
    for phase in PHASES:
        out = os.path.join(workdir, "callgrind.out." + phase)
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no",
               "--toggle-collect=%s*" % phase, "--callgrind-out-file=" + out,
               args.driver, server.url, server.ca, str(args.kept + 1), "1"]
        before = len(server.log_lines())
        proc = subprocess.run(cmd, env=driver_env(), stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=900)
        if proc.returncode != 0:
            fail("the driver failed under callgrind:\n" + proc.stderr.decode(errors="replace")[-2000:])
        conns = [l for l in server.log_lines()[before:] if l.startswith("connection")]
        if conns != ["connection resumed=0", "connection resumed=1"]:
            fail("expected a full handshake, then a resumed one; the server saw %r" % conns)
        profiles[phase] = callgrind_split.Profile(out)
    return profiles


def curl_command(server, n):
    cmd = ["curl", "--silent", "--show-error", "--cacert", server.ca, "--request", "POST",
           "--header", "Authorization: Bearer " + ADMIN_KEY,
           "--header", "Content-Type: application/json", "--data", BODY,
           "--write-out", "%{http_code} %{num_connects}\\n"]
    url = "%s/organization/roles/%s" % (server.url, ROLE)
    for _ in range(n):
        cmd += ["--output", "/dev/null", url]
    return cmd


def timed(args, server, workdir):
    """Wall, CPU and max RSS of N updates: oarc, then curl. Medians of R runs."""
    rows = {}
    for name, argv, env in (
            ("oarc", [args.driver, server.url, server.ca, str(args.updates)], driver_env()),
            ("curl", curl_command(server, args.updates), None)):
        runs = []
        for _ in range(args.repeat):
            before = len(server.log_lines())
            code, wall, cpu, rss, out = run_measured(argv, workdir, env=env)
            if code != 0:
                fail("%s exited with %d" % (name, code))
            lines = server.log_lines()[before:]
            conns = sum(1 for l in lines if l.startswith("connection"))
            reqs = [l for l in lines if not l.startswith("connection")]
            if conns != 1 or len(reqs) != args.updates:
                fail("%s: %d connections, %d requests (want 1, %d)"
                     % (name, conns, len(reqs), args.updates))
            if name == "curl" and out.split().count("200") != args.updates:
                fail("curl: not every answer was 200: %r" % out[:200])
            runs.append((wall, cpu, rss))
            rows[name + " request"] = [int(x) for x in reqs[0].split()[:2]]
        rows[name] = tuple(median([r[i] for r in runs]) for i in range(3))
    return rows


def baseline():
    """The 'before' figure recorded in bench/README.md (one line)."""
    with open(os.path.join(HERE, "README.md")) as f:
        m = re.search(r"^before: (\d+) instructions .*commit (\w+)", f.read(), re.M)
    return (int(m.group(1)), m.group(2)) if m else (None, None)


def tool_version(argv, pattern, otherwise="?"):
    try:
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
    except OSError:
        return "?"
    m = re.search(pattern, out)
    return m.group(1) if m else otherwise


def mbedtls_version(driver):
    """The shared mbedTLS the driver loads, e.g. 2.28.3, or "linked in"."""
    lib = tool_version(["ldd", driver], r"=> (\S*libmbedtls\.so\S*)", "")
    m = re.search(r"\.so\.(\d+\.\d+\.\d+)$", os.path.realpath(lib)) if lib else None
    return m.group(1) if m else "linked in"


def fmt(n):
    return "{:,}".format(int(round(n)))


def print_table(args, prof, rows):
    kept = prof["bench_kept_updates"]
    per = {p: kept.split(REPO)[p] / args.kept for p in callgrind_split.PARTS}
    cols = callgrind_split.PARTS
    print("oarc benchmark: one client, TLS %s to bench/server.py on loopback; mbedTLS %s, "
          "valgrind %s, curl %s" % (args.tls_max, mbedtls_version(args.driver),
                                    tool_version(["valgrind", "--version"], r"([\d.]+)"),
                                    tool_version(["curl", "--version"], r"curl ([\d.]+)")))
    print()
    print("callgrind instructions (Ir)   " + "".join("%13s" % c for c in cols) + "%13s" % "total")

    def row(label, split):
        print("%-30s" % label + "".join("%13s" % fmt(split[c]) for c in cols)
              + "%13s" % fmt(sum(split.values())))

    row("kept-alive update (mean of %d)" % args.kept, per)
    for phase, label in (("bench_resumed_update", "update + resumed reconnect"),
                         ("bench_full_update", "update + full handshake")):
        split = prof[phase].split(REPO)
        row(label, split)
        row("  reconnect alone" if "resumed" in phase else "  handshake alone",
            {c: split[c] - per[c] for c in cols})
    before, commit = baseline()
    now = per["oarc lib/"]
    print()
    print("oarc's own (lib/) per kept-alive update: now %s; before %s (commit %s, bench/README.md); "
          "target <= %s: %s" % (fmt(now), fmt(before) if before else "?", commit or "?", fmt(TARGET),
                                "met" if now <= TARGET else "NOT MET"))
    full = prof["bench_full_update"]
    print()
    print("full handshake, inside mbedTLS (Ir, callees included):")
    parts = (("ECDSA verifications (certificate + key exchange)", "mbedtls_pk_verify_restartable"),
             ("  of which the X.509 chain check", "mbedtls_x509_crt_verify_restartable"),
             ("ECDHE key pair", "mbedtls_ecdh_make_public"),
             ("ECDHE shared secret", "mbedtls_ecdh_calc_secret"),
             ("whole handshake (mbedtls_ssl_handshake)", "mbedtls_ssl_handshake"))
    for label, fn in parts:
        print("  %-50s %13s" % (label, fmt(full.inclusive(fn))))
    print()
    print("%d updates on one connection (median of %d)   wall ms   CPU ms   max RSS KiB"
          % (args.updates, args.repeat))
    for name in ("oarc", "curl"):
        wall, cpu, rss = rows[name]
        print("  %-42s %8.1f %8.1f %13s" % (name, wall * 1000, cpu * 1000, fmt(rss)))
    o, c = rows["oarc"], rows["curl"]
    print("  %-42s %8.2f %8.2f %13.2f" % ("oarc / curl", o[0] / c[0], o[1] / c[1], o[2] / c[2]))
    print()
    print("request bytes per update (HTTP, before TLS)     head     body    total")
    for name in ("oarc", "curl"):
        head, body = rows[name + " request"]
        print("  %-42s %7d %8d %8d" % (name, head, body, head + body))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--updates", type=int, default=200, help="updates for the time/RSS runs")
    ap.add_argument("--kept", type=int, default=20, help="kept-alive updates under callgrind")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each timed command")
    ap.add_argument("--tls-max", choices=("1.2", "1.3"), default="1.2")
    args = ap.parse_args()
    for tool in ("valgrind", "curl", "openssl", "/usr/bin/time"):
        if shutil.which(tool) is None:
            fail("%s is not installed (bench/run.sh says which packages it needs)" % tool)
    with tempfile.TemporaryDirectory(prefix="oarc-bench-") as workdir:
        server = Server(workdir, args.tls_max)
        try:
            prof = callgrind(args, server, workdir)
            rows = timed(args, server, workdir)
        finally:
            server.stop()
    print_table(args, prof, rows)


if __name__ == "__main__":
    main()
