"""The firmware rig of the qemu tests: tests/lwip's namespace with dnsmasq
serving DHCP and DNS, the simulator on the link's far end, QEMU's mps2-an386
on tap0, and one boot of the provisioner firmware at a time (see
test_firmware.py).
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
FIRMWARE_MAP = "oarc_provisioner_firmware.map"
HOST_PROVISIONER = os.environ.get("OARC_PROVISIONER", "")


def outcomes(items):
    """What a run did, item by item, without the ids the server made up."""
    return [(x["kind"], x.get("name") or x.get("role"), x["outcome"], x["fields"]) for x in items]


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


class FirmwareRig(unittest.TestCase):
    """setUp makes the rig (or skips with the reason); boot() runs the firmware once."""

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

    def boot(self, key_file=True, ca_file=None, image=FIRMWARE, icount=False, extra=""):
        """Boot the firmware once: (CompletedProcess, items, summary). Prints the
        UART log and what the simulator recorded of its peer."""
        words = ["base_url=" + self.rig.base_url, "ca_file=" + (ca_file or self.rig.sim.ca_file)]
        if extra:
            words.append(extra)
        if key_file:
            words.append("key_file=" + self.key_file)
        seen = len(self.rig.sim.requests())
        start = time.monotonic()
        r = qemu_board.run(qemu_board.command(qemu_board.image(image), " ".join(words), tap=TAP,
                                              icount=icount),
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
