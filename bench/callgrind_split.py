"""Reads callgrind output files (the format of valgrind's callgrind tool) and
splits their instruction counts by where the code lives: mbedTLS, oarc's
library (lib/, jsmn included), the port and driver, the C library, other.

Self cost only (each instruction is counted once, where it ran), so the parts
add up to the total. `inclusive()` gives a function's cost with its callees,
for the handshake breakdown. Python standard library only.
"""
import collections
import os
import re

PARTS = ("mbedTLS", "oarc lib/", "port+driver", "C library", "other")

_NAME = re.compile(r"\((\d+)\)\s?(.*)")
# Which name table each key's compressed names live in.
_TABLE = {"ob": "ob", "cob": "ob", "fl": "fl", "fi": "fl", "fe": "fl", "cfi": "fl",
          "cfl": "fl", "fn": "fn", "cfn": "fn"}


class Profile:
    def __init__(self, path):
        self.path = path
        self.desc = []
        self.self_cost = collections.Counter()   # (object, file, function) -> Ir
        self.call_cost = collections.Counter()   # function -> Ir of its calls
        self._read(path)

    def _read(self, path):
        names = {"ob": {}, "fl": {}, "fn": {}}
        ob = fl = fn = ""
        fl_of_fn = ""  # fl= names the function's file; fi=/fe= inlined code's
        in_call = False
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                key, eq, val = line.partition("=")
                if eq and key in _TABLE:
                    table = names[_TABLE[key]]
                    m = _NAME.match(val)
                    if m:
                        if m.group(2):
                            table[m.group(1)] = m.group(2)
                        val = table.get(m.group(1), "?")
                    if key == "ob":
                        ob = val
                    elif key == "fl":
                        fl = fl_of_fn = val
                    elif key in ("fi", "fe"):
                        fl = val
                    elif key == "fn":
                        fn = val
                        fl = fl_of_fn
                    continue
                if line.startswith("calls="):
                    in_call = True
                    continue
                if line.startswith("desc:"):
                    self.desc.append(line[5:].strip())
                    continue
                if line[0] in "0123456789+-*":
                    parts = line.split()
                    cost = int(parts[1]) if len(parts) > 1 else 0
                    if in_call:
                        self.call_cost[fn] += cost
                        in_call = False
                    else:
                        self.self_cost[(ob, fl, fn)] += cost

    def total(self):
        return sum(self.self_cost.values())

    def split(self, repo):
        """Instructions per part (see PARTS), by object and source file."""
        out = collections.Counter({p: 0 for p in PARTS})
        for (ob, fl, _fn), cost in self.self_cost.items():
            out[classify(ob, fl, repo)] += cost
        return out

    def by_function(self, repo, part):
        """Self cost per function of one part, largest first."""
        out = collections.Counter()
        for (ob, fl, fn), cost in self.self_cost.items():
            if classify(ob, fl, repo) == part:
                out[fn] += cost
        return out.most_common()

    def inclusive(self, function):
        """The cost of one function, callees included (a recursive function
        would be counted twice; the ones bench.py asks for do not recurse)."""
        own = sum(c for (_o, _f, fn), c in self.self_cost.items() if fn == function)
        return own + self.call_cost[function]


def classify(ob, fl, repo):
    base = os.path.basename(ob)
    if base.startswith(("libmbedtls", "libmbedx509", "libmbedcrypto")):
        return "mbedTLS"
    if base.startswith(("libc.so", "libc-", "ld-linux", "libm.so", "linux-vdso", "vdso")):
        return "C library"
    if fl.startswith(os.path.join(repo, "lib", "src") + os.sep) or os.path.basename(fl) == "jsmn.h":
        return "oarc lib/"
    for sub in ("port", "boards", "bench"):
        if fl.startswith(os.path.join(repo, sub) + os.sep):
            return "port+driver"
    if "mbedtls" in fl.lower():  # an mbedTLS built from source into the program
        return "mbedTLS"
    return "other"
