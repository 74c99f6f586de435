"""A hostile or confused server against the CLI and the provisioner: what it
sends never reaches a terminal raw, ambiguous answers are refused, and exit
codes tell whose problem a failure is.

The simulator's `body_hex` and `request_id` faults send exactly the bytes a
test chooses: ESC sequences, CR/LF that would start a forged second `error:`
line, raw 8-bit bytes (not UTF-8) and C1 controls, in error.message,
error.type, a role's strings and x-request-id. Every output is read as bytes
and checked: one failure is one line, no byte below 0x20 but the newline,
no DEL, no C1, valid UTF-8, and JSON output parses.

ctest sets OARC_CLI and OARC_PROVISIONER (label integration).
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402

ADMIN_KEY = "sk-admin-hostile-0123456789"
CLI = os.environ.get("OARC_CLI", "")
PROVISIONER = os.environ.get("OARC_PROVISIONER", "")
ROLE_ID = "role_01J1F8ROLE01"

# The raw bytes of the hostile strings, as they go on the wire inside JSON
# strings: \u001b and \r\n are JSON escapes (a raw control byte is not JSON),
# \xc2\x9b (C1 CSI) is raw UTF-8 in the body. Raw bytes that are not UTF-8
# can only come in a header: the library refuses a JSON string that holds
# them (test_raw_8bit_body_is_refused_not_printed).
HOSTILE_MESSAGE = (b"clear\\u001b[2J\\r\\nerror: 200 forged: all good (request id req_x)"
                   b" c1\xc2\x9b31m del\\u007f")
HOSTILE_TYPE = b"type\\u001b]0;title\\u0007"
HOSTILE_REQUEST_ID = "req_\u00ff\u009b31m\u00fe"  # latin-1: raw bytes ff 9b fe
# A raw ESC in a header: the client refuses such a head or escapes it.
ESC_REQUEST_ID = "req_\u001b[2J"


def error_body(message=HOSTILE_MESSAGE, type_=HOSTILE_TYPE):
    return (b'{"error":{"message":"' + message + b'","type":"' + type_ +
            b'","param":null,"code":null}}')


def role_body(name=b"Name\\u001b[31m\xc2\x9b\\r\\nforged", ident=ROLE_ID.encode()):
    return (b'{"object":"role","id":"' + ident + b'","name":"' + name +
            b'","description":"d\xc2\x9b\\u0000","permissions":["p\\u001b","q\\u007f"],'
            b'"resource_type":"api.organization","predefined_role":false}')


def assert_printable(test, data, lines=None):
    """data (bytes) is valid UTF-8 with no control byte but LF, no DEL, no C1;
    with lines, it is exactly that many lines."""
    text = data.decode("utf-8")  # raises on invalid UTF-8
    for ch in text:
        test.assertFalse((ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F,
                         "raw control U+%04X in %r" % (ord(ch), text))
    if lines is not None:
        test.assertEqual(text.count("\n"), lines, text)
        test.assertTrue(text.endswith("\n"), text)
    return text


class HostileServer(unittest.TestCase):
    def setUp(self):
        self.assertTrue(CLI and os.path.exists(CLI), "OARC_CLI must name the built CLI")
        self.assertTrue(PROVISIONER and os.path.exists(PROVISIONER),
                        "OARC_PROVISIONER must name the built provisioner")
        self.sim = Simulator(admin_key=ADMIN_KEY)
        self.sim.start()
        self.addCleanup(self.sim.stop)
        self.env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY)
        self.env.pop("OPENAI_BASE_URL", None)
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def cli(self, *args, base_url=None):
        cmd = [CLI, "--base-url", base_url or self.sim.base_url, "--ca-file", self.sim.ca_file,
               "--max-retries", "0"]
        return subprocess.run(cmd + list(args), env=self.env, capture_output=True, timeout=90)

    def provision(self, plan, *flags):
        path = os.path.join(self.tmp.name, "plan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f)
        cmd = [PROVISIONER, "--base-url", self.sim.base_url, "--ca-file", self.sim.ca_file]
        return subprocess.run(cmd + list(flags) + [path], env=self.env, capture_output=True,
                              timeout=90)

    def inject(self, body, status=200, request_id=HOSTILE_REQUEST_ID, **match):
        self.sim.clear_faults()
        self.sim.inject(kind="status", status=status, body_hex=body.hex(),
                        request_id=request_id, count=-1, **match)

    # ---- 1: nothing raw on any output ----------------------------------------

    def test_cli_error_line_is_one_escaped_line(self):
        self.inject(error_body(), status=400)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, b"")
        line = assert_printable(self, r.stderr, lines=1)
        self.assertTrue(line.startswith("error: 400 type\\u001b]0;title\\u0007: clear"), line)
        self.assertIn("\\u001b[2J\\u000d\\u000aerror: 200 forged", line)
        self.assertIn(" c1\\u009b31m del\\u007f", line)
        self.assertTrue(line.endswith("(request id req_\\xff\\x9b31m\\xfe)\n"), line)

    def test_raw_8bit_body_is_refused_not_printed(self):
        self.inject(error_body(b"raw\xff\xfe\xc0\x80", b"t\xff"), status=400)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 1)
        line = assert_printable(self, r.stderr, lines=1)
        self.assertIn("(no message)", line)  # an error object that is not UTF-8 is not read
        self.inject(role_body(name=b"n\xff"), path=ROLE_ID)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stdout, b"")
        assert_printable(self, r.stderr, lines=1)

    def test_cli_failure_line_escapes_the_request_id(self):
        # Not an API error: the status line names oarc's own failure, and the
        # request id is still the server's, escaped.
        self.inject(b'{"object":"role"}', status=200)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 3)
        line = assert_printable(self, r.stderr, lines=1)
        self.assertIn("OARC_ERR_JSON_SHAPE response", line)
        self.assertIn("(request id req_\\xff\\x9b31m\\xfe)", line)

    def test_escape_in_a_header_never_reaches_the_terminal(self):
        self.inject(error_body(b"m", b"t"), status=400, request_id=ESC_REQUEST_ID)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertIn(r.returncode, (1, 3))
        assert_printable(self, r.stderr, lines=1)

    def test_cli_json_output_stays_valid_json(self):
        self.inject(role_body(), path=ROLE_ID)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = assert_printable(self, r.stdout, lines=1)
        role = json.loads(text)
        self.assertEqual(role["name"], "Name\x1b[31m\x9b\r\nforged")
        self.assertEqual(role["description"], "d\x9b\x00")
        self.assertEqual(role["permissions"], ["p\x1b", "q\x7f"])
        # The escapes are JSON's, so the control bytes are back only once a
        # JSON parser reads them: on the terminal they are \u001b etc.
        self.assertIn('"Name\\u001b[31m\\u009b\\u000d\\u000aforged"', text)

    def test_cli_list_json_stays_valid_json(self):
        page = (b'{"object":"list","data":[' + role_body() + b'],"has_more":false,'
                b'"next":"cur\xc2\x9b\\u001b"}')
        self.inject(page, path="/organization/roles")
        for args in (("org-role", "list"), ("org-role", "list", "--all")):
            with self.subTest(args=args):
                r = self.cli(*args)
                self.assertEqual(r.returncode, 0, r.stderr)
                listing = json.loads(assert_printable(self, r.stdout))
                self.assertEqual(listing["data"][0]["name"], "Name\x1b[31m\x9b\r\nforged")
        r = self.cli("org-role", "list")
        self.assertEqual(json.loads(r.stdout)["next"], "cur\x9b\x1b")  # as sent, JSON-escaped

    def plan(self, create=True):
        return {"roles": [{"scope": "organization", "name": "Hostile Target",
                           "permissions": ["api.files.write"], "create_if_missing": create}]}

    def test_provisioner_text_and_json_escape_the_server(self):
        self.inject(error_body(), status=403, path="/organization/roles")
        r = self.provision(self.plan())
        self.assertEqual(r.returncode, 1, r.stderr)
        text = assert_printable(self, r.stdout, lines=2)  # the item and the summary
        item = text.splitlines()[0]
        self.assertIn("failed: 403 OARC_ERR_API: clear\\u001b[2J\\u000d\\u000aerror: 200 forged",
                      item)
        self.assertTrue(item.endswith("req_\\xff\\x9b31m\\xfe"), item)
        r = self.provision(self.plan(), "--json")
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = assert_printable(self, r.stdout, lines=2).splitlines()
        item = json.loads(lines[0])
        self.assertEqual(item["request_id"], "req_\\xff\\x9b31m\\xfe")  # lone bytes: \xHH
        self.assertTrue(item["message"].startswith("clear\x1b[2J\r\nerror: 200 forged"))
        self.assertIn(" c1\x9b31m del\x7f", item["message"])
        self.assertEqual(json.loads(lines[1])["summary"]["failed"], 1)
        self.assertEqual(self.sim.stats()["writes"], 0)

    # ---- 3: exit codes that tell the truth ------------------------------------

    def test_33_permissions_are_bad_input_and_send_nothing(self):
        before = self.sim.stats()["requests"]
        perms = []
        for i in range(33):
            perms += ["--permission", "api.perm.%02d" % i]
        r = self.cli("org-role", "update", ROLE_ID, *perms)
        self.assertEqual(r.returncode, 2, r.stderr)
        line = assert_printable(self, r.stderr, lines=1)
        self.assertIn("OARC_ERR_TOO_MANY_ITEMS invalid_input", line)
        self.assertEqual(self.sim.stats()["requests"], before)
        self.assertEqual(self.sim.stats()["connections"], 0)

    def test_more_permissions_are_refused_by_the_cli_at_the_librarys_limit(self):
        # The CLI takes OARC_MAX_PERMISSIONS + 1 (above: the library refuses
        # the 33rd itself); past that it refuses on its own, naming the limit.
        perms = []
        for i in range(34):
            perms += ["--permission", "api.perm.%02d" % i]
        for verb, args in (("update", [ROLE_ID]), ("create", ["--name", "n"])):
            with self.subTest(verb=verb):
                r = self.cli("org-role", verb, *args, *perms)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertEqual(assert_printable(self, r.stderr, lines=1),
                                 "error: usage: too many --permission options (a role holds "
                                 "at most 32) (see oarc --help)\n")
        self.assertEqual(self.sim.stats()["connections"], 0)

    def test_too_many_permissions_from_the_server_are_a_response_problem(self):
        perms = b",".join(b'"api.perm.%02d"' % i for i in range(40))
        body = (b'{"object":"role","id":"' + ROLE_ID.encode() + b'","name":"n","description":null,'
                b'"permissions":[' + perms + b'],"resource_type":"api.organization",'
                b'"predefined_role":false}')
        self.inject(body, path=ROLE_ID)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 3)
        self.assertIn("OARC_ERR_TOO_MANY_ITEMS response", assert_printable(self, r.stderr, lines=1))

    def test_handshake_failure_is_a_transport_problem(self):
        # A server on loopback that answers the ClientHello with plain HTTP.
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        self.addCleanup(srv.close)

        def answer():
            conn, _ = srv.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        t = threading.Thread(target=answer, daemon=True)
        t.start()
        r = self.cli("org-role", "get", ROLE_ID,
                     base_url="https://127.0.0.1:%d/v1" % srv.getsockname()[1])
        t.join(5)
        self.assertEqual(r.returncode, 3)
        line = assert_printable(self, r.stderr, lines=1)
        self.assertRegex(line, r"^error: OARC_ERR_TLS(_HANDSHAKE)? transport: ")

    # ---- 4: ambiguous answers refused -----------------------------------------

    def test_repeated_member_is_refused_naming_it(self):
        self.inject(role_body(name=b"first", ident=b'a","id":"b'), path=ROLE_ID)
        r = self.cli("org-role", "get", ROLE_ID)
        self.assertEqual(r.returncode, 3)
        line = assert_printable(self, r.stderr, lines=1)
        self.assertIn("OARC_ERR_JSON_SHAPE response: unexpected shape of field 'id'", line)
        self.assertEqual(r.stdout, b"")

    def test_repeated_error_member_is_refused(self):
        self.inject(b'{"error":{"message":"a","message":"b","type":"t"}}', status=400)
        r = self.cli("org-role", "get", ROLE_ID)
        line = assert_printable(self, r.stderr, lines=1)
        self.assertNotIn(": a (", line)
        self.assertNotIn(": b (", line)

    def test_empty_page_with_more_ends_the_walk(self):
        page = b'{"object":"list","data":[],"has_more":true,"next":"role_01J1F8ROLE01"}'
        self.inject(page, path="/organization/roles")
        r = self.cli("org-role", "list", "--all")
        self.assertEqual(r.returncode, 3)
        self.assertIn("OARC_ERR_EMPTY_PAGE response", assert_printable(self, r.stderr, lines=1))

    def test_provisioner_writes_nothing_on_an_empty_page_with_more(self):
        page = b'{"object":"list","data":[],"has_more":true,"next":"role_01J1F8ROLE01"}'
        self.inject(page, path="/organization/roles")
        plan = self.plan(create=True)
        plan["assignments"] = [{"principal": "user", "principal_id": "user_def456",
                                "scope": "organization", "role": "Hostile Target"}]
        r = self.provision(plan, "--json")
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = [json.loads(x) for x in assert_printable(self, r.stdout).splitlines()]
        self.assertEqual([x.get("outcome") for x in lines[:-1]], ["failed", "failed"])
        self.assertEqual(lines[0]["status"], "OARC_ERR_EMPTY_PAGE")
        self.assertEqual(lines[-1]["summary"]["created"], 0)
        self.assertEqual(lines[-1]["summary"]["assigned"], 0)
        self.assertEqual(self.sim.stats()["writes"], 0)
        methods = {rec["method"] for rec in self.sim.requests()}
        self.assertEqual(methods, {"GET"})


if __name__ == "__main__":
    unittest.main()
