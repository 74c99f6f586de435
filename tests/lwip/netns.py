"""A network namespace of our own, made and removed with iproute2 (`ip netns`),
with a TAP device in it, and a way for this process to enter it for a moment.

Nothing here adds a route out of the namespace or a link to the host's network:
the namespace has lo and the TAP device only, so traffic cannot leave it.
"""
import contextlib
import ctypes
import json
import os
import signal
import subprocess

NETNS_DIR = "/run/netns"
CLONE_NEWNET = 0x40000000  # <sched.h>


def ip(*args, check=True):
    """Run one iproute2 command; on failure the exception carries its stderr."""
    r = subprocess.run(["ip"] + list(args), capture_output=True, text=True, timeout=30)
    if check and r.returncode != 0:
        raise OSError("ip %s: %s" % (" ".join(args), r.stderr.strip()))
    return r


def _setns(fd):
    # os.setns is Python 3.12+; Debian 12 has 3.11, so call libc's setns(2).
    if hasattr(os, "setns"):
        os.setns(fd, CLONE_NEWNET)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, "setns: %s" % os.strerror(err))


class NetNamespace:
    """`ip netns add NAME` on create(), `ip netns del NAME` on delete()."""

    def __init__(self, name):
        self.name = name
        self.made = False

    @property
    def path(self):
        return os.path.join(NETNS_DIR, self.name)

    def create(self):
        ip("netns", "add", self.name)
        self.made = True
        ip("-n", self.name, "link", "set", "lo", "up")
        return self

    def add_tap(self, dev, cidr):
        """A TAP device whose kernel side has cidr; the user-space side is whoever
        opens /dev/net/tun with this name inside the namespace (lwIP)."""
        ip("-n", self.name, "tuntap", "add", "dev", dev, "mode", "tap")
        ip("-n", self.name, "addr", "add", cidr, "dev", dev)
        ip("-n", self.name, "link", "set", dev, "up")

    def add_address(self, dev, cidr):
        """One more kernel address on dev (a second server on the link's far end)."""
        ip("-n", self.name, "addr", "add", cidr, "dev", dev)

    def routes(self):
        return ip("-n", self.name, "route", "show", "table", "all").stdout

    def addresses(self):
        """Every address the kernel owns in the namespace, without prefix lengths."""
        out = ip("-n", self.name, "-o", "addr", "show").stdout
        return [line.split()[3].split("/")[0] for line in out.splitlines()]

    def received_frames(self, dev):
        """How many frames the kernel has received on dev (its rx counter)."""
        out = ip("-n", self.name, "-j", "-s", "link", "show", "dev", dev).stdout
        return json.loads(out)[0]["stats64"]["rx"]["packets"]

    def exec_prefix(self):
        """Put before a command to run it inside the namespace."""
        return ["ip", "netns", "exec", self.name]

    @contextlib.contextmanager
    def entered(self):
        """This thread inside the namespace for the block: sockets it opens there
        stay there afterwards (the simulator's listeners)."""
        own = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
        try:
            target = os.open(self.path, os.O_RDONLY)
            try:
                _setns(target)
            finally:
                os.close(target)
            try:
                yield
            finally:
                _setns(own)
        finally:
            os.close(own)

    def delete(self):
        if self.made:
            self.made = False
            ip("netns", "del", self.name)


def remove_stale(prefix):
    """Delete namespaces named PREFIX<pid>[-n] whose test process is gone (a run killed
    by a timeout), after killing what that run left inside them (its dnsmasq)."""
    try:
        names = os.listdir(NETNS_DIR)
    except OSError:
        return
    for name in names:
        owner = name[len(prefix):].split("-")[0]
        if not (name.startswith(prefix) and owner.isdigit()) or os.path.exists("/proc/" + owner):
            continue
        for pid in ip("netns", "pids", name, check=False).stdout.split():
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (OSError, ValueError):
                pass
        ip("netns", "del", name, check=False)
