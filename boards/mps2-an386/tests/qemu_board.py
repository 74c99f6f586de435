"""Running an mps2-an386 image under QEMU (Debian's qemu-system-arm) for the
`qemu` ctests: UART0 on stdout, semihosting on (exit status, command line,
host files), and, when a network is wanted, the LAN9118 attached to the TAP
device of a namespace the test made (tests/lwip's rig) and nothing else.
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "lwip"))

QEMU = "qemu-system-arm"
MACHINE = "mps2-an386"
IMAGES = os.environ.get("OARC_MPS2_DIR", "")
REQUIRE = os.environ.get("OARC_LWIP_REQUIRE") == "1"
BOOT_TIMEOUT_S = 60  # the acceptance bound on one boot, in host time


def qemu_reason():
    """Why QEMU cannot run here, or None."""
    if shutil.which(QEMU) is None:
        return "no %s (Debian package qemu-system-arm; scripts/deps.sh installs it)" % QEMU
    return None


def image(name):
    for sub in ("boards/mps2-an386", "firmware/provisioner"):
        path = os.path.join(IMAGES, sub, name)
        if os.path.exists(path):
            return path
    raise AssertionError("OARC_MPS2_DIR=%r has no %s (the qemu.build fixture builds it)"
                         % (IMAGES, name))


def command(elf, append="", tap=None, mac=None, icount=False):
    """The QEMU command line. Without tap the board has no network at all
    (-nic none); with it, the LAN9118 sits on that TAP device only."""
    cmd = [QEMU, "-M", MACHINE, "-display", "none", "-monitor", "none", "-serial", "stdio",
           "-semihosting-config", "enable=on,target=native", "-kernel", elf]
    if append:
        cmd += ["-append", append]
    if tap:
        cmd += ["-nic", "tap,ifname=%s,script=no,downscript=no,mac=%s" % (tap, mac or BOARD_MAC)]
    else:
        cmd += ["-nic", "none"]
    if icount:
        cmd += ["-icount", "shift=0"]
    return cmd


def run(cmd, prefix=(), timeout=BOOT_TIMEOUT_S):
    """Boot once; a CompletedProcess (stdout: the UART log)."""
    return subprocess.run(list(prefix) + cmd, capture_output=True, text=True, timeout=timeout,
                          errors="replace")


BOARD_MAC = "52:54:00:12:34:56"


def rig_reason():
    """Why the networked tests cannot run here (QEMU, or tests/lwip's rig), or None."""
    from rig import machine_reason
    return qemu_reason() or machine_reason()
