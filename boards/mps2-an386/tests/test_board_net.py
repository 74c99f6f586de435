"""The board's network under QEMU (label qemu): board_netcheck.elf gets an
address by DHCP from dnsmasq in tests/lwip's namespace rig (the LAN9118 on the
namespace's tap0, nothing else), then resolves api.oarc.test through lwIP's DNS
client against the server DHCP named. Needs root and /dev/net/tun.
"""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_board  # noqa: E402
from rig import API_NAME, FAR_ADDR, LWIP_ADDR, TAP, LwipRig, RigUnavailable  # noqa: E402


class BoardNet(unittest.TestCase):
    def setUp(self):
        reason = qemu_board.rig_reason()
        try:
            if reason:
                raise RigUnavailable(reason)
            self.rig = self.enterContext(LwipRig("sk-admin-unused",
                                                 dhcp=[(qemu_board.BOARD_MAC, LWIP_ADDR)]))
        except RigUnavailable as e:
            if qemu_board.REQUIRE:
                self.fail("OARC_LWIP_REQUIRE=1 but the rig cannot run here: %s" % e)
            self.skipTest("QEMU TAP rig unavailable: %s" % e)

    def test_board_dhcp_dns(self):
        start = time.monotonic()
        r = qemu_board.run(qemu_board.command(qemu_board.image("board_netcheck.elf"),
                                              "name=" + API_NAME, tap=TAP),
                           prefix=self.rig.netns.exec_prefix())
        took = time.monotonic() - start
        print(r.stdout)
        print("dnsmasq saw: %s" % self.rig.dns.queries())
        print("boot took %.2f s of host time, exit status %d" % (took, r.returncode))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("leased %s by DHCP, DNS server %s" % (LWIP_ADDR, FAR_ADDR), r.stdout)
        self.assertIn("dns: %s -> %s" % (API_NAME, FAR_ADDR), r.stdout)
        self.assertIn(("A", API_NAME, LWIP_ADDR), self.rig.dns.queries())
        self.assertLess(took, qemu_board.BOOT_TIMEOUT_S)


if __name__ == "__main__":
    unittest.main()
