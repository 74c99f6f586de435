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
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_board  # noqa: E402
from rig import API_NAME, LWIP_ADDR, TAP, LwipRig, RigUnavailable, Simulator  # noqa: E402

ADMIN_KEY = "sk-admin-qemu-board-5e1f0c2a"
FIRMWARE = "oarc-provisioner-mps2-an386.elf"
HOST_PROVISIONER = os.environ.get("OARC_PROVISIONER", "")


def outcomes(items):
    """What a run did, item by item, without the ids the server made up."""
    return [(x["kind"], x.get("name") or x.get("role"), x["outcome"], x["fields"]) for x in items]


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


class Firmware(unittest.TestCase):
    def setUp(self):
        try:
            reason = qemu_board.rig_reason()
            if reason:
                raise RigUnavailable(reason)
            self.rig = self.enterContext(LwipRig(ADMIN_KEY, dhcp=[(qemu_board.BOARD_MAC, LWIP_ADDR)]))
        except RigUnavailable as e:
            if qemu_board.REQUIRE:
                self.fail("OARC_LWIP_REQUIRE=1 but the rig cannot run here: %s" % e)
            self.skipTest("QEMU TAP rig unavailable: %s" % e)
        self.tmp = self.enterContext(tempfile.TemporaryDirectory())
        self.key_file = os.path.join(self.tmp, "admin-key")
        with open(self.key_file, "w") as f:
            f.write(ADMIN_KEY + "\n")

    # ---- helpers -----------------------------------------------------------

    def boot(self, key_file=True, ca_file=None):
        """Boot the firmware once: (CompletedProcess, items, summary). Prints the
        UART log and what the simulator recorded of its peer."""
        words = ["base_url=" + self.rig.base_url, "ca_file=" + (ca_file or self.rig.sim.ca_file)]
        if key_file:
            words.append("key_file=" + self.key_file)
        seen = len(self.rig.sim.requests())
        start = time.monotonic()
        r = qemu_board.run(qemu_board.command(qemu_board.image(FIRMWARE), " ".join(words), tap=TAP),
                           prefix=self.rig.netns.exec_prefix())
        took = time.monotonic() - start
        print("---- UART log (exit status %d, %.2f s of host time)" % (r.returncode, took))
        print(r.stdout.replace("\r\n", "\n"))
        if r.stderr.strip():
            print("---- QEMU stderr\n" + r.stderr)
        print("---- simulator: %s" % self.rig.sim.stats())
        for q in self.rig.sim.requests()[seen:]:
            print("  conn %s from %s:%s %s resumed=%s  %s %s -> %s%s" % (
                q["conn_id"], q["peer"], q["peer_port"], q["tls_version"], q["tls_resumed"],
                q["method"], q["target"], q["status"], "  (fault %s)" % q["fault"] if q["fault"] else ""))
        print("---- dnsmasq: %s" % self.rig.dns.queries())
        self.assertLess(took, qemu_board.BOOT_TIMEOUT_S)
        self.assertNotIn(ADMIN_KEY, r.stdout, "the admin key reached the UART")
        lines = json_lines(r.stdout)
        items = [x for x in lines if "summary" not in x]
        summaries = [x["summary"] for x in lines if "summary" in x]
        return r, items, summaries[0] if summaries else None

    def host_outcomes(self):
        """`oarc-provisioner --builtin --json` of the host build, against a fresh
        simulator with the same fixture, on loopback."""
        self.assertTrue(HOST_PROVISIONER and os.access(HOST_PROVISIONER, os.X_OK),
                        "OARC_PROVISIONER must name the host build's oarc-provisioner")
        with Simulator(admin_key=ADMIN_KEY) as sim:
            r = subprocess.run([HOST_PROVISIONER, "--base-url", sim.base_url, "--ca-file", sim.ca_file,
                                "--json", "--builtin"], env=dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY),
                               capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        return outcomes([x for x in json_lines(r.stdout) if "summary" not in x])

    def requests_from_board(self):
        records = self.rig.sim.requests()
        self.assertTrue(records, "the simulator saw no request")
        self.assertEqual({q["peer"] for q in records}, {LWIP_ADDR})
        return records

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

    def test_missing_key_exits_2_without_a_connection(self):
        r, items, summary = self.boot(key_file=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no admin key", r.stdout)
        self.assertEqual(self.rig.sim.stats()["connections"], 0)
        self.assertEqual(self.rig.dns.queries(), [], "a run without a key must not even resolve")
        self.assertEqual(items, [])


if __name__ == "__main__":
    unittest.main()
