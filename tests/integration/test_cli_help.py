"""A CLI that helps (oarc and oarc-provisioner): --version, help per command,
an unknown word named with the nearest valid one, refusals that say what to
do, and a failed write to stdout or stderr that does not pass for success.
Usage problems still exit 2 and send nothing: the simulator (plain HTTP, so
that an http:// URL would reach it) records every request.

Run by ctest (label integration), which sets OARC_CLI, OARC_PROVISIONER and
OARC_MBEDTLS_VERSION.
"""
import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402

CLI = os.environ.get("OARC_CLI", "")
PROVISIONER = os.environ.get("OARC_PROVISIONER", "")
ADMIN_KEY = "sk-admin-help-0123456789"
USAGE = 2


def project_version():
    with open(os.path.join(HERE, "..", "..", "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"^project\(oarc VERSION ([0-9.]+)", f.read(), re.M).group(1)


class CliHelp(unittest.TestCase):
    def setUp(self):
        self.assertTrue(os.path.exists(CLI), "OARC_CLI must name the built CLI")
        self.assertTrue(os.path.exists(PROVISIONER), "OARC_PROVISIONER must name the provisioner")
        self.env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY)
        self.env.pop("OPENAI_BASE_URL", None)

    def run_(self, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE):
        return subprocess.run(list(args), env=self.env, stdout=stdout, stderr=stderr, text=True,
                              timeout=60)

    def each_exits_usage_saying(self, cases):
        """Each (argv, expected) exits 2 with expected on stderr."""
        for argv, expected in cases:
            with self.subTest(argv=argv[1:]):
                r = self.run_(*argv)
                print(r.stderr, end="")
                self.assertEqual(r.returncode, USAGE)
                self.assertIn(expected, r.stderr)

    def plain_sim(self):
        sim = Simulator(admin_key=ADMIN_KEY, tls=False)
        sim.start()
        self.addCleanup(sim.stop)
        return sim

    def test_cli_version_names_library_and_tls_backend(self):
        for prog, name in ((CLI, "oarc"), (PROVISIONER, "oarc-provisioner")):
            r = self.run_(prog, "--version")
            print(r.stdout, end="")
            self.assertEqual(r.returncode, 0, r.stderr)
            v = project_version()
            self.assertEqual(r.stdout, "%s %s (library %s, TLS mbedTLS %s)\n"
                             % (name, v, v, os.environ["OARC_MBEDTLS_VERSION"]))

    def test_cli_help_per_command(self):
        a = self.run_(CLI, "org-role", "--help")
        b = self.run_(CLI, "help", "org-role")
        c = self.run_(CLI, "org-role", "update", "--help")
        print(a.stdout)
        for r in (a, b, c):
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, a.stdout)
        self.assertIn("  org-role update ROLE_ID", a.stdout)
        self.assertIn("Field options", a.stdout)
        self.assertNotIn("project-role", a.stdout)
        self.assertNotEqual(a.stdout, self.run_(CLI, "--help").stdout)
        users = self.run_(CLI, "help", "project-user-role")
        self.assertEqual(users.returncode, 0)
        self.assertIn("project-user-role assign|get|remove PROJECT_ID USER_ID ROLE_ID", users.stdout)
        self.assertIn("List options", users.stdout)
        self.assertNotIn("Field options", users.stdout)
        bad = self.run_(CLI, "help", "org-rolez")
        self.assertEqual(bad.returncode, USAGE)
        self.assertIn("unknown command 'org-rolez' (did you mean 'org-role'?)", bad.stderr)

    def test_cli_unknown_words_named_with_nearest(self):
        sim = self.plain_sim()
        url = ["--base-url", sim.base_url, "--insecure-http"]
        cases = [
            ((CLI, *url, "org-role", "list", "--limt", "5"),
             "unknown option '--limt' (did you mean '--limit'?)"),
            ((CLI, *url, "org-rol", "list"), "unknown command 'org-rol' (did you mean 'org-role'?)"),
            ((CLI, *url, "org-role", "lst"), "org-role has no verb 'lst' (did you mean 'list'?"),
            ((CLI, *url, "org-role", "update", "role_1", "--descripton", "x"),
             "unknown option '--descripton' (did you mean '--description'?)"),
            ((CLI, *url, "org-role", "get"), "org-role get takes 1 ID"),
            ((CLI, *url, "--frobnicate", "org-role", "list"), "unknown option '--frobnicate'"),
            ((PROVISIONER, "--base-url", sim.base_url, "--dry-rn", "--builtin"),
             "unknown option '--dry-rn' (did you mean '--dry-run'?)"),
            ((PROVISIONER, "--builtin", "--ca-file"), "--ca-file needs a value"),
        ]
        self.each_exits_usage_saying(cases)
        self.assertNotIn("did you mean", self.run_(CLI, "--frobnicate").stderr)
        self.assertEqual(sim.requests(), [], "a usage error sent a request")

    def test_cli_refusals_say_what_to_do(self):
        sim = self.plain_sim()
        cases = [
            ((CLI, "--base-url", sim.base_url, "org-role", "list"),
             "use https, or --insecure-http for a test rig"),
            ((PROVISIONER, "--base-url", sim.base_url, "--builtin"),  # the system CA bundle
             "the base URL is http://: use https"),
            ((CLI, "--ca-file", "/tmp", "org-role", "list"), "--ca-file /tmp is a directory"),
            ((PROVISIONER, "--ca-file", "/tmp", "--builtin"), "--ca-file /tmp is a directory"),
            ((CLI, "--ca-file", "/nonexistent/ca.pem", "org-role", "list"),
             "--ca-file /nonexistent/ca.pem: No such file or directory"),
            ((PROVISIONER, "/tmp"), "plan /tmp is a directory"),
        ]
        self.each_exits_usage_saying(cases)
        self.assertEqual(sim.requests(), [], "a refusal sent a request")

    def test_cli_failed_write_exits_nonzero(self):
        sim = self.plain_sim()
        tls_sim = Simulator(admin_key=ADMIN_KEY)
        tls_sim.start()
        self.addCleanup(tls_sim.stop)
        with open("/dev/full", "w") as full:
            cases = [
                ((CLI, "--help"), {"stdout": full}),
                ((CLI, "--version"), {"stdout": full}),
                ((CLI, "org-role", "--help"), {"stdout": full}),
                ((PROVISIONER, "--help"), {"stdout": full}),
                ((CLI, "--bogus"), {"stderr": full}),
                ((CLI, "--base-url", sim.base_url, "--insecure-http", "org-role", "list"),
                 {"stdout": full}),
                ((PROVISIONER, "--base-url", tls_sim.base_url, "--ca-file", tls_sim.ca_file,
                  "--dry-run", "--builtin"), {"stdout": full}),
            ]
            for argv, streams in cases:
                with self.subTest(argv=argv[1:], streams=list(streams)):
                    r = self.run_(*argv, **streams)
                    self.assertNotEqual(r.returncode, 0)
                    if "stderr" not in streams:
                        self.assertIn("cannot write the output", r.stderr)
        # The same commands succeed when their output can be written.
        self.assertEqual(self.run_(CLI, "--help").returncode, 0)
        self.assertEqual(self.run_(CLI, "--base-url", sim.base_url, "--insecure-http",
                                   "org-role", "list").returncode, 0)


if __name__ == "__main__":
    unittest.main()
