#!/usr/bin/env python3
"""Tests of stack_usage.py and of size_table.py's comparison, on small C
programs compiled by arm-none-eabi-gcc for Cortex-M4 with the flags of the
size report: what the analysis must refuse (recursion, alloca, a VLA, an
indirect call it cannot name) and what it must follow (callbacks bound per
call site, port calls named as out-edges, mbedTLS named with its figure)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import size_table  # noqa: E402
import stack_usage  # noqa: E402

CC = "arm-none-eabi-gcc"
FLAGS = ["-std=c11", "-mcpu=cortex-m4", "-mthumb", "-Os", "-fno-inline",
         "-fstack-usage", "-fcallgraph-info=su", "-c"]


def compile_graph(sources, measured=None):
    """Compiles {name: C text} in a temporary folder and builds the graph."""
    d = tempfile.mkdtemp(prefix="oarc-stack-test-")
    try:
        ci = []
        for name, text in sources.items():
            path = os.path.join(d, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            subprocess.run([CC] + FLAGS + [path, "-o", path + ".o"], cwd=d, check=True)
            ci.append(path + ".ci")
        return stack_usage.Graph(ci, measured)
    finally:
        # The graph has read every file it needs (source lines are cached).
        shutil.rmtree(d)


CHAIN = """
#include <stdint.h>
void sink(volatile uint8_t *p);
int leaf(int x);
int leaf(int x) { volatile uint8_t buf[200]; sink(buf); return x + buf[3]; }
int mid(int x);
int mid(int x) { volatile uint8_t buf[40]; sink(buf); return leaf(x) + buf[1]; }
int top(int x);
int top(int x) { return mid(x) + leaf(x); }
"""


@unittest.skipUnless(shutil.which(CC), CC + " missing (scripts/deps.sh)")
class StackAnalysis(unittest.TestCase):
    def test_deepest_chain_adds_the_frames(self):
        g = compile_graph({"chain.c": CHAIN})
        total, chain, _ = g.worst("top")
        frames = {t: g.functions[t].frame for t in ("top", "mid", "leaf")}
        self.assertEqual([g.functions[t].name for t in chain], ["top", "mid", "leaf"])
        self.assertEqual(total, sum(frames.values()))
        self.assertGreaterEqual(frames["leaf"], 200)
        self.assertEqual(g.dynamic_frames(), [])

    def test_a_call_over_the_budget_fails(self):
        g = compile_graph({"chain.c": CHAIN})
        with open(os.devnull, "w") as sink:
            figures, failures = stack_usage.report(g, {"top", "leaf"}, 220, sink)
        self.assertEqual(dict(figures)["top"], g.total("top"))
        self.assertEqual([f.split(":")[0] for f in failures], ["top"])

    def test_recursion_fails(self):
        g = compile_graph({"rec.c": """
int ping(int n); int pong(int n);
int ping(int n) { return n ? pong(n - 1) : 0; }
int pong(int n) { return n ? ping(n - 1) + 1 : 1; }
"""})
        with self.assertRaisesRegex(stack_usage.StackError, "recursion: ping -> pong -> ping"):
            g.worst("ping")

    def test_alloca_and_vla_are_dynamic_frames(self):
        g = compile_graph({"dyn.c": """
#include <stddef.h>
void sink(char *p);
void with_vla(size_t n);
void with_vla(size_t n) { char buf[n]; sink(buf); }
void with_alloca(size_t n);
void with_alloca(size_t n) { sink(__builtin_alloca(n)); }
"""})
        dyn = " ".join(g.dynamic_frames())
        self.assertIn("with_vla", dyn)
        self.assertIn("with_alloca", dyn)

    def test_port_and_mbedtls_calls_are_named_out_edges(self):
        g = compile_graph({"client.c": """
#include <stddef.h>
typedef struct { void *ctx; int (*send)(void *ctx, const char *b, size_t n); } oarc_port;
typedef struct { oarc_port port; } client;
int mbedtls_ssl_handshake(void *ssl);
int call(client *c, void *ssl);
int call(client *c, void *ssl) {
    char b[64] = { 1 };
    return c->port.send(c->port.ctx, b, sizeof b) + mbedtls_ssl_handshake(ssl);
}
""", "port.c": """
#include <stddef.h>
typedef struct { void *ctx; int (*send)(void *ctx, const char *b, size_t n); } oarc_port;
void lwip_write(const char *b, size_t n);
static int port_send(void *ctx, const char *b, size_t n) {
    volatile char pad[100]; pad[0] = b[0]; lwip_write(b, n); (void)ctx; return pad[0];
}
void port_init(oarc_port *port);
void port_init(oarc_port *port) { port->send = port_send; }
"""}, {"mbedtls_ssl_handshake": "1234 B measured on a test board"})
        own, _, outs = g.worst("call")
        self.assertLessEqual({"port->send", "mbedtls_ssl_handshake"}, set(outs))
        self.assertEqual(outs["port->send"], g.functions["call"].frame)
        port_bytes, where = g.port_figure("send")
        self.assertGreaterEqual(port_bytes, 100)
        self.assertIn("port_send", where)
        self.assertEqual(g.total("call"), max(own, outs["port->send"] + port_bytes))
        self.assertIn("1234 B measured", g.describe_out("mbedtls_ssl_handshake", 8))
        # The measured figure on top of the depth of the call.
        self.assertIn("1242 B with it", g.describe_out("mbedtls_ssl_handshake", 8))

    def test_measured_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("# comment\nmbedtls_ssl_handshake 3328 a board (QEMU)\n"
                    "mbedtls_ssl_read pending the board\n")
        self.addCleanup(os.unlink, f.name)
        m = stack_usage.read_measured(f.name)
        self.assertEqual(stack_usage.measured_bytes(m["mbedtls_ssl_handshake"]), 3328)
        self.assertIsNone(stack_usage.measured_bytes(m["mbedtls_ssl_read"]))
        self.assertIsNone(stack_usage.measured_bytes(m.get("mbedtls_ssl_write")))

    def test_callbacks_bind_per_call_site(self):
        g = compile_graph({"walk.c": """
typedef int (*visit_fn)(int);
void sink(volatile char *p);
static int small(int x) { volatile char b[8]; sink(b); return x + b[0]; }
static int big(int x) { volatile char b[300]; sink(b); return x + b[0]; }
static int walk(int n, visit_fn fn) { int s = 0; for (int i = 0; i < n; i++) s += fn(i); return s; }
int only_small(int n);
int only_small(int n) { return walk(n, small); }
int only_big(int n);
int only_big(int n) { return walk(n, big) + 1; }
"""})
        small_total = g.worst("only_small")[0]
        big_total = g.worst("only_big")[0]
        self.assertLess(small_total, 300)
        self.assertGreaterEqual(big_total, 300)

    def test_unnameable_indirect_call_fails(self):
        with self.assertRaisesRegex(stack_usage.StackError, "indirect call"):
            compile_graph({"table.c": """
typedef int (*op_fn)(int);
extern op_fn const ops[4];
int run(int i, int x);
int run(int i, int x) { return ops[i & 3](x); }
"""})


class TableComparison(unittest.TestCase):
    def test_growth_over_two_percent_fails(self):
        failures, _ = size_table.compare({"a": 1000}, {"a": 1021})
        self.assertEqual(len(failures), 1)
        failures, notes = size_table.compare({"a": 1000}, {"a": 1020})
        self.assertEqual(failures, [])

    def test_growth_from_zero_fails(self):
        failures, _ = size_table.compare({"lib/bss": 0}, {"lib/bss": 4})
        self.assertEqual(len(failures), 1)

    def test_shrink_asks_for_a_refresh(self):
        failures, notes = size_table.compare({"a": 1000, "gone": 1}, {"a": 900, "new": 2})
        self.assertEqual(failures, [])
        self.assertEqual(len(notes), 3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
