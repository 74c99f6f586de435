"""Where the bytes of an mps2-an386 image go: text/data/bss per component,
read from the linker's map file (each input section names the archive member
or object it came from), and whether the image fits a 256 KB flash / 128 KB
RAM part. Used by test_size.py; also runnable by hand:

    python3 image_size.py build/mps2-an386/firmware/provisioner/oarc-provisioner-mps2-an386.elf.map
"""
import re
import sys

FLASH_PART = 256 * 1024
RAM_PART = 128 * 1024

# Component of an input file, by the archive (or object) it came from.
COMPONENTS = [
    ("oarc lib", re.compile(r"/liboarc\.a\(")),
    ("provisioner", re.compile(r"liboarc_provisioner_core\.a\(|oarc_provisioner_firmware\.dir/")),
    ("mbedTLS", re.compile(r"liboarc_mbedtls\.a\(")),
    ("lwIP", re.compile(r"liboarc_lwip_mps2\.a\(")),
    ("board + lwIP raw port", re.compile(r"liboarc_board_mps2[a-z_]*\.a\(|liboarc_port_lwip_raw\.a\(")),
    ("C library", re.compile(r"/picolibc/|/libgcc\.a\(|/libc\.a\(|/libm\.a\(")),
]
ORDER = [name for name, _ in COMPONENTS] + ["other", "stack"]

# Output section -> column.
KIND = {".text": "text", ".data": "data", ".tdata": "data", ".bss": "bss", ".tbss": "bss",
        ".stack": "stack"}

INPUT = re.compile(r"^ (\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")


def component(path):
    for name, pattern in COMPONENTS:
        if pattern.search(path):
            return name
    return "other"


def parse(map_path):
    """{component: {"text": n, "data": n, "bss": n}}, from the map file. Merged
    input sections (string constants) are listed at overlapping addresses with
    their sizes before merging: each entry counts only up to the next one."""
    table = {name: {"text": 0, "data": 0, "bss": 0} for name in ORDER}
    with open(map_path) as f:
        lines = f.read().split("Linker script and memory map", 1)[1].splitlines()
    entries = []  # (address, size, component, kind)
    section = None
    pending = None  # an input section whose name was alone on its line
    for line in lines:
        if line and not line[0].isspace():
            section = line.split()[0]
            pending = None
            continue
        kind = KIND.get(section)
        if kind is None or kind == "stack":
            continue
        m = INPUT.match(line)
        if m:
            name = m.group(1) or pending
            pending = None
            if name:
                owner = "other" if name.startswith("*fill*") else component(m.group(4))
                entries.append((int(m.group(2), 16), int(m.group(3), 16), owner, kind))
            continue
        words = line.split()
        if len(words) == 1 and line.startswith(" ."):
            pending = words[0]
        elif len(words) >= 3 and words[0] == "*fill*":
            entries.append((int(words[1], 16), int(words[2], 16), "other", kind))
    entries.sort(key=lambda e: (e[0], e[1]))
    for i, (addr, size, owner, kind) in enumerate(entries):
        if i + 1 < len(entries):
            size = max(0, min(size, entries[i + 1][0] - addr))
        table[owner][kind] += size
    return table


def stack_size(map_path):
    with open(map_path) as f:
        m = re.search(r"^\.stack\s+0x[0-9a-f]+\s+0x([0-9a-f]+)", f.read(), re.M)
    return int(m.group(1), 16) if m else 0


def report(map_path, pool=None, stack_used=None):
    """The table as text, and (flash, ram) of the image."""
    table = parse(map_path)
    stack = stack_size(map_path)
    rows = ["%-24s %8s %8s %8s" % ("component", "text", "data", "bss")]
    total = {"text": 0, "data": 0, "bss": 0}
    for name in ORDER[:-1]:
        t = table[name]
        if name == "other" and not any(t.values()):
            continue
        rows.append("%-24s %8d %8d %8d" % (name, t["text"], t["data"], t["bss"]))
        for k in total:
            total[k] += t[k]
    rows.append("%-24s %8s %8s %8d" % ("stack", "", "", stack))
    total["bss"] += stack
    rows.append("%-24s %8d %8d %8d" % ("total", total["text"], total["data"], total["bss"]))
    flash = total["text"] + total["data"]
    ram = total["data"] + total["bss"]
    rows.append("flash (text + data): %d bytes of a %d KB part: %s" % (
        flash, FLASH_PART // 1024, fits(flash, FLASH_PART)))
    rows.append("RAM (data + bss, pool and stack included): %d bytes of a %d KB part: %s" % (
        ram, RAM_PART // 1024, fits(ram, RAM_PART)))
    if pool:
        rows.append("mbedTLS pool: peak %d of %d bytes after the run (%d spare)" % (
            pool[0], pool[1], pool[1] - pool[0]))
    if stack_used is not None:
        rows.append("stack: high-water mark %d of %d bytes (%d spare)" % (
            stack_used[0], stack_used[1], stack_used[1] - stack_used[0]))
    return "\n".join(rows), flash, ram, total


def fits(used, part):
    return ("fits, %d bytes (%.1f KB) spare" % (part - used, (part - used) / 1024) if used <= part
            else "DOES NOT FIT, over by %d bytes" % (used - part))


if __name__ == "__main__":
    print(report(sys.argv[1])[0])
