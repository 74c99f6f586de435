"""The two seed updates end to end: the CLI and the library over verified TLS
against the simulator, with the simulator's record of what arrived on the wire.

Run by ctest (label integration), which sets OARC_CLI and OARC_ITEST to the
built programs. Each test starts its own simulator on loopback.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402

ADMIN_KEY = "sk-admin-itest-0123456789"
CLI = os.environ.get("OARC_CLI", "")
ITEST = os.environ.get("OARC_ITEST", "")
VALGRIND = os.environ.get("OARC_VALGRIND", "")
SANITIZED = "1" in os.environ.get("OARC_SANITIZED", "")

ORG_ROLE = "role_01J1F8ROLE01"  # a custom organization role in the fixture
PROJECT = "proj_abc123"


class SeedUpdates(unittest.TestCase):
    def setUp(self):
        self.assertTrue(CLI and os.path.exists(CLI), "OARC_CLI must name the built CLI")
        self.assertTrue(ITEST and os.path.exists(ITEST), "OARC_ITEST must name itest_client")
        self.sim = Simulator(admin_key=ADMIN_KEY)
        self.sim.start()
        self.addCleanup(self.sim.stop)
        self.env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY)
        self.env.pop("OPENAI_BASE_URL", None)

    # ---- helpers -----------------------------------------------------------

    def cli(self, *args, base_url=None, ca_file=None, prefix=(), timeout_ms=None):
        cmd = list(prefix) + [CLI, "--base-url", base_url or self.sim.base_url,
                              "--ca-file", ca_file or self.sim.ca_file]
        if timeout_ms:
            cmd += ["--timeout-ms", str(timeout_ms)]
        cmd += list(args)
        return subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=90)

    def itest(self, count, role_id=ORG_ROLE, timeout_ms=10000, retries=2, base_url=None):
        out = subprocess.run(
            [ITEST, base_url or self.sim.base_url, self.sim.ca_file, str(timeout_ms),
             str(retries), str(count), role_id],
            env=self.env, capture_output=True, text=True, timeout=90)
        return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]

    def project_role_id(self):
        state = self.sim.state()
        roles = state["projects"][PROJECT]["roles"]
        custom = [r for r in roles if not r.get("predefined_role")]
        return (custom or roles)[0]["id"]

    def bodies(self, method="POST"):
        return [r["body"] for r in self.sim.requests() if r["method"] == method]

    # ---- the seed operations ------------------------------------------------

    def test_org_role_update_sets_name_and_permissions(self):
        r = self.cli("org-role", "update", ORG_ROLE, "--name", "Group Admin",
                     "--permission", "api.groups.read", "--permission", "api.groups.write")
        self.assertEqual(r.returncode, 0, r.stderr)
        role = json.loads(r.stdout)
        self.assertEqual(role["id"], ORG_ROLE)
        self.assertEqual(role["name"], "Group Admin")
        self.assertEqual(role["permissions"], ["api.groups.read", "api.groups.write"])
        self.assertEqual(self.bodies(), [
            '{"role_name":"Group Admin","permissions":["api.groups.read","api.groups.write"]}'])

    def test_project_role_update_over_tls(self):
        role_id = self.project_role_id()
        r = self.cli("project-role", "update", PROJECT, role_id, "--description", "Ops team")
        self.assertEqual(r.returncode, 0, r.stderr)
        role = json.loads(r.stdout)
        self.assertEqual(role["id"], role_id)
        self.assertEqual(role["description"], "Ops team")
        self.assertEqual(role["resource_type"], "api.project")
        self.assertEqual(self.bodies(), ['{"description":"Ops team"}'])
        paths = [q["path"] for q in self.sim.requests()]
        self.assertEqual(paths, ["/v1/projects/%s/roles/%s" % (PROJECT, role_id)])

    def test_three_field_states_on_the_wire(self):
        self.assertEqual(self.cli("org-role", "update", ORG_ROLE).returncode, 0)
        r = self.cli("org-role", "update", ORG_ROLE, "--null-description", "--no-permissions")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIsNone(json.loads(r.stdout)["description"])
        self.assertEqual(json.loads(r.stdout)["permissions"], [])
        r = self.cli("org-role", "update", ORG_ROLE, "--null-name", "--null-permissions",
                     "--description", "back")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.bodies(), [
            "{}",
            '{"description":null,"permissions":[]}',
            '{"role_name":null,"description":"back","permissions":null}'])

    def test_five_updates_on_one_client_make_one_handshake(self):
        results = self.itest(5)
        self.assertEqual([x["status"] for x in results], ["OARC_OK"] * 5)
        stats = self.sim.stats()
        self.assertEqual(stats["tls_handshakes"], 1)
        self.assertEqual(stats["requests"], 5)

    def test_request_id_and_api_error_line(self):
        r = self.cli("org-role", "update", "role_does_not_exist", "--name", "x")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        line = r.stderr.strip()
        self.assertRegex(line, r"^error: 404 invalid_request_error: .+ \(request id req_[0-9a-f]+\)$")

    # ---- faults -------------------------------------------------------------

    def test_fault_429_waits_retry_after_then_succeeds(self):
        self.sim.inject(kind="status", status=429, retry_after=1, method="POST")
        [x] = self.itest(1)
        self.assertEqual(x["status"], "OARC_OK")
        self.assertEqual(x["retries"], 1)
        self.assertGreaterEqual(x["elapsed_ms"], 1000)
        self.assertLess(x["elapsed_ms"], 3000)

    def test_fault_500_and_503_back_off_within_bounds(self):
        self.sim.inject(kind="status", status=500, method="POST")
        self.sim.inject(kind="status", status=503, method="POST")
        [x] = self.itest(1)
        self.assertEqual(x["status"], "OARC_OK")
        self.assertEqual(x["retries"], 2)
        # 0.5 s and 1 s, each less up to 25 % jitter
        self.assertGreaterEqual(x["elapsed_ms"], 375 + 750)
        self.assertLess(x["elapsed_ms"], 500 + 1000 + 1500)

    def test_fault_retries_exhausted_reports_last_status(self):
        self.sim.inject(kind="status", status=503, method="POST", count=3)
        [x] = self.itest(1)
        self.assertEqual(x["status"], "OARC_ERR_API")
        self.assertEqual(x["http_status"], 503)
        self.assertEqual(x["retries"], 2)
        self.assertTrue(x["request_id"].startswith("req_"))

    def test_fault_should_retry_false_is_final(self):
        self.sim.inject(kind="status", status=503, should_retry=False, method="POST")
        [x] = self.itest(1)
        self.assertEqual((x["status"], x["retries"]), ("OARC_ERR_API", 0))

    def test_fault_close_mid_headers_is_retried(self):
        self.sim.inject(kind="close_mid_headers", bytes=12, method="POST")
        [x] = self.itest(1)
        self.assertEqual((x["status"], x["retries"]), ("OARC_OK", 1))

    def test_fault_close_mid_body_is_retried(self):
        self.sim.inject(kind="close_mid_body", method="POST")
        [x] = self.itest(1)
        self.assertEqual((x["status"], x["retries"]), ("OARC_OK", 1))

    def test_fault_reset_mid_body_is_retried(self):
        self.sim.inject(kind="close_mid_body", bytes=8, reset=True, method="POST")
        [x] = self.itest(1)
        self.assertEqual((x["status"], x["retries"]), ("OARC_OK", 1))
        self.assertEqual(self.sim.stats()["connections"], 2)

    def test_fault_reset_is_retried(self):
        self.sim.inject(kind="reset", method="POST")
        [x] = self.itest(1)
        self.assertEqual((x["status"], x["retries"]), ("OARC_OK", 1))

    def test_fault_stall_past_deadline_times_out(self):
        self.sim.inject(kind="stall", ms=4000, method="POST")
        [x] = self.itest(1, timeout_ms=1500)
        self.assertEqual(x["status"], "OARC_ERR_TIMEOUT")
        self.assertGreaterEqual(x["elapsed_ms"], 1400)
        self.assertLess(x["elapsed_ms"], 2500)

    def test_fault_content_length_framing(self):
        self.sim.inject(kind="content_length", method="POST")
        [x] = self.itest(1)
        self.assertEqual((x["status"], x["retries"]), ("OARC_OK", 0))

    def test_closed_keep_alive_is_reopened_and_resumed(self):
        self.sim.inject(kind="close_after", method="POST")
        results = self.itest(2)
        self.assertEqual([(x["status"], x["retries"]) for x in results],
                         [("OARC_OK", 0), ("OARC_OK", 0)])
        stats = self.sim.stats()
        self.assertEqual(stats["tls_handshakes"], 1)
        self.assertEqual(stats["tls_resumed"], 1)

    # ---- verification of the peer --------------------------------------------

    def test_wrong_ca_is_refused(self):
        other = Simulator(admin_key=ADMIN_KEY)
        other.start()
        self.addCleanup(other.stop)
        r = self.cli("org-role", "update", ORG_ROLE, "--name", "x", ca_file=other.ca_file)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("OARC_ERR_TLS_CERT transport:", r.stderr)
        self.assertEqual(self.sim.stats()["requests"], 0)

    def test_wrong_hostname_is_refused(self):
        wrong = Simulator(admin_key=ADMIN_KEY, cert_hostname="other.example")
        wrong.start()
        self.addCleanup(wrong.stop)
        r = self.cli("org-role", "update", ORG_ROLE, "--name", "x",
                     base_url=wrong.base_url, ca_file=wrong.ca_file)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("OARC_ERR_TLS_CERT", r.stderr)
        self.assertEqual(wrong.stats()["requests"], 0)

    # ---- bad input sends nothing ---------------------------------------------

    def test_bad_input_exits_2_and_sends_nothing(self):
        cases = [
            ("org-role", "update", ""),
            ("org-role", "update", "."),
            ("org-role", "update", ".."),
            ("project-role", "update", "", ORG_ROLE),
            ("project-role", "update", PROJECT, ".."),
            ("org-role", "update", ORG_ROLE, "--name", "evil\r\nX-Injected: 1"),
            ("org-role", "update", ORG_ROLE, "--permission", "api.read\n"),
            ("org-role", "update", ORG_ROLE, "--description", "bad utf-8 \udcff"),
            ("org-role", "update", "a" * 200),
            ("org-role", "update", ORG_ROLE, "--name", "a", "--null-name"),
            ("org-role", "update"),
            ("org-role", "frobnicate", ORG_ROLE),
        ]
        for args in cases:
            with self.subTest(args=args):
                r = self.cli(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertTrue(r.stderr.startswith("error: "), r.stderr)
        self.assertEqual(self.sim.stats()["requests"], 0)
        self.assertEqual(self.sim.stats()["connections"], 0)

    def test_cli_under_valgrind_memcheck_is_clean(self):
        if SANITIZED:
            self.skipTest("sanitizer build: valgrind runs in the gcc build")
        self.assertTrue(VALGRIND, "valgrind is required (Debian package valgrind)")
        r = self.cli("org-role", "update", ORG_ROLE, "--name", "Valgrind", "--no-permissions",
                     prefix=[VALGRIND, "--error-exitcode=99", "--leak-check=full",
                             "--errors-for-leak-kinds=definite,indirect", "-q"],
                     timeout_ms=60000)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["name"], "Valgrind")


if __name__ == "__main__":
    unittest.main()
