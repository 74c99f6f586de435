"""The board alone under QEMU (label qemu): board_selftest.elf checks the UART,
SysTick, the entropy stand-in (the host's /dev/urandom through semihosting) and
semihosting's command line, file read and exit status.
"""
import os
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_board  # noqa: E402


class Board(unittest.TestCase):
    def setUp(self):
        reason = qemu_board.qemu_reason()
        if reason:
            if qemu_board.REQUIRE:
                self.fail("OARC_LWIP_REQUIRE=1 but QEMU cannot run here: %s" % reason)
            self.skipTest(reason)

    def test_board_selftest(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
            f.write("settings-file-42")
            f.flush()
            start = time.monotonic()
            r = qemu_board.run(qemu_board.command(qemu_board.image("board_selftest.elf"),
                                                  "file=%s exit=42" % f.name))
            took = time.monotonic() - start
        print(r.stdout)
        print("boot took %.2f s of host time, exit status %d" % (took, r.returncode))
        self.assertEqual(r.returncode, 42, r.stderr)
        self.assertIn("mps2-an386 selftest: uart up", r.stdout)
        self.assertIn("clock: advances", r.stdout)
        self.assertIn("entropy: differs", r.stdout)
        self.assertIn("file: 16 bytes: settings-file-42", r.stdout)
        self.assertRegex(r.stdout, r"stack: \d+ of 8192 bytes used")

    def test_no_entropy_stops_the_boot(self):
        # The firmware in a mount namespace where the host's /dev/urandom is an
        # empty file: the reset handler's entropy read comes back short, and the
        # boot must stop there (exit 98) before main() runs, never go on seeded
        # with nothing.
        if os.geteuid() != 0 or shutil.which("unshare") is None:
            reason = "needs root and unshare(1) to hide /dev/urandom in a mount namespace"
            if qemu_board.REQUIRE:
                self.fail("OARC_LWIP_REQUIRE=1 but: " + reason)
            self.skipTest(reason)
        with tempfile.NamedTemporaryFile() as empty:
            cmd = qemu_board.command(qemu_board.image("oarc-provisioner-mps2-an386.elf"))
            r = qemu_board.run(["unshare", "-m", "sh", "-c", 'mount --bind "$0" /dev/urandom && exec "$@"',
                                empty.name] + cmd)
        print(r.stdout)
        self.assertEqual(r.returncode, 98, r.stderr)
        self.assertIn("no entropy", r.stdout)
        self.assertIn("stopping the boot", r.stdout)
        self.assertNotIn("oarc provisioner", r.stdout, "main() ran without entropy")


if __name__ == "__main__":
    unittest.main()
