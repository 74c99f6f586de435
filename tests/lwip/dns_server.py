"""dnsmasq (Debian dnsmasq-base) as the only DNS server of a test namespace.

It answers one name with one address and has no upstream (--no-resolv, no
servers), so a query for anything else is answered locally or not at all and
never leaves the namespace. Every query is logged to a file the test reads, to
show that a name really went through a resolver on the far side of the link.
"""
import os
import re
import shutil
import subprocess
import time

DNSMASQ = "/usr/sbin/dnsmasq"
QUERY_LINE = re.compile(r"query\[(?P<type>[A-Z0-9]+)\] (?P<name>\S+) from (?P<peer>\S+)")


def dnsmasq_path():
    return DNSMASQ if os.path.exists(DNSMASQ) else shutil.which("dnsmasq")


class Dnsmasq:
    def __init__(self, netns, listen, name, address, workdir, dhcp=None):
        """dhcp: None, or (first, last, netmask, [(mac, address), ...]): also be the
        link's DHCP server for that range, with fixed addresses for those MACs
        (the emulated board's), naming this server as DNS server and no router."""
        self.dhcp = dhcp
        self.netns = netns
        self.listen = listen
        self.name = name
        self.address = address
        self.log_file = os.path.join(workdir, "dnsmasq.log")
        self.proc = None

    def dhcp_options(self):
        if self.dhcp is None:
            return []
        first, last, netmask, hosts = self.dhcp
        opts = ["--dhcp-range=%s,%s,%s,10m" % (first, last, netmask),
                "--dhcp-leasefile=" + os.path.join(os.path.dirname(self.log_file), "leases"),
                "--dhcp-option=option:router", "--no-ping", "--log-dhcp"]
        return opts + ["--dhcp-host=%s,%s" % host for host in hosts]

    def command(self):
        return self.netns.exec_prefix() + [
            dnsmasq_path(), "--keep-in-foreground", "--conf-file=/dev/null",
            "--no-resolv", "--no-hosts", "--no-poll", "--pid-file=",
            "--bind-interfaces", "--listen-address=" + self.listen,
            "--address=/%s/%s" % (self.name, self.address),
            "--log-queries", "--log-facility=" + self.log_file,
            # Root keeps the log file writable; the process lives in a throwaway namespace.
            "--user=root"] + self.dhcp_options()

    def start(self, timeout=10.0):
        self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise OSError("dnsmasq exited with %d: %s" % (self.proc.returncode, self.proc.stderr.read().strip()))
            if "started, version" in self.log():
                return self
            time.sleep(0.05)
        raise OSError("dnsmasq did not start within %.0f s" % timeout)

    def log(self):
        try:
            with open(self.log_file) as f:
                return f.read()
        except OSError:
            return ""

    def queries(self):
        """[(type, name, peer)] for every query dnsmasq logged, oldest first."""
        return [(m["type"], m["name"], m["peer"]) for m in QUERY_LINE.finditer(self.log())]

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stderr.close()
        self.proc = None
