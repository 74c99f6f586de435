"""The lwIP port's contract (port/lwip), driven directly by port-lwip-probe over
the host-lwip board, against plain TCP peers on the far end of the TAP link in
the namespace of tests/lwip's rig: connect outcomes, the timeouts, peer close,
reset, name resolution through lwIP's resolver, and the board's entropy.

Run by ctest (label lwip) with OARC_LWIP_PORT_PROBE naming the probe. Needs root
and /dev/net/tun; elsewhere each test is skipped with the reason, unless
OARC_LWIP_REQUIRE=1.
"""
import json
import os
import socket
import struct
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "lwip"))

from rig import API_NAME, FAR_ADDR, LWIP_ADDR, TAP, LwipRig, RigUnavailable  # noqa: E402
from slow_dns import SlowDns  # noqa: E402

PROBE = os.environ.get("OARC_LWIP_PORT_PROBE", "")
REQUIRE = os.environ.get("OARC_LWIP_REQUIRE") == "1"
TIMEOUT_MS = 1500
SLACK_MS = 1000          # how late a timeout may end on a loaded machine
SILENT_ADDR = "10.77.0.9"  # on the link's subnet, answered by nobody (no ARP reply)
SLOW_DNS_ADDR = "10.77.0.3"  # a second kernel address on the link, for SlowDns
SLOW_NAME = "slow.oarc.test"


class Peer:
    """A TCP listener on the link's far end, inside the rig's namespace; each
    accepted connection is handed to behaviour(conn) on its own thread."""

    def __init__(self, rig, behaviour, rcvbuf=None, sndbuf=None):
        with rig.netns.entered():
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            if rcvbuf:
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
            if sndbuf:  # inherited by accepted connections
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, sndbuf)
            self.sock.bind((FAR_ADDR, 0))
            self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.behaviour = behaviour
        self.conns = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            threading.Thread(target=self.behaviour, args=(conn,), daemon=True).start()

    def close(self):
        # shutdown wakes the thread blocked in accept(); close alone would
        # leave the listener alive until that accept() returned.
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        for c in self.conns:
            c.close()


def echo(conn):
    if conn.recv(64):
        conn.sendall(b"pong\n")


def close_at_once(conn):
    conn.close()


def reset_after_a_moment(conn):
    time.sleep(0.5)  # after the probe's connect has completed, even on a busy machine
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


class Sender:
    """A peer that sends `size` bytes of a pattern in 1 KB writes through a
    small kernel send buffer, then closes, noting how far it got when."""

    def __init__(self, size):
        self.data = bytes((i * 7 + i // 251) & 0xFF for i in range(size))
        self.progress = []  # (monotonic time, bytes handed to the kernel so far)
        self.accepted = None

    def __call__(self, conn):
        self.accepted = time.monotonic()
        sent = 0
        while sent < len(self.data):
            sent += conn.send(self.data[sent:sent + 1024])
            self.progress.append((time.monotonic(), sent))
        conn.close()

    def sent_before_first_stall(self, stall=0.3):
        """Bytes handed to the kernel before the first wait of `stall` seconds
        for room (the window shut), or all of them if there was none."""
        last_when, last_n = self.accepted, 0
        for when, n in self.progress:
            if when - last_when >= stall:
                return last_n
            last_when, last_n = when, n
        return last_n

    def fnv1a(self):
        h = 2166136261
        for b in self.data:
            h = ((h ^ b) * 16777619) & 0xFFFFFFFF
        return h


def stay_silent(conn):
    pass  # held open by Peer.conns until the test ends


class LwipPort(unittest.TestCase):
    def setUp(self):
        try:
            self.rig = self.enterContext(LwipRig("sk-admin-port-probe"))
        except RigUnavailable as e:
            if REQUIRE:
                self.fail("OARC_LWIP_REQUIRE=1 but the rig cannot run here: %s" % e)
            self.skipTest("lwIP TAP rig unavailable: %s" % e)
        self.assertTrue(PROBE and os.access(PROBE, os.X_OK),
                        "OARC_LWIP_PORT_PROBE must name the built port-lwip-probe")
        self.env = self.rig.lwip_env()

    def peer(self, behaviour, **kw):
        p = Peer(self.rig, behaviour, **kw)
        self.addCleanup(p.close)
        return p

    def probe(self, host, port, op):
        return self.probe_lines(host, port, op)[-1]

    def probe_lines(self, host, port, op, *more, env=None):
        """Every JSON line of one probe run (two for "again")."""
        r = self.rig.run([PROBE, host, str(port), str(TIMEOUT_MS), op] + list(more),
                         env=self.env if env is None else env, timeout=60)
        self.assertEqual(r.returncode, 0, "port-lwip-probe failed:\n" + r.stderr)
        lines = [json.loads(line) for line in r.stdout.strip().splitlines()]
        for out in lines:
            print(json.dumps(out))
        return lines

    def slow_dns(self, answers):
        """SlowDns on its own address, and the board settings that make it lwIP's server."""
        self.rig.netns.add_address(TAP, SLOW_DNS_ADDR + "/32")
        dns = self.enterContext(SlowDns(self.rig.netns, SLOW_DNS_ADDR, answers))
        return dns, dict(self.env, OARC_LWIP_DNS=SLOW_DNS_ADDR)

    def assert_connect_timed_out(self, out):
        """The connect alone took the whole budget, and not much more."""
        self.assertEqual(out["connect"], "OARC_ERR_TIMEOUT")
        self.assertGreaterEqual(out["connect_ms"], TIMEOUT_MS - 20)
        self.assertLess(out["connect_ms"], TIMEOUT_MS + 700)

    def assert_timed_out(self, out):
        self.assertEqual(out["result"], "OARC_ERR_TIMEOUT")
        self.assertGreaterEqual(out["elapsed_ms"], TIMEOUT_MS - 20)
        self.assertLess(out["elapsed_ms"], TIMEOUT_MS + SLACK_MS)

    # ---- connect -------------------------------------------------------------

    def free_port(self):
        """A port on the far end that nothing listens on (the kernel answers RST)."""
        with self.rig.netns.entered():
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind((FAR_ADDR, 0))
                return s.getsockname()[1]

    def test_connect_refused(self):
        out = self.probe(FAR_ADDR, self.free_port(), "connect")
        self.assertEqual(out["connect"], "OARC_ERR_CONNECT")
        self.assertLess(out["elapsed_ms"], TIMEOUT_MS)

    def test_connect_to_a_silent_address_times_out(self):
        out = self.probe(SILENT_ADDR, 443, "connect")
        self.assertEqual(out["connect"], "OARC_ERR_TIMEOUT")
        self.assert_timed_out(out)

    def test_unknown_name_is_a_dns_error(self):
        out = self.probe("nosuch.oarc.test", 443, "connect")
        self.assertEqual(out["connect"], "OARC_ERR_DNS")
        self.assertLess(out["connect_ms"], TIMEOUT_MS)  # dnsmasq refuses at once

    def test_ip_literal_needs_no_dns_server(self):
        p = self.peer(echo)
        env = dict(self.env)
        del env["OARC_LWIP_DNS"]
        [out] = self.probe_lines(FAR_ADDR, p.port, "echo", env=env)
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual(out["data"], "pong")

    def test_lookup_unanswered_times_out_within_the_budget(self):
        # lwIP's resolver alone would keep asking for about 7 s (DNS_MAX_RETRIES 4).
        dns, env = self.slow_dns({API_NAME: None})
        started = time.monotonic()
        [out] = self.probe_lines(API_NAME, 443, "connect", env=env)
        print("probe process ran %.0f ms" % ((time.monotonic() - started) * 1000))
        self.assert_connect_timed_out(out)
        self.assertIsNotNone(dns.first("query", API_NAME), "lwIP never asked the silent server")

    def test_late_answer_does_not_reach_the_next_lookup(self):
        # The first name is answered 2 s after it is asked, 0.5 s after its
        # connect gave up, i.e. while the second lookup (answered 1 s after it
        # is asked) waits. Had the late answer woken the second lookup, the
        # second connect would go to the silent address and time out, or
        # return after about 500 ms instead of 1000.
        #
        # The scenario needs the first query to reach the server at once; a
        # fresh lwIP that loses it (its first packet, sent while ARP resolves)
        # asks again 1 s later and the late answer then comes after the second
        # lookup. The behaviour is checked on every attempt; only a scenario
        # that did not happen is run again, at most three times.
        dns, env = self.slow_dns({SLOW_NAME: (SILENT_ADDR, 2.0), API_NAME: (FAR_ADDR, 1.0)})
        p = self.peer(echo)
        for _ in range(3):
            dns.forget()
            first, second = self.probe_lines(SLOW_NAME, p.port, "again", API_NAME, env=env)
            self.assert_connect_timed_out(first)
            self.assertEqual(second["connect"], "OARC_OK")
            self.assertEqual(second["data"], "pong")
            self.assertGreaterEqual(second["connect_ms"], 900)
            self.assertLess(second["connect_ms"], TIMEOUT_MS)
            # The late answer really went out during the second lookup?
            asked2, late, answered2 = (dns.first("query", API_NAME), dns.first("answer", SLOW_NAME),
                                       dns.first("answer", API_NAME))
            if None not in (asked2, late, answered2) and asked2 < late < answered2:
                return
            time.sleep(2.5)  # this attempt's late answers go out before the next
        self.fail(f"the first answer never came during the second lookup: {dns.events}")

    def test_name_resolved_by_lwip_and_bytes_both_ways(self):
        p = self.peer(echo)
        out = self.probe(API_NAME, p.port, "echo")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual(out["result"], 5)
        self.assertEqual(out["data"], "pong")
        self.assertEqual(p.conns[0].getpeername()[0], LWIP_ADDR)
        queries = self.rig.dns.queries()
        self.assertIn(("A", API_NAME, LWIP_ADDR), queries, "dnsmasq saw no query from lwIP")

    # ---- receive -------------------------------------------------------------

    def test_peer_close_reads_zero(self):
        out = self.probe(FAR_ADDR, self.peer(close_at_once).port, "recv")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual(out["result"], 0)
        self.assertLess(out["elapsed_ms"], TIMEOUT_MS)

    def test_reset_reads_io_error(self):
        out = self.probe(FAR_ADDR, self.peer(reset_after_a_moment).port, "recv")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual(out["result"], "OARC_ERR_IO")
        self.assertLess(out["elapsed_ms"], TIMEOUT_MS)

    def test_silent_peer_recv_times_out(self):
        out = self.probe(FAR_ADDR, self.peer(stay_silent).port, "recv")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assert_timed_out(out)

    def test_64k_through_a_4k_buffer_with_the_window_as_backpressure(self):
        # The probe lets the port run for 1.5 s without reading, then reads
        # through a 4 KB buffer. What the port does not hand out it must not
        # acknowledge as read: the window stays shut and the peer (with a
        # small kernel send buffer) stalls after a window's worth plus its
        # own buffer, far short of 64 KB; then every byte arrives, in order.
        size = 64 * 1024
        sender = Sender(size)
        p = self.peer(sender, sndbuf=4096)
        [out] = self.probe_lines(FAR_ADDR, p.port, "drain")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual((out["result"], out["bytes"]), ("closed", size))
        self.assertEqual(out["fnv1a"], sender.fnv1a(), "the bytes came out changed or out of order")
        self.assertLessEqual(out["largest_read"], 4096)
        self.assertGreaterEqual(out["reads"], size // 4096)
        stalled_at = sender.sent_before_first_stall()
        print("peer had sent %d bytes when it first waited for the window, while the port "
              "read nothing" % stalled_at)
        # Correct ports: 11-14 KB (raw) and 17-20 KB (sockets); a raw port that
        # acknowledged data before handing it out let 33-35 KB through.
        self.assertLess(stalled_at, 28 * 1024)

    # ---- send ----------------------------------------------------------------

    def test_send_to_a_peer_that_reads_nothing_times_out(self):
        out = self.probe(FAR_ADDR, self.peer(stay_silent, rcvbuf=4096).port, "send")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual(out["result"], "OARC_ERR_TIMEOUT")

    def test_send_after_reset_fails(self):
        out = self.probe(FAR_ADDR, self.peer(reset_after_a_moment, rcvbuf=4096).port, "send")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertIn(out["result"], ("OARC_ERR_IO", "OARC_ERR_CLOSED"))

    # ---- the board ---------------------------------------------------------

    def test_board_comes_back_after_deinit(self):
        p = self.peer(echo)
        out = self.probe(API_NAME, p.port, "reinit")
        self.assertEqual(out["connect"], "OARC_OK")
        self.assertEqual(out["data"], "pong")

    # ---- entropy -------------------------------------------------------------

    def test_entropy_comes_from_the_board(self):
        out = self.probe(FAR_ADDR, 1, "entropy")
        self.assertEqual(out["status"], "OARC_OK")
        self.assertTrue(out["differ"])


if __name__ == "__main__":
    unittest.main()
