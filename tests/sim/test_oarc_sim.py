"""Self-tests of the Roles API simulator (oarc_sim.py): run with
    cd tests/sim && python3 -m unittest -v test_oarc_sim
Clients here are the standard library's (http.client, ssl), trusting the
simulator's throwaway CA, plus a raw socket reader to see the bytes on the wire.
"""
import http.client
import json
import os
import re
import select
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from oarc_sim import Simulator  # noqa: E402

KEY = "sk-admin-selftest-0123456789"
ORG_ID = "org-selftest"
ROLE_KEYS = {"object", "id", "name", "description", "permissions", "resource_type", "predefined_role"}
ASSIGNED_KEYS = {"id", "name", "permissions", "resource_type", "predefined_role", "description",
                 "created_at", "updated_at", "created_by", "created_by_user_obj", "metadata",
                 "assignment_sources"}
ORG_ROLES = ["role_01J1F8OWNER", "role_01J1F8READER", "role_01J1F8ROLE01", "role_01J1F8ROLE02",
             "role_01J1F8ROLE03", "role_sim/slash+plus"]
REQUEST_ID = re.compile(r"^req_[0-9a-f]{32}$")
ANY = object()


def client_context(sim, tls12=False):
    ctx = ssl.create_default_context(cafile=sim.ca_file)
    if tls12:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def raw_connect(sim, tls12=False, session=None, timeout=5, server_hostname="localhost", ctx=None):
    """A socket to the simulator; with TLS, unclean EOFs raise (suppress_ragged_eofs=False)."""
    sock = socket.create_connection(("127.0.0.1", sim.port), timeout=timeout)
    if not sim.tls:
        return sock
    ctx = ctx or client_context(sim, tls12)
    try:
        return ctx.wrap_socket(sock, server_hostname=server_hostname, session=session,
                               suppress_ragged_eofs=False)
    except BaseException:
        sock.close()
        raise


def read_text(path):
    with open(path) as f:
        return f.read()


def raw_request(method, path, body=None, headers=None, key=KEY):
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: localhost"]
    if key is not None:
        lines.append("Authorization: Bearer %s" % key)
    if body is not None:
        lines += ["Content-Type: application/json", "Content-Length: %d" % len(body)]
    for k, v in (headers or {}).items():
        lines.append("%s: %s" % (k, v))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


def read_until_eof(sock):
    """(bytes, how): how is 'eof' (clean), 'unclean' (TLS EOF without close_notify),
    'reset' or 'timeout'."""
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ssl.SSLEOFError:
            return data, "unclean"
        except ConnectionResetError:
            return data, "reset"
        except socket.timeout:
            return data, "timeout"
        if not chunk:
            return data, "eof"
        data += chunk


class RawReader:
    """Reads HTTP/1.1 responses from a socket, keeping what it saw of the framing."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("connection closed")
        self.buf += chunk

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _take(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def response(self):
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        version, status, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            k, v = line.split(":", 1)
            headers.setdefault(k.strip().lower(), []).append(v.strip())
        chunk_lines = []
        if headers.get("transfer-encoding") == ["chunked"]:
            body = b""
            while True:
                size_line = self._line().decode("ascii")
                chunk_lines.append(size_line)
                size = int(size_line.split(";")[0], 16)
                if size == 0:
                    self._line()
                    break
                body += self._take(size)
                self.assertCRLF(self._take(2))
        else:
            body = self._take(int(headers["content-length"][0]))
        try:
            parsed = json.loads(body) if body else None
        except ValueError:  # a body_hex fault's bytes need not be JSON, nor UTF-8
            parsed = None
        return {"version": version, "status": int(status), "headers": headers, "body": body,
                "chunk_lines": chunk_lines, "json": parsed}

    @staticmethod
    def assertCRLF(two):
        if two != b"\r\n":
            raise AssertionError("chunk data not followed by CRLF: %r" % two)


class SimCase(unittest.TestCase):
    """One simulator for the class; state, faults, records and counters reset before each test."""

    sim_options = {}

    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(admin_key=KEY, organization=ORG_ID, **cls.sim_options).start()

    @classmethod
    def tearDownClass(cls):
        cls.sim.stop()

    def setUp(self):
        self.sim.reset_state()
        self.sim.clear_requests()

    def connection(self, timeout=5):
        return http.client.HTTPSConnection("localhost", self.sim.port, timeout=timeout,
                                           context=client_context(self.sim))

    def call(self, method, path, body=None, raw=None, headers=None, conn=None, prefix="/v1"):
        """(status, response, decoded JSON or None). `body` is JSON-encoded; `raw` is sent as is."""
        h = {"Authorization": "Bearer " + KEY}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        elif raw is not None:
            data = raw
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        own = conn is None
        conn = conn or self.connection()
        try:
            conn.request(method, prefix + path, body=data, headers=h)
            resp = conn.getresponse()
            text = resp.read()
        finally:
            if own:
                conn.close()
        return resp.status, resp, (json.loads(text) if text else None)

    def assertApiError(self, result, status, param=ANY, code=ANY, type_="invalid_request_error",
                       mentions=None):
        got_status, resp, body = result
        self.assertEqual(got_status, status, body)
        self.assertEqual(set(body), {"error"})
        err = body["error"]
        self.assertEqual(set(err), {"message", "type", "param", "code"})
        self.assertIsInstance(err["message"], str)
        self.assertEqual(err["type"], type_)
        if param is not ANY:
            self.assertEqual(err["param"], param, err)
        if code is not ANY:
            self.assertEqual(err["code"], code, err)
        if mentions is not None:
            self.assertIn(mentions, err["message"])
        self.assertRegex(resp.getheader("x-request-id"), REQUEST_ID)
        return err

    def assertRole(self, obj):
        self.assertEqual(set(obj), ROLE_KEYS)
        self.assertEqual(obj["object"], "role")
        self.assertIsInstance(obj["name"], str)
        self.assertIsInstance(obj["permissions"], list)
        self.assertIn(obj["resource_type"], ("api.organization", "api.project"))
        self.assertIsInstance(obj["predefined_role"], bool)


# ---------------------------------------------------------------------------


class Roles(SimCase):
    def role(self, path):
        status, _, body = self.call("GET", path)
        self.assertEqual(status, 200, body)
        return body

    def check_field_states(self, path, resource_type):
        before = self.role(path)
        self.assertEqual(before["resource_type"], resource_type)
        # description null clears it, the other fields absent stay
        status, _, r = self.call("POST", path, {"description": None})
        self.assertEqual(status, 200, r)
        self.assertRole(r)
        self.assertIsNone(r["description"])
        self.assertEqual((r["name"], r["permissions"]), (before["name"], before["permissions"]))
        # values replace
        status, _, r = self.call("POST", path, {"role_name": "Renamed", "permissions": ["a.read", "b.write"],
                                                "description": "New text"})
        self.assertEqual(status, 200, r)
        self.assertEqual((r["name"], r["permissions"], r["description"]),
                         ("Renamed", ["a.read", "b.write"], "New text"))
        # role_name null and permissions null leave them as they are
        status, _, r = self.call("POST", path, {"role_name": None, "permissions": None, "description": "x"})
        self.assertEqual(status, 200, r)
        self.assertEqual((r["name"], r["permissions"], r["description"]),
                         ("Renamed", ["a.read", "b.write"], "x"))
        # an empty permission list is a value
        status, _, r = self.call("POST", path, {"permissions": []})
        self.assertEqual(r["permissions"], [])
        self.assertEqual(self.role(path), r)
        self.assertEqual(self.sim.stats()["writes"], 4)

    def test_update_org_role_field_states(self):
        self.check_field_states("/organization/roles/role_01J1F8ROLE01", "api.organization")
        role = [r for r in self.sim.state()["organization"]["roles"] if r["id"] == "role_01J1F8ROLE01"][0]
        self.assertEqual(role["name"], "Renamed")

    def test_update_project_role_field_states(self):
        self.check_field_states("/projects/proj_abc123/roles/role_01J1F8PROJ", "api.project")

    def test_empty_update_changes_nothing_and_is_not_a_write(self):
        path = "/organization/roles/role_01J1F8ROLE02"
        before = self.role(path)
        for body in ({}, {"role_name": None}, {"permissions": None, "role_name": None}):
            status, _, r = self.call("POST", path, body)
            self.assertEqual((status, r), (200, before))
        self.assertEqual(self.sim.stats()["writes"], 0)
        # a value equal to the current one was still sent: a write, not a change
        self.call("POST", path, {"role_name": before["name"]})
        stats = self.sim.stats()
        self.assertEqual((stats["writes"], stats["state_changes"]), (1, 0))

    def test_predefined_roles_cannot_change(self):
        for method, body in (("POST", {"description": "x"}), ("POST", {}), ("DELETE", None)):
            self.assertApiError(self.call(method, "/organization/roles/role_01J1F8OWNER", body), 400,
                                code="predefined_role", mentions="role_01J1F8OWNER")
        self.assertApiError(self.call("DELETE", "/projects/proj_abc123/roles/role_01J1F8PROJOWNER"), 400)
        self.assertEqual(self.role("/organization/roles/role_01J1F8OWNER")["description"],
                         "Full control of the organization")

    def test_rename_onto_another_name_is_409(self):
        self.assertApiError(self.call("POST", "/organization/roles/role_01J1F8ROLE01",
                                      {"role_name": "Billing Viewer"}), 409, param="role_name")
        status, _, _ = self.call("POST", "/organization/roles/role_01J1F8ROLE01",
                                 {"role_name": "API Group Manager"})
        self.assertEqual(status, 200)

    def test_create_then_duplicate_is_409(self):
        status, _, r = self.call("POST", "/organization/roles",
                                 {"role_name": "Key Rotator", "permissions": ["api.keys.write"]})
        self.assertEqual(status, 200, r)
        self.assertRole(r)
        self.assertEqual((r["id"], r["name"], r["description"], r["predefined_role"], r["resource_type"]),
                         ("role_sim0001", "Key Rotator", None, False, "api.organization"))
        self.assertEqual(self.role("/organization/roles/role_sim0001"), r)
        err = self.assertApiError(self.call("POST", "/organization/roles",
                                            {"role_name": "Key Rotator", "permissions": []}),
                                  409, param="role_name")
        self.assertIn("Key Rotator", err["message"])
        status, _, r2 = self.call("POST", "/organization/roles",
                                  {"role_name": "Second", "permissions": [], "description": "d"})
        self.assertEqual((r2["id"], r2["description"]), ("role_sim0002", "d"))
        # the same name in a project is another scope
        status, _, p = self.call("POST", "/projects/proj_def456/roles",
                                 {"role_name": "Key Rotator", "permissions": ["x"], "description": None})
        self.assertEqual(status, 200, p)
        self.assertEqual(p["resource_type"], "api.project")
        names = [x["name"] for x in self.call("GET", "/projects/proj_def456/roles")[2]["data"]]
        self.assertEqual(names, ["Project Owner", "Firmware Deployer", "Key Rotator"])
        self.assertEqual(self.sim.stats()["writes"], 3)

    def test_create_validation(self):
        cases = [
            ({"permissions": []}, "role_name"),
            ({"role_name": "x"}, "permissions"),
            ({"role_name": "x", "permissions": [], "extra": 1}, "extra"),
            ({"role_name": 5, "permissions": []}, "role_name"),
            ({"role_name": "", "permissions": []}, "role_name"),
            ({"role_name": None, "permissions": []}, "role_name"),
            ({"role_name": "x", "permissions": "a"}, "permissions"),
            ({"role_name": "x", "permissions": None}, "permissions"),
            ({"role_name": "x", "permissions": ["a", 2]}, "permissions"),
            ({"role_name": "x", "permissions": [], "description": 7}, "description"),
        ]
        for body, param in cases:
            with self.subTest(body=body):
                self.assertApiError(self.call("POST", "/organization/roles", body), 400, param=param)
        self.assertApiError(self.call("POST", "/projects/proj_nope/roles",
                                      {"role_name": "x", "permissions": []}), 404, mentions="proj_nope")
        self.assertEqual(len(self.sim.state()["organization"]["roles"]), len(ORG_ROLES))

    def test_update_validation_names_the_field(self):
        path = "/organization/roles/role_01J1F8ROLE01"
        cases = [
            ({"name": "x"}, "name"),
            ({"role_name": "x", "colour": "red"}, "colour"),
            ({"role_name": 5}, "role_name"),
            ({"role_name": ""}, "role_name"),
            ({"role_name": ["x"]}, "role_name"),
            ({"permissions": "x"}, "permissions"),
            ({"permissions": [1]}, "permissions"),
            ({"permissions": ["a", None]}, "permissions"),
            ({"permissions": {"a": 1}}, "permissions"),
            ({"description": False}, "description"),
        ]
        for body, param in cases:
            with self.subTest(body=body):
                err = self.assertApiError(self.call("POST", path, body), 400, param=param)
                self.assertIn(param, err["message"])
        err = self.assertApiError(self.call("POST", path, {"permissions": ["ok", 1]}), 400)
        self.assertIn("permissions[1]", err["message"])
        self.assertEqual(self.sim.stats()["writes"], 0)
        self.assertEqual(self.role(path)["name"], "API Group Manager")

    def test_body_must_be_a_utf8_json_object_with_json_content_type(self):
        path = "/organization/roles/role_01J1F8ROLE01"
        for raw in (b"{", b"[]", b'"x"', b"null", b"", b'{"role_name": NaN}', b"\xef\xbb\xbf{}"):
            with self.subTest(raw=raw):
                self.assertApiError(self.call("POST", path, raw=raw), 400, param=None)
        self.assertApiError(self.call("POST", path, raw='{"role_name": "Zoë"}'.encode("latin-1")), 400,
                            mentions="UTF-8")
        self.assertApiError(self.call("POST", path, raw=b'{"role_name":"a","role_name":"b"}'), 400,
                            param="role_name")
        for ctype in ("text/plain", None, "application/jsonx"):
            with self.subTest(ctype=ctype):
                self.assertApiError(self.call("POST", path, raw=b"{}", headers={"Content-Type": ctype}), 400)
        status, _, r = self.call("POST", path, raw='{"role_name": "Zoë"}'.encode(),
                                 headers={"Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual((status, r["name"]), (200, "Zoë"))

    def test_missing_body_on_post(self):
        self.assertApiError(self.call("POST", "/organization/roles/role_01J1F8ROLE01",
                                      headers={"Content-Type": None}), 400)
        self.assertApiError(self.call("POST", "/organization/users/user_abc123/roles"), 400)
        self.assertEqual(self.sim.requests()[0]["body"], "")

    def test_404s_mention_the_id(self):
        cases = [
            ("GET", "/organization/roles/role_nope", "role_nope"),
            ("POST", "/organization/roles/role_nope", "role_nope"),
            ("DELETE", "/organization/roles/role_nope", "role_nope"),
            ("GET", "/organization/roles/role_01J1F8PROJ", "role_01J1F8PROJ"),  # a project role
            ("GET", "/projects/proj_abc123/roles/role_01J1F8ROLE01", "role_01J1F8ROLE01"),
            ("GET", "/projects/proj_def456/roles/role_01J1F8PROJ", "role_01J1F8PROJ"),
            ("GET", "/projects/proj_nope/roles", "proj_nope"),
            ("GET", "/projects/proj_nope/roles/role_01J1F8PROJ", "proj_nope"),
            ("GET", "/organization/users/user_nope/roles", "user_nope"),
            ("GET", "/organization/groups/group_nope/roles", "group_nope"),
            ("GET", "/projects/proj_abc123/users/user_nope/roles", "user_nope"),
            ("GET", "/projects/proj_nope/groups/group_01J1F8ABCDXYZ/roles", "proj_nope"),
        ]
        for method, path, ident in cases:
            with self.subTest(path=path, method=method):
                body = {"description": "x"} if method == "POST" else None
                self.assertApiError(self.call(method, path, body), 404, param=None, code=None, mentions=ident)

    def test_unknown_urls_are_404_invalid_url(self):
        cases = [
            ("GET", "/organization/roles", ""),                # no /v1 prefix
            ("GET", "/v2/organization/roles", ""),
            ("GET", "/organization/roles/", "/v1"),            # empty segment
            ("GET", "/organization//roles", "/v1"),
            ("GET", "/organization/rolez", "/v1"),
            ("PUT", "/organization/roles/role_01J1F8ROLE01", "/v1"),
            ("PATCH", "/organization/roles/role_01J1F8ROLE01", "/v1"),
            ("POST", "/organization/users/user_abc123/roles/role_01J1F8ROLE01", "/v1"),
            ("DELETE", "/organization/roles", "/v1"),
        ]
        for method, path, prefix in cases:
            with self.subTest(method=method, path=prefix + path):
                body = {} if method in ("POST", "PUT", "PATCH") else None
                err = self.assertApiError(self.call(method, path, body, prefix=prefix), 404)
                self.assertTrue(err["message"].startswith("Invalid URL (%s " % method), err)

    def test_path_ids_are_percent_decoded_segments(self):
        status, _, r = self.call("GET", "/organization/roles/role_sim%2Fslash%2Bplus")
        self.assertEqual((status, r["id"]), (200, "role_sim/slash+plus"))
        rec = self.sim.requests()[-1]
        self.assertEqual(rec["raw_path"], "/v1/organization/roles/role_sim%2Fslash%2Bplus")
        self.assertEqual(rec["segments"], ["organization", "roles", "role_sim/slash+plus"])
        status, _, r = self.call("GET", "/organization/roles/role_%30%31J1F8ROLE01")
        self.assertEqual((status, r["id"]), (200, "role_01J1F8ROLE01"))
        # unencoded, the '/' splits the path: no such route
        self.assertApiError(self.call("GET", "/organization/roles/role_sim/slash+plus"), 404)
        status, _, r = self.call("GET", "/organization/users/user_with%2Fslash/roles")
        self.assertEqual((status, r["data"]), (200, []))
        self.assertApiError(self.call("GET", "/organization/roles/role_%zz"), 400)
        self.assertApiError(self.call("GET", "/organization/roles/role_%ff"), 400)

    def test_delete_removes_the_role_and_its_assignments(self):
        rid = "role_01J1F8ROLE01"
        status, _, r = self.call("DELETE", "/organization/roles/" + rid)
        self.assertEqual((status, r), (200, {"object": "role.deleted", "id": rid, "deleted": True}))
        self.assertApiError(self.call("GET", "/organization/roles/" + rid), 404)
        self.assertApiError(self.call("DELETE", "/organization/roles/" + rid), 404)
        self.assertNotIn(rid, [x["id"] for x in self.call("GET", "/organization/users/user_abc123/roles")[2]["data"]])
        self.assertEqual(self.call("GET", "/organization/groups/group_01J1F8ABCDXYZ/roles")[2]["data"], [])
        self.assertFalse([a for a in self.sim.state()["assignments"] if a["role_id"] == rid])
        # a project role too
        status, _, r = self.call("DELETE", "/projects/proj_abc123/roles/role_01J1F8PROJ")
        self.assertEqual(r["id"], "role_01J1F8PROJ")
        self.assertEqual(self.call("GET", "/projects/proj_abc123/groups/group_01J1F8ABCDXYZ/roles")[2]["data"], [])
        stats = self.sim.stats()
        self.assertEqual((stats["writes"], stats["state_changes"]), (2, 2))

    def test_reset_state_restores_the_fixture(self):
        self.call("DELETE", "/organization/roles/role_01J1F8ROLE01")
        self.sim.reset_state()
        self.assertEqual(self.call("GET", "/organization/roles/role_01J1F8ROLE01")[0], 200)


class Pagination(SimCase):
    def pages(self, path, **query):
        seen, after, count = [], None, 0
        while True:
            q = dict(query)
            if after is not None:
                q["after"] = after
            qs = "&".join("%s=%s" % (k, urllib.request.quote(str(v), safe="")) for k, v in q.items())
            status, _, page = self.call("GET", path + ("?" + qs if qs else ""))
            self.assertEqual(status, 200, page)
            self.assertEqual(set(page), {"object", "data", "has_more", "next"})
            self.assertEqual(page["object"], "list")
            count += 1
            seen += [x["id"] for x in page["data"]]
            if not page["has_more"]:
                self.assertIsNone(page["next"])
                return seen, count
            self.assertEqual(page["next"], page["data"][-1]["id"])
            after = page["next"]

    def test_org_roles_in_pages_of_two_both_orders(self):
        seen, count = self.pages("/organization/roles", limit=2)
        self.assertEqual((seen, count), (ORG_ROLES, 3))
        seen, count = self.pages("/organization/roles", limit=2, order="desc")
        self.assertEqual((seen, count), (ORG_ROLES[::-1], 3))
        seen, count = self.pages("/organization/roles", limit=4, order="asc")
        self.assertEqual((seen, count), (ORG_ROLES, 2))
        seen, count = self.pages("/organization/roles")
        self.assertEqual((seen, count), (ORG_ROLES, 1))

    def test_limit_zero_means_the_default(self):
        self.assertEqual(self.pages("/organization/roles", limit=0), (ORG_ROLES, 1))
        self.assertEqual(self.pages("/organization/roles", limit=1000), (ORG_ROLES, 1))

    def test_project_roles_and_assignments_page_too(self):
        seen, count = self.pages("/projects/proj_abc123/roles", limit=1, order="desc")
        self.assertEqual(seen, ["role_01J1F8PROJ02", "role_01J1F8PROJ", "role_01J1F8PROJOWNER"])
        self.assertEqual(count, 3)
        for rid in ("role_01J1F8ROLE02", "role_01J1F8ROLE03", "role_sim/slash+plus"):
            self.assertEqual(self.call("POST", "/organization/users/user_abc123/roles", {"role_id": rid})[0], 200)
        seen, count = self.pages("/organization/users/user_abc123/roles", limit=2)
        self.assertEqual(seen, ["role_01J1F8OWNER", "role_01J1F8ROLE01", "role_01J1F8ROLE02",
                                "role_01J1F8ROLE03", "role_sim/slash+plus"])
        self.assertEqual(count, 3)
        seen, _ = self.pages("/organization/users/user_abc123/roles", limit=2, order="desc")
        self.assertEqual(seen[0], "role_sim/slash+plus")

    def test_bad_list_parameters_are_400_with_param(self):
        for qs, param in (("limit=abc", "limit"), ("limit=1.5", "limit"), ("limit=-1", "limit"),
                          ("limit=1001", "limit"), ("limit=", "limit"), ("limit=%201", "limit"),
                          ("order=up", "order"), ("order=DESC", "order"), ("after=role_nope", "after"),
                          ("after=", "after"), ("limit=1&limit=2", "limit")):
            with self.subTest(qs=qs):
                self.assertApiError(self.call("GET", "/organization/roles?" + qs), 400, param=param)
        self.assertApiError(self.call("GET", "/organization/groups/group_01J1F8ABCDXYZ/roles?order=sideways"),
                            400, param="order")

    def test_unknown_query_parameters_are_ignored(self):
        self.assertEqual(self.call("GET", "/organization/roles?foo=bar")[0], 200)


class Assignments(SimCase):
    def test_list_shape_has_all_twelve_fields(self):
        status, _, page = self.call("GET", "/organization/users/user_abc123/roles")
        self.assertEqual(status, 200)
        self.assertEqual([x["id"] for x in page["data"]], ["role_01J1F8OWNER", "role_01J1F8ROLE01"])
        for item in page["data"]:
            self.assertEqual(set(item), ASSIGNED_KEYS)
        owner, custom = page["data"]
        self.assertEqual((owner["created_at"], owner["created_by"], owner["created_by_user_obj"],
                          owner["metadata"], owner["predefined_role"]), (None, None, None, None, True))
        self.assertEqual(custom["created_by_user_obj"],
                         {"id": "user_abc123", "name": "Ada Lovelace", "email": "ada@example.com"})
        self.assertEqual((custom["created_at"], custom["updated_at"], custom["metadata"],
                          custom["assignment_sources"]), (1711471533, 1711472599, {}, None))
        # a creator that is not a user of the organization: created_by kept, no user object
        status, _, page = self.call("GET", "/organization/groups/group_01J1F8ENGINEER/roles")
        self.assertEqual((page["data"][0]["created_by"], page["data"][0]["created_by_user_obj"]),
                         ("user_gone000", None))
        status, _, page = self.call("GET", "/projects/proj_abc123/users/user_ghi789/roles")
        self.assertEqual(page["data"][0]["assignment_sources"],
                         [{"principal_id": "group_01J1F8ENGINEER", "principal_type": "group"}])

    def test_retrieve_returns_assigned_role_details(self):
        for path in ("/organization/users/user_abc123/roles/role_01J1F8ROLE01",
                     "/organization/groups/group_01J1F8ABCDXYZ/roles/role_01J1F8ROLE01",
                     "/projects/proj_abc123/users/user_abc123/roles/role_01J1F8PROJ",
                     "/projects/proj_abc123/groups/group_01J1F8ABCDXYZ/roles/role_01J1F8PROJ"):
            with self.subTest(path=path):
                status, _, r = self.call("GET", path)
                self.assertEqual(status, 200, r)
                self.assertEqual(set(r), ASSIGNED_KEYS)
        self.assertApiError(self.call("GET", "/organization/users/user_def456/roles/role_01J1F8ROLE01"), 404,
                            mentions="user_def456")

    def test_assign_user_and_group_shapes(self):
        status, _, r = self.call("POST", "/organization/users/user_ghi789/roles", {"role_id": "role_01J1F8ROLE02"})
        self.assertEqual(status, 200, r)
        self.assertEqual(set(r), {"object", "user", "role"})
        self.assertEqual(r["object"], "user.role")
        self.assertEqual(r["user"], {"object": "organization.user", "id": "user_ghi789", "name": "Zoë Ångström",
                                     "email": "zoe@example.com", "role": "reader", "added_at": 1711470200})
        self.assertRole(r["role"])
        self.assertEqual(r["role"]["id"], "role_01J1F8ROLE02")
        status, _, r = self.call("POST", "/projects/proj_def456/groups/group_01J1F8ABCDXYZ/roles",
                                 {"role_id": "role_01J1F8DEF01"})
        self.assertEqual(status, 200, r)
        self.assertEqual(r["object"], "group.role")
        self.assertEqual(r["group"], {"object": "group", "id": "group_01J1F8ABCDXYZ", "name": "Support Team",
                                      "created_at": 1711471533, "scim_managed": False})
        self.assertEqual(r["role"]["resource_type"], "api.project")
        ids = [x["id"] for x in self.call("GET", "/projects/proj_def456/groups/group_01J1F8ABCDXYZ/roles")[2]["data"]]
        self.assertEqual(ids, ["role_01J1F8DEF01"])

    def test_assigning_twice_is_idempotent(self):
        for _ in range(2):
            status, _, r = self.call("POST", "/projects/proj_abc123/users/user_def456/roles",
                                     {"role_id": "role_01J1F8PROJ02"})
            self.assertEqual((status, r["object"]), (200, "user.role"))
        data = self.call("GET", "/projects/proj_abc123/users/user_def456/roles")[2]["data"]
        self.assertEqual([x["id"] for x in data], ["role_01J1F8PROJ02"])
        stats = self.sim.stats()
        self.assertEqual((stats["writes"], stats["state_changes"]), (2, 1))

    def test_unassign_user_and_group(self):
        status, _, r = self.call("DELETE", "/organization/users/user_abc123/roles/role_01J1F8ROLE01")
        self.assertEqual((status, r), (200, {"object": "user.role.deleted", "deleted": True}))
        self.assertApiError(self.call("DELETE", "/organization/users/user_abc123/roles/role_01J1F8ROLE01"), 404)
        status, _, r = self.call("DELETE", "/projects/proj_abc123/groups/group_01J1F8ABCDXYZ/roles/role_01J1F8PROJ")
        self.assertEqual((status, r), (200, {"object": "group.role.deleted", "deleted": True}))
        self.assertEqual(self.call("GET", "/organization/roles/role_01J1F8ROLE01")[0], 200)  # the role stays

    def test_scope_mismatch_is_400_and_unknown_role_404(self):
        self.assertApiError(self.call("POST", "/organization/users/user_abc123/roles",
                                      {"role_id": "role_01J1F8PROJ"}), 400, param="role_id")
        self.assertApiError(self.call("POST", "/projects/proj_abc123/users/user_abc123/roles",
                                      {"role_id": "role_01J1F8ROLE02"}), 400, param="role_id")
        self.assertApiError(self.call("POST", "/projects/proj_abc123/groups/group_01J1F8ABCDXYZ/roles",
                                      {"role_id": "role_01J1F8DEF01"}), 400, param="role_id")
        self.assertApiError(self.call("POST", "/organization/groups/group_01J1F8ABCDXYZ/roles",
                                      {"role_id": "role_nope"}), 404, param="role_id", mentions="role_nope")
        self.assertApiError(self.call("POST", "/organization/users/user_nope/roles",
                                      {"role_id": "role_01J1F8ROLE02"}), 404, mentions="user_nope")
        self.assertEqual(self.sim.stats()["writes"], 0)

    def test_assign_body_validation(self):
        path = "/organization/users/user_def456/roles"
        for body, param in (({}, "role_id"), ({"role_id": 5}, "role_id"), ({"role_id": None}, "role_id"),
                            ({"role_id": ""}, "role_id"), ({"role_id": "role_01J1F8ROLE01", "x": 1}, "x")):
            with self.subTest(body=body):
                self.assertApiError(self.call("POST", path, body), 400, param=param)


class Auth(SimCase):
    def test_missing_and_wrong_keys_are_401(self):
        err = self.assertApiError(self.call("GET", "/organization/roles", headers={"Authorization": None}),
                                  401, code="invalid_api_key", param=None)
        self.assertIn("API key", err["message"])
        for value in ("Bearer sk-admin-wrong-key-abcdefghijkl", "Bearer " + KEY + "x", "Basic " + KEY,
                      "Bearer", KEY):
            with self.subTest(value=value):
                err = self.assertApiError(self.call("GET", "/organization/roles",
                                                    headers={"Authorization": value}),
                                          401, code="invalid_api_key", param=None)
                self.assertNotIn(KEY, err["message"])
                self.assertNotIn("sk-admin-wrong-key-abcdefghijkl", err["message"])
        err = self.assertApiError(self.call("GET", "/organization/roles",
                                            headers={"Authorization": "Bearer sk-admin-wrong-key-abcdefghijkl"}), 401)
        self.assertIn("Incorrect API key provided: sk-adm", err["message"])
        self.assertIn("ijkl", err["message"])
        self.assertEqual(self.call("GET", "/organization/roles", headers={"Authorization": "bearer " + KEY})[0], 200)

    def test_401_comes_before_404_and_writes_nothing(self):
        self.assertApiError(self.call("DELETE", "/organization/roles/role_01J1F8ROLE01",
                                      headers={"Authorization": "Bearer nope"}), 401)
        self.assertApiError(self.call("GET", "/nowhere", headers={"Authorization": None}), 401)
        self.assertEqual(self.call("GET", "/organization/roles/role_01J1F8ROLE01")[0], 200)

    def test_organization_header(self):
        self.assertEqual(self.call("GET", "/organization/roles", headers={"OpenAI-Organization": ORG_ID})[0], 200)
        self.assertApiError(self.call("GET", "/organization/roles", headers={"OpenAI-Organization": "org-other"}),
                            401, code="mismatched_organization")

    def test_recorded_authorization_is_never_the_key(self):
        self.call("GET", "/organization/roles")
        self.call("GET", "/organization/roles", headers={"Authorization": "Bearer sk-admin-secret-999999"})
        self.call("GET", "/organization/roles", headers={"Authorization": None})
        recs = self.sim.requests()
        self.assertEqual([r["auth"] for r in recs], ["matched", "mismatched", "missing"])
        dumped = json.dumps(recs)
        self.assertNotIn(KEY, dumped)
        self.assertNotIn("sk-admin-secret-999999", dumped)
        self.assertIn(["Authorization", "[matched]"], recs[0]["headers"])
        self.assertIn(["Authorization", "[mismatched]"], recs[1]["headers"])


class Wire(SimCase):
    def test_chunked_framing_and_request_ids_on_the_wire(self):
        sock = raw_connect(self.sim)
        reader = RawReader(sock)
        ids, multi, ext, cases = set(), 0, 0, set()
        paths = ["/v1/organization/roles", "/v1/organization/roles/role_01J1F8ROLE01",
                 "/v1/projects/proj_abc123/roles", "/v1/organization/users/user_abc123/roles"] * 3
        for path in paths:
            sock.sendall(raw_request("GET", path))
            r = reader.response()
            self.assertEqual((r["version"], r["status"]), ("HTTP/1.1", 200))
            self.assertEqual(r["headers"]["transfer-encoding"], ["chunked"])
            self.assertNotIn("content-length", r["headers"])
            self.assertEqual(r["headers"]["content-type"], ["application/json"])
            self.assertEqual(r["headers"]["connection"], ["keep-alive"])
            [rid] = r["headers"]["x-request-id"]
            self.assertRegex(rid, REQUEST_ID)
            ids.add(rid)
            multi += len(r["chunk_lines"]) > 2
            ext += any(";" in line for line in r["chunk_lines"])
            cases.update("upper" if re.search("[A-F]", line) else "lower"
                         for line in r["chunk_lines"] if re.search("[a-fA-F]", line.split(";")[0]))
            status, _, expected = self.call("GET", path[3:])
            self.assertEqual(r["json"], expected)
        sock.close()
        self.assertEqual(len(ids), len(paths))
        self.assertGreater(multi, 0, "no body was split in several chunks")
        self.assertGreater(ext, 0, "no chunk extension was sent")
        self.assertEqual(self.sim.stats()["connections"], 1 + len(paths))
        recs = self.sim.requests()
        self.assertEqual({r["request_id"] for r in recs[::2]}, ids)

    def test_errors_are_chunked_too_and_carry_a_request_id(self):
        sock = raw_connect(self.sim)
        sock.sendall(raw_request("GET", "/v1/organization/roles/role_nope"))
        r = RawReader(sock).response()
        sock.close()
        self.assertEqual(r["status"], 404)
        self.assertEqual(r["headers"]["transfer-encoding"], ["chunked"])
        self.assertRegex(r["headers"]["x-request-id"][0], REQUEST_ID)
        self.assertEqual(set(r["json"]["error"]), {"message", "type", "param", "code"})

    def test_five_requests_on_one_connection_make_one_handshake(self):
        conn = self.connection()
        for i in range(5):
            status, resp, _ = self.call("POST", "/organization/roles/role_01J1F8ROLE01",
                                        {"description": "n%d" % i}, conn=conn)
            self.assertEqual(status, 200)
        conn.close()
        stats = self.sim.stats()
        self.assertEqual((stats["connections"], stats["tls_handshakes"], stats["tls_resumed"],
                          stats["requests"], stats["writes"]), (1, 1, 0, 5, 5))
        self.assertEqual({r["conn_id"] for r in self.sim.requests()}, {self.sim.requests()[0]["conn_id"]})

    def test_tls12_session_resumption_is_counted(self):
        ctx = client_context(self.sim, tls12=True)  # a session resumes only in its own context
        first = raw_connect(self.sim, ctx=ctx)
        self.assertEqual(first.version(), "TLSv1.2")
        self.assertRegex(first.cipher()[0], r"^ECDHE-(ECDSA|RSA)-AES(128|256)-GCM-SHA(256|384)$")
        first.sendall(raw_request("GET", "/v1/organization/roles?limit=1"))
        RawReader(first).response()
        session = first.session
        first.close()
        second = raw_connect(self.sim, ctx=ctx, session=session)
        self.assertTrue(second.session_reused)
        second.sendall(raw_request("GET", "/v1/organization/roles?limit=1"))
        self.assertEqual(RawReader(second).response()["status"], 200)
        second.close()
        stats = self.sim.stats()
        self.assertEqual((stats["connections"], stats["tls_handshakes"], stats["tls_resumed"]), (2, 1, 1))
        self.assertEqual([r["tls_resumed"] for r in self.sim.requests()], [False, True])

    def test_each_handshake_is_recorded_with_its_version_and_resumption(self):
        ctx = client_context(self.sim, tls12=True)
        first = raw_connect(self.sim, ctx=ctx)
        first.sendall(raw_request("GET", "/v1/organization/roles?limit=1"))
        RawReader(first).response()
        session = first.session
        first.close()
        second = raw_connect(self.sim, ctx=ctx, session=session)  # no request on it
        second.close()
        third = raw_connect(self.sim)  # TLS 1.3 offered: taken
        self.assertEqual(third.version(), "TLSv1.3")
        third.close()
        deadline = time.time() + 2
        while len(self.sim.handshakes()) < 3 and time.time() < deadline:
            time.sleep(0.02)
        got = [(h["tls_version"], h["tls_resumed"]) for h in self.sim.handshakes()]
        self.assertEqual(got, [("TLSv1.2", False), ("TLSv1.2", True), ("TLSv1.3", False)])
        self.assertEqual(len({h["conn_id"] for h in self.sim.handshakes()}), 3)
        self.assertEqual(self.sim.stats()["tls_versions"], {"TLSv1.2": 2, "TLSv1.3": 1})
        self.sim.clear_requests()
        self.assertEqual(self.sim.handshakes(), [])

    def test_a_ticket_resumes_after_a_fault_cut_the_connection(self):
        ctx = client_context(self.sim, tls12=True)
        first = raw_connect(self.sim, ctx=ctx)
        self.sim.inject(kind="close_mid_body")
        first.sendall(raw_request("GET", "/v1/organization/roles"))
        self.assertEqual(read_until_eof(first)[1], "unclean")
        session = first.session
        first.close()
        self.assertTrue(session.has_ticket)
        second = raw_connect(self.sim, ctx=ctx, session=session)
        self.assertTrue(second.session_reused)
        second.sendall(raw_request("GET", "/v1/organization/roles?limit=1"))
        self.assertEqual(RawReader(second).response()["status"], 200)
        second.close()
        stats = self.sim.stats()
        self.assertEqual((stats["tls_handshakes"], stats["tls_resumed"]), (1, 1))

    def test_non_gcm_or_non_ecdhe_tls12_suites_are_refused(self):
        ctx = client_context(self.sim, tls12=True)
        ctx.set_ciphers("AES128-SHA256:AES256-GCM-SHA384:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA")
        sock = socket.create_connection(("127.0.0.1", self.sim.port), timeout=5)
        with self.assertRaises(ssl.SSLError):
            ctx.wrap_socket(sock, server_hostname="localhost")
        sock.close()
        deadline = time.time() + 2
        while self.sim.stats()["tls_failures"] < 1 and time.time() < deadline:
            time.sleep(0.02)
        self.assertEqual(self.sim.stats()["tls_failures"], 1)

    def test_connection_close_is_honoured(self):
        sock = raw_connect(self.sim)
        sock.sendall(raw_request("GET", "/v1/organization/roles", headers={"Connection": "close"}))
        data, how = read_until_eof(sock)
        sock.close()
        self.assertIn(b"\r\nConnection: close\r\n", data)
        self.assertEqual(how, "eof")  # with a TLS close_notify

    def test_pipelined_and_chunked_requests_and_expect_continue(self):
        sock = raw_connect(self.sim)
        body = b'{"description": "chunked"}'
        chunked = (b"POST /v1/organization/roles/role_01J1F8ROLE02 HTTP/1.1\r\nHost: localhost\r\n"
                   b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Type: application/json\r\n"
                   b"Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
        sock.sendall(chunked)
        self.assertEqual(sock.recv(100), b"HTTP/1.1 100 Continue\r\n\r\n")
        sock.sendall(b"5;x=y\r\n" + body[:5] + b"\r\n%x\r\n" % (len(body) - 5) + body[5:] + b"\r\n0\r\n\r\n"
                     + raw_request("GET", "/v1/organization/roles/role_01J1F8ROLE02")
                     + raw_request("GET", "/v1/organization/roles/role_01J1F8ROLE03"))
        reader = RawReader(sock)
        r1, r2, r3 = reader.response(), reader.response(), reader.response()
        sock.close()
        self.assertEqual((r1["status"], r1["json"]["description"]), (200, "chunked"))
        self.assertEqual(r2["json"]["description"], "chunked")
        self.assertEqual(r3["json"]["id"], "role_01J1F8ROLE03")
        self.assertEqual(self.sim.requests()[0]["body"], body.decode())

    def test_http10_gets_content_length(self):
        sock = raw_connect(self.sim)
        sock.sendall(b"GET /v1/organization/roles HTTP/1.0\r\nAuthorization: Bearer " + KEY.encode() + b"\r\n\r\n")
        data, _ = read_until_eof(sock)
        sock.close()
        head, body = data.split(b"\r\n\r\n", 1)
        self.assertIn(b"\r\nContent-Length: %d" % len(body), head)
        self.assertNotIn(b"chunked", head)

    def test_malformed_requests_get_400_and_close(self):
        for raw in (b"GARBAGE\r\n\r\n", b"GET /v1/organization/roles HTTP/1.1\r\nAuthorization: x\r\n\r\n",
                    b"GET /v1/organization/roles HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
                    b"POST /v1/organization/roles HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n"):
            with self.subTest(raw=raw):
                sock = raw_connect(self.sim)
                sock.sendall(raw)
                data, _ = read_until_eof(sock)
                sock.close()
                self.assertTrue(data.startswith(b"HTTP/1.1 400 "), data)
        self.assertEqual(self.sim.stats()["statuses"], {"400": 4})

    def test_recorded_request(self):
        _, _, answer = self.call("POST", "/projects/proj_abc123/roles/role_01J1F8PROJ?x=1",
                                 {"role_name": "Zoë"})
        [rec] = self.sim.requests()
        # The whole answer on the wire: head, framing and the pretty-printed body.
        body_len = len(self.sim._encode_json(answer))
        self.assertGreater(rec["response_bytes"], body_len + len("HTTP/1.1 200 OK\r\n\r\n"))
        self.assertLess(rec["response_bytes"], body_len + 1024)
        self.assertEqual((rec["method"], rec["raw_path"], rec["path"], rec["query"], rec["query_raw"]),
                         ("POST", "/v1/projects/proj_abc123/roles/role_01J1F8PROJ",
                          "/v1/projects/proj_abc123/roles/role_01J1F8PROJ", {"x": "1"}, "x=1"))
        self.assertEqual(rec["body"], '{"role_name": "Zo\\u00eb"}')
        self.assertEqual((rec["status"], rec["tls"], rec["tls_resumed"], rec["fault"]), (200, True, False, None))
        self.assertIsInstance(rec["conn_id"], int)
        self.assertEqual(rec["peer"], "127.0.0.1")
        self.assertIsInstance(rec["peer_port"], int)
        self.assertEqual(self.sim.requests(since=rec["seq"]), [])


class IdleTimeout(SimCase):
    sim_options = {"idle_timeout": 0.3}

    def test_idle_keep_alive_connection_is_closed(self):
        sock = raw_connect(self.sim)
        sock.sendall(raw_request("GET", "/v1/organization/roles"))
        RawReader(sock).response()
        t0 = time.time()
        data, how = read_until_eof(sock)
        sock.close()
        self.assertEqual((data, how), (b"", "eof"))
        self.assertLess(time.time() - t0, 3)
        self.assertEqual(self.sim.stats()["idle_closes"], 1)


class Faults(SimCase):
    PATH = "/organization/roles/role_01J1F8ROLE01"

    def raw_exchange(self, method="POST", path="/v1" + PATH, body=b'{"description": "faulted"}'):
        sock = raw_connect(self.sim)
        sock.sendall(raw_request(method, path, body if method == "POST" else None))
        data, how = read_until_eof(sock)
        sock.close()
        return data, how

    def description(self):
        return self.call("GET", self.PATH)[2]["description"]

    def test_status_429_with_retry_headers(self):
        self.sim.inject(kind="status", status=429, retry_after=1, retry_after_ms=1500, should_retry=True,
                        method="POST", path="/organization/roles/")
        err = self.assertApiError(self.call("POST", self.PATH, {"description": "x"}), 429,
                                  type_="requests", code="rate_limit_exceeded")
        self.assertIn("Rate limit", err["message"])
        status, resp, _ = self.call("POST", self.PATH, {"description": "y"})
        self.assertEqual(status, 200)  # consumed
        self.assertEqual(self.description(), "y")  # the faulted request changed nothing
        recs = self.sim.requests()
        self.assertEqual([(r["status"], r["fault"]) for r in recs], [(429, "status"), (200, None), (200, None)])
        sock = raw_connect(self.sim)
        self.sim.inject(kind="status", status=503, should_retry=False, retry_after="soon", message="m",
                        code="c", type="t", param="p")
        sock.sendall(raw_request("GET", "/v1" + self.PATH))
        r = RawReader(sock).response()
        sock.close()
        self.assertEqual(r["status"], 503)
        self.assertEqual((r["headers"]["x-should-retry"], r["headers"]["retry-after"]), (["false"], ["soon"]))
        self.assertEqual(r["json"], {"error": {"message": "m", "type": "t", "param": "p", "code": "c"}})
        self.assertRegex(r["headers"]["x-request-id"][0], REQUEST_ID)

    def test_status_headers_from_http_client(self):
        self.sim.inject(kind="status", status=429, retry_after=2, retry_after_ms=1500, should_retry=True)
        status, resp, _ = self.call("GET", self.PATH)
        self.assertEqual((status, resp.getheader("Retry-After"), resp.getheader("retry-after-ms"),
                          resp.getheader("x-should-retry")), (429, "2", "1500", "true"))
        for code, type_ in ((500, "server_error"), (403, "invalid_request_error"), (409, "invalid_request_error"),
                            (408, "invalid_request_error"), (503, "server_error")):
            self.sim.inject(kind="status", status=code)
            self.assertApiError(self.call("GET", self.PATH), code, type_=type_)

    def test_matching_by_method_path_count_and_skip(self):
        self.sim.inject(kind="status", status=500, method="post", path_regex=r"/roles/role_01J1F8ROLE0[12]$",
                        count=2, skip=1)
        seq = [("GET", self.PATH, 200), ("POST", self.PATH, 200), ("POST", "/organization/roles/role_01J1F8ROLE03", 200),
               ("POST", "/organization/roles/role_01J1F8ROLE02", 500), ("POST", self.PATH, 500),
               ("POST", self.PATH, 200)]
        for method, path, want in seq:
            with self.subTest(method=method, path=path):
                self.assertEqual(self.call(method, path, {} if method == "POST" else None)[0], want)
        self.sim.inject(kind="status", status=503, count=-1, path="ROLE02")
        for _ in range(3):
            self.assertEqual(self.call("GET", "/organization/roles/role_01J1F8ROLE02")[0], 503)
        self.assertEqual(self.call("GET", self.PATH)[0], 200)
        self.assertEqual(len(self.sim.faults()), 1)
        self.assertEqual(self.sim.clear_faults(), 1)
        self.assertEqual(self.call("GET", "/organization/roles/role_01J1F8ROLE02")[0], 200)
        self.assertEqual(self.sim.stats()["faults_applied"], 5)

    def test_status_fault_can_apply_the_request(self):
        self.sim.inject(kind="status", status=502, apply=True)
        self.assertApiError(self.call("POST", self.PATH, {"description": "applied"}), 502, type_="server_error")
        self.assertEqual(self.description(), "applied")
        stats = self.sim.stats()
        self.assertEqual((stats["writes"], stats["state_changes"]), (0, 1))

    def test_close_mid_headers(self):
        self.sim.inject(kind="close_mid_headers", bytes=12)
        data, how = self.raw_exchange()
        self.assertEqual((data, how), (b"HTTP/1.1 200", "unclean"))
        self.sim.inject(kind="close_mid_headers")
        data, _ = self.raw_exchange()
        self.assertTrue(data.startswith(b"HTTP/1.1 200 OK\r\n") and b"\r\n\r\n" not in data, data)
        self.sim.inject(kind="close_mid_headers", bytes=0)
        self.assertEqual(self.raw_exchange(), (b"", "unclean"))
        self.sim.inject(kind="drop_idle", method="POST")
        with self.assertRaises(http.client.RemoteDisconnected):
            self.call("POST", self.PATH, {"description": "dropped"})
        self.assertEqual(self.description(), "Allows managing organization groups")  # not applied
        self.assertEqual([r["status"] for r in self.sim.requests()][:4], [None] * 4)

    def test_close_mid_body(self):
        self.sim.inject(kind="close_mid_body", method="POST")
        with self.assertRaises(http.client.IncompleteRead):
            self.call("POST", self.PATH, {"description": "half"})
        self.assertEqual(self.description(), "half")  # processed before the answer was cut
        self.sim.inject(kind="close_mid_body", bytes=3)
        data, how = self.raw_exchange("GET")
        self.assertEqual(how, "unclean")
        self.assertTrue(data.endswith(b"\r\n\r\n" + data.split(b"\r\n\r\n", 1)[1]))
        self.assertEqual(len(data.split(b"\r\n\r\n", 1)[1]), 3)
        self.sim.inject(kind="close_mid_body", framing="content_length", bytes=10)
        data, _ = self.raw_exchange("GET")
        head, body = data.split(b"\r\n\r\n", 1)
        self.assertIn(b"Content-Length: ", head)
        self.assertEqual(len(body), 10)
        # reset: the head and 5 bytes, then an RST (seen as such in plain mode;
        # over TLS Python reports any EOF without close_notify the same way).
        with Simulator(tls=False, admin_key=KEY, control=False) as plain:
            plain.inject(kind="close_mid_body", bytes=5, reset=True)
            sock = raw_connect(plain)
            sock.sendall(raw_request("GET", "/v1" + self.PATH))
            data, how = read_until_eof(sock)
            sock.close()
            self.assertEqual(len(data.split(b"\r\n\r\n", 1)[1]), 5)
            self.assertEqual(how, "reset")
            self.assertEqual(plain.requests()[0]["outcome"], "close_mid_body")

    def test_reset(self):
        # Over TLS the client sees an EOF without close_notify; the RST itself shows in plain mode.
        self.sim.inject(kind="reset", method="POST")
        data, how = self.raw_exchange()
        self.assertEqual((data, how), (b"", "unclean"))
        with Simulator(tls=False, admin_key=KEY, control=False) as plain:
            plain.inject(kind="reset")
            sock = raw_connect(plain)
            sock.sendall(raw_request("GET", "/v1" + self.PATH))
            self.assertEqual(read_until_eof(sock), (b"", "reset"))
            sock.close()
            self.assertEqual(plain.requests()[0]["outcome"], "reset")
        self.sim.inject(kind="reset")
        with self.assertRaises((ConnectionResetError, http.client.RemoteDisconnected)):
            self.call("GET", self.PATH)
        self.assertEqual(self.description(), "Allows managing organization groups")

    def test_stall(self):
        self.sim.inject(kind="stall", ms=600)
        conn = self.connection(timeout=0.2)
        with self.assertRaises(socket.timeout):
            self.call("GET", self.PATH, conn=conn)
        conn.close()
        self.sim.inject(kind="stall", ms=300, method="POST")
        t0 = time.time()
        status, _, r = self.call("POST", self.PATH, {"description": "late"})
        self.assertGreaterEqual(time.time() - t0, 0.29)
        self.assertEqual((status, r["description"]), (200, "late"))
        self.sim.inject(kind="stall", ms=100, then="close")
        self.assertEqual(self.raw_exchange("GET"), (b"", "unclean"))
        self.sim.inject(kind="stall", ms=100, then="reset")
        self.assertEqual(self.raw_exchange("GET"), (b"", "unclean"))

    def test_content_length_framing(self):
        self.sim.inject(kind="content_length")
        sock = raw_connect(self.sim)
        sock.sendall(raw_request("GET", "/v1" + self.PATH))
        reader = RawReader(sock)
        r = reader.response()
        self.assertNotIn("transfer-encoding", r["headers"])
        self.assertEqual(int(r["headers"]["content-length"][0]), len(r["body"]))
        self.assertEqual(r["json"]["id"], "role_01J1F8ROLE01")
        sock.sendall(raw_request("GET", "/v1" + self.PATH))  # keep-alive goes on, chunked again
        self.assertEqual(reader.response()["headers"]["transfer-encoding"], ["chunked"])
        sock.close()

    def test_close_after_answering(self):
        self.sim.inject(kind="close_after", method="POST")
        conn = self.connection()
        status, resp, r = self.call("POST", self.PATH, {"description": "one"}, conn=conn)
        self.assertEqual((status, resp.getheader("Connection")), (200, "close"))
        self.assertEqual(r["description"], "one")
        status, _, _ = self.call("GET", self.PATH, conn=conn)  # http.client reopens
        conn.close()
        self.assertEqual(status, 200)
        self.assertEqual(self.sim.stats()["connections"], 2)
        self.sim.inject(kind="close_after")
        sock = raw_connect(self.sim)
        sock.sendall(raw_request("GET", "/v1" + self.PATH))
        data, how = read_until_eof(sock)
        sock.close()
        self.assertTrue(data.endswith(b"0\r\n\r\n"))
        self.assertEqual(how, "eof")
        self.sim.inject(kind="close_after", graceful=False)
        self.assertEqual(self.raw_exchange("GET")[1], "unclean")

    def test_extra_headers_and_bad_faults(self):
        self.sim.inject(kind="status", status=429, headers={"x-ratelimit-remaining-requests": "0"})
        self.assertEqual(self.call("GET", self.PATH)[1].getheader("x-ratelimit-remaining-requests"), "0")
        for bad in ({"kind": "nope"}, {"kind": "status"}, {"kind": "status", "status": 99},
                    {"kind": "reset", "bytes": 3}, {"kind": "stall", "then": "later"},
                    {"kind": "reset", "count": 0}, {"kind": "reset", "path_regex": "("},
                    {"kind": "close_mid_body", "bytes": -1}, {"kind": "status", "reset": True},
                    "reset"):
            with self.subTest(bad=bad):
                with self.assertRaises((ValueError, Exception)):
                    self.sim.inject(bad)
        self.assertEqual(self.sim.faults(), [])


    def test_raw_body_bytes_and_request_id(self):
        self.sim.inject(kind="status", status=400, body_hex=b'{"error":{"message":"\xff\x1b"}}'.hex(),
                        request_id="req_\u00ff\u001b[2J")
        sock = raw_connect(self.sim)
        sock.sendall(raw_request("GET", "/v1" + self.PATH))
        r = RawReader(sock).response()
        sock.close()
        self.assertEqual(r["status"], 400)
        self.assertEqual(r["body"], b'{"error":{"message":"\xff\x1b"}}')
        self.assertEqual(r["headers"]["x-request-id"], ["req_\u00ff\u001b[2J"])
        self.assertEqual(self.sim.requests()[-1]["request_id"], "req_\u00ff\u001b[2J")
        for bad in ({"kind": "status", "status": 400, "body_hex": "zz"},
                    {"kind": "status", "status": 400, "request_id": "a\r\nb: c"},
                    {"kind": "status", "status": 400, "request_id": "\u20ac"}):
            with self.subTest(bad=bad):
                with self.assertRaises(ValueError):
                    self.sim.inject(bad)


class ControlPort(SimCase):
    def control(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.sim.control_port, timeout=5)
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        resp = conn.getresponse()
        out = json.loads(resp.read())
        conn.close()
        return resp.status, out

    def test_control_endpoints(self):
        self.assertEqual(self.sim.control_url, "http://127.0.0.1:%d" % self.sim.control_port)
        status, out = self.control("POST", "/faults", [{"kind": "status", "status": 429, "retry_after": 1},
                                                        {"kind": "reset", "method": "DELETE"}])
        self.assertEqual((status, len(out["ids"])), (200, 2))
        status, out = self.control("POST", "/faults", {"kind": "close_after"})
        self.assertEqual(len(out["ids"]), 1)
        self.assertEqual([f["kind"] for f in self.control("GET", "/faults")[1]], ["status", "reset", "close_after"])
        self.assertEqual(self.call("GET", "/organization/roles")[0], 429)
        stats = self.control("GET", "/stats")[1]
        self.assertEqual((stats["requests"], stats["faults_applied"], stats["faults_pending"]), (1, 1, 2))
        self.assertEqual(self.control("DELETE", "/faults")[1], {"cleared": 2})
        self.call("DELETE", "/organization/roles/role_01J1F8ROLE01")
        recs = self.control("GET", "/requests")[1]
        self.assertEqual([r["method"] for r in recs], ["GET", "DELETE"])
        self.assertEqual(len(self.control("GET", "/requests?since=%d" % recs[0]["seq"])[1]), 1)
        state = self.control("GET", "/state")[1]
        self.assertNotIn("role_01J1F8ROLE01", [r["id"] for r in state["organization"]["roles"]])
        self.assertEqual(self.control("POST", "/reset")[1], {"ok": True})
        self.assertEqual(self.call("GET", "/organization/roles/role_01J1F8ROLE01")[0], 200)
        self.assertEqual(self.control("POST", "/clear")[1], {"ok": True})
        self.assertEqual(self.control("GET", "/stats")[1]["requests"], 0)
        info = self.control("GET", "/info")[1]
        self.assertEqual((info["port"], info["base_url"]), (self.sim.port, self.sim.base_url))

    def test_reset_with_a_new_fixture(self):
        state = self.sim.state()
        state["projects"]["proj_new"] = {"name": "New", "roles": [
            {"id": "role_new", "name": "Only", "permissions": ["p"], "description": None}]}
        self.assertEqual(self.control("POST", "/reset", state)[0], 200)
        status, _, page = self.call("GET", "/projects/proj_new/roles")
        self.assertEqual([r["id"] for r in page["data"]], ["role_new"])
        bad = dict(state, assignments=[{"principal_type": "user", "principal_id": "user_x",
                                        "project_id": None, "role_id": "role_new"}])
        self.assertEqual(self.control("POST", "/reset", bad)[0], 400)
        self.assertEqual(self.call("GET", "/projects/proj_new/roles")[0], 200)  # unchanged by a bad fixture
        self.sim.reset_state(os.path.join(HERE, "fixture.json"))

    def test_bad_control_requests(self):
        self.assertEqual(self.control("POST", "/faults", {"kind": "nope"})[0], 400)
        self.assertEqual(self.control("POST", "/faults")[0], 400)
        self.assertEqual(self.control("GET", "/nothing")[0], 404)


class Certificates(unittest.TestCase):
    def get(self, sim, ctx, server_hostname="localhost"):
        sock = socket.create_connection(("127.0.0.1", sim.port), timeout=5)
        try:
            tls = ctx.wrap_socket(sock, server_hostname=server_hostname)
        except BaseException:
            sock.close()
            raise
        tls.sendall(raw_request("GET", "/v1/organization/roles?limit=1", key=sim.admin_key))
        r = RawReader(tls).response()
        tls.close()
        return r["status"]

    def test_cert_hostname_makes_a_localhost_check_fail(self):
        with Simulator(cert_hostname="other.example", control=False) as sim:
            with self.assertRaises(ssl.SSLCertVerificationError):
                self.get(sim, client_context(sim))
            self.assertEqual(self.get(sim, client_context(sim), server_hostname="other.example"), 200)
            with self.assertRaises(ssl.SSLCertVerificationError):
                self.get(sim, client_context(sim), server_hostname="127.0.0.1")

    def test_default_cert_names_localhost_and_loopback_ips(self):
        with Simulator(control=False, key_type="rsa", tls_max="1.2") as sim:
            self.assertEqual(self.get(sim, client_context(sim)), 200)
            self.assertEqual(self.get(sim, client_context(sim), server_hostname="127.0.0.1"), 200)
            self.assertEqual(self.get(sim, client_context(sim), server_hostname="::1"), 200)
            other = ssl.create_default_context()  # the system CAs do not know this CA
            with self.assertRaises(ssl.SSLCertVerificationError):
                self.get(sim, other)
            self.assertEqual(sim.stats()["tls_failures"] >= 0, True)

    def test_state_dir_keeps_the_ca_and_given_files_work(self):
        with tempfile.TemporaryDirectory() as d:
            with Simulator(state_dir=d, control=False, tickets=False) as one:
                ca = read_text(one.ca_file)
                ctx = client_context(one, tls12=True)
                self.assertEqual(self.get(one, ctx), 200)
            with Simulator(state_dir=d, control=False) as two:
                self.assertEqual(read_text(two.ca_file), ca)
                self.assertEqual(self.get(two, client_context(two)), 200)
            self.assertTrue(os.path.exists(os.path.join(d, "ca.pem")))
            with Simulator(cert=os.path.join(d, "server.pem"), key=os.path.join(d, "server-key.pem"),
                           ca=os.path.join(d, "ca.pem"), control=False) as three:
                self.assertEqual(three.ca_file, os.path.join(d, "ca.pem"))
                self.assertEqual(self.get(three, client_context(three)), 200)

    def test_session_id_resumption_without_tickets(self):
        with Simulator(tickets=False, control=False) as sim:
            ctx = client_context(sim, tls12=True)
            first = ctx.wrap_socket(socket.create_connection(("127.0.0.1", sim.port), timeout=5),
                                    server_hostname="localhost")
            session = first.session
            first.close()
            second = ctx.wrap_socket(socket.create_connection(("127.0.0.1", sim.port), timeout=5),
                                     server_hostname="localhost", session=session)
            self.assertTrue(second.session_reused)
            self.assertFalse(session.has_ticket)
            second.close()
            time.sleep(0.1)
            self.assertEqual((sim.stats()["tls_handshakes"], sim.stats()["tls_resumed"]), (1, 1))


class Listening(unittest.TestCase):
    def test_only_loopback_hosts(self):
        for host in ("0.0.0.0", "::", "192.168.1.10", "example.com", "127.0.0.2", ""):
            with self.subTest(host=host):
                with self.assertRaises(ValueError):
                    Simulator(host=host)

    def test_plain_mode(self):
        with Simulator(tls=False, admin_key=KEY) as sim:
            self.assertIsNone(sim.ca_file)
            self.assertTrue(sim.base_url.startswith("http://localhost:"))
            conn = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=5)
            conn.request("GET", "/v1/organization/roles", headers={"Authorization": "Bearer " + KEY})
            resp = conn.getresponse()
            self.assertEqual((resp.status, resp.getheader("Transfer-Encoding")), (200, "chunked"))
            self.assertEqual(len(json.loads(resp.read())["data"]), len(ORG_ROLES))
            conn.close()
            self.assertEqual(sim.stats()["tls_handshakes"], 0)
            self.assertIsNone(sim.requests()[0]["tls_resumed"])

    def test_ipv6_loopback(self):
        try:
            probe = socket.socket(socket.AF_INET6)
            probe.bind(("::1", 0))
            probe.close()
        except OSError:
            self.skipTest("no IPv6 loopback here")
        for host in ("::1", "localhost"):
            with self.subTest(host=host), Simulator(host=host, admin_key=KEY) as sim:
                sock = socket.create_connection(("::1", sim.port), timeout=5)
                tls = client_context(sim).wrap_socket(sock, server_hostname="localhost")
                tls.sendall(raw_request("GET", "/v1/organization/roles"))
                self.assertEqual(RawReader(tls).response()["status"], 200)
                tls.close()
                if host == "localhost":
                    self.assertEqual(len(sim._listeners), 2)

    def test_script_prints_one_json_line_and_stops_on_sigterm(self):
        with tempfile.TemporaryDirectory() as d:
            info_file = os.path.join(d, "info.json")
            proc = subprocess.Popen([sys.executable, os.path.join(HERE, "oarc_sim.py"), "--admin-key", KEY,
                                     "--info-file", info_file, "--state-dir", d, "--max-lifetime", "50"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                ready, _, _ = select.select([proc.stdout], [], [], 20)
                self.assertTrue(ready, "no start line")
                info = json.loads(proc.stdout.readline())
                self.assertLessEqual({"port", "control_port", "ca_file", "base_url"}, set(info))
                self.assertEqual(info["base_url"], "https://localhost:%d/v1" % info["port"])
                self.assertEqual(info["ca_file"], os.path.join(d, "ca.pem"))
                deadline = time.time() + 5
                while not os.path.exists(info_file) and time.time() < deadline:
                    time.sleep(0.02)
                with open(info_file) as f:
                    self.assertEqual(json.load(f), info)
                ctx = ssl.create_default_context(cafile=info["ca_file"])
                conn = http.client.HTTPSConnection("localhost", info["port"], context=ctx, timeout=5)
                conn.request("GET", "/v1/organization/roles/role_01J1F8ROLE01",
                             headers={"Authorization": "Bearer " + KEY})
                self.assertEqual(conn.getresponse().status, 200)
                conn.close()
                with urllib.request.urlopen("http://127.0.0.1:%d/stats" % info["control_port"], timeout=5) as r:
                    self.assertEqual(json.load(r)["requests"], 1)
                proc.send_signal(signal.SIGTERM)
                self.assertEqual(proc.wait(timeout=10), 0)
                self.assertFalse(os.path.exists(info_file))
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stdout.close()
                proc.stderr.close()

    def test_script_refuses_a_non_loopback_host(self):
        r = subprocess.run([sys.executable, os.path.join(HERE, "oarc_sim.py"), "--host", "0.0.0.0"],
                           capture_output=True, text=True, timeout=20)
        self.assertEqual(r.returncode, 2)
        self.assertIn("loopback", r.stderr)
        self.assertEqual(r.stdout, "")



# Run by NetnsAddress inside a namespace it made: 10.77.0.1 on that namespace's lo,
# the simulator on that address, one request to it; prints the info and records.
NETNS_DRIVER = r"""
import json, ssl, socket, subprocess, sys
sys.path.insert(0, sys.argv[1])
from oarc_sim import Simulator
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
subprocess.run(["ip", "addr", "add", "10.77.0.1/32", "dev", "lo"], check=True)
with Simulator(admin_key="k", host="10.77.0.1", inside_netns=sys.argv[2], cert_hostname="api.oarc.test") as sim:
    ctx = ssl.create_default_context(cafile=sim.ca_file)
    with socket.create_connection(("10.77.0.1", sim.port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname="api.oarc.test") as tls:
            tls.sendall(b"GET /v1/organization/roles HTTP/1.1\r\nHost: api.oarc.test\r\n"
                        b"Authorization: Bearer k\r\nConnection: close\r\n\r\n")
            while tls.recv(4096):
                pass
    print(json.dumps({"info": sim.info(), "records": sim.requests()}))
"""


class NetnsAddress(unittest.TestCase):
    """inside_netns: one specific address, and only inside the namespace it names."""

    def test_other_addresses_need_inside_netns_and_one_specific_address(self):
        for host, ns in (("10.77.0.1", None), ("127.0.0.1", "ns"), ("localhost", "ns"), ("0.0.0.0", "ns"),
                         ("::", "ns"), ("api.oarc.test", "ns"), ("", "ns"), ("10.77.0.1", "../x"),
                         ("10.77.0.1", True)):
            with self.subTest(host=host, inside_netns=ns):
                with self.assertRaises(ValueError):
                    Simulator(host=host, inside_netns=ns)

    def test_refused_outside_the_named_namespace(self):
        sim = Simulator(host="10.77.0.1", inside_netns="oarc-no-such-netns")
        with self.assertRaisesRegex(RuntimeError, "not in the network namespace"):
            sim.start()
        self.assertIsNone(sim.port)
        r = subprocess.run([sys.executable, os.path.join(HERE, "oarc_sim.py"), "--host", "10.77.0.1",
                            "--inside-netns", "oarc-no-such-netns"], capture_output=True, text=True, timeout=20)
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("network namespace", r.stderr)

    def test_serves_and_records_the_peer_inside_a_namespace(self):
        name = "oarc-simtest-%d" % os.getpid()
        made = subprocess.run(["ip", "netns", "add", name], capture_output=True, text=True)
        if made.returncode != 0:
            self.skipTest("cannot make a network namespace here (needs root): %s" % made.stderr.strip())
        self.addCleanup(subprocess.run, ["ip", "netns", "del", name], check=True)
        r = subprocess.run(["ip", "netns", "exec", name, sys.executable, "-c", NETNS_DRIVER, HERE, name],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        info, [rec] = out["info"], out["records"]
        self.assertEqual((info["inside_netns"], info["host"]), (name, "10.77.0.1"))
        self.assertEqual(info["base_url"], "https://10.77.0.1:%d/v1" % info["port"])
        self.assertEqual(info["control_url"], "http://127.0.0.1:%d" % info["control_port"])
        self.assertEqual((rec["status"], rec["peer"]), (200, "10.77.0.1"))

if __name__ == "__main__":
    unittest.main()
