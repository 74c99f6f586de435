"""Boots bench_tls.elf of each variant build under -icount in the rig and
prints one row per variant (see tune_ecp.sh).
Usage: tune_ecp.py NAME=BUILD_DIR...
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import image_size  # noqa: E402
import qemu_board  # noqa: E402
from firmware_rig import ADMIN_KEY  # noqa: E402
from rig import LWIP_ADDR, TAP, LwipRig  # noqa: E402

BENCH = re.compile(r"bench: (connect \+ full TLS 1\.3 handshake \+ update|kept-alive update|"
                   r"connect \+ resumed handshake \+ update): (\d+) instructions")
MEMORY = re.compile(r"mbedTLS pool peak (\d+) of \d+ bytes; stack high-water (\d+) of")


def measure(build_dir):
    elf = os.path.join(build_dir, "boards", "mps2-an386", "bench_tls.elf")
    fw_map = os.path.join(build_dir, "firmware", "provisioner", "oarc_provisioner_firmware.map")
    _, flash, ram, _ = image_size.report(fw_map)
    with LwipRig(ADMIN_KEY, dhcp=[(qemu_board.BOARD_MAC, LWIP_ADDR)]) as rig, \
            tempfile.TemporaryDirectory() as tmp:
        key = os.path.join(tmp, "key")
        with open(key, "w") as f:
            f.write(ADMIN_KEY)
        rig.sim.inject(kind="close_after", method="POST", skip=1)
        r = qemu_board.run(qemu_board.command(
            elf, "base_url=%s key_file=%s ca_file=%s" % (rig.base_url, key, rig.sim.ca_file),
            tap=TAP, icount=True), prefix=rig.netns.exec_prefix())
    counts = [int(m.group(2)) for m in BENCH.finditer(r.stdout)]
    mem = MEMORY.search(r.stdout)
    if r.returncode != 0 or len(counts) != 3 or mem is None:
        raise SystemExit("bench failed in %s:\n%s" % (build_dir, r.stdout))
    full, kept, resumed = counts
    return (full - kept, resumed - kept, kept, flash, ram, int(mem.group(1)), int(mem.group(2)))


def main(args):
    print("%-14s %14s %14s %10s %9s %9s %9s %7s" % (
        "variant", "full hs insns", "resumed insns", "update", "flash", "RAM", "pool peak", "stack"))
    for arg in args:
        name, build_dir = arg.split("=", 1)
        print("%-14s %14d %14d %10d %9d %9d %9d %7d" % ((name,) + measure(build_dir)))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
