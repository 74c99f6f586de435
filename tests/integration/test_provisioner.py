"""The provisioner end to end: oarc-provisioner over verified TLS against the
simulator, its outcomes (JSON lines, --json) checked against what the
simulator received and the state it ended with.

Run by ctest (label integration), which sets OARC_PROVISIONER to the built
program. Each test starts its own simulator on loopback.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator, load_fixture  # noqa: E402

ADMIN_KEY = "sk-admin-itest-provisioner-42"
PROVISIONER = os.environ.get("OARC_PROVISIONER", "")
SAMPLE_PLAN = os.path.join(HERE, "..", "..", "firmware", "provisioner", "plans", "sample.json")

# What the sample plan does to the simulator's fixture on a first run, item by item.
SAMPLE_ROLE_OUTCOMES = [
    ("API Group Manager", "unchanged", []),
    ("Billing Viewer", "updated", ["description", "permissions"]),
    ("Deployer", "created", []),
    ("Model Caller", "unchanged", []),
    ("Key Rotator", "created", []),
]
SAMPLE_ASSIGNMENT_OUTCOMES = ["assigned", "unchanged", "assigned", "assigned"]

BILLING_VIEWER = "role_01J1F8ROLE02"
READER = "role_01J1F8READER"  # held by user_def456 in the fixture
REASON_TOO_MANY = ("the API's role does not decode here: bad field permissions; "
                   "raise OARC_MAX_PERMISSIONS")


def fixture_with_big_reader(count=40):
    """The fixture, its Reader role given more permissions than
    OARC_MAX_PERMISSIONS (32), so that no answer naming it decodes."""
    fx = load_fixture(None)
    reader = [r for r in fx["organization"]["roles"] if r["id"] == READER][0]
    reader["permissions"] = ["api.perm.%02d" % i for i in range(count)]
    return fx


def fixture_with_bulk_roles(count=25):
    """The fixture and `count` more organization roles (Bulk Role 00, ...),
    each held by user_ghi789: several pages of each list."""
    fx = load_fixture(None)
    for i in range(count):
        rid = "role_bulk%02d" % i
        fx["organization"]["roles"].append({
            "id": rid, "name": "Bulk Role %02d" % i, "description": None,
            "permissions": ["api.usage.read"], "predefined_role": False,
            "created_at": 1711480000 + i, "updated_at": 1711480000 + i,
            "created_by": "user_abc123", "metadata": {}})
        fx["assignments"].append({"principal_type": "user", "principal_id": "user_ghi789",
                                  "project_id": None, "role_id": rid})
    return fx


def org_role(name, permissions, **extra):
    role = {"scope": "organization", "name": name, "permissions": permissions}
    role.update(extra)
    return role


class Provisioner(unittest.TestCase):
    def setUp(self):
        self.assertTrue(PROVISIONER and os.path.exists(PROVISIONER),
                        "OARC_PROVISIONER must name the built oarc-provisioner")
        self.sim = Simulator(admin_key=ADMIN_KEY)
        self.sim.start()
        self.addCleanup(self.sim.stop)
        self.env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY)
        self.env.pop("OPENAI_BASE_URL", None)
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    # ---- helpers -----------------------------------------------------------

    def plan_file(self, plan):
        path = os.path.join(self.tmp.name, "plan-%d.json" % len(os.listdir(self.tmp.name)))
        with open(path, "w", encoding="utf-8") as f:
            f.write(plan if isinstance(plan, str) else json.dumps(plan))
        return path

    def run_plan(self, plan_args, base_url=None, json_out=True, timeout_ms=None):
        cmd = [PROVISIONER, "--base-url", base_url or self.sim.base_url,
               "--ca-file", self.sim.ca_file]
        if json_out:
            cmd.append("--json")
        if timeout_ms:
            cmd += ["--timeout-ms", str(timeout_ms)]
        cmd += list(plan_args)
        r = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=90)
        lines = [json.loads(line) for line in r.stdout.splitlines()] if json_out else []
        items = [x for x in lines if "summary" not in x]
        summaries = [x["summary"] for x in lines if "summary" in x]
        return r, items, summaries[0] if summaries else None

    def sample_text_lines(self, returncode):
        """The sample plan's text output: one line per item (9) and the summary."""
        r, _, _ = self.run_plan([SAMPLE_PLAN], json_out=False)
        self.assertEqual(r.returncode, returncode, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 10)
        return r, lines

    def run_sample(self):
        return self.run_plan([SAMPLE_PLAN])

    def writes(self):
        return self.sim.stats()["writes"]

    def roles(self, items):
        return [x for x in items if x["kind"] == "role"]

    def assignments(self, items):
        return [x for x in items if x["kind"] == "assignment"]

    def org_role_state(self, name):
        found = [r for r in self.sim.state()["organization"]["roles"] if r["name"] == name]
        self.assertEqual(len(found), 1, name)
        return found[0]

    def posts(self):
        return [(q["path"], q["body"]) for q in self.sim.requests() if q["method"] == "POST"]

    def seed(self, fixture):
        """Restart the simulator's store from fixture, with nothing recorded."""
        self.sim.reset_state(fixture=fixture)
        self.sim.clear_requests()

    def list_gets(self, path):
        """The GETs of the list at path, oldest first."""
        return [q for q in self.sim.requests() if q["method"] == "GET" and q["path"] == path]

    def request_ids(self, requests):
        return {q["request_id"] for q in requests}

    # ---- converging ---------------------------------------------------------

    def test_provisioner_first_run_outcomes(self):
        r, items, summary = self.run_sample()
        self.assertEqual(r.returncode, 0, r.stderr)
        got = [(x["name"], x["outcome"], x["fields"]) for x in self.roles(items)]
        self.assertEqual(got, SAMPLE_ROLE_OUTCOMES)
        self.assertEqual([x["outcome"] for x in self.assignments(items)],
                         SAMPLE_ASSIGNMENT_OUTCOMES)
        self.assertEqual(summary, {"unchanged": 3, "updated": 1, "created": 2, "assigned": 3,
                                   "failed": 0, "unreachable": None, "dry_run": False})
        for x in items:
            if x["outcome"] != "unchanged":
                self.assertRegex(x["request_id"], r"^req_[0-9a-f]+$")
        # The update carries only the two fields that differ; nothing else was written.
        self.assertIn(("/v1/organization/roles/" + BILLING_VIEWER,
                       '{"description":"Reads invoices and usage",'
                       '"permissions":["api.billing.read","api.usage.read"]}'), self.posts())
        self.assertEqual(self.writes(), 6)
        viewer = self.org_role_state("Billing Viewer")
        self.assertEqual(viewer["description"], "Reads invoices and usage")
        deployer = self.org_role_state("Deployer")
        self.assertEqual(sorted(deployer["permissions"]), ["api.files.write", "api.model.request"])
        held = [a for a in self.sim.state()["assignments"]
                if a["principal_id"] == "user_def456" and a["role_id"] == deployer["id"]]
        self.assertEqual(len(held), 1)

    def test_provisioner_second_run_writes_nothing(self):
        first, _, _ = self.run_sample()
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(self.writes(), 6)
        self.sim.clear_requests()  # also zeroes the counters
        r, items, summary = self.run_sample()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreater(self.sim.stats()["requests"], 0)
        self.assertEqual(self.writes(), 0)
        self.assertEqual({q["method"] for q in self.sim.requests()}, {"GET"})
        self.assertEqual([x["outcome"] for x in items], ["unchanged"] * 9)
        self.assertEqual(summary["unchanged"], 9)

    def test_provisioner_403_on_one_item_reports_it_and_applies_the_rest(self):
        self.sim.inject(kind="status", status=403, method="POST",
                        path="/organization/roles/" + BILLING_VIEWER,
                        message="You are not allowed to change this role")
        r, items, summary = self.run_sample()
        self.assertEqual(r.returncode, 1, r.stderr)
        failed = [x for x in items if x["outcome"] == "failed"]
        self.assertEqual(len(failed), 1)
        bad = failed[0]
        self.assertEqual((bad["name"], bad["http_status"], bad["status"]),
                         ("Billing Viewer", 403, "OARC_ERR_API"))
        self.assertEqual(bad["message"], "You are not allowed to change this role")
        refused = [q for q in self.sim.requests() if q["status"] == 403]
        self.assertEqual([q["request_id"] for q in refused], [bad["request_id"]])
        # Every other item went as on an unhindered first run.
        got = [(x["name"], x["outcome"]) for x in self.roles(items)]
        self.assertEqual(got, [(n, "failed" if n == "Billing Viewer" else o)
                               for n, o, _ in SAMPLE_ROLE_OUTCOMES])
        self.assertEqual([x["outcome"] for x in self.assignments(items)],
                         SAMPLE_ASSIGNMENT_OUTCOMES)
        self.assertEqual(summary["failed"], 1)
        self.assertEqual(self.writes(), 5)
        self.assertIsNone(self.org_role_state("Billing Viewer")["description"])

    def test_provisioner_refused_list_fails_its_scope_only(self):
        # Every page of the organization's roles is refused: each organization
        # role fails with that answer's request id; the project's roles and the
        # assignment with an explicit role_id still go through.
        self.sim.inject(kind="status", status=403, method="GET",
                        path_regex=r"/organization/roles(\?|$)", count=-1)
        r, items, summary = self.run_sample()
        self.assertEqual(r.returncode, 1, r.stderr)
        refused = [q["request_id"] for q in self.sim.requests() if q["status"] == 403]
        self.assertEqual(len(refused), 1)
        org = [x for x in self.roles(items) if x["scope"] == "organization"]
        self.assertEqual({(x["outcome"], x["http_status"], x["request_id"]) for x in org},
                         {("failed", 403, refused[0])})
        project = [(x["name"], x["outcome"]) for x in self.roles(items) if x["scope"] == "project"]
        self.assertEqual(project, [("Model Caller", "unchanged"), ("Key Rotator", "created")])
        self.assertEqual([x["outcome"] for x in self.assignments(items)],
                         ["failed", "failed", "assigned", "assigned"])
        self.assertEqual(summary["failed"], 5)

    def test_provisioner_api_message_stays_on_one_line(self):
        self.sim.inject(kind="status", status=403, method="POST",
                        path="/organization/roles/" + BILLING_VIEWER,
                        message="first line\nrole   org   \"Forged\"   unchanged")
        _, lines = self.sample_text_lines(returncode=1)
        # The newline is escaped (oarc_printable), as every server byte is.
        self.assertRegex(lines[1], r'^role +org +"Billing Viewer" +failed: 403 OARC_ERR_API: '
                                   r'first line\\u000arole   org   "Forged"   unchanged  req_[0-9a-f]+$')

    def test_provisioner_missing_role_without_create_fails(self):
        plan = {"roles": [org_role("Nobody Yet", ["api.usage.read"]),
                          org_role("Audit Log Reader", ["api.audit_logs.read"])]}
        r, items, summary = self.run_plan([self.plan_file(plan)])
        self.assertEqual(r.returncode, 1, r.stderr)
        first, second = items
        self.assertEqual((first["outcome"], first["reason"]),
                         ("failed", "missing, and create_if_missing is false"))
        self.assertIsNone(first["status"])
        self.assertEqual((second["outcome"], second["fields"]), ("updated", ["permissions"]))
        self.assertEqual([p for p, _ in self.posts()],
                         ["/v1/organization/roles/role_01J1F8ROLE03"])
        self.assertEqual((summary["failed"], summary["updated"]), (1, 1))

    def test_provisioner_duplicate_permissions_need_no_update(self):
        plan = {"roles": [org_role("API Group Manager",
                                   ["api.groups.write", "api.groups.read", "api.groups.write"])]}
        r, items, _ = self.run_plan([self.plan_file(plan)])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["outcome"] for x in items], ["unchanged"])
        self.assertEqual(self.posts(), [])
        self.assertEqual(self.writes(), 0)

    def test_provisioner_known_id_renames_and_sends_only_the_name(self):
        plan = {"roles": [org_role("Audit Reader", [], id="role_01J1F8ROLE03")]}
        r, items, _ = self.run_plan([self.plan_file(plan)])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual((items[0]["outcome"], items[0]["fields"]), ("updated", ["name"]))
        self.assertEqual(self.posts(), [("/v1/organization/roles/role_01J1F8ROLE03",
                                         '{"role_name":"Audit Reader"}')])

    def test_provisioner_assignment_of_a_failed_role_is_not_sent(self):
        plan = {"roles": [org_role("Nobody Yet", [])],
                "assignments": [{"principal": "user", "principal_id": "user_def456",
                                 "scope": "organization", "role": "Nobody Yet"}]}
        r, items, _ = self.run_plan([self.plan_file(plan)])
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual([x["outcome"] for x in items], ["failed", "failed"])
        self.assertIsNone(items[1]["request_id"])
        self.assertEqual(self.posts(), [])

    def test_provisioner_dry_run_writes_nothing_and_says_what_it_would_do(self):
        r, items, summary = self.run_plan(["--dry-run", SAMPLE_PLAN])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual({q["method"] for q in self.sim.requests()}, {"GET"})
        self.assertEqual(self.writes(), 0)
        got = [(x["name"], x["outcome"], x["fields"]) for x in self.roles(items)]
        self.assertEqual(got, SAMPLE_ROLE_OUTCOMES)
        # Assigning a role that would be created counts as would-assign.
        self.assertEqual([x["outcome"] for x in self.assignments(items)],
                         SAMPLE_ASSIGNMENT_OUTCOMES)
        self.assertTrue(all(x["dry_run"] for x in items))
        self.assertTrue(summary["dry_run"])
        text, _, _ = self.run_plan(["--dry-run", SAMPLE_PLAN], json_out=False)
        self.assertRegex(text.stdout, r'"Deployer" +would create  -\n')
        self.assertIn("dry run summary: 3 unchanged, 1 updated, 2 created, 3 assigned, 0 failed",
                      text.stdout)

    def test_provisioner_builtin_plan_converges(self):
        r, items, _ = self.run_plan(["--builtin"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([(x["kind"], x["outcome"]) for x in items],
                         [("role", "created"), ("role", "updated"),
                          ("assignment", "assigned"), ("assignment", "unchanged")])
        before = self.writes()
        again, items, _ = self.run_plan(["--builtin"])
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual([x["outcome"] for x in items], ["unchanged"] * 4)
        self.assertEqual(self.writes(), before)

    def test_provisioner_text_lines_and_summary(self):
        r, lines = self.sample_text_lines(returncode=0)
        self.assertRegex(lines[1], r'^role +org +"Billing Viewer" +updated '
                                   r'\(description, permissions\)  req_[0-9a-f]+$')
        self.assertRegex(lines[5], r'^assignment +org +user user_def456 <- "Deployer" +'
                                   r'assigned  req_[0-9a-f]+$')
        self.assertEqual(lines[-1], "summary: 3 unchanged, 1 updated, 2 created, "
                                    "3 assigned, 0 failed")
        self.assertNotIn(ADMIN_KEY, r.stdout + r.stderr)

    # ---- lists of several pages ---------------------------------------------

    def test_provisioner_walks_every_page(self):
        # 25 more roles, each held by user_ghi789: the plan's roles, and the
        # roles the assignments look for, are on the third page or later of
        # both lists. Each unchanged item names the later page that showed it.
        self.seed(fixture_with_bulk_roles(25))
        plan = {"roles": [org_role("Bulk Role 22", ["api.usage.read", "api.files.read"]),
                          org_role("Bulk Role 24", ["api.usage.read"])],
                "assignments": [{"principal": "user", "principal_id": "user_ghi789",
                                 "scope": "organization", "role": name}
                                for name in ("Bulk Role 22", "Bulk Role 24")]}
        path = self.plan_file(plan)
        r, items, summary = self.run_plan([path])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([(x["name"] if x["kind"] == "role" else x["role"], x["outcome"])
                          for x in items],
                         [("Bulk Role 22", "updated"), ("Bulk Role 24", "unchanged"),
                          ("Bulk Role 22", "unchanged"), ("Bulk Role 24", "unchanged")])
        self.assertEqual(self.posts(), [("/v1/organization/roles/role_bulk22",
                                         '{"permissions":["api.usage.read","api.files.read"]}')])
        self.assertEqual(self.writes(), 1)
        roles_gets = self.list_gets("/v1/organization/roles")
        held_gets = self.list_gets("/v1/organization/users/user_ghi789/roles")
        for gets in (roles_gets, held_gets):
            with_cursor = [q for q in gets if "after=" in q["query_raw"]]
            self.assertGreaterEqual(len(with_cursor), 3, [q["query_raw"] for q in gets])
            self.assertNotIn("after=", gets[0]["query_raw"])
        # Decided by a page reached through a cursor, and named by it.
        later = self.request_ids(q for q in roles_gets if "after=" in q["query_raw"])
        self.assertIn(items[1]["request_id"], later)
        later_held = self.request_ids(q for q in held_gets if "after=" in q["query_raw"])
        self.assertIn(items[2]["request_id"], later_held)
        self.assertIn(items[3]["request_id"], later_held)

        self.sim.clear_requests()
        again, items, summary = self.run_plan([path])
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual([x["outcome"] for x in items], ["unchanged"] * 4)
        self.assertEqual(summary["unchanged"], 4)
        self.assertEqual(self.writes(), 0)
        self.assertEqual({q["method"] for q in self.sim.requests()}, {"GET"})
        self.assertGreaterEqual(len(self.list_gets("/v1/organization/roles")), 4)

    # ---- roles that do not decode here ----------------------------------------

    def test_provisioner_held_role_that_does_not_decode_is_unchanged(self):
        # user_def456 holds Reader, whose 40 permissions no oarc_role holds:
        # held all the same (assignments match on the id), so no assign is
        # sent, on either run; the roles list it is also on is walked past it.
        self.seed(fixture_with_big_reader())
        plan = {"roles": [org_role("API Group Manager", ["api.groups.read", "api.groups.write"])],
                "assignments": [{"principal": "user", "principal_id": "user_def456",
                                 "scope": "organization", "role_id": READER}]}
        path = self.plan_file(plan)
        for run in range(2):
            with self.subTest(run=run):
                self.sim.clear_requests()
                r, items, summary = self.run_plan([path])
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual([x["outcome"] for x in items], ["unchanged", "unchanged"])
                self.assertEqual(summary["failed"], 0)
                self.assertEqual(self.writes(), 0)
                self.assertEqual(self.posts(), [])
                held = self.list_gets("/v1/organization/users/user_def456/roles")
                self.assertIn(items[1]["request_id"], self.request_ids(held))

    def test_provisioner_plan_role_that_does_not_decode_fails_and_the_rest_applies(self):
        # A plan role named like the API's Reader (40 permissions) is neither
        # created (the name is taken) nor called missing: it fails with the
        # reason, with or without create_if_missing; the assignment naming it
        # fails without a call; the rest of the plan is applied.
        for create in (True, False):
            with self.subTest(create_if_missing=create):
                self.seed(fixture_with_big_reader())
                plan = {"roles": [org_role("Reader", ["api.organization.read"],
                                           create_if_missing=create),
                                  org_role("Billing Viewer", ["api.billing.read", "api.usage.read"],
                                           description="Reads invoices and usage")],
                        "assignments": [{"principal": "user", "principal_id": "user_ghi789",
                                         "scope": "organization", "role": name}
                                        for name in ("Reader", "Billing Viewer")]}
                r, items, summary = self.run_plan([self.plan_file(plan)])
                self.assertEqual(r.returncode, 1, r.stderr)
                reader, viewer, held_reader, held_viewer = items
                self.assertEqual((reader["outcome"], reader["status"], reader["reason"],
                                  reader["role_id"]),
                                 ("failed", "OARC_ERR_TOO_MANY_ITEMS", REASON_TOO_MANY, READER))
                self.assertIn(reader["request_id"],
                              self.request_ids(self.list_gets("/v1/organization/roles")))
                self.assertEqual((viewer["outcome"], viewer["fields"]),
                                 ("updated", ["description", "permissions"]))
                self.assertEqual((held_reader["outcome"], held_reader["reason"]),
                                 ("failed", "its role has no id (the role failed)"))
                self.assertEqual(held_viewer["outcome"], "assigned")
                self.assertEqual(summary["failed"], 2)
                self.assertEqual([p for p, _ in self.posts()],
                                 ["/v1/organization/roles/" + BILLING_VIEWER,
                                  "/v1/organization/users/user_ghi789/roles"])
                self.assertEqual(self.writes(), 2)
                names = [x["name"] for x in self.sim.state()["organization"]["roles"]]
                self.assertEqual(names.count("Reader"), 1)
        # The text line says the same, on one line, with the list's request id.
        self.seed(fixture_with_big_reader())
        plan = {"roles": [org_role("Reader", ["api.organization.read"], create_if_missing=True)]}
        text, _, _ = self.run_plan([self.plan_file(plan)], json_out=False)
        self.assertEqual(text.returncode, 1, text.stderr)
        self.assertRegex(text.stdout.splitlines()[0],
                         r'^role +org +"Reader" +failed: ' + REASON_TOO_MANY + r'  req_[0-9a-f]+$')
        self.assertEqual(self.writes(), 0)

    def test_provisioner_assign_answer_that_does_not_decode_is_assigned(self):
        # user_ghi789 does not hold Reader: the assign is sent and made (2xx),
        # though its answer, carrying the 40 permissions, does not decode;
        # the next run finds it held and sends nothing.
        self.seed(fixture_with_big_reader())
        plan = {"assignments": [{"principal": "user", "principal_id": "user_ghi789",
                                 "scope": "organization", "role_id": READER}]}
        path = self.plan_file(plan)
        r, items, _ = self.run_plan([path])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["outcome"] for x in items], ["assigned"])
        assigns = [q for q in self.sim.requests() if q["method"] == "POST"]
        self.assertEqual([(q["status"], q["request_id"]) for q in assigns],
                         [(200, items[0]["request_id"])])
        self.assertEqual(self.writes(), 1)
        self.sim.clear_requests()
        again, items, _ = self.run_plan([path])
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual([x["outcome"] for x in items], ["unchanged"])
        self.assertEqual(self.writes(), 0)

    # ---- refusals -----------------------------------------------------------

    def test_provisioner_invalid_plan_exits_2_and_sends_nothing(self):
        long_name = "n" * 129
        bad_plans = [
            ("{\"roles\": [", "not one valid JSON document"),
            ({"roles": [org_role("R", [], colour="red")]}, "roles[0].colour: unknown member"),
            ({"roles": [org_role(long_name, [])]}, "roles[0].name: too long"),
            ({"roles": [org_role("R", ["a", 7])]}, "roles[0].permissions[1]: must be a string"),
            ({"assignments": [{"principal": "user", "principal_id": "user_def456",
                               "scope": "organization", "role": "Not In Plan"}]},
             "assignments[0].role: names no plan role of this scope"),
        ]
        for plan, message in bad_plans:
            with self.subTest(message=message):
                r, _, _ = self.run_plan([self.plan_file(plan)], json_out=False)
                self.assertEqual(r.returncode, 2, r.stdout)
                self.assertIn(message, r.stderr)
                self.assertEqual(r.stdout, "")
        stats = self.sim.stats()
        self.assertEqual((stats["connections"], stats["requests"]), (0, 0))

    def test_provisioner_command_line_errors_exit_2_and_send_nothing(self):
        plan = self.plan_file({"roles": [org_role("R", [])]})
        empty = self.plan_file("")
        missing = os.path.join(self.tmp.name, "no-such-file.json")
        cases = [
            ([plan, "--timeout-ms", "soon"], "--timeout-ms takes a number"),
            ([plan, "--timeout-ms", "99999999999"], "--timeout-ms takes a number"),
            ([plan, plan], "one plan file only"),
            ([], "give a plan file or --builtin"),
            (["--builtin", plan], "give a plan file or --builtin"),
            (["--frobnicate", plan], "unknown option"),
            ([missing], "plan %s: No such file or directory" % missing),
            ([empty], "plan %s is empty" % empty),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                r = subprocess.run([PROVISIONER, "--base-url", self.sim.base_url, "--ca-file",
                                    self.sim.ca_file] + args, env=self.env,
                                   capture_output=True, text=True, timeout=30)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr)
                self.assertEqual(r.stdout, "")
        for cmd, env, message in (
                ([PROVISIONER, "--base-url", self.sim.base_url, "--ca-file", missing, plan],
                 self.env, "--ca-file %s: No such file or directory" % missing),
                ([PROVISIONER, "--base-url", "ftp://example.com/v1", "--ca-file", self.sim.ca_file,
                  plan], self.env, "client setup: OARC_ERR_URL"),
                ([PROVISIONER, plan], dict(self.env, OPENAI_ADMIN_KEY=""),
                 "OPENAI_ADMIN_KEY is not set")):
            with self.subTest(message=message):
                r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=30)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr)
        r = subprocess.run([PROVISIONER, "--help"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0)
        self.assertIn("usage: oarc-provisioner", r.stdout)
        stats = self.sim.stats()
        self.assertEqual((stats["connections"], stats["requests"]), (0, 0))

    def test_provisioner_unreachable_api_exits_3(self):
        with socket.socket() as s:  # a loopback port with nobody listening
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        r, items, summary = self.run_plan([SAMPLE_PLAN], timeout_ms=3000,
                                          base_url="https://127.0.0.1:%d/v1" % port)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(summary["unreachable"], "OARC_ERR_CONNECT")
        self.assertEqual(len(items), 9)
        self.assertEqual({x["outcome"] for x in items}, {"failed"})
        self.assertEqual(items[0]["status"], "OARC_ERR_CONNECT")
        self.assertEqual({x["reason"] for x in items[1:]},
                         {"not tried: the API could not be reached"})


if __name__ == "__main__":
    unittest.main()
