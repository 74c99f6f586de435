"""What TLS costs the Cortex-M4, in instructions (label qemu; a benchmark: it
prints numbers and checks only that they make sense). bench_tls.elf runs
under QEMU's `-icount shift=0`, where the board's clock counts executed
instructions (idle waits left out), against the simulator in the rig: a
first update (connect + full TLS 1.3 handshake), a kept-alive one, and one
after the simulator closed the connection (connect + resumed handshake).
"""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_board  # noqa: E402
from firmware_rig import FirmwareRig  # noqa: E402

LINE = re.compile(r"bench: (connect \+ full TLS 1\.3 handshake \+ update|kept-alive update|"
                  r"connect \+ resumed handshake \+ update): (\d+) instructions")


class Bench(FirmwareRig):
    def test_bench_tls_instructions(self):
        # The second update's answer is the connection's last: the third reconnects.
        self.rig.sim.inject(kind="close_after", method="POST", skip=1)
        r, _, _ = self.boot(image="bench_tls.elf", icount=True,
                            extra="role=role_01J1F8ROLE01")
        self.assertEqual(r.returncode, 0)
        counts = {m.group(1): int(m.group(2)) for m in LINE.finditer(r.stdout)}
        self.assertEqual(len(counts), 3, counts)
        full = counts["connect + full TLS 1.3 handshake + update"]
        kept = counts["kept-alive update"]
        resumed = counts["connect + resumed handshake + update"]
        conns = {}
        for q in self.rig.sim.requests():
            conns.setdefault(q["conn_id"], (q["tls_version"], q["tls_resumed"]))
        print("connections: %s" % conns)
        self.assertEqual(list(conns.values()), [("TLSv1.3", False), ("TLSv1.3", True)])
        self.assertLess(kept, resumed)
        self.assertLess(resumed, full)


if __name__ == "__main__":
    unittest.main()
