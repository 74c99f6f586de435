"""Size and memory of the provisioner firmware (labels qemu and size):

- test_image_size_and_memory: text/data/bss per component of the final image
  (from the linker's map: oarc lib, provisioner, mbedTLS, lwIP, board, C
  library), whether it fits a 256 KB flash / 128 KB RAM part and by how much,
  then one converging boot in the rig for the mbedTLS pool's peak
  (mbedtls_memory_buffer_alloc_max_get) and the stack's high-water mark
  (painted at reset, measured at exit), which the board prints at deinit.
- test_no_heap_symbol: the final ELF's symbol table has none of malloc,
  _malloc_r, calloc, realloc, free, _sbrk (defined or wanted).
- test_handshake_stack_measured: the stack mbedtls_ssl_handshake took below
  oarc's call of it (board_stack_probe.c paints below each call), as the
  board prints it after a converging boot: measured, within the board's
  stack and within the run's high-water mark, and no more than 2 % over the
  figure tests/size/measured_stack.txt gives the stack report.
"""
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import image_size  # noqa: E402
import qemu_board  # noqa: E402
from firmware_rig import FIRMWARE, FIRMWARE_MAP, FirmwareRig  # noqa: E402

HEAP_SYMBOLS = {"malloc", "_malloc_r", "calloc", "realloc", "free", "_sbrk"}
MEMORY_LINE = re.compile(r"mbedTLS pool peak (\d+) of (\d+) bytes; stack high-water (\d+) of (\d+) bytes")
HANDSHAKE_LINE = re.compile(r"mbedtls_ssl_handshake stack (\d+) bytes below its call, "
                            r"called at (\d+) of (\d+) bytes \(deepest of (\d+) calls\)")
MEASURED_STACK = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "..", "..", "..", "tests", "size", "measured_stack.txt")
GROWTH = 0.02  # as tests/size/size_table.py holds the size table


def checked_in_handshake():
    """The handshake's bytes in tests/size/measured_stack.txt, or None."""
    with open(MEASURED_STACK) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if len(words) >= 2 and words[0] == "mbedtls_ssl_handshake" and words[1].isdigit():
                return int(words[1])
    return None


def elf_totals(elf):
    """(text, data, bss) as arm-none-eabi-size counts them."""
    out = subprocess.run(["arm-none-eabi-size", elf], capture_output=True, text=True, check=True).stdout
    return tuple(int(x) for x in out.splitlines()[1].split()[:3])


class Size(FirmwareRig):
    def setUp(self):
        pass  # the rig only where a boot is needed (boot_setup)

    def boot_setup(self):
        super().setUp()

    def test_image_size_and_memory(self):
        elf = qemu_board.image(FIRMWARE)
        map_file = os.path.join(os.path.dirname(elf), FIRMWARE_MAP)
        table, flash, ram, total = image_size.report(map_file)
        print(table)
        # The map's attribution adds up to what the ELF holds.
        self.assertEqual(elf_totals(elf), (total["text"], total["data"], total["bss"]))
        self.assertLessEqual(flash, image_size.FLASH_PART)
        self.assertLessEqual(ram, image_size.RAM_PART)
        self.boot_setup()
        r, _, summary = self.boot()
        self.assertEqual(r.returncode, 0)
        m = MEMORY_LINE.search(r.stdout)
        self.assertIsNotNone(m, "the board printed no memory line")
        peak, pool, stack_used, stack = (int(x) for x in m.groups())
        print(image_size.report(map_file, pool=(peak, pool), stack_used=(stack_used, stack))[0])
        self.assertGreater(peak, 0)
        self.assertLess(peak, pool)
        self.assertGreater(stack_used, 0)
        self.assertLess(stack_used, stack)

    def test_handshake_stack_measured(self):
        self.boot_setup()
        r, _, _ = self.boot()
        self.assertEqual(r.returncode, 0)
        hs = HANDSHAKE_LINE.search(r.stdout)
        self.assertIsNotNone(hs, "the board printed no mbedtls_ssl_handshake stack line")
        below, call_at, stack, calls = (int(x) for x in hs.groups())
        used = int(MEMORY_LINE.search(r.stdout).group(3))
        worst = call_at + below
        print("mbedtls_ssl_handshake: %d B below its call (deepest of %d calls), the call %d B "
              "from the stack's top: %d of %d B; the run's high-water mark %d B" % (
                  below, calls, call_at, worst, stack, used))
        self.assertGreater(calls, 0)
        self.assertGreater(below, 64, "no deeper than the probe's painting margin")
        self.assertLessEqual(worst, stack)
        # The run's high-water mark survives the probe's repainting.
        self.assertGreaterEqual(used, worst)
        known = checked_in_handshake()
        self.assertIsNotNone(known, "tests/size/measured_stack.txt has no handshake figure")
        print("tests/size/measured_stack.txt: %d B" % known)
        self.assertLessEqual(below, known * (1 + GROWTH),
                             "the handshake's stack grew over tests/size/measured_stack.txt: "
                             "measure again and update it")

    def test_no_heap_symbol(self):
        elf = qemu_board.image(FIRMWARE)
        out = subprocess.run(["arm-none-eabi-nm", elf], capture_output=True, text=True, check=True).stdout
        names = {line.split()[-1] for line in out.splitlines() if line.strip()}
        print("%s: %d symbols; heap symbols among them: %s" % (
            FIRMWARE, len(names), sorted(names & HEAP_SYMBOLS) or "none"))
        self.assertGreater(len(names), 100, "no symbol table read")
        self.assertEqual(names & HEAP_SYMBOLS, set())


if __name__ == "__main__":
    unittest.main()
