"""Size and memory of the provisioner firmware (labels qemu and size):

- test_image_size_and_memory: text/data/bss per component of the final image
  (from the linker's map: oarc lib, provisioner, mbedTLS, lwIP, board, C
  library), whether it fits a 256 KB flash / 128 KB RAM part and by how much,
  then one converging boot in the rig for the mbedTLS pool's peak
  (mbedtls_memory_buffer_alloc_max_get) and the stack's high-water mark
  (painted at reset, measured at exit), which the board prints at deinit.
- test_no_heap_symbol: the final ELF's symbol table has none of malloc,
  _malloc_r, calloc, realloc, free, _sbrk (defined or wanted).
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
