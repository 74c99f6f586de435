"""The lwIP test rig: a network namespace of its own with a TAP link in it.

    kernel side of tap0: 10.77.0.1/24   simulator (TLS, cert for api.oarc.test)
                                        dnsmasq: api.oarc.test -> 10.77.0.1
    lwIP side of tap0:   10.77.0.2      the program under test, in user space,
                                        started inside the namespace

The namespace has lo and tap0 only and no default route, so nothing the tests
send can leave it. The simulator runs in this process: its sockets are opened
while this thread is inside the namespace (the API on 10.77.0.1, the control
port on the namespace's 127.0.0.1), so the tests use its Python API directly.

    with LwipRig(admin_key) as rig:
        rig.run([program, ...], env=rig.lwip_env(...))
        rig.sim.requests(), rig.dns.queries()

On a machine that cannot make a namespace or a TAP device, entering raises
RigUnavailable with the reason (the tests report that as skipped).
"""
import itertools
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402
from netns import NetNamespace, remove_stale  # noqa: E402
from dns_server import Dnsmasq, dnsmasq_path  # noqa: E402

NS_PREFIX = "oarc-lwip-"
TAP = "tap0"
FAR_ADDR = "10.77.0.1"   # the kernel's side of the link: simulator and DNS server
LWIP_ADDR = "10.77.0.2"  # lwIP's side
NETMASK = "255.255.255.0"
PREFIX_LEN = 24
API_NAME = "api.oarc.test"
DHCP_FIRST, DHCP_LAST = "10.77.0.50", "10.77.0.99"  # leases when the rig serves DHCP

_serial = itertools.count(1)


class RigUnavailable(Exception):
    """This machine cannot make the namespace or the TAP device (the reason is the message)."""


def machine_reason():
    """Why this machine cannot make the rig, as far as is known before trying; None if it may."""
    if os.geteuid() != 0:
        return ("not root (euid %d): making a network namespace and a TAP device needs "
                "CAP_SYS_ADMIN and CAP_NET_ADMIN" % os.geteuid())
    if not os.path.exists("/dev/net/tun"):
        return "no /dev/net/tun: this kernel or container gives no TUN/TAP devices"
    if shutil.which("ip") is None:
        return "no 'ip' command (Debian package iproute2)"
    return None


class LwipRig:
    def __init__(self, admin_key, sim_options=None, dhcp=None):
        """dhcp: None (programs get static addresses), or [(mac, address), ...]:
        dnsmasq also serves DHCP on the link, those MACs getting those addresses."""
        self.dhcp = dhcp
        self.admin_key = admin_key
        self.sim_options = dict(sim_options or {})
        self.netns = None
        self.dns = None
        self.sim = None
        self.workdir = None

    # -- life cycle ----------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        reason = machine_reason()
        if reason:
            raise RigUnavailable(reason)
        if dnsmasq_path() is None:
            raise OSError("no dnsmasq: install Debian's dnsmasq-base (scripts/deps.sh does)")
        remove_stale(NS_PREFIX)
        self.workdir = tempfile.mkdtemp(prefix="oarc-lwip-rig-")
        self._make_link()
        dhcp = None if self.dhcp is None else (DHCP_FIRST, DHCP_LAST, NETMASK, list(self.dhcp))
        self.dns = Dnsmasq(self.netns, FAR_ADDR, API_NAME, FAR_ADDR, self.workdir, dhcp=dhcp).start()
        self.sim = Simulator(admin_key=self.admin_key, host=FAR_ADDR, inside_netns=self.netns.name,
                             cert_hostname=API_NAME, **self.sim_options)
        with self.netns.entered():
            self.sim.start()

    def _make_link(self):
        self.netns = NetNamespace("%s%d-%d" % (NS_PREFIX, os.getpid(), next(_serial)))
        try:
            self.netns.create()
        except OSError as e:
            raise RigUnavailable("cannot make a network namespace: %s" % e) from None
        try:
            self.netns.add_tap(TAP, "%s/%d" % (FAR_ADDR, PREFIX_LEN))
        except OSError as e:
            raise RigUnavailable("cannot make a TAP device: %s" % e) from None
        self._check_no_way_out()

    def _check_no_way_out(self):
        """Only the link's own subnet and local routes: no default route, no other device."""
        for line in self.netns.routes().splitlines():
            words = line.split()
            if words and words[0] == "default":
                raise AssertionError("namespace %s has a default route: %s" % (self.netns.name, line))
            if "dev" in words and words[words.index("dev") + 1] not in (TAP, "lo"):
                raise AssertionError("namespace %s routes through another device: %s" % (self.netns.name, line))

    def stop(self):
        """Tear everything down, each step even when an earlier one failed."""
        steps = [(self.sim, "stop"), (self.dns, "stop"), (self.netns, "delete")]
        errors = []
        for obj, method in steps:
            if obj is not None:
                try:
                    getattr(obj, method)()
                except Exception as e:  # keep tearing down; report at the end
                    errors.append("%s.%s: %s" % (type(obj).__name__, method, e))
        self.sim = self.dns = self.netns = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
        if errors:
            raise OSError("rig teardown: " + "; ".join(errors))

    # -- for the tests -------------------------------------------------------

    @property
    def base_url(self):
        """By name, so the program must resolve it through the namespace's DNS server."""
        return "https://%s:%d/v1" % (API_NAME, self.sim.port)

    def lwip_env(self, base=None):
        """The board settings boards/host-lwip reads, plus base (default: os.environ)."""
        env = dict(os.environ if base is None else base)
        env.update(OARC_LWIP_TAP=TAP, OARC_LWIP_ADDR=LWIP_ADDR, OARC_LWIP_NETMASK=NETMASK,
                   OARC_LWIP_GW=FAR_ADDR, OARC_LWIP_DNS=FAR_ADDR)
        return env

    def frames_from_lwip(self):
        """Frames the kernel received on tap0, i.e. from the user-space side. Raises if
        the kernel itself owns lwIP's address (then a peer of that address need not be lwIP)."""
        if LWIP_ADDR in self.netns.addresses():
            raise AssertionError("%s is a kernel address in %s" % (LWIP_ADDR, self.netns.name))
        return self.netns.received_frames(TAP)

    def run(self, argv, env, timeout=90):
        """Run argv inside the namespace; a CompletedProcess with text output."""
        return subprocess.run(self.netns.exec_prefix() + list(argv), env=env,
                              capture_output=True, text=True, timeout=timeout)
