"""The seed updates through the lwIP build, over a TAP link inside a network
namespace of the test's own (rig.py), against the simulator on the link's far end.

Run by ctest (label lwip), which sets OARC_LWIP_CLI, OARC_LWIP_ITEST and
OARC_LWIP_PROVISIONER to one lwIP board's programs (oarc-lwip, itest-client-lwip,
oarc-provisioner-lwip; or the -lwip-raw ones) and OARC_ITEST to the POSIX
build's itest_client, whose answer to the same faults the lwIP build must match. Each
test makes and removes its own namespace. Where the machine cannot (not root,
no /dev/net/tun) a test is skipped with the reason, unless OARC_LWIP_REQUIRE=1.
"""
import json
import os
import subprocess
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from rig import API_NAME, LWIP_ADDR, LwipRig, RigUnavailable, Simulator  # noqa: E402
from oarc_sim import load_fixture  # noqa: E402

ADMIN_KEY = "sk-admin-lwip-0123456789"
LWIP_CLI = os.environ.get("OARC_LWIP_CLI", "")
LWIP_ITEST = os.environ.get("OARC_LWIP_ITEST", "")
LWIP_PROVISIONER = os.environ.get("OARC_LWIP_PROVISIONER", "")
POSIX_ITEST = os.environ.get("OARC_ITEST", "")
SAMPLE_PLAN = os.path.join(HERE, "..", "..", "firmware", "provisioner", "plans", "sample.json")
REQUIRE = os.environ.get("OARC_LWIP_REQUIRE") == "1"
TIMEOUT_MS = 10000
SILENT_ADDR = "10.77.0.9"  # on the link's subnet, answered by nobody (no ARP reply)

ORG_ROLE = "role_01J1F8ROLE01"  # a custom organization role in the simulator's fixture
PROJECT = "proj_abc123"


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


class LwipOverTap(unittest.TestCase):
    def setUp(self):
        try:
            self.rig = self.enterContext(LwipRig(ADMIN_KEY))
        except RigUnavailable as e:
            if REQUIRE:
                self.fail("OARC_LWIP_REQUIRE=1 but the rig cannot run here: %s" % e)
            self.skipTest("lwIP TAP rig unavailable: %s" % e)
        for name, path in (("OARC_LWIP_CLI", LWIP_CLI), ("OARC_LWIP_ITEST", LWIP_ITEST),
                           ("OARC_LWIP_PROVISIONER", LWIP_PROVISIONER), ("OARC_ITEST", POSIX_ITEST)):
            self.assertTrue(path and os.access(path, os.X_OK), "%s must name a built program" % name)
        self.env = self.rig.lwip_env()
        self.env["OPENAI_ADMIN_KEY"] = ADMIN_KEY
        self.env.pop("OPENAI_BASE_URL", None)

    # ---- helpers -----------------------------------------------------------

    def cli(self, *args):
        r = self.rig.run([LWIP_CLI, "--base-url", self.rig.base_url, "--ca-file", self.rig.sim.ca_file,
                          "--timeout-ms", str(TIMEOUT_MS)] + list(args), env=self.env)
        self.assertEqual(r.returncode, 0, "oarc-lwip failed:\n" + r.stderr)
        return json.loads(r.stdout)

    def lwip_itest(self, count):
        r = self.rig.run([LWIP_ITEST, self.rig.base_url, self.rig.sim.ca_file, str(TIMEOUT_MS), "2",
                          str(count), ORG_ROLE], env=self.env)
        return json_lines(r.stdout), r.stderr

    def posix_itest_with_fault(self, **fault):
        """What the POSIX build answers to the same fault, on loopback, outside the namespace."""
        with Simulator(admin_key=ADMIN_KEY) as sim:
            sim.inject(**fault)
            r = subprocess.run([POSIX_ITEST, sim.base_url, sim.ca_file, str(TIMEOUT_MS), "2", "1", ORG_ROLE],
                               env=dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY),
                               capture_output=True, text=True, timeout=90)
        [x] = json_lines(r.stdout)
        return x

    def assert_all_from_lwip(self):
        """Every request the simulator saw came from lwIP's side of the link: from an
        address the kernel does not own there, in frames that arrived on tap0."""
        records = self.rig.sim.requests()
        self.assertTrue(records, "the simulator saw no request")
        peers = sorted({r["peer"] for r in records})
        frames = self.rig.frames_from_lwip()
        print("simulator on %s in %s: %d request(s) from peer(s) %s, connections %s; "
              "the kernel received %d frames on tap0"
              % (self.rig.sim.host, self.rig.netns.name, len(records), ", ".join(peers),
                 sorted({(r["peer"], r["peer_port"]) for r in records}), frames))
        self.assertEqual(peers, [LWIP_ADDR])
        # At least the TCP handshake's ACK, the request and the FIN per connection.
        self.assertGreaterEqual(frames, 3 * len({r["conn_id"] for r in records}))
        return records

    def assert_resolved_through_dnsmasq(self):
        """The name in the base URL was looked up by lwIP's resolver at the namespace's DNS server."""
        queries = self.rig.dns.queries()
        print("dnsmasq in %s logged: %s" % (self.rig.netns.name, queries))
        self.assertIn(("A", API_NAME, LWIP_ADDR), queries)

    def project_role_id(self):
        roles = self.rig.sim.state()["projects"][PROJECT]["roles"]
        custom = [r for r in roles if not r.get("predefined_role")]
        return (custom or roles)[0]["id"]

    # ---- the seed operations ------------------------------------------------

    def test_org_role_update_through_lwip(self):
        role = self.cli("org-role", "update", ORG_ROLE, "--name", "Group Admin",
                        "--permission", "api.groups.read", "--permission", "api.groups.write")
        self.assertEqual((role["id"], role["name"]), (ORG_ROLE, "Group Admin"))
        self.assertEqual(role["permissions"], ["api.groups.read", "api.groups.write"])
        [rec] = self.assert_all_from_lwip()
        self.assertEqual((rec["method"], rec["path"], rec["status"]),
                         ("POST", "/v1/organization/roles/" + ORG_ROLE, 200))
        self.assertEqual(rec["body"],
                         '{"role_name":"Group Admin","permissions":["api.groups.read","api.groups.write"]}')
        [stored] = [r for r in self.rig.sim.state()["organization"]["roles"] if r["id"] == ORG_ROLE]
        self.assertEqual(stored["name"], "Group Admin")
        self.assert_resolved_through_dnsmasq()

    def test_project_role_update_through_lwip(self):
        role_id = self.project_role_id()
        role = self.cli("project-role", "update", PROJECT, role_id, "--description", "Ops team")
        self.assertEqual((role["id"], role["description"], role["resource_type"]),
                         (role_id, "Ops team", "api.project"))
        [rec] = self.assert_all_from_lwip()
        self.assertEqual((rec["method"], rec["path"], rec["body"], rec["status"]),
                         ("POST", "/v1/projects/%s/roles/%s" % (PROJECT, role_id), '{"description":"Ops team"}', 200))
        self.assert_resolved_through_dnsmasq()

    # ---- one connection ------------------------------------------------------

    def test_five_updates_over_one_connection_and_one_handshake(self):
        results, err = self.lwip_itest(5)
        self.assertEqual([x["status"] for x in results], ["OARC_OK"] * 5, err)
        records = self.assert_all_from_lwip()
        self.assertEqual(len(records), 5)
        self.assertEqual(len({(r["peer"], r["peer_port"]) for r in records}), 1, "more than one TCP connection")
        stats = self.rig.sim.stats()
        self.assertEqual((stats["connections"], stats["tls_handshakes"], stats["tls_resumed"]), (1, 1, 0))
        self.assertEqual(stats["requests"], 5)

    # ---- the server cuts the answer ------------------------------------------

    def check_fault_handled_like_posix(self, **fault):
        self.rig.sim.inject(**fault)
        results, err = self.lwip_itest(1)
        self.assertEqual(len(results), 1, err)
        lwip = results[0]
        posix = self.posix_itest_with_fault(**fault)
        print("fault %s: lwIP build %s after %d retr%s, POSIX build %s after %d"
              % (fault["kind"], lwip["status"], lwip["retries"], "y" if lwip["retries"] == 1 else "ies",
                 posix["status"], posix["retries"]))
        self.assertEqual((lwip["status"], lwip["retries"]), (posix["status"], posix["retries"]))
        self.assertEqual((lwip["status"], lwip["retries"]), ("OARC_OK", 1))
        records = self.assert_all_from_lwip()
        self.assertEqual(records[0]["fault"], fault["kind"])
        self.assertEqual(records[-1]["status"], 200)
        self.assertEqual(self.rig.sim.stats()["faults_applied"], 1)
        self.assertEqual(self.rig.sim.stats()["connections"], 2, "the retry must use a new connection")

    def test_reset_is_retried_like_posix(self):
        self.check_fault_handled_like_posix(kind="reset", method="POST")

    def test_close_mid_body_is_retried_like_posix(self):
        self.check_fault_handled_like_posix(kind="close_mid_body", method="POST")

    def test_reset_mid_answer_is_retried_like_posix(self):
        # The head and part of the body arrive, then a TCP RST.
        self.check_fault_handled_like_posix(kind="close_mid_body", bytes=8, reset=True,
                                            method="POST")

    # ---- the provisioner ------------------------------------------------------

    def provision_sample(self):
        r = self.rig.run([LWIP_PROVISIONER, "--base-url", self.rig.base_url, "--ca-file",
                          self.rig.sim.ca_file, "--timeout-ms", str(TIMEOUT_MS), "--json", SAMPLE_PLAN],
                         env=self.env)
        self.assertEqual(r.returncode, 0, "provisioner failed:\n" + r.stderr)
        items = [x for x in json_lines(r.stdout) if "summary" not in x]
        return [x["outcome"] for x in items]

    def test_provisioner_sample_plan_twice(self):
        first = self.provision_sample()
        writes = self.rig.sim.stats()["writes"]
        self.assert_all_from_lwip()
        print("first run: %s; the simulator counted %d write(s)" % (first, writes))
        self.assertEqual(writes, 6)
        self.assertIn("created", first)
        self.rig.sim.clear_requests()  # also zeroes the counters
        second = self.provision_sample()
        writes = self.rig.sim.stats()["writes"]
        print("second run: %s; the simulator counted %d write(s)" % (second, writes))
        self.assert_all_from_lwip()
        self.assertEqual(second, ["unchanged"] * 9)
        self.assertEqual(writes, 0)
        self.assertEqual({r["method"] for r in self.rig.sim.requests()}, {"GET"})

    # ---- an answer far larger than the client's 4 KB rx --------------------

    def test_long_list_through_a_4k_rx(self):
        # 300 more roles: one page of them all is a 64 KB+ answer. The CLI asks
        # for it (--limit 1000), cannot hold it in its 4 KB rx, closes, and
        # walks the list in pages that fit; every role comes out once.
        fx = load_fixture(None)
        for i in range(300):
            fx["organization"]["roles"].append({
                "id": "role_long%03d" % i, "name": "Long List Role %03d" % i,
                "description": "one of many roles that make the list longer than any rx",
                "permissions": ["api.usage.read"], "predefined_role": False,
                "created_at": 1711480000 + i, "updated_at": 1711480000 + i,
                "created_by": "user_abc123", "metadata": {}})
        self.rig.sim.reset_state(fixture=fx)
        self.rig.sim.clear_requests()
        listed = self.cli("org-role", "list", "--all", "--limit", "1000")
        ids = [r["id"] for r in listed["data"]]
        self.assertEqual(sorted(ids), sorted(r["id"] for r in fx["organization"]["roles"]))
        records = self.assert_all_from_lwip()
        sizes = [r["response_bytes"] for r in records]
        print("%d answers, %d bytes in all, the first (limit 1000) %d bytes"
              % (len(sizes), sum(sizes), sizes[0]))
        self.assertEqual(records[0]["query"].get("limit"), "1000")
        self.assertGreaterEqual(sizes[0], 64 * 1024)
        self.assertGreaterEqual(sum(sizes), 2 * 64 * 1024)

    # ---- the deadline covers the name lookup ---------------------------------

    def test_unanswered_lookup_ends_at_the_deadline(self):
        # A DNS server address nobody answers: lwIP's resolver alone would keep
        # asking for about 7 s; --timeout-ms bounds the whole call, retries included.
        deadline_ms = 1000
        env = dict(self.env, OARC_LWIP_DNS=SILENT_ADDR)
        started = time.monotonic()
        r = self.rig.run([LWIP_CLI, "--base-url", self.rig.base_url, "--ca-file", self.rig.sim.ca_file,
                          "--timeout-ms", str(deadline_ms), "org-role", "get", ORG_ROLE], env=env)
        ran_ms = (time.monotonic() - started) * 1000
        print("oarc-lwip exited %d after %.0f ms: %s" % (r.returncode, ran_ms, r.stderr.strip()))
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("TIMEOUT", r.stderr)
        # The process, board start and exit included.
        self.assertLess(ran_ms, deadline_ms + 1000)
        self.assertEqual(self.rig.sim.requests(), [])


if __name__ == "__main__":
    unittest.main()
