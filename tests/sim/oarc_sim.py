#!/usr/bin/env python3
"""oarc_sim: a simulator of the OpenAI Admin API "Roles" family, for oarc's tests.

It serves every operation of /work/shared/api/openai-roles.openapi.yaml under
the /v1 prefix, over TLS (a throwaway CA made with the openssl CLI) or plain
HTTP, on loopback only (or, with inside_netns, on one address of a named
network namespace that a test made and runs it in), from a stateful store seeded from fixture.json. It
records every request, counts handshakes, connections and writes, and injects
faults (error statuses, truncated answers, resets, stalls, other framings) on
request. Tests drive it in process (class Simulator) or, from other processes,
through a small plain-HTTP control port. Python 3 standard library only.

Run:  python3 tests/sim/oarc_sim.py [--port 0] [--info-file PATH] ...
It prints one JSON line (ports, CA file, base URL) on stdout, then serves until
SIGTERM or SIGINT. See README.md beside this file.
"""

import argparse
import copy
import email.utils
import errno
import http
import ipaddress
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import socketserver

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXTURE = os.path.join(HERE, "fixture.json")
DEFAULT_ADMIN_KEY = "sk-admin-sim-0000"

# The only host names the simulator listens on, and the addresses they mean.
LOOPBACK_HOSTS = {
    "127.0.0.1": ("127.0.0.1",),
    "::1": ("::1",),
    "localhost": ("127.0.0.1", "::1"),
}

# Where the control port listens when the API listens inside a network namespace:
# that namespace's own loopback, which nothing outside the namespace can reach.
NETNS_CONTROL_ADDR = "127.0.0.1"

MAX_HEAD_BYTES = 16 * 1024
MAX_BODY_BYTES = 1024 * 1024
HANDSHAKE_TIMEOUT = 10.0
LIST_LIMIT_DEFAULT = 1000
LIST_LIMIT_MAX = 1000

FAULT_KINDS = (
    "status", "close_mid_headers", "drop_idle", "close_mid_body", "reset",
    "stall", "content_length", "close_after",
)
# Whether a faulted request is still carried out against the store, unless the
# fault says otherwise with "apply": a response that was (partly) sent with a
# 2xx head, or that is sent after a delay, was processed; a rejected or dropped
# request was not.
FAULT_APPLY_DEFAULT = {
    "status": False, "close_mid_headers": False, "drop_idle": False,
    "close_mid_body": True, "reset": False, "stall": True,
    "content_length": True, "close_after": True,
}
FAULT_COMMON_FIELDS = {"kind", "method", "path", "path_regex", "count", "skip", "apply",
                       "headers", "framing", "close", "body_hex", "request_id"}
FAULT_FIELDS = {
    "status": {"status", "message", "type", "code", "param", "retry_after",
               "retry_after_ms", "should_retry", "body"},
    "close_mid_headers": {"bytes"},
    "drop_idle": set(),
    "close_mid_body": {"bytes", "reset"},
    "reset": set(),
    "stall": {"ms", "then"},
    "content_length": set(),
    "close_after": {"graceful"},
}

# Default error bodies for injected statuses: (type, code, message).
STATUS_DEFAULTS = {
    400: ("invalid_request_error", None, "Bad request (injected by oarc_sim)."),
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided (injected by oarc_sim)."),
    403: ("invalid_request_error", "insufficient_permissions",
          "You have insufficient permissions for this operation (injected by oarc_sim)."),
    404: ("invalid_request_error", None, "Not found (injected by oarc_sim)."),
    408: ("invalid_request_error", "timeout", "Request timed out (injected by oarc_sim)."),
    409: ("invalid_request_error", "conflict", "Conflict (injected by oarc_sim)."),
    429: ("requests", "rate_limit_exceeded",
          "Rate limit reached for requests (injected by oarc_sim). Please try again later."),
    500: ("server_error", None,
          "The server had an error while processing your request. Sorry about that! (injected by oarc_sim)"),
    502: ("server_error", None, "Bad gateway (injected by oarc_sim)."),
    503: ("server_error", "service_unavailable",
          "The server is overloaded or not ready yet (injected by oarc_sim)."),
    504: ("server_error", None, "Gateway timeout (injected by oarc_sim)."),
}

JSON_BODY_HINT = (
    "We could not parse the JSON body of your request. (HINT: This likely means you "
    "aren't using your HTTP library correctly. The API expects a JSON payload, but what "
    "was sent was not valid JSON.)"
)


class ApiError(Exception):
    """An answer in the OpenAI error shape."""

    def __init__(self, status, message, type_="invalid_request_error", param=None, code=None,
                 headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type_
        self.param = param
        self.code = code
        self.headers = list(headers or [])

    def body(self):
        return {"error": {"message": self.message, "type": self.type,
                          "param": self.param, "code": self.code}}


class _BadHttp(Exception):
    """A request that is not valid HTTP/1.x: answered with 400 (or the given status), then closed."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class _DuplicateKey(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _json_type_name(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def mask_key(key):
    """Show enough of a key to recognise it, never all of it."""
    if len(key) <= 12:
        return "*" * len(key) if key else "''"
    return key[:6] + "*" * (len(key) - 10) + key[-4:]


# ---------------------------------------------------------------------------
# Certificates


def make_certificates(directory, hostname=None, key_type="ec"):
    """Make (or reuse) a CA in `directory` and a fresh server certificate signed by it.

    The server certificate has SAN DNS:localhost, IP:127.0.0.1, IP:::1, or, when
    `hostname` is given, DNS:<hostname> only. A CA already in the directory
    (ca.pem and ca-key.pem) is reused, so a restarted simulator with the same
    state directory is trusted by clients configured with the earlier CA file.
    Returns (ca_file, cert_file, key_file).
    """
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("the 'openssl' command-line tool is needed to make certificates")
    if key_type not in ("ec", "rsa"):
        raise ValueError("key_type must be 'ec' or 'rsa'")
    os.makedirs(directory, exist_ok=True)
    ca_file = os.path.join(directory, "ca.pem")
    ca_key = os.path.join(directory, "ca-key.pem")
    cert_file = os.path.join(directory, "server.pem")
    key_file = os.path.join(directory, "server-key.pem")
    csr_file = os.path.join(directory, "server.csr")
    ext_file = os.path.join(directory, "server-ext.cnf")

    def run(*args):
        proc = subprocess.run([openssl] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise RuntimeError("openssl %s failed: %s" % (args[0], proc.stderr.decode(errors="replace")))

    def genkey(path):
        if key_type == "ec":
            run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path)
        else:
            run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path)
        os.chmod(path, 0o600)

    if not (os.path.exists(ca_file) and os.path.exists(ca_key)):
        genkey(ca_key)
        run("req", "-x509", "-new", "-key", ca_key, "-sha256", "-days", "30",
            "-subj", "/O=oarc simulator/CN=oarc-sim throwaway CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-addext", "subjectKeyIdentifier=hash",
            "-out", ca_file)
    genkey(key_file)
    common_name = hostname or "localhost"
    san = "DNS:%s" % hostname if hostname else "DNS:localhost,IP:127.0.0.1,IP:::1"
    usage = "digitalSignature" if key_type == "ec" else "digitalSignature,keyEncipherment"
    with open(ext_file, "w") as f:
        f.write("basicConstraints=critical,CA:FALSE\n"
                "keyUsage=critical,%s\n"
                "extendedKeyUsage=serverAuth\n"
                "subjectAltName=%s\n"
                "subjectKeyIdentifier=hash\n"
                "authorityKeyIdentifier=keyid,issuer\n" % (usage, san))
    run("req", "-new", "-key", key_file, "-subj", "/O=oarc simulator/CN=%s" % common_name,
        "-out", csr_file)
    run("x509", "-req", "-in", csr_file, "-CA", ca_file, "-CAkey", ca_key,
        "-set_serial", "0x" + secrets.token_hex(12), "-days", "30", "-sha256",
        "-extfile", ext_file, "-out", cert_file)
    return ca_file, cert_file, key_file


# ---------------------------------------------------------------------------
# The store


def listen_addresses(host, inside_netns):
    """The addresses to listen on for host. Without inside_netns only the loopback
    names; with it (the name of a network namespace the caller made) only one
    literal, specific, non-loopback IP address of that namespace. start() checks
    that it really runs in that namespace (in_network_namespace)."""
    if not inside_netns:
        if host not in LOOPBACK_HOSTS:
            raise ValueError("host must be one of %s: the simulator listens on loopback only "
                             "(another address needs inside_netns, in a network namespace you made)"
                             % ", ".join(sorted(LOOPBACK_HOSTS)))
        return LOOPBACK_HOSTS[host]
    if not isinstance(inside_netns, str) or inside_netns in (".", "..") or "/" in inside_netns:
        raise ValueError("inside_netns is the name of a network namespace (ip netns), not %r" % (inside_netns,))
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError("inside_netns needs host to be one literal IP address, not %r" % host) from None
    if addr.is_unspecified or addr.is_loopback or addr.is_multicast:
        raise ValueError("inside_netns needs one specific non-loopback address, not %s" % addr)
    return (str(addr),)


def in_network_namespace(name):
    """True when the calling thread is in the network namespace `ip netns` calls name
    (/run/netns/NAME) and that is not PID 1's. Threads can sit in different
    namespaces (setns), so this reads thread-self. PID 1's is often unreadable from
    inside another namespace; then only the name is checked."""
    def ident(path):
        st = os.stat(path)
        return st.st_dev, st.st_ino
    try:
        mine = ident("/proc/thread-self/ns/net")
        named = ident(os.path.join("/run/netns", name))
    except OSError:
        return False
    try:
        init = ident("/proc/1/ns/net")
    except OSError:
        init = None
    return mine == named and mine != init


def load_fixture(fixture):
    """A fixture given as None (the default file), a path, or a dict: returns a dict copy."""
    if fixture is None:
        fixture = DEFAULT_FIXTURE
    if isinstance(fixture, (str, os.PathLike)):
        with open(fixture, "rb") as f:
            return json.loads(f.read().decode("utf-8"))
    if isinstance(fixture, dict):
        return copy.deepcopy(fixture)
    raise TypeError("fixture must be None, a path or a dict")


def _paginate(items, query):
    """One page of `items` (dicts with "id"), per the limit/after/order query parameters."""
    limit = LIST_LIMIT_DEFAULT
    if "limit" in query:
        text = query["limit"]
        if not re.fullmatch(r"[0-9]{1,7}", text):
            raise ApiError(400, "Invalid value for 'limit': expected an integer between 0 and %d, "
                                "but got '%s'." % (LIST_LIMIT_MAX, text), param="limit")
        limit = int(text)
        if limit > LIST_LIMIT_MAX:
            raise ApiError(400, "Invalid value for 'limit': %d is greater than the maximum of %d."
                           % (limit, LIST_LIMIT_MAX), param="limit")
        if limit == 0:
            limit = LIST_LIMIT_DEFAULT
    order = query.get("order", "asc")
    if order not in ("asc", "desc"):
        raise ApiError(400, "Invalid value for 'order': expected one of 'asc' or 'desc', but got '%s'."
                       % order, param="order")
    seq = list(items)
    if order == "desc":
        seq.reverse()
    if "after" in query:
        after = query["after"]
        for index, item in enumerate(seq):
            if item["id"] == after:
                seq = seq[index + 1:]
                break
        else:
            raise ApiError(400, "Invalid value for 'after': no item with id '%s' in this list." % after,
                           param="after")
    page = seq[:limit]
    has_more = len(seq) > limit
    return {"object": "list", "data": page, "has_more": has_more,
            "next": page[-1]["id"] if has_more else None}


class _Result:
    """What a store operation produced: the answer, and whether it was a write and changed state."""

    def __init__(self, obj, write=False, changed=False):
        self.obj = obj
        self.write = write
        self.changed = changed


class Store:
    """The organization's roles, projects, users, groups and role assignments.

    Not thread-safe by itself: the Simulator calls it under its lock.
    """

    def __init__(self, fixture):
        self.load(fixture)

    # -- loading and dumping --------------------------------------------------

    def load(self, fixture):
        """Replace the whole store by a fixture (the shape of fixture.json and of dump())."""
        fx = load_fixture(fixture)
        unknown = set(fx) - {"organization", "projects", "users", "groups", "assignments",
                             "api_key_owner", "next_role_number"}
        if unknown:
            raise ValueError("fixture: unknown key(s) %s" % ", ".join(sorted(unknown)))
        org = fx.get("organization") or {}
        self.organization = {"id": org.get("id"), "name": org.get("name")}
        self.api_key_owner = fx.get("api_key_owner")
        self.next_role_number = int(fx.get("next_role_number", 1))
        self.users = {}
        for uid, u in self._entries(fx, "users"):
            self.users[uid] = {"id": uid, "name": u.get("name"), "email": u.get("email"),
                               "role": u.get("role"), "added_at": int(u.get("added_at", 0))}
        self.groups = {}
        for gid, g in self._entries(fx, "groups"):
            self.groups[gid] = {"id": gid, "name": g.get("name", gid),
                                "created_at": int(g.get("created_at", 0)),
                                "scim_managed": bool(g.get("scim_managed", False))}
        self.projects = {}
        self.roles = {}
        self._load_roles(org.get("roles", []), None)
        for pid, p in self._entries(fx, "projects"):
            self.projects[pid] = {"id": pid, "name": p.get("name", pid)}
            self._load_roles(p.get("roles", []), pid)
        self.assignments = []
        for a in fx.get("assignments", []):
            ptype, principal, pid, rid = (a["principal_type"], a["principal_id"],
                                          a.get("project_id"), a["role_id"])
            table = {"user": self.users, "group": self.groups}.get(ptype)
            if table is None or principal not in table:
                raise ValueError("fixture: assignment names unknown %s %r" % (ptype, principal))
            role = self.roles.get(rid)
            if role is None or role["project_id"] != pid:
                raise ValueError("fixture: assignment of %r does not match a role in scope %r" % (rid, pid))
            if self._find_assignment(ptype, principal, pid, rid) is not None:
                raise ValueError("fixture: duplicate assignment of %r to %r" % (rid, principal))
            self.assignments.append({"principal_type": ptype, "principal_id": principal,
                                     "project_id": pid, "role_id": rid,
                                     "assignment_sources": copy.deepcopy(a.get("assignment_sources"))})

    @staticmethod
    def _entries(fx, what):
        table = fx.get(what) or {}
        if not isinstance(table, dict):
            raise ValueError("fixture: %r must be an object keyed by id" % what)
        for key, entry in table.items():
            if not key or not isinstance(entry, dict) or entry.get("id", key) != key:
                raise ValueError("fixture: bad %s entry %r" % (what, key))
            yield key, entry

    def _load_roles(self, roles, pid):
        for r in roles:
            rid = r.get("id")
            if not isinstance(rid, str) or not rid:
                raise ValueError("fixture: a role needs a non-empty string id")
            if rid in self.roles:
                raise ValueError("fixture: duplicate role id %r" % rid)
            self.roles[rid] = {
                "id": rid, "name": r["name"], "description": r.get("description"),
                "permissions": list(r.get("permissions", [])), "project_id": pid,
                "predefined_role": bool(r.get("predefined_role", False)),
                "created_at": r.get("created_at"), "updated_at": r.get("updated_at"),
                "created_by": r.get("created_by"), "metadata": copy.deepcopy(r.get("metadata")),
            }

    def _dump_role(self, r):
        return {"id": r["id"], "name": r["name"], "description": r["description"],
                "permissions": list(r["permissions"]),
                "resource_type": "api.project" if r["project_id"] else "api.organization",
                "predefined_role": r["predefined_role"], "created_at": r["created_at"],
                "updated_at": r["updated_at"], "created_by": r["created_by"],
                "metadata": copy.deepcopy(r["metadata"])}

    def dump(self):
        """The whole store in the fixture's shape (so it can seed another simulator).

        Roles are listed per scope in creation order: organization.roles and
        projects[<id>].roles; users, groups and projects are objects keyed by id.
        """
        return copy.deepcopy({
            "api_key_owner": self.api_key_owner,
            "next_role_number": self.next_role_number,
            "organization": dict(self.organization, roles=[
                self._dump_role(r) for r in self.roles.values() if r["project_id"] is None]),
            "projects": {pid: dict(p, roles=[self._dump_role(r) for r in self.roles.values()
                                             if r["project_id"] == pid])
                         for pid, p in self.projects.items()},
            "users": self.users,
            "groups": self.groups,
            "assignments": self.assignments,
        })

    # -- rendering -----------------------------------------------------------

    @staticmethod
    def role_obj(r):
        return {"object": "role", "id": r["id"], "name": r["name"], "description": r["description"],
                "permissions": list(r["permissions"]),
                "resource_type": "api.project" if r["project_id"] else "api.organization",
                "predefined_role": r["predefined_role"]}

    def assigned_details(self, r, a):
        creator = self.users.get(r["created_by"]) if r["created_by"] else None
        return {
            "id": r["id"], "name": r["name"], "permissions": list(r["permissions"]),
            "resource_type": "api.project" if r["project_id"] else "api.organization",
            "predefined_role": r["predefined_role"], "description": r["description"],
            "created_at": r["created_at"], "updated_at": r["updated_at"],
            "created_by": r["created_by"],
            "created_by_user_obj": ({"id": creator["id"], "name": creator["name"],
                                     "email": creator["email"]} if creator else None),
            "metadata": copy.deepcopy(r["metadata"]),
            "assignment_sources": copy.deepcopy(a.get("assignment_sources")),
        }

    @staticmethod
    def user_obj(u):
        return {"object": "organization.user", "id": u["id"], "name": u["name"], "email": u["email"],
                "role": u["role"], "added_at": u["added_at"]}

    @staticmethod
    def group_obj(g):
        return {"object": "group", "id": g["id"], "name": g["name"], "created_at": g["created_at"],
                "scim_managed": g["scim_managed"]}

    # -- lookups -------------------------------------------------------------

    def _project(self, pid):
        if pid is not None and pid not in self.projects:
            raise ApiError(404, "No project found with id '%s'." % pid)

    def _principal(self, ptype, principal_id):
        table = self.users if ptype == "user" else self.groups
        found = table.get(principal_id)
        if found is None:
            raise ApiError(404, "No %s found with id '%s'." % (ptype, principal_id))
        return found

    def _role_in_scope(self, rid, pid):
        r = self.roles.get(rid)
        if r is None or r["project_id"] != pid:
            where = "project '%s'" % pid if pid else "the organization"
            raise ApiError(404, "No role found with id '%s' in %s." % (rid, where))
        return r

    def _find_assignment(self, ptype, principal_id, pid, rid):
        for a in self.assignments:
            if (a["principal_type"] == ptype and a["principal_id"] == principal_id
                    and a["project_id"] == pid and a["role_id"] == rid):
                return a
        return None

    def _name_taken(self, name, pid, except_id=None):
        return any(r["name"] == name and r["project_id"] == pid and r["id"] != except_id
                   for r in self.roles.values())

    def _new_role_id(self):
        while True:
            rid = "role_sim%04d" % self.next_role_number
            self.next_role_number += 1
            if rid not in self.roles:
                return rid

    # -- body validation -----------------------------------------------------

    @staticmethod
    def _check_fields(body, allowed, required=()):
        for key in body:
            if key not in allowed:
                raise ApiError(400, "Unrecognized request argument supplied: %s" % key, param=key)
        for key in required:
            if key not in body:
                raise ApiError(400, "Missing required parameter: '%s'." % key, param=key)

    @staticmethod
    def _check_string(body, key, nullable, nonempty):
        if key not in body:
            return
        value = body[key]
        if value is None and nullable:
            return
        if not isinstance(value, str):
            expected = "a string or null" if nullable else "a string"
            raise ApiError(400, "Invalid type for '%s': expected %s, but got %s instead."
                           % (key, expected, _json_type_name(value)), param=key)
        if nonempty and value == "":
            raise ApiError(400, "Invalid value for '%s': expected a non-empty string." % key, param=key)

    @staticmethod
    def _check_string_array(body, key, nullable):
        if key not in body:
            return
        value = body[key]
        if value is None and nullable:
            return
        if not isinstance(value, list):
            expected = "an array of strings or null" if nullable else "an array of strings"
            raise ApiError(400, "Invalid type for '%s': expected %s, but got %s instead."
                           % (key, expected, _json_type_name(value)), param=key)
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise ApiError(400, "Invalid type for '%s[%d]': expected a string, but got %s instead."
                               % (key, index, _json_type_name(item)), param=key)

    # -- roles ---------------------------------------------------------------

    def list_roles(self, p, query, body):
        pid = p.get("project_id")
        self._project(pid)
        items = [self.role_obj(r) for r in self.roles.values() if r["project_id"] == pid]
        return _Result(_paginate(items, query))

    def create_role(self, p, query, body):
        pid = p.get("project_id")
        self._check_fields(body, ("role_name", "permissions", "description"), ("role_name", "permissions"))
        self._check_string(body, "role_name", nullable=False, nonempty=True)
        self._check_string_array(body, "permissions", nullable=False)
        self._check_string(body, "description", nullable=True, nonempty=False)
        self._project(pid)
        name = body["role_name"]
        if self._name_taken(name, pid):
            where = "project '%s'" % pid if pid else "the organization"
            raise ApiError(409, "A role named '%s' already exists in %s." % (name, where),
                           param="role_name", code="role_name_conflict")
        now = int(time.time())
        rid = self._new_role_id()
        r = {"id": rid, "name": name, "description": body.get("description"),
             "permissions": list(body["permissions"]), "project_id": pid, "predefined_role": False,
             "created_at": now, "updated_at": now, "created_by": self.api_key_owner, "metadata": {}}
        self.roles[rid] = r
        return _Result(self.role_obj(r), write=True, changed=True)

    def get_role(self, p, query, body):
        pid = p.get("project_id")
        self._project(pid)
        return _Result(self.role_obj(self._role_in_scope(p["role_id"], pid)))

    def update_role(self, p, query, body):
        pid = p.get("project_id")
        self._check_fields(body, ("role_name", "description", "permissions"))
        self._check_string(body, "role_name", nullable=True, nonempty=True)
        self._check_string(body, "description", nullable=True, nonempty=False)
        self._check_string_array(body, "permissions", nullable=True)
        self._project(pid)
        r = self._role_in_scope(p["role_id"], pid)
        if r["predefined_role"]:
            raise ApiError(400, "Role '%s' is a predefined role and cannot be updated." % r["id"],
                           code="predefined_role")
        # role_name: null and permissions: null leave the field as it is; description: null clears it.
        updates = {}
        if body.get("role_name") is not None:
            updates["name"] = body["role_name"]
        if "description" in body:
            updates["description"] = body["description"]
        if body.get("permissions") is not None:
            updates["permissions"] = list(body["permissions"])
        if not updates:
            return _Result(self.role_obj(r))
        if "name" in updates and self._name_taken(updates["name"], pid, except_id=r["id"]):
            where = "project '%s'" % pid if pid else "the organization"
            raise ApiError(409, "A role named '%s' already exists in %s." % (updates["name"], where),
                           param="role_name", code="role_name_conflict")
        changed = any(r[k] != v for k, v in updates.items())
        r.update(updates)
        r["updated_at"] = int(time.time())
        return _Result(self.role_obj(r), write=True, changed=changed)

    def delete_role(self, p, query, body):
        pid = p.get("project_id")
        self._project(pid)
        r = self._role_in_scope(p["role_id"], pid)
        if r["predefined_role"]:
            raise ApiError(400, "Role '%s' is a predefined role and cannot be deleted." % r["id"],
                           code="predefined_role")
        del self.roles[r["id"]]
        self.assignments = [a for a in self.assignments if a["role_id"] != r["id"]]
        return _Result({"object": "role.deleted", "id": r["id"], "deleted": True},
                       write=True, changed=True)

    # -- role assignments ----------------------------------------------------

    @staticmethod
    def _principal_of(p):
        if "user_id" in p:
            return "user", p["user_id"]
        return "group", p["group_id"]

    def list_assignments(self, p, query, body):
        pid = p.get("project_id")
        ptype, principal_id = self._principal_of(p)
        self._project(pid)
        self._principal(ptype, principal_id)
        items = [self.assigned_details(self.roles[a["role_id"]], a) for a in self.assignments
                 if a["principal_type"] == ptype and a["principal_id"] == principal_id
                 and a["project_id"] == pid]
        return _Result(_paginate(items, query))

    def assign(self, p, query, body):
        pid = p.get("project_id")
        ptype, principal_id = self._principal_of(p)
        self._check_fields(body, ("role_id",), ("role_id",))
        self._check_string(body, "role_id", nullable=False, nonempty=True)
        self._project(pid)
        principal = self._principal(ptype, principal_id)
        rid = body["role_id"]
        r = self.roles.get(rid)
        if r is None:
            raise ApiError(404, "No role found with id '%s'." % rid, param="role_id")
        if r["project_id"] != pid:
            if pid is None:
                msg = "Role '%s' is a role of project '%s' and cannot be assigned at the organization level." \
                      % (rid, r["project_id"])
            elif r["project_id"] is None:
                msg = "Role '%s' is an organization role and cannot be assigned in project '%s'." % (rid, pid)
            else:
                msg = "Role '%s' belongs to project '%s', not to project '%s'." % (rid, r["project_id"], pid)
            raise ApiError(400, msg, param="role_id")
        changed = False
        if self._find_assignment(ptype, principal_id, pid, rid) is None:
            self.assignments.append({"principal_type": ptype, "principal_id": principal_id,
                                     "project_id": pid, "role_id": rid, "assignment_sources": None})
            changed = True
        if ptype == "user":
            obj = {"object": "user.role", "user": self.user_obj(principal), "role": self.role_obj(r)}
        else:
            obj = {"object": "group.role", "group": self.group_obj(principal), "role": self.role_obj(r)}
        return _Result(obj, write=True, changed=changed)

    def _assignment_or_404(self, p):
        pid = p.get("project_id")
        ptype, principal_id = self._principal_of(p)
        self._project(pid)
        self._principal(ptype, principal_id)
        r = self._role_in_scope(p["role_id"], pid)
        a = self._find_assignment(ptype, principal_id, pid, r["id"])
        if a is None:
            raise ApiError(404, "Role '%s' is not assigned to %s '%s'." % (r["id"], ptype, principal_id))
        return ptype, r, a

    def get_assignment(self, p, query, body):
        _, r, a = self._assignment_or_404(p)
        return _Result(self.assigned_details(r, a))

    def unassign(self, p, query, body):
        ptype, r, a = self._assignment_or_404(p)
        self.assignments.remove(a)
        return _Result({"object": "%s.role.deleted" % ptype, "deleted": True}, write=True, changed=True)


# Routes below /v1: literal segments, or {name} for one decoded path parameter.
ROUTES = []
for _scope in (("organization",), ("projects", "{project_id}")):
    ROUTES.append((_scope + ("roles",), {"GET": "list_roles", "POST": "create_role"}))
    ROUTES.append((_scope + ("roles", "{role_id}"),
                   {"GET": "get_role", "POST": "update_role", "DELETE": "delete_role"}))
    for _kind in (("users", "{user_id}"), ("groups", "{group_id}")):
        ROUTES.append((_scope + _kind + ("roles",), {"GET": "list_assignments", "POST": "assign"}))
        ROUTES.append((_scope + _kind + ("roles", "{role_id}"),
                       {"GET": "get_assignment", "DELETE": "unassign"}))
del _scope, _kind


def route(segments):
    """(handlers by method, path parameters) for decoded segments below /v1, or (None, None)."""
    for pattern, handlers in ROUTES:
        if len(pattern) != len(segments):
            continue
        params = {}
        for want, got in zip(pattern, segments):
            if want.startswith("{"):
                params[want[1:-1]] = got
            elif want != got:
                break
        else:
            return handlers, params
    return None, None


_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_TARGET_CHARS = re.compile(r"[\x21-\x7e]+")


def parse_target(target):
    """Split a request target into (raw path, decoded segments below /v1, query dict, raw query).

    Raises ApiError for a malformed target (400) or one outside /v1 (404: the
    caller turns it into "Invalid URL").
    """
    if not _TARGET_CHARS.fullmatch(target) or not target.startswith("/") or "#" in target:
        raise ApiError(400, "Invalid request target: it must be an origin-form path of visible ASCII "
                            "characters (percent-encode everything else).")
    path, _, raw_query = target.partition("?")
    raw_segments = path.split("/")[1:]
    if raw_segments[:1] != ["v1"] or len(raw_segments) < 2 or "" in raw_segments:
        return path, None, {}, raw_query
    segments = []
    for seg in raw_segments[1:]:
        if _BAD_PERCENT.search(seg):
            raise ApiError(400, "Invalid percent-encoding in URL path segment '%s'." % seg)
        try:
            segments.append(urllib.parse.unquote_to_bytes(seg).decode("utf-8"))
        except UnicodeDecodeError:
            raise ApiError(400, "URL path segment '%s' does not decode to UTF-8." % seg)
    query = {}
    if raw_query:
        if _BAD_PERCENT.search(raw_query):
            raise ApiError(400, "Invalid percent-encoding in the query string.")
        try:
            pairs = urllib.parse.parse_qsl(raw_query, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise ApiError(400, "The query string does not decode to UTF-8.")
        for name, value in pairs:
            if name in query:
                raise ApiError(400, "Query parameter '%s' is given more than once." % name, param=name)
            query[name] = value
    return path, segments, query, raw_query


def parse_json_body(raw):
    """A request body as a JSON object, or ApiError(400)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "The request body is not valid UTF-8.")

    def pairs_hook(pairs):
        obj = {}
        for key, value in pairs:
            if key in obj:
                raise _DuplicateKey(key)
            obj[key] = value
        return obj

    def no_constants(name):
        raise ValueError("JSON has no %s" % name)

    try:
        body = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=no_constants)
    except _DuplicateKey as e:
        raise ApiError(400, "Duplicate key '%s' in the request body." % e.key, param=e.key)
    except (ValueError, RecursionError):
        raise ApiError(400, JSON_BODY_HINT)
    if not isinstance(body, dict):
        raise ApiError(400, "Invalid request body: expected a JSON object, but got %s instead."
                       % _json_type_name(body))
    return body


# ---------------------------------------------------------------------------
# HTTP requests and responses


class _Request:
    def __init__(self, method, target, version, headers, body):
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers            # list of (name, value) as sent
        self.body = body                  # bytes (de-chunked)

    def header(self, name):
        """The last value of a header, or None."""
        name = name.lower()
        value = None
        for k, v in self.headers:
            if k.lower() == name:
                value = v
        return value

    def tokens(self, name):
        out = set()
        for k, v in self.headers:
            if k.lower() == name.lower():
                out.update(t.strip().lower() for t in v.split(",") if t.strip())
        return out

    @property
    def keep_alive(self):
        conn = self.tokens("connection")
        if self.version == "HTTP/1.0":
            return "keep-alive" in conn
        return "close" not in conn


def _reason(status):
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Status %d" % status


class _Connection(threading.Thread):
    """One accepted connection: TLS handshake, then HTTP/1.1 requests until closed."""

    def __init__(self, sim, raw, peer, conn_id):
        super().__init__(name="oarc-sim-conn-%d" % conn_id, daemon=True)
        self.sim = sim
        self.sock = raw
        self.peer = peer
        self.conn_id = conn_id
        self.session_reused = None
        self.tls_version = None
        self.cipher = None

    # -- life cycle ----------------------------------------------------------

    def run(self):
        sim = self.sim
        try:
            if sim.tls:
                self.sock.settimeout(HANDSHAKE_TIMEOUT)
                try:
                    self.sock = sim._ssl_ctx.wrap_socket(self.sock, server_side=True)
                except (ssl.SSLError, OSError) as e:
                    sim._count("tls_failures")
                    sim._log("conn %d: TLS handshake failed: %s" % (self.conn_id, e))
                    self._close_abruptly()
                    return
                self.session_reused = bool(self.sock.session_reused)
                self.tls_version = self.sock.version()
                self.cipher = (self.sock.cipher() or (None,))[0]
                sim._record_handshake(self)
            self._serve()
        except Exception:  # a bug in the simulator: say so, drop the connection
            sys.stderr.write("oarc_sim: connection %d crashed:\n%s" % (self.conn_id, traceback.format_exc()))
            self._close_abruptly()
        finally:
            sim._forget(self)

    def abort(self):
        """Called by Simulator.stop from another thread: wake a blocked recv."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _close_abruptly(self):
        """FIN without a TLS close_notify: a truncation, as a crashed peer or a proxy would do."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass

    def _close_gracefully(self):
        """TLS close_notify (when TLS), then FIN: how a server ends an idle keep-alive connection."""
        if self.sim.tls and isinstance(self.sock, ssl.SSLSocket):
            try:
                self.sock.settimeout(0.2)
                self.sock.unwrap()
            except (OSError, ValueError, ssl.SSLError):
                pass
        self._close_abruptly()

    def _reset(self):
        """Abort with a TCP RST (SO_LINGER 0)."""
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass

    # -- reading -------------------------------------------------------------

    def _recv_into(self, buf, timeout):
        self.sock.settimeout(timeout)
        data = self.sock.recv(65536)
        if data:
            buf += data
        return bool(data)

    def _read_request(self, buf):
        """The next request from the connection, None at end of stream. Raises _BadHttp, timeouts."""
        sim = self.sim
        while True:
            while buf[:2] == b"\r\n":  # tolerate empty lines before a request line
                del buf[:2]
            end = buf.find(b"\r\n\r\n")
            if end >= 0:
                break
            if len(buf) > MAX_HEAD_BYTES:
                raise _BadHttp(431, "Request header fields too large.")
            if not self._recv_into(buf, sim.idle_timeout if not buf else sim.request_timeout):
                return None
        head = bytes(buf[:end]).decode("latin-1")
        del buf[:end + 4]
        lines = head.split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[0].isalpha() or not parts[0].isupper():
            raise _BadHttp(400, "Malformed request line.")
        method, target, version = parts
        if version not in ("HTTP/1.1", "HTTP/1.0"):
            raise _BadHttp(505 if version.startswith("HTTP/") else 400, "Unsupported HTTP version.")
        headers = []
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if not sep or not name or name != name.strip() or " " in name or "\t" in name:
                raise _BadHttp(400, "Malformed header line.")
            headers.append((name, value.strip(" \t")))
        req = _Request(method, target, version, headers, b"")
        if version == "HTTP/1.1" and req.header("host") is None:
            raise _BadHttp(400, "Missing Host header.")
        te = req.header("transfer-encoding")
        lengths = {v.strip() for k, v in headers if k.lower() == "content-length"}
        if te is not None and lengths:
            raise _BadHttp(400, "Both Transfer-Encoding and Content-Length are present.")
        if te is not None:
            if te.lower() != "chunked":
                raise _BadHttp(501, "Unsupported Transfer-Encoding.")
            self._maybe_continue(req, buf)
            req.body = self._read_chunked(buf)
        elif lengths:
            if len(lengths) != 1 or not next(iter(lengths)).isdigit():
                raise _BadHttp(400, "Invalid Content-Length.")
            length = int(next(iter(lengths)))
            if length > MAX_BODY_BYTES:
                raise _BadHttp(413, "Request body too large.")
            if length > len(buf):
                self._maybe_continue(req, buf)
            while len(buf) < length:
                if not self._recv_into(buf, sim.request_timeout):
                    raise _BadHttp(400, "Connection closed before the end of the body.")
            req.body = bytes(buf[:length])
            del buf[:length]
        return req

    def _maybe_continue(self, req, buf):
        if "100-continue" in req.tokens("expect") and req.version == "HTTP/1.1" and not buf:
            self.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _read_line(self, buf):
        while True:
            end = buf.find(b"\r\n")
            if end >= 0:
                line = bytes(buf[:end])
                del buf[:end + 2]
                return line
            if len(buf) > MAX_HEAD_BYTES:
                raise _BadHttp(400, "Chunk line too long.")
            if not self._recv_into(buf, self.sim.request_timeout):
                raise _BadHttp(400, "Connection closed inside a chunked body.")

    def _read_chunked(self, buf):
        body = bytearray()
        while True:
            size_text = self._read_line(buf).split(b";", 1)[0].strip()
            if not re.fullmatch(rb"[0-9A-Fa-f]{1,8}", size_text):
                raise _BadHttp(400, "Malformed chunk size.")
            size = int(size_text, 16)
            if size == 0:
                while self._read_line(buf):  # trailer fields, up to the empty line
                    pass
                return bytes(body)
            if len(body) + size > MAX_BODY_BYTES:
                raise _BadHttp(413, "Request body too large.")
            while len(buf) < size + 2:
                if not self._recv_into(buf, self.sim.request_timeout):
                    raise _BadHttp(400, "Connection closed inside a chunked body.")
            if buf[size:size + 2] != b"\r\n":
                raise _BadHttp(400, "Chunk data not followed by CRLF.")
            body += buf[:size]
            del buf[:size + 2]

    # -- serving -------------------------------------------------------------

    def _serve(self):
        sim = self.sim
        buf = bytearray()
        while not sim._stopping.is_set():
            try:
                req = self._read_request(buf)
            except _BadHttp as e:
                sim._record_malformed(self, e)
                self._send_simple_error(e.status, e.message)
                self._close_abruptly()
                return
            except socket.timeout:
                sim._count("idle_closes")
                self._close_gracefully()
                return
            except (OSError, ssl.SSLError):
                self._close_abruptly()
                return
            if req is None:
                self._close_gracefully()
                return
            try:
                keep = self._handle(req)
            except (OSError, ssl.SSLError):
                self._close_abruptly()
                return
            if not keep:
                return
        self._close_abruptly()

    def _send_simple_error(self, status, message):
        body = json.dumps({"error": {"message": message, "type": "invalid_request_error",
                                     "param": None, "code": None}}).encode()
        head = ("HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                "Connection: close\r\nx-request-id: %s\r\n\r\n"
                % (status, _reason(status), len(body), "req_" + secrets.token_hex(16)))
        try:
            self.sock.sendall(head.encode("latin-1") + body)
        except (OSError, ssl.SSLError):
            pass

    def _handle(self, req):
        """Answer one request (or fail it as a fault says). Returns whether to keep the connection."""
        sim = self.sim
        rec, fault, request_id, rng = sim._begin_request(self, req)
        kind = fault["kind"] if fault else None

        if kind == "reset":
            sim._finish_request(rec, None, "reset")
            self._reset()
            return False
        if kind == "stall":
            sim._stopping.wait(max(0, fault.get("ms", 1000)) / 1000.0)
            then = fault.get("then", "answer")
            if then == "close":
                sim._finish_request(rec, None, "stall+close")
                self._close_abruptly()
                return False
            if then == "reset":
                sim._finish_request(rec, None, "stall+reset")
                self._reset()
                return False

        apply = fault.get("apply", FAULT_APPLY_DEFAULT[kind]) if fault else True
        write = False
        if apply:
            status, obj, extra, write = sim._process(req, rec)
        else:
            status, obj, extra = 200, None, []
        if kind == "status":
            status = int(fault["status"])
            err_type, err_code, err_msg = STATUS_DEFAULTS.get(
                status, ("server_error" if status >= 500 else "invalid_request_error", None,
                         "Injected status %d (oarc_sim)." % status))
            obj = fault.get("body") if "body" in fault else {"error": {
                "message": fault.get("message", err_msg), "type": fault.get("type", err_type),
                "param": fault.get("param"), "code": fault.get("code", err_code)}}
            extra = []
            if "retry_after" in fault:
                extra.append(("Retry-After", str(fault["retry_after"])))
            if "retry_after_ms" in fault:
                extra.append(("retry-after-ms", str(fault["retry_after_ms"])))
            if "should_retry" in fault:
                extra.append(("x-should-retry", "true" if fault["should_retry"] else "false"))
        if fault:
            extra = extra + [(str(k), str(v)) for k, v in (fault.get("headers") or {}).items()]
            if "body_hex" in fault:
                obj = bytes.fromhex(fault["body_hex"])
            if "request_id" in fault:
                request_id = str(fault["request_id"])
                rec["request_id"] = request_id

        closing = (not req.keep_alive or sim._stopping.is_set()
                   or kind in ("close_after", "close_mid_headers", "drop_idle", "close_mid_body")
                   or bool(fault and fault.get("close")))
        framing = "chunked"
        if req.version == "HTTP/1.0" or kind == "content_length":
            framing = "content_length"
        if fault and "framing" in fault:
            framing = fault["framing"]
        if obj is None:
            payload = b""
        elif isinstance(obj, (bytes, bytearray)):
            payload = bytes(obj)
        elif isinstance(obj, str):
            payload = obj.encode("utf-8")
        else:
            payload = sim._encode_json(obj)
        head, pieces = sim._frame_response(status, payload, extra, framing,
                                           keep_alive=not closing, request_id=request_id, rng=rng,
                                           head_only=req.method == "HEAD")

        # Record (and count) before any byte goes out, so a client that has read
        # the answer always finds it in requests() and stats().
        if kind in ("close_mid_headers", "drop_idle"):
            cut = 0 if kind == "drop_idle" else int(fault.get("bytes", len(head) // 2))
            sim._finish_request(rec, None, kind)
            if cut > 0:
                self.sock.sendall(head[:cut])
            self._close_abruptly()
            return False
        if kind == "close_mid_body":
            framed = b"".join(pieces)
            cut = int(fault.get("bytes", len(framed) // 2))
            sim._finish_request(rec, status, kind, write)
            self.sock.sendall(head)
            if cut > 0:
                self.sock.sendall(framed[:cut])
            if fault.get("reset"):
                # Let the partial answer reach the client first, so the RST
                # lands mid-answer rather than before it.
                sim._stopping.wait(0.05)
                self._reset()
            else:
                self._close_abruptly()
            return False

        # The answer's size on the wire (TLS aside): what a client had to take in.
        rec["response_bytes"] = len(head) + sum(len(piece) for piece in pieces)
        sim._finish_request(rec, status, kind, write)
        self.sock.sendall(head)
        for piece in pieces:
            self.sock.sendall(piece)
        if closing:
            graceful = fault.get("graceful", True) if kind == "close_after" else True
            if graceful:
                self._close_gracefully()
            else:
                self._close_abruptly()
            return False
        return True


# ---------------------------------------------------------------------------
# The control port


class _ControlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, family, sim):
        self.address_family = family
        self.sim = sim
        super().__init__(address, _ControlHandler)

    def server_bind(self):
        # Skip HTTPServer.server_bind: its getfqdn() can wait on DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class _ControlHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "oarc-sim-control"

    def log_message(self, fmt, *args):
        pass

    def _send(self, status, obj):
        data = (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw.strip():
            return None
        return json.loads(raw.decode("utf-8"))

    def _dispatch(self, method):
        sim = self.server.sim
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        try:
            body = self._body()
            key = (method, url.path.rstrip("/") or "/")
            if key == ("GET", "/stats"):
                return self._send(200, sim.stats())
            if key == ("GET", "/handshakes"):
                return self._send(200, sim.handshakes())
            if key == ("GET", "/requests"):
                return self._send(200, sim.requests(since=int(query.get("since", 0))))
            if key == ("GET", "/state"):
                return self._send(200, sim.state())
            if key == ("GET", "/info"):
                return self._send(200, sim.info())
            if key == ("GET", "/faults"):
                return self._send(200, sim.faults())
            if key == ("POST", "/faults"):
                if body is None:
                    raise ValueError("POST /faults needs a fault object or a list of them")
                ids = sim.inject(body)
                return self._send(200, {"ids": ids if isinstance(ids, list) else [ids]})
            if key == ("DELETE", "/faults"):
                return self._send(200, {"cleared": sim.clear_faults()})
            if key == ("POST", "/reset"):
                sim.reset_state(body if body else None)
                return self._send(200, {"ok": True})
            if key == ("POST", "/clear"):
                sim.clear_requests()
                return self._send(200, {"ok": True})
            return self._send(404, {"error": "no control endpoint %s %s" % key})
        except (ValueError, TypeError, KeyError) as e:
            return self._send(400, {"error": str(e)})

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")


# ---------------------------------------------------------------------------
# The simulator


class Simulator:
    """The simulated API server. start() it, point a client at base_url (trusting ca_file), stop() it."""

    def __init__(self, admin_key=DEFAULT_ADMIN_KEY, tls=True, cert_hostname=None, fixture=None,
                 host="127.0.0.1", port=0, control=True, control_port=0, organization=None,
                 cert=None, key=None, ca=None, state_dir=None, key_type="ec", tls_max="1.3",
                 tickets=True, idle_timeout=30.0, request_timeout=30.0, seed=0, chunking="random",
                 compact=False, verbose=False, inside_netns=None):
        self._addrs = listen_addresses(host, inside_netns)
        if tls_max not in ("1.2", "1.3"):
            raise ValueError("tls_max must be '1.2' or '1.3'")
        if chunking not in ("random", "single", "tiny"):
            raise ValueError("chunking must be 'random', 'single' or 'tiny'")
        if (cert is None) != (key is None):
            raise ValueError("give both cert and key, or neither")
        self.admin_key = admin_key
        self.tls = bool(tls)
        self.cert_hostname = cert_hostname
        self.host = host
        self.inside_netns = inside_netns
        self._control_addr = NETNS_CONTROL_ADDR if self.inside_netns else self._addrs[0]
        self.organization = organization
        self.idle_timeout = float(idle_timeout)
        self.request_timeout = float(request_timeout)
        self.seed = seed
        self.chunking = chunking
        self.compact = compact
        self.verbose = verbose
        self.key_type = key_type
        self.tls_max = tls_max
        self.tickets = tickets
        self._want_port = int(port)
        self._want_control = bool(control)
        self._want_control_port = int(control_port)
        self._given_cert = (cert, key, ca)
        self._state_dir = state_dir
        self._own_tmp = None
        self._fixture = load_fixture(fixture)
        self._store = Store(self._fixture)
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._listeners = []
        self._threads = []
        self._conns = set()
        self._control = None
        self._control_thread = None
        self._faults = []
        self._fault_seq = 0
        self._requests = []
        self._handshakes = []
        self._request_seq = 0
        self._conn_seq = 0
        self._stats = self._zero_stats()
        self._started = False
        self.port = None
        self.control_port = None
        self.ca_file = None
        self.cert_file = None
        self.key_file = None

    # -- life cycle ----------------------------------------------------------

    def start(self):
        if self._started:
            raise RuntimeError("already started")
        if self.inside_netns and not in_network_namespace(self.inside_netns):
            raise RuntimeError("inside_netns: this thread is not in the network namespace %r "
                               "(run it with: ip netns exec %s ...)" % (self.inside_netns, self.inside_netns))
        try:
            if self.tls:
                self._setup_tls()
            self._bind()
            for lsock in self._listeners:
                t = threading.Thread(target=self._accept_loop, args=(lsock,),
                                     name="oarc-sim-accept", daemon=True)
                t.start()
                self._threads.append(t)
            if self._want_control:
                addr = self._control_addr
                fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
                self._control = _ControlServer((addr, self._want_control_port), fam, self)
                self.control_port = self._control.server_address[1]
                t = threading.Thread(target=self._control.serve_forever, kwargs={"poll_interval": 0.1},
                                     name="oarc-sim-control", daemon=True)
                t.start()
                self._control_thread = t
        except BaseException:
            self.stop()
            raise
        self._started = True
        return self

    def stop(self):
        self._stopping.set()
        for lsock in self._listeners:
            try:
                lsock.close()
            except OSError:
                pass
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            c.abort()
        if self._control is not None:
            if self._control_thread is not None:
                self._control.shutdown()  # waits for serve_forever to return
                self._control_thread.join(timeout=2.0)
                self._control_thread = None
            self._control.server_close()
            self._control = None
        for t in self._threads + conns:
            if t is not threading.current_thread():
                t.join(timeout=2.0)
        self._threads = []
        self._listeners = []
        if self._own_tmp is not None:
            shutil.rmtree(self._own_tmp, ignore_errors=True)
            self._own_tmp = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _setup_tls(self):
        cert, key, ca = self._given_cert
        if cert is not None:
            self.cert_file, self.key_file = os.path.abspath(cert), os.path.abspath(key)
            self.ca_file = os.path.abspath(ca) if ca else None
        else:
            directory = self._state_dir
            if directory is None:
                directory = self._own_tmp = tempfile.mkdtemp(prefix="oarc-sim-")
            self.ca_file, self.cert_file, self.key_file = (
                os.path.abspath(p) for p in make_certificates(directory, self.cert_hostname, self.key_type))
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.maximum_version = ssl.TLSVersion.TLSv1_3 if self.tls_max == "1.3" else ssl.TLSVersion.TLSv1_2
        # TLS 1.2: ECDHE key exchange with AES-GCM only (TLS 1.3 suites are not affected).
        ctx.set_ciphers("ECDHE+AESGCM")
        # A client that closes without close_notify must not lose its cached session
        # (nginx does the same with OpenSSL 3).
        ctx.options |= getattr(ssl, "OP_IGNORE_UNEXPECTED_EOF", 0)
        if self.tickets:
            ctx.options &= ~ssl.OP_NO_TICKET
        else:
            ctx.options |= ssl.OP_NO_TICKET  # resumption by session ID only
        ctx.load_cert_chain(self.cert_file, self.key_file)
        self._ssl_ctx = ctx

    def _bind(self):
        """Listen on every address of the host, on one port; "localhost" skips ::1 where there is no IPv6."""
        addrs = self._addrs
        for attempt in range(20):
            socks = []
            port = self._want_port
            try:
                for i, addr in enumerate(addrs):
                    try:
                        s = self._listen(addr, port)
                    except OSError as e:
                        if i > 0 and e.errno != errno.EADDRINUSE:
                            continue
                        raise
                    socks.append(s)
                    port = s.getsockname()[1]
            except OSError:
                for s in socks:
                    s.close()
                if self._want_port != 0 or attempt == 19:
                    raise
                continue
            self._listeners = socks
            self.port = port
            return

    @staticmethod
    def _listen(addr, port):
        fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
        s = socket.socket(fam, socket.SOCK_STREAM)
        try:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if fam == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind((addr, port))
            s.listen(128)
            s.settimeout(0.1)
        except OSError:
            s.close()
            raise
        return s

    def _accept_loop(self, lsock):
        while not self._stopping.is_set():
            try:
                raw, peer = lsock.accept()
            except socket.timeout:
                continue
            except OSError:
                if self._stopping.is_set():
                    return
                time.sleep(0.05)
                continue
            try:
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            with self._lock:
                self._conn_seq += 1
                self._stats["connections"] += 1
                conn = _Connection(self, raw, peer, self._conn_seq)
                self._conns.add(conn)
            conn.start()

    def _forget(self, conn):
        with self._lock:
            self._conns.discard(conn)

    # -- information ---------------------------------------------------------

    @property
    def base_url(self):
        if self.inside_netns:  # no name is known to resolve there
            return self.base_url_ip
        return "%s://localhost:%d/v1" % ("https" if self.tls else "http", self.port)

    @property
    def base_url_ip(self):
        addr = self._addrs[0]
        shown = "[%s]" % addr if ":" in addr else addr
        return "%s://%s:%d/v1" % ("https" if self.tls else "http", shown, self.port)

    @property
    def control_url(self):
        if self.control_port is None:
            return None
        addr = self._control_addr
        shown = "[%s]" % addr if ":" in addr else addr
        return "http://%s:%d" % (shown, self.control_port)

    def info(self):
        return {"port": self.port, "control_port": self.control_port, "ca_file": self.ca_file,
                "base_url": self.base_url, "base_url_ip": self.base_url_ip,
                "control_url": self.control_url, "host": self.host, "inside_netns": self.inside_netns,
                "tls": self.tls,
                "cert_file": self.cert_file, "cert_hostname": self.cert_hostname,
                "admin_key": self.admin_key, "organization": self.organization, "pid": os.getpid()}

    # -- control API ---------------------------------------------------------

    @staticmethod
    def _zero_stats():
        return {"connections": 0, "tls_handshakes": 0, "tls_resumed": 0, "tls_failures": 0,
                "requests": 0, "writes": 0, "state_changes": 0, "faults_applied": 0,
                "idle_closes": 0, "statuses": {}, "tls_versions": {}}

    def stats(self):
        with self._lock:
            out = copy.deepcopy(self._stats)
            out["faults_pending"] = len(self._faults)
            out["open_connections"] = len(self._conns)
            return out

    def requests(self, since=0):
        """Recorded requests with seq > since, oldest first (copies)."""
        with self._lock:
            return [copy.deepcopy(r) for r in self._requests if r["seq"] > since]

    def clear_requests(self):
        """Forget recorded requests and zero every counter."""
        with self._lock:
            self._requests = []
            self._handshakes = []
            self._stats = self._zero_stats()

    def reset_state(self, fixture=None):
        """Restore the store from the fixture (or a new one, which becomes the seed) and drop pending faults."""
        with self._lock:
            if fixture is not None:
                fx = load_fixture(fixture)
                Store(fx)  # validate before replacing anything
                self._fixture = fx
            self._store = Store(self._fixture)
            self._faults = []

    def state(self):
        with self._lock:
            return self._store.dump()

    def faults(self):
        with self._lock:
            return copy.deepcopy(self._faults)

    def clear_faults(self):
        with self._lock:
            n = len(self._faults)
            self._faults = []
            return n

    def inject(self, fault=None, **kw):
        """Queue one fault (a dict or keyword arguments) or a list of them; returns the id(s)."""
        if fault is None:
            fault = kw
        elif kw:
            raise TypeError("give a fault dict or keyword arguments, not both")
        if isinstance(fault, list):
            checked = [self._check_fault(f) for f in fault]
        else:
            checked = [self._check_fault(fault)]
        with self._lock:
            ids = []
            for f in checked:
                self._fault_seq += 1
                f["id"] = self._fault_seq
                f["applied"] = 0
                self._faults.append(f)
                ids.append(f["id"])
        return ids if isinstance(fault, list) else ids[0]

    @staticmethod
    def _check_fault(fault):
        if not isinstance(fault, dict):
            raise ValueError("a fault is a JSON object")
        f = copy.deepcopy(fault)
        kind = f.get("kind")
        if kind not in FAULT_KINDS:
            raise ValueError("fault kind must be one of %s" % ", ".join(FAULT_KINDS))
        unknown = set(f) - FAULT_COMMON_FIELDS - FAULT_FIELDS[kind]
        if unknown:
            raise ValueError("unknown field(s) for a %s fault: %s" % (kind, ", ".join(sorted(unknown))))
        if kind == "status":
            if not isinstance(f.get("status"), int) or not 100 <= f["status"] <= 599:
                raise ValueError("a status fault needs an integer 'status' (100..599)")
        count = f.setdefault("count", 1)
        if not isinstance(count, int) or (count < 1 and count != -1):
            raise ValueError("'count' is a positive integer, or -1 for ever")
        skip = f.setdefault("skip", 0)
        if not isinstance(skip, int) or skip < 0:
            raise ValueError("'skip' is a non-negative integer")
        if f.get("method") is not None:
            f["method"] = str(f["method"]).upper()
        if f.get("path_regex") is not None:
            re.compile(f["path_regex"])
        if f.get("framing", "chunked") not in ("chunked", "content_length"):
            raise ValueError("'framing' is 'chunked' or 'content_length'")
        if kind == "stall" and f.get("then", "answer") not in ("answer", "close", "reset"):
            raise ValueError("a stall's 'then' is 'answer', 'close' or 'reset'")
        for k in ("bytes", "ms"):
            if k in f and (not isinstance(f[k], int) or f[k] < 0):
                raise ValueError("'%s' is a non-negative integer" % k)
        if "body_hex" in f:
            bytes.fromhex(str(f["body_hex"]))  # ValueError when it is not hex
        if "request_id" in f:
            rid = str(f["request_id"])
            # One header value: latin-1 bytes, and no CR/LF (which would end
            # the head rather than test what a client prints).
            if "\r" in rid or "\n" in rid or any(ord(c) > 0xFF for c in rid):
                raise ValueError("'request_id' holds characters up to U+00FF, no CR or LF")
        return f

    # -- request processing (called from connection threads) -----------------

    def _record_handshake(self, conn):
        """One successful TLS handshake: counted, and kept with its version and resumption."""
        with self._lock:
            self._stats["tls_resumed" if conn.session_reused else "tls_handshakes"] += 1
            versions = self._stats["tls_versions"]
            versions[conn.tls_version] = versions.get(conn.tls_version, 0) + 1
            self._handshakes.append({"conn_id": conn.conn_id, "tls_version": conn.tls_version,
                                     "tls_resumed": conn.session_reused, "cipher": conn.cipher})

    def handshakes(self):
        """Every successful TLS handshake since the last clear, oldest first: conn_id,
        tls_version ("TLSv1.3"), tls_resumed, cipher (copies)."""
        with self._lock:
            return copy.deepcopy(self._handshakes)

    def _count(self, name, n=1):
        with self._lock:
            self._stats[name] += n

    def _log(self, text):
        if self.verbose:
            sys.stderr.write("oarc_sim: %s\n" % text)
            sys.stderr.flush()

    def _match_fault(self, method, target):
        """The first queued fault that matches, consumed (called under the lock)."""
        for f in self._faults:
            if f.get("method") and f["method"] != method:
                continue
            if f.get("path") and f["path"] not in target:
                continue
            if f.get("path_regex") and not re.search(f["path_regex"], target):
                continue
            if f["skip"] > 0:
                f["skip"] -= 1
                continue
            f["applied"] += 1
            if f["count"] != -1:
                f["count"] -= 1
                if f["count"] == 0:
                    self._faults.remove(f)
            self._stats["faults_applied"] += 1
            return copy.deepcopy(f)
        return None

    def _recorded_headers(self, req):
        out = []
        for name, value in req.headers:
            if name.lower() == "authorization":
                value = "[matched]" if self._auth_state(req) == "matched" else "[mismatched]"
            out.append([name, value])
        return out

    def _auth_state(self, req):
        value = req.header("authorization")
        if value is None:
            return "missing"
        m = re.fullmatch(r"[Bb]earer +(\S+) *", value)
        if m and secrets.compare_digest(m.group(1).encode(), self.admin_key.encode()):
            return "matched"
        return "mismatched"

    def _begin_request(self, conn, req):
        with self._lock:
            self._request_seq += 1
            seq = self._request_seq
            self._stats["requests"] += 1
            fault = self._match_fault(req.method, req.target)
            request_id = "req_" + secrets.token_hex(16)
            rec = {
                "seq": seq, "time": time.time(), "conn_id": conn.conn_id,
                "peer": conn.peer[0], "peer_port": conn.peer[1], "tls": self.tls, "tls_resumed": conn.session_reused, "tls_version": conn.tls_version,
                "cipher": conn.cipher, "method": req.method, "raw_path": req.target.partition("?")[0],
                "target": req.target, "path": None, "segments": None, "query": None,
                "query_raw": req.target.partition("?")[2], "http_version": req.version,
                "headers": self._recorded_headers(req), "auth": self._auth_state(req),
                "body": req.body.decode("utf-8", errors="replace"),
                "body_utf8": self._is_utf8(req.body), "body_len": len(req.body),
                "request_id": request_id, "status": None, "fault": fault["kind"] if fault else None,
                "fault_id": fault["id"] if fault else None, "outcome": None,
                "response_bytes": None,
            }
            self._requests.append(rec)
        rng = random.Random("%s:%d" % (self.seed, seq))
        self._log("conn %d #%d %s %s%s" % (conn.conn_id, seq, req.method, req.target,
                                          " [fault %s]" % fault["kind"] if fault else ""))
        return rec, fault, request_id, rng

    @staticmethod
    def _is_utf8(data):
        try:
            data.decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False

    def _record_malformed(self, conn, err):
        with self._lock:
            self._request_seq += 1
            self._stats["requests"] += 1
            key = str(err.status)
            self._stats["statuses"][key] = self._stats["statuses"].get(key, 0) + 1
            self._requests.append({"seq": self._request_seq, "time": time.time(), "conn_id": conn.conn_id,
                                   "peer": conn.peer[0], "peer_port": conn.peer[1], "tls": self.tls, "tls_resumed": conn.session_reused,
                                   "method": None, "malformed": err.message, "status": err.status,
                                   "outcome": "malformed"})

    def _finish_request(self, rec, status, outcome, write=False):
        """Record how a request ended. A write counts when its (final) status is 2xx."""
        with self._lock:
            if write and status is not None and 200 <= status < 300:
                self._stats["writes"] += 1
            rec["status"] = status
            rec["outcome"] = outcome or "answered"
            if status is not None:
                key = str(status)
                self._stats["statuses"][key] = self._stats["statuses"].get(key, 0) + 1

    def _process(self, req, rec):
        """Authenticate, route, validate and run a request.

        Returns (status, JSON object, extra headers, whether it was a write).
        """
        try:
            target_error = None
            try:
                path, segments, query, _ = parse_target(req.target)
                rec["path"] = "/v1/" + "/".join(segments) if segments is not None else path
                rec["segments"] = segments
                rec["query"] = query
            except ApiError as e:
                target_error = e
            auth = rec["auth"]
            if auth == "missing":
                raise ApiError(401, "You didn't provide an API key. You need to provide your API key in an "
                                    "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                               code="invalid_api_key")
            if auth == "mismatched":
                m = re.fullmatch(r"[Bb]earer +(\S+) *", req.header("authorization"))
                shown = mask_key(m.group(1)) if m else "(not a Bearer token)"
                raise ApiError(401, "Incorrect API key provided: %s. You can find your API key at "
                                    "https://platform.openai.com/account/api-keys." % shown,
                               code="invalid_api_key")
            org = req.header("openai-organization")
            if self.organization is not None and org is not None and org != self.organization:
                raise ApiError(401, "OpenAI-Organization header should match organization for API key",
                               code="mismatched_organization")
            if target_error is not None:
                raise target_error
            handlers, params = route(segments) if segments is not None else (None, None)
            if handlers is None or req.method not in handlers:
                raise ApiError(404, "Invalid URL (%s %s)" % (req.method, path))
            body = None
            if req.body:
                ctype = (req.header("content-type") or "").split(";")[0].strip().lower()
                if ctype != "application/json":
                    raise ApiError(400, "Invalid Content-Type header (%s): expected application/json."
                                   % (req.header("content-type") or "missing"))
            if req.method == "POST":
                if not req.body:
                    raise ApiError(400, "Missing request body: expected a JSON object. " + JSON_BODY_HINT)
                body = parse_json_body(req.body)
            with self._lock:
                result = getattr(self._store, handlers[req.method])(params, query, body)
                if result.changed:
                    self._stats["state_changes"] += 1
            return 200, result.obj, [], req.method in ("POST", "DELETE") and result.write
        except ApiError as e:
            return e.status, e.body(), e.headers, False
        except Exception:
            sys.stderr.write("oarc_sim: error while handling %s %s:\n%s"
                             % (req.method, req.target, traceback.format_exc()))
            return 500, ApiError(500, "The server had an error while processing your request.",
                                 type_="server_error").body(), [], False

    def _encode_json(self, obj):
        if self.compact:
            text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        else:
            text = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")

    def _chunk_sizes(self, n, rng):
        if self.chunking == "single" or n <= 1:
            return [n]
        if self.chunking == "tiny":
            sizes = []
            while n > 0:
                k = min(n, rng.randint(1, 7))
                sizes.append(k)
                n -= k
            return sizes
        k = rng.randint(1, min(4, n))
        cuts = sorted(rng.sample(range(1, n), k - 1))
        bounds = [0] + cuts + [n]
        return [b - a for a, b in zip(bounds, bounds[1:])]

    def _frame_response(self, status, payload, extra, framing, keep_alive, request_id, rng,
                        head_only=False):
        """(head bytes, list of framed body pieces, each sent with its own write)."""
        lines = ["HTTP/1.1 %d %s" % (status, _reason(status)),
                 "Date: %s" % email.utils.formatdate(usegmt=True),
                 "Content-Type: application/json"]
        if head_only:
            payload = b""
            framing = "content_length"
        if framing == "chunked":
            lines.append("Transfer-Encoding: chunked")
        else:
            lines.append("Content-Length: %d" % len(payload))
        lines += ["Connection: %s" % ("keep-alive" if keep_alive else "close"),
                  "openai-version: 2020-10-01",
                  "openai-processing-ms: %d" % rng.randint(5, 250),
                  "x-request-id: %s" % request_id,
                  "x-content-type-options: nosniff"]
        lines += ["%s: %s" % (k, v) for k, v in extra]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if head_only:
            return head, []
        if framing != "chunked":
            return head, [payload] if payload else []
        pieces = []
        offset = 0
        if payload:
            for size in self._chunk_sizes(len(payload), rng):
                size_hex = "%x" % size
                if rng.random() < 0.3:
                    size_hex = size_hex.upper()
                ext = ";oarc-sim=1" if rng.random() < 0.25 else ""
                pieces.append(("%s%s\r\n" % (size_hex, ext)).encode("ascii")
                              + payload[offset:offset + size] + b"\r\n")
                offset += size
        pieces.append(b"0\r\n\r\n")
        return head, pieces


# ---------------------------------------------------------------------------
# Command line


def _write_info_file(path, info):
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w") as f:
        f.write(json.dumps(info) + "\n")
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Simulator of the OpenAI Admin API Roles family (oarc tests).")
    ap.add_argument("--host", default="127.0.0.1",
                    help="127.0.0.1 (default), ::1 or localhost (both); another address only with --inside-netns")
    ap.add_argument("--inside-netns", metavar="NAME",
                    help="listen on --host, one address of the network namespace NAME that you made "
                         "(ip netns add) and run this in; the control port then uses its 127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="API port (default 0: any free port)")
    ap.add_argument("--control-port", type=int, default=0, help="control port (default 0: any free port)")
    ap.add_argument("--no-control", action="store_true", help="do not open the control port")
    ap.add_argument("--plain", action="store_true", help="plain HTTP, no TLS")
    ap.add_argument("--cert", help="server certificate (PEM) to use instead of making one")
    ap.add_argument("--key", help="its private key (PEM)")
    ap.add_argument("--ca", help="the CA file to report as ca_file")
    ap.add_argument("--cert-hostname", help="make the server certificate for this DNS name only")
    ap.add_argument("--key-type", choices=("ec", "rsa"), default="ec", help="ec (P-256, default) or rsa (2048)")
    ap.add_argument("--state-dir", help="where certificates go (kept; a CA there is reused)")
    ap.add_argument("--tls-max", choices=("1.2", "1.3"), default="1.3", help="highest TLS version (default 1.3)")
    ap.add_argument("--no-tickets", action="store_true", help="no session tickets: resume by session ID only")
    ap.add_argument("--fixture", help="seed state (default: fixture.json beside this file)")
    ap.add_argument("--admin-key", default=DEFAULT_ADMIN_KEY)
    ap.add_argument("--organization", help="if given, a differing OpenAI-Organization header gets 401")
    ap.add_argument("--info-file", help="also write the start-up JSON line to this file")
    ap.add_argument("--idle-timeout", type=float, default=30.0, help="keep-alive idle timeout, seconds")
    ap.add_argument("--seed", default="0", help="seed for chunk splitting")
    ap.add_argument("--chunking", choices=("random", "single", "tiny"), default="random")
    ap.add_argument("--compact", action="store_true", help="compact JSON instead of 2-space indented")
    ap.add_argument("--fault", action="append", default=[], metavar="JSON",
                    help="queue a fault at start (a JSON object or list); may repeat")
    ap.add_argument("--max-lifetime", type=float, default=0, help="exit after this many seconds (0: never)")
    ap.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = ap.parse_args(argv)

    try:
        sim = Simulator(admin_key=args.admin_key, tls=not args.plain, cert_hostname=args.cert_hostname,
                        fixture=args.fixture, host=args.host, port=args.port,
                        control=not args.no_control, control_port=args.control_port,
                        organization=args.organization, cert=args.cert, key=args.key, ca=args.ca,
                        state_dir=args.state_dir, key_type=args.key_type, tls_max=args.tls_max,
                        tickets=not args.no_tickets, idle_timeout=args.idle_timeout, seed=args.seed,
                        chunking=args.chunking, compact=args.compact, verbose=args.verbose,
                        inside_netns=args.inside_netns)
        for text in args.fault:
            sim.inject(json.loads(text))
        sim.start()
    except (ValueError, RuntimeError, OSError, TypeError) as e:
        sys.stderr.write("oarc_sim: %s\n" % e)
        return 2

    done = threading.Event()

    def on_signal(signum, frame):
        done.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    info = sim.info()
    sys.stdout.write(json.dumps(info) + "\n")
    sys.stdout.flush()
    if args.info_file:
        _write_info_file(args.info_file, info)
    deadline = time.monotonic() + args.max_lifetime if args.max_lifetime > 0 else None
    while not done.is_set():
        done.wait(0.2)
        if deadline is not None and time.monotonic() >= deadline:
            break
    sim.stop()
    if args.info_file:
        try:
            os.remove(args.info_file)
        except OSError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
