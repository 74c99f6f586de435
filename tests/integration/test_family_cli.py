"""The whole Roles family through the CLI against the simulator: every
operation at both scopes, the sixteen assignment operations, errors, input
that must not reach the wire, and lists walked page after page.

Each test starts its own simulator on loopback and checks both what the CLI
printed and what the simulator recorded (method, path, query, body) and
holds afterwards. ctest sets OARC_CLI to the CLI and OARC_CLI_SMALL_RX to the
same CLI over a library with a tiny receive buffer (small_rx_config.h), so
that one page cannot hold a whole list.
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator, load_fixture  # noqa: E402

ADMIN_KEY = "sk-admin-family-0123456789"
CLI = os.environ.get("OARC_CLI", "")
CLI_SMALL_RX = os.environ.get("OARC_CLI_SMALL_RX", "")
VALGRIND = os.environ.get("OARC_VALGRIND", "")
SANITIZED = "1" in os.environ.get("OARC_SANITIZED", "")

PROJECT = "proj_abc123"
# oarc_list_fitting_limit() of the default configuration, which `list` sends
# when no --limit is given: min(4096 B rx / 600 B per item, 256 tokens / 36
# per item) = min(6, 7).
FITTING_LIMIT = {"limit": "6"}


def fixture_with_org_roles(count, broken=None):
    """The default fixture plus `count` custom organization roles (role_page00,
    role_page01, ...), with any roles of `broken` (index -> changed fields)
    made undecodable."""
    fx = load_fixture(None)
    for n in range(count):
        role = {"id": "role_page%02d" % n, "name": "Paged role %02d" % n,
                "description": "Role number %d of a long list" % n,
                "permissions": ["api.groups.read", "api.usage.read"],
                "predefined_role": False, "created_at": 1711480000 + n,
                "updated_at": 1711480000 + n, "created_by": "user_abc123", "metadata": {}}
        role.update((broken or {}).get(n, {}))
        fx["organization"]["roles"].append(role)
    return fx


class FamilyCli(unittest.TestCase):
    def setUp(self):
        self.assertTrue(CLI and os.path.exists(CLI), "OARC_CLI must name the built CLI")
        self.start_sim(None)
        self.env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY)
        self.env.pop("OPENAI_BASE_URL", None)

    # ---- helpers -----------------------------------------------------------

    def start_sim(self, fixture):
        self.sim = Simulator(admin_key=ADMIN_KEY, fixture=fixture)
        self.sim.start()
        self.addCleanup(self.sim.stop)

    def cli(self, *args, exe=None):
        cmd = [exe or CLI, "--base-url", self.sim.base_url, "--ca-file", self.sim.ca_file]
        return subprocess.run(cmd + list(args), env=self.env, capture_output=True, text=True,
                              timeout=90)

    def small_cli(self, *args):
        self.assertTrue(CLI_SMALL_RX and os.path.exists(CLI_SMALL_RX),
                        "OARC_CLI_SMALL_RX must name the small-rx CLI")
        return self.cli(*args, exe=CLI_SMALL_RX)

    def ok(self, *args, exe=None):
        """Run a command that must succeed; its JSON, and the requests it made."""
        since = self.last_seq()
        r = self.cli(*args, exe=exe)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        return json.loads(r.stdout), self.sim.requests(since=since)

    def one_request(self, reqs, method, path, query=None, body=None):
        self.assertEqual(len(reqs), 1, reqs)
        q = reqs[0]
        self.assertEqual((q["method"], q["path"], q["query"]), (method, path, query or {}))
        if body is None:
            self.assertEqual(q["body"], "")
        else:
            self.assertEqual(json.loads(q["body"]), body)
        self.assertEqual(q["status"] // 100, 2)

    def last_seq(self):
        reqs = self.sim.requests()
        return reqs[-1]["seq"] if reqs else 0

    def org_roles(self):
        return self.sim.state()["organization"]["roles"]

    def project_roles(self):
        return self.sim.state()["projects"][PROJECT]["roles"]

    def assigned(self, ptype, principal, project=None):
        return [a["role_id"] for a in self.sim.state()["assignments"]
                if (a["principal_type"], a["principal_id"], a["project_id"]) ==
                (ptype, principal, project)]

    def check_role_lifecycle(self, noun, prefix, base, roles):
        """create, get, update, list, delete one role of a scope."""
        role, reqs = self.ok(noun, "create", *prefix, "--name", "Deploy Bot",
                             "--permission", "api.files.write",
                             "--permission", "api.model.request", "--description", "Ships builds")
        self.one_request(reqs, "POST", base, body={
            "role_name": "Deploy Bot", "description": "Ships builds",
            "permissions": ["api.files.write", "api.model.request"]})
        [stored] = [r for r in roles() if r["name"] == "Deploy Bot"]
        rid = stored["id"]
        self.assertEqual(role, {"object": "role", "id": rid, "name": "Deploy Bot",
                                "description": "Ships builds",
                                "permissions": ["api.files.write", "api.model.request"],
                                "resource_type": stored["resource_type"],
                                "predefined_role": False})

        got, reqs = self.ok(noun, "get", *prefix, rid)
        self.one_request(reqs, "GET", base + "/" + rid)
        self.assertEqual(got, role)

        updated, reqs = self.ok(noun, "update", *prefix, rid, "--name", "Deploy Robot",
                                "--null-description", "--no-permissions")
        self.one_request(reqs, "POST", base + "/" + rid,
                         body={"role_name": "Deploy Robot", "description": None, "permissions": []})
        self.assertEqual((updated["name"], updated["description"], updated["permissions"]),
                         ("Deploy Robot", None, []))
        [stored] = [r for r in roles() if r["id"] == rid]
        self.assertEqual((stored["name"], stored["description"], stored["permissions"]),
                         ("Deploy Robot", None, []))

        page, reqs = self.ok(noun, "list", *prefix, "--limit", "100")
        self.one_request(reqs, "GET", base, {"limit": "100"})
        self.assertEqual([r["id"] for r in page["data"]], [r["id"] for r in roles()])
        self.assertEqual(page["data"][-1], updated)
        self.assertEqual((page["object"], page["has_more"], page["next"]), ("list", False, None))

        gone, reqs = self.ok(noun, "delete", *prefix, rid)
        self.one_request(reqs, "DELETE", base + "/" + rid)
        self.assertEqual(gone, {"object": "role.deleted", "id": rid, "deleted": True})
        self.assertNotIn(rid, [r["id"] for r in roles()])
        r = self.cli(noun, "get", *prefix, rid)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"^error: 404 ")

    def check_assignments(self, noun, prefix, base, ptype, principal, role_id, project=None):
        """list, assign, get, remove one role of one user or group."""
        before = self.assigned(ptype, principal, project)
        self.assertNotIn(role_id, before)
        page, reqs = self.ok(noun, "list", *prefix)
        self.one_request(reqs, "GET", base, FITTING_LIMIT)
        self.assertEqual([r["id"] for r in page["data"]], before)
        self.assertTrue(all("object" not in r for r in page["data"]))

        asg, reqs = self.ok(noun, "assign", *prefix, role_id)
        self.one_request(reqs, "POST", base, body={"role_id": role_id})
        self.assertEqual(self.assigned(ptype, principal, project), before + [role_id])
        self.assertEqual(asg["object"], ptype + ".role")
        self.assertEqual(asg["role"]["id"], role_id)
        self.assertEqual(asg["role"]["object"], "role")
        state = self.sim.state()
        if ptype == "user":
            u = state["users"][principal]
            self.assertEqual(asg["user"], {"object": "organization.user", "id": principal,
                                           "name": u["name"], "email": u["email"]})
        else:
            self.assertEqual(asg["group"], {"object": "group", "id": principal,
                                            "name": state["groups"][principal]["name"]})

        got, reqs = self.ok(noun, "get", *prefix, role_id)
        self.one_request(reqs, "GET", base + "/" + role_id)
        self.assertEqual(got, {k: v for k, v in asg["role"].items() if k != "object"})

        page, _ = self.ok(noun, "list", *prefix, "--order", "desc")
        self.assertEqual([r["id"] for r in page["data"]], list(reversed(before + [role_id])))

        gone, reqs = self.ok(noun, "remove", *prefix, role_id)
        self.one_request(reqs, "DELETE", base + "/" + role_id)
        self.assertEqual(gone, {"object": ptype + ".role.deleted", "deleted": True})
        self.assertEqual(self.assigned(ptype, principal, project), before)
        r = self.cli(noun, "get", *prefix, role_id)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"^error: 404 ")

    def walk_pages(self, reqs, ids):
        """Check that the GETs of a walk asked for consecutive pages of ids:
        each `after` is the last item of the page before, unless the request
        repeats the one before it with a smaller limit (that page did not
        fit rx). Returns the limits asked for."""
        pos = 0
        limits = [int(q["query"]["limit"]) for q in reqs]
        for n, q in enumerate(reqs):
            self.assertEqual((q["method"], q["status"]), ("GET", 200))
            self.assertEqual(q["query"].get("after"), ids[pos - 1] if pos else None, q["query"])
            after = q["query"].get("after")
            if n + 1 < len(reqs) and reqs[n + 1]["query"].get("after") == after:  # refetched
                self.assertLess(limits[n + 1], limits[n])
            else:
                pos += limits[n]
        self.assertGreaterEqual(pos, len(ids))
        return limits

    # ---- roles at both scopes ------------------------------------------------

    def test_cli_org_role_lifecycle(self):
        self.check_role_lifecycle("org-role", [], "/v1/organization/roles", self.org_roles)

    def test_cli_project_role_lifecycle(self):
        org_before = self.org_roles()
        self.check_role_lifecycle("project-role", [PROJECT], "/v1/projects/%s/roles" % PROJECT,
                                  self.project_roles)
        self.assertEqual(self.org_roles(), org_before)  # the other scope is untouched

    def test_cli_create_sends_null_description_and_empty_permissions(self):
        role, reqs = self.ok("project-role", "create", PROJECT, "--name", "Nobody",
                             "--no-permissions", "--null-description")
        self.one_request(reqs, "POST", "/v1/projects/%s/roles" % PROJECT,
                         body={"role_name": "Nobody", "permissions": [], "description": None})
        self.assertEqual((role["permissions"], role["description"], role["resource_type"]),
                         ([], None, "api.project"))
        role, reqs = self.ok("org-role", "create", "--name", "Terse", "--permission", "api.x")
        self.one_request(reqs, "POST", "/v1/organization/roles",
                         body={"role_name": "Terse", "permissions": ["api.x"]})

    def test_cli_list_page_limit_after_order(self):
        ids = [r["id"] for r in self.org_roles()]
        page, reqs = self.ok("org-role", "list", "--limit", "2", "--order", "desc")
        self.one_request(reqs, "GET", "/v1/organization/roles", {"limit": "2", "order": "desc"})
        desc = list(reversed(ids))
        self.assertEqual([r["id"] for r in page["data"]], desc[:2])
        self.assertEqual((page["has_more"], page["next"]), (True, desc[1]))
        page, reqs = self.ok("org-role", "list", "--limit", "3", "--order", "desc",
                             "--after", page["next"])
        self.one_request(reqs, "GET", "/v1/organization/roles",
                         {"limit": "3", "order": "desc", "after": desc[1]})
        self.assertEqual([r["id"] for r in page["data"]], desc[2:5])

    def test_cli_get_percent_encodes_the_id(self):
        role, reqs = self.ok("org-role", "get", "role_sim/slash+plus")
        self.assertEqual(reqs[0]["raw_path"], "/v1/organization/roles/role_sim%2Fslash%2Bplus")
        self.assertEqual(reqs[0]["segments"], ["organization", "roles", "role_sim/slash+plus"])
        self.assertEqual((role["id"], role["name"]), ("role_sim/slash+plus", "Slash Role"))

    # ---- the sixteen assignment operations ----------------------------------

    def test_cli_org_user_role_assignments(self):
        self.check_assignments("org-user-role", ["user_ghi789"],
                               "/v1/organization/users/user_ghi789/roles",
                               "user", "user_ghi789", "role_01J1F8ROLE02")

    def test_cli_org_group_role_assignments(self):
        self.check_assignments("org-group-role", ["group_01J1F8ABCDXYZ"],
                               "/v1/organization/groups/group_01J1F8ABCDXYZ/roles",
                               "group", "group_01J1F8ABCDXYZ", "role_01J1F8ROLE03")

    def test_cli_project_user_role_assignments(self):
        self.check_assignments("project-user-role", [PROJECT, "user_abc123"],
                               "/v1/projects/%s/users/user_abc123/roles" % PROJECT,
                               "user", "user_abc123", "role_01J1F8PROJ02", PROJECT)

    def test_cli_project_group_role_assignments(self):
        self.check_assignments("project-group-role", [PROJECT, "group_01J1F8ENGINEER"],
                               "/v1/projects/%s/groups/group_01J1F8ENGINEER/roles" % PROJECT,
                               "group", "group_01J1F8ENGINEER", "role_01J1F8PROJ02", PROJECT)

    def test_cli_delete_role_removes_its_assignments(self):
        rid = "role_01J1F8ROLE01"
        holders = [(a["principal_type"], a["principal_id"])
                   for a in self.sim.state()["assignments"] if a["role_id"] == rid]
        self.assertEqual(sorted(holders), [("group", "group_01J1F8ABCDXYZ"), ("user", "user_abc123")])
        gone, _ = self.ok("org-role", "delete", rid)
        self.assertTrue(gone["deleted"])
        self.assertEqual([a for a in self.sim.state()["assignments"] if a["role_id"] == rid], [])
        page, _ = self.ok("org-user-role", "list", "user_abc123")
        self.assertEqual([r["id"] for r in page["data"]], ["role_01J1F8OWNER"])

    # ---- errors --------------------------------------------------------------

    def test_cli_duplicate_name_is_409(self):
        self.project_roles_before = self.project_roles()
        before = self.org_roles()
        r = self.cli("--max-retries", "0", "org-role", "create", "--name", "Billing Viewer",
                     "--no-permissions")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertRegex(r.stderr, r"^error: 409 invalid_request_error: .*Billing Viewer.* "
                                   r"\(request id req_[0-9a-f]+\)\n$")
        self.assertEqual(self.org_roles(), before)
        self.assertEqual(self.sim.stats()["writes"], 0)
        self.assertEqual([q["status"] for q in self.sim.requests()], [409])
        # a rename onto a taken name too; 409 is retried (as the official SDKs
        # do), twice by default, then reported
        r = self.cli("project-role", "update", PROJECT, "role_01J1F8PROJ02",
                     "--name", "API Project Key Manager")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"^error: 409 invalid_request_error: .*API Project Key Manager")
        self.assertEqual([q["status"] for q in self.sim.requests()], [409] * 4)
        self.assertEqual(self.project_roles(), self.project_roles_before)

    def test_cli_not_found_is_404(self):
        cases = [
            ("org-role", "get", "role_nope"),
            ("org-role", "delete", "role_nope"),
            ("project-role", "get", "proj_nope", "role_01J1F8PROJ"),
            ("org-user-role", "list", "user_nope"),
            ("org-user-role", "remove", "user_def456", "role_01J1F8ROLE01"),
            ("org-group-role", "assign", "group_01J1F8ABCDXYZ", "role_nope"),
            ("project-group-role", "get", PROJECT, "group_01J1F8ABCDXYZ", "role_01J1F8PROJ02"),
        ]
        for args in cases:
            with self.subTest(args=args):
                r = self.cli(*args)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertRegex(r.stderr, r"^error: 404 invalid_request_error: .+ "
                                           r"\(request id req_[0-9a-f]+\)\n$")
        self.assertEqual([q["status"] for q in self.sim.requests()], [404] * len(cases))
        self.assertEqual(self.sim.stats()["writes"], 0)

    def test_cli_invalid_input_exits_2_and_sends_nothing(self):
        cases = [
            ("org-role", "list", "--limit", "0"),
            ("org-role", "list", "--limit", "1001"),
            ("org-role", "list", "--limit", "ten"),
            ("org-role", "list", "--limit", "-1"),
            ("org-role", "list", "--limit", "+5"),
            ("org-role", "list", "--limit"),
            ("org-role", "list", "--order", "ASC"),
            ("org-role", "list", "--order", "sideways"),
            ("org-role", "list", "--after", ""),
            ("org-role", "list", "--all", "--after", "r" * 200),
            ("org-role", "list", "--all", "--after", "bad \udcff cursor"),
            ("org-role", "list", "--after", "r" * 200),
            ("org-role", "get", ""),
            ("org-role", "delete", ".."),
            ("project-role", "list", ""),
            ("project-role", "list", "", "--all"),
            ("project-role", "get", PROJECT, ""),
            ("org-user-role", "list", "", "--all"),
            ("org-user-role", "assign", "user_abc123", ""),
            ("org-group-role", "get", "", "role_01J1F8ROLE01"),
            ("project-user-role", "remove", PROJECT, "", "role_01J1F8PROJ"),
            ("project-group-role", "assign", "", "group_01J1F8ABCDXYZ", "role_01J1F8PROJ"),
            ("project-group-role", "list", PROJECT, "group\n1"),
            ("org-role", "create", "--permission", "api.x"),
            ("org-role", "create", "--name", "No permissions given"),
            ("org-role", "create", "--null-name", "--no-permissions"),
            ("org-role", "create", "--name", "x", "--null-permissions"),
            ("org-role", "create", "--name", "", "--no-permissions"),
            ("org-role", "create", "--name", "a\r\nb", "--no-permissions"),
            ("project-role", "create", PROJECT, "--name", "ok", "--permission", "api.x\ny"),
            ("org-role", "get", "role_01J1F8ROLE01", "--limit", "2"),
            ("org-role", "list", "--name", "x"),
            ("org-user-role", "assign", "user_abc123"),
            ("org-user-role", "get", "user_abc123", "role_01J1F8ROLE01", "extra"),
            ("project-user-role", "frobnicate", PROJECT),
        ]
        for args in cases:
            with self.subTest(args=args):
                r = self.cli(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertTrue(r.stderr.startswith("error: "), r.stderr)
        self.assertEqual(self.sim.stats()["requests"], 0)
        self.assertEqual(self.sim.stats()["connections"], 0)

    def test_cli_all_with_unknown_cursor_is_api_error(self):
        r = self.cli("org-role", "list", "--all", "--after", "role_nope")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertRegex(r.stderr, r"^error: 400 invalid_request_error: .*'after'")
        [q] = self.sim.requests()
        self.assertEqual(q["query"]["after"], "role_nope")

    def test_cli_help_names_every_command(self):
        r = subprocess.run([CLI, "--help"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0)
        for noun, verbs in [("org-role", "list create get update delete"),
                            ("project-role", "list create get update delete"),
                            ("org-user-role", "list assign get remove"),
                            ("org-group-role", "list assign get remove"),
                            ("project-user-role", "list assign get remove"),
                            ("project-group-role", "list assign get remove")]:
            lines = [line for line in r.stdout.splitlines() if line.strip().startswith(noun + " ")]
            named = " ".join(lines)
            for verb in verbs.split():
                self.assertIn(verb, named, noun)
        self.assertEqual(self.sim.stats()["requests"], 0)

    # ---- every page ------------------------------------------------------------

    def test_cli_all_on_default_rx_walks_every_page(self):
        listing, reqs = self.ok("org-role", "list", "--all")
        ids = [r["id"] for r in self.org_roles()]
        self.assertEqual([r["id"] for r in listing["data"]], ids)
        self.assertEqual((listing["object"], listing["has_more"], listing["next"]),
                         ("list", False, None))
        # no --limit: the page size the library derives from rx, which holds it whole
        limit = int(reqs[0]["query"]["limit"])
        self.assertEqual(len(reqs), -(-len(ids) // limit))
        self.walk_pages(reqs, ids)

    def test_cli_small_rx_all_walks_three_or_more_pages(self):
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(10))
        ids = [r["id"] for r in self.org_roles()]
        self.assertEqual(len(ids), 16)
        # one page of the whole list does not fit the small rx
        r = self.small_cli("org-role", "list", "--limit", "16")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("OARC_ERR_HTTP_BODY_TOO_LARGE response:", r.stderr)
        self.assertEqual(r.stdout, "")
        # without --limit, one page is what this rx should hold: min(1536 B / 600 B,
        # 128 tokens / 36) = 2 items, and the page says more follow
        page, reqs = self.ok("org-role", "list", exe=CLI_SMALL_RX)
        self.one_request(reqs, "GET", "/v1/organization/roles", {"limit": "2"})
        self.assertEqual([r["id"] for r in page["data"]], ids[:2])
        self.assertEqual((page["has_more"], page["next"]), (True, ids[1]))
        listing, reqs = self.ok("org-role", "list", "--all", exe=CLI_SMALL_RX)
        self.assertEqual([r["id"] for r in listing["data"]], ids)  # each once, in order
        self.assertEqual(listing["data"], [as_printed(r) for r in self.org_roles()])
        self.assertEqual((listing["has_more"], listing["next"]), (False, None))
        self.assertGreaterEqual(len(reqs), 3)
        self.walk_pages(reqs, ids)
        self.assertTrue(all(q["status"] == 200 for q in reqs))
        self.assertEqual(len({q["query"]["after"] for q in reqs[1:]}), len(reqs) - 1)

    def test_cli_one_large_item_does_not_shrink_every_later_page(self):
        """A 3000-byte description early in a long list forces the page size
        down to 1; after it the size grows back, so the rest of the list comes
        in full pages rather than one request per item."""
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(60, broken={0: {"description": "x" * 3000}}))
        ids = [r["id"] for r in self.org_roles()]
        self.assertEqual(len(ids), 66)
        listing, reqs = self.ok("org-role", "list", "--all")
        self.assertEqual([r["id"] for r in listing["data"]], ids)
        limits = self.walk_pages(reqs, ids)
        start = int(FITTING_LIMIT["limit"])
        self.assertEqual(limits[0], start)
        self.assertEqual(min(limits), 1)  # the large item's page was halved to one
        self.assertEqual(limits[-1], start)  # and the size came back
        # 66 items in pages of 6 are 11 requests; the detour costs a handful more,
        # where never growing back would cost one request per item (60+).
        self.assertLessEqual(len(reqs), 11 + 8)

    def test_cli_all_stops_at_a_page_that_is_not_a_list(self):
        """A 2xx page that does not decode as a list ends the walk at once
        (exit 3); it is not one bad item to pass over page after page."""
        self.sim.inject(kind="status", status=200, method="GET", path="/organization/roles",
                        body={"object": "not a list", "data": [], "has_more": False,
                              "next": None})
        r = self.cli("org-role", "list", "--all")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("OARC_ERR_JSON_SHAPE response:", r.stderr)
        self.assertNotIn("item left out", r.stderr)
        self.assertEqual(self.sim.stats()["requests"], 1)

    def test_cli_small_rx_large_limit_is_halved(self):
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(10))
        ids = [r["id"] for r in self.org_roles()]
        listing, reqs = self.ok("org-role", "list", "--all", "--limit", "16", exe=CLI_SMALL_RX)
        self.assertEqual([r["id"] for r in listing["data"]], ids)
        limits = self.walk_pages(reqs, ids)
        self.assertEqual(limits[0], 16)
        self.assertLess(limits[-1], 16)
        self.assertEqual(limits, sorted(limits, reverse=True))  # it halves, never grows
        # the same first page was asked for again with fewer items
        self.assertNotIn("after", reqs[1]["query"])
        self.assertGreaterEqual(sum(1 for q in reqs if q["query"].get("after")), 2)

    def test_cli_small_rx_walk_under_valgrind_memcheck_is_clean(self):
        """The paths a seed update does not take: pages that overflow rx (the
        connection dropped, the page asked for again with half the items),
        cursors carried from page to page, items streamed out."""
        if SANITIZED:
            self.skipTest("sanitizer build: valgrind runs in the gcc build")
        self.assertTrue(VALGRIND, "valgrind is required (Debian package valgrind)")
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(10))
        ids = [r["id"] for r in self.org_roles()]
        cmd = [VALGRIND, "--error-exitcode=99", "--leak-check=full",
               "--errors-for-leak-kinds=definite,indirect", "-q", CLI_SMALL_RX,
               "--base-url", self.sim.base_url, "--ca-file", self.sim.ca_file,
               "--timeout-ms", "60000", "org-role", "list", "--all", "--limit", "16"]
        r = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["id"] for x in json.loads(r.stdout)["data"]], ids)
        limits = [int(q["query"]["limit"]) for q in self.sim.requests()]
        self.assertEqual(limits[0], 16)
        self.assertLess(limits[-1], 16)  # it did overflow and halve

    def test_cli_small_rx_all_from_cursor_descending(self):
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(10))
        desc = list(reversed([r["id"] for r in self.org_roles()]))
        listing, reqs = self.ok("org-role", "list", "--all", "--order", "desc",
                                "--after", desc[2], exe=CLI_SMALL_RX)
        self.assertEqual([r["id"] for r in listing["data"]], desc[3:])
        self.assertEqual(reqs[0]["query"]["after"], desc[2])
        self.assertTrue(all(q["query"]["order"] == "desc" for q in reqs))
        self.assertGreaterEqual(len(reqs), 3)

    def test_cli_small_rx_all_walks_assignment_pages(self):
        fx = fixture_with_org_roles(9)
        for n in range(9):
            fx["assignments"].append({"principal_type": "user", "principal_id": "user_ghi789",
                                      "project_id": None, "role_id": "role_page%02d" % n})
        self.sim.stop()
        self.start_sim(fx)
        listing, reqs = self.ok("org-user-role", "list", "user_ghi789", "--all",
                                exe=CLI_SMALL_RX)
        ids = ["role_page%02d" % n for n in range(9)]
        self.assertEqual([r["id"] for r in listing["data"]], ids)
        self.assertEqual(listing["data"][0]["description"], "Role number 0 of a long list")
        self.assertGreaterEqual(len(reqs), 3)
        self.assertTrue(all(q["path"] == "/v1/organization/users/user_ghi789/roles"
                            for q in reqs))

    def test_cli_bad_items_are_reported_and_the_walk_goes_on(self):
        too_many = ["p.%02d" % n for n in range(33)]  # over OARC_MAX_PERMISSIONS (32)
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(10, broken={3: {"name": 42},
                                                          7: {"permissions": too_many}}))
        ids = [r["id"] for r in self.org_roles()]
        bad = ["role_page03", "role_page07"]
        for exe in (CLI_SMALL_RX, CLI):
            with self.subTest(exe=exe):
                since = self.last_seq()
                r = self.cli("org-role", "list", "--all", exe=exe)
                self.assertEqual(r.returncode, 3, r.stderr)
                listing = json.loads(r.stdout)
                self.assertEqual([x["id"] for x in listing["data"]],
                                 [i for i in ids if i not in bad])
                self.assertEqual(listing["has_more"], False)
                lines = r.stderr.splitlines()
                self.assertRegex(lines[0], r"^error: item %d: OARC_ERR_JSON_SHAPE: bad field 'name'"
                                 % ids.index("role_page03"))
                self.assertRegex(lines[1], r"^error: item %d: OARC_ERR_TOO_MANY_ITEMS: "
                                 r"bad field 'permissions'" % ids.index("role_page07"))
                self.assertEqual(lines[2], "error: 2 of %d items did not decode" % len(ids))
                if exe == CLI_SMALL_RX:
                    self.assertGreaterEqual(len(self.sim.requests(since=since)), 3)
        # one page, without --all: the same report, and the page's own has_more/next
        r = self.cli("org-role", "list", "--after", "role_page02", "--limit", "6")
        self.assertEqual(r.returncode, 3, r.stderr)
        page = json.loads(r.stdout)
        self.assertEqual([x["id"] for x in page["data"]],
                         ["role_page04", "role_page05", "role_page06", "role_page08"])
        self.assertEqual((page["has_more"], page["next"]), (True, "role_page08"))
        self.assertEqual(r.stderr.splitlines(), [
            "error: item 0: OARC_ERR_JSON_SHAPE: bad field 'name' (item left out)",
            "error: item 4: OARC_ERR_TOO_MANY_ITEMS: bad field 'permissions' (item left out)",
            "error: 2 of 6 items did not decode"])

    def test_cli_walk_failing_midway_exits_with_the_failure(self):
        self.sim.stop()
        self.start_sim(fixture_with_org_roles(10))
        self.sim.inject(kind="status", status=400, method="GET", skip=2, message="stop here")
        r = self.small_cli("org-role", "list", "--all")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"^error: 400 invalid_request_error: stop here")
        self.assertTrue(r.stdout.startswith('{"object":"list","data":['))
        with self.assertRaises(ValueError):  # unterminated: not taken for a whole list
            json.loads(r.stdout)
        self.assertEqual([q["status"] for q in self.sim.requests()], [200, 200, 400])


def as_printed(r):
    """A role of the simulator's state as the CLI prints it."""
    return {"object": "role", "id": r["id"], "name": r["name"], "description": r["description"],
            "permissions": r["permissions"], "resource_type": r["resource_type"],
            "predefined_role": r["predefined_role"]}


if __name__ == "__main__":
    unittest.main()
