"""The provisioner firmware on the emulated Cortex-M4 (label qemu): QEMU's
mps2-an386 with its LAN9118 on tap0 of tests/lwip's namespace rig, dnsmasq as
the link's DHCP and DNS server (no upstream), the simulator on the far end.
The firmware gets its address by DHCP, resolves api.oarc.test, converges its
compiled-in plan over verified TLS, and exits with the provisioner's code
through semihosting. Settings (base URL, key file, CA file) reach it through
semihosting too (QEMU's -append), as a real board reads them from flash.

Each test prints the UART log and the simulator's record of the peer. Needs
root and /dev/net/tun (skipped with the reason elsewhere, unless
OARC_LWIP_REQUIRE=1); OARC_PROVISIONER names the host build's program, whose
outcomes for the same plan the firmware's must equal.
"""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from firmware_rig import ADMIN_KEY, FirmwareRig, outcomes  # noqa: E402,F401
from rig import API_NAME, LWIP_ADDR  # noqa: E402


class Firmware(FirmwareRig):
    # ---- acceptance --------------------------------------------------------

    def test_first_boot_converges_like_the_host(self):
        r, items, summary = self.boot()
        self.assertEqual(r.returncode, 0)
        self.assertIn("leased %s by DHCP" % LWIP_ADDR, r.stdout)
        self.assertIn(("A", API_NAME, LWIP_ADDR), self.rig.dns.queries())
        host = self.host_outcomes()
        print("host oarc-provisioner --builtin: %s" % host)
        self.assertEqual(outcomes(items), host)
        self.assertEqual(summary["failed"], 0)
        self.assertGreater(self.rig.sim.stats()["writes"], 0)
        self.requests_from_board()

    def test_second_boot_makes_no_write(self):
        r, _, _ = self.boot()
        self.assertEqual(r.returncode, 0)
        writes = self.rig.sim.stats()["writes"]
        r, items, summary = self.boot()
        self.assertEqual(r.returncode, 0)
        self.assertEqual(self.rig.sim.stats()["writes"], writes, "the second boot wrote")
        self.assertEqual({x["outcome"] for x in items}, {"unchanged"})
        self.assertEqual(summary["unchanged"], len(items))

    def test_reset_mid_answer_is_retried(self):
        # The first GET's answer: its head and 8 bytes of body, then a TCP RST.
        self.rig.sim.inject(kind="close_mid_body", bytes=8, reset=True, method="GET")
        r, items, summary = self.boot()
        self.assertEqual(r.returncode, 0)
        self.assertEqual(summary["failed"], 0)
        records = self.requests_from_board()
        faulted = [q for q in records if q["fault"] == "close_mid_body"]
        self.assertEqual(len(faulted), 1)
        retry = records[records.index(faulted[0]) + 1]
        self.assertEqual((retry["method"], retry["target"]), (faulted[0]["method"], faulted[0]["target"]))
        self.assertNotEqual(retry["conn_id"], faulted[0]["conn_id"], "the retry needs a new connection")
        self.assertEqual(outcomes(items), self.host_outcomes())

    def test_tls13_and_the_second_connection_resumes(self):
        # A reset forces a second connection within the boot: it must resume
        # the first one's session (TLS 1.3 PSK from the ticket), not start over.
        self.rig.sim.inject(kind="reset", method="GET")
        r, _, _ = self.boot()
        self.assertEqual(r.returncode, 0)
        records = self.requests_from_board()
        self.assertEqual({q["tls_version"] for q in records}, {"TLSv1.3"})
        conns = []
        for q in records:
            if q["conn_id"] not in [c for c, _ in conns]:
                conns.append((q["conn_id"], q["tls_resumed"]))
        self.assertGreaterEqual(len(conns), 2, conns)
        self.assertEqual(conns[0][1], False, "the first connection is a full handshake")
        self.assertTrue(all(resumed for _, resumed in conns[1:]), conns)
        stats = self.rig.sim.stats()
        self.assertEqual(stats["tls_handshakes"], 1)
        self.assertGreaterEqual(stats["tls_resumed"], 1)

    def test_wrong_ca_exits_3_without_a_request(self):
        wrong = os.path.join(self.tmp, "wrong-ca.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:P-256", "-nodes", "-keyout", os.path.join(self.tmp, "k.pem"),
                        "-out", wrong, "-subj", "/CN=not the simulator's CA", "-days", "1"],
                       check=True, capture_output=True, timeout=30)
        r, items, summary = self.boot(ca_file=wrong)
        self.assertEqual(r.returncode, 3)
        self.assertIn("TLS_CERT", r.stdout)
        self.assertEqual(self.rig.sim.requests(), [])
        self.assertEqual(self.rig.sim.stats()["writes"], 0)

    def test_unreadable_ca_exits_2_without_a_connection(self):
        garbage = os.path.join(self.tmp, "garbage-ca.pem")
        with open(garbage, "w") as f:
            f.write("this is not a certificate\n")
        r, items, summary = self.boot(ca_file=garbage)
        self.assertEqual(r.returncode, 2)
        self.assertIn("CA_NO_CERT", r.stdout)
        self.assertEqual(self.rig.sim.stats()["connections"], 0)
        self.assertEqual(items, [])

    def test_missing_key_exits_2_without_a_connection(self):
        r, items, summary = self.boot(key_file=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no admin key", r.stdout)
        self.assertEqual(self.rig.sim.stats()["connections"], 0)
        self.assertEqual(self.rig.dns.queries(), [], "a run without a key must not even resolve")
        self.assertEqual(items, [])


if __name__ == "__main__":
    unittest.main()
