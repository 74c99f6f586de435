#!/usr/bin/env python3
"""Writes the seed corpora of the differential fuzz targets from real answers
of the simulator (tests/sim), over plain HTTP on loopback:

  corpus/http_differential/  whole responses as they came off the socket:
      roles, lists, errors, deletions, Content-Length and chunked framing
      with chunks cut at odd offsets (the simulator's `tiny` and `random`
      chunking), an interim 100 Continue, a close-delimited body
  corpus/http_response/sim_* the same answers with a leading split-pattern
      byte, as fuzz_http_response reads its input
  corpus/role_response/sim_*, corpus/list_response/sim_*  the answers each
      decoder chain reads
  corpus/url/                base URLs, good and bad
  corpus/json_write_cjson/   writer programs (see fuzz_json_write_cjson.c)

Run from anywhere: python3 tests/fuzz/make_corpus.py. The files are checked
in; rerun only to refresh them (the output is deterministic but for the
request ids and dates the simulator puts in each answer).
"""
import os
import random
import socket
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402

KEY = "sk-admin-corpus-0000"
CORPUS = os.path.join(HERE, "corpus")


def exchange(sim, request, idle=0.4):
    """Send one raw request; the bytes that came back until the connection
    closed or went idle (the simulator keeps it alive)."""
    sock = socket.create_connection(("127.0.0.1", sim.port), timeout=5)
    sock.sendall(request)
    data = b""
    sock.settimeout(idle)
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    sock.close()
    return data


def request(method, path, body=None, close=False, extra=""):
    head = "%s /v1%s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n" % (method, path, KEY)
    if close:
        head += "Connection: close\r\n"
    head += extra
    if body is not None:
        head += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
    return (head + "\r\n").encode() + (body or b"")


REQUESTS = [
    ("role", request("GET", "/organization/roles/role_01J1F8ROLE01")),
    ("list", request("GET", "/organization/roles?limit=2")),
    ("list_last", request("GET", "/projects/proj_abc123/roles")),
    ("user_roles", request("GET", "/organization/users/user_def456/roles")),
    ("group_roles", request("GET", "/organization/groups/group_01J1F8ENGINEER/roles")),
    ("error_404", request("GET", "/organization/roles/role_missing")),
    ("error_401", request("GET", "/organization/roles").replace(KEY.encode(), b"sk-wrong")),
    ("update", request("POST", "/organization/roles/role_01J1F8ROLE01",
                       b'{"description":"from the corpus"}')),
    ("create_close", request("POST", "/organization/roles",
                             b'{"role_name":"Corpus","permissions":["api.files.read"]}', close=True)),
    ("continue", request("POST", "/organization/roles/role_01J1F8ROLE01", b'{}',
                         extra="Expect: 100-continue\r\n")),
    ("delete", request("DELETE", "/organization/roles/role_01J1F8ROLE03")),
]


def write(folder, name, data):
    os.makedirs(os.path.join(CORPUS, folder), exist_ok=True)
    with open(os.path.join(CORPUS, folder, name), "wb") as f:
        f.write(data)


def responses():
    out = []
    for chunking in ("tiny", "random", "single"):
        with Simulator(admin_key=KEY, tls=False, chunking=chunking, seed=7) as sim:
            for name, req in REQUESTS:
                out.append(("%s_%s" % (name, chunking), exchange(sim, req)))
            sim.inject(kind="content_length")
            out.append(("content_length", exchange(sim, REQUESTS[0][1])))
            sim.inject(kind="close_after", graceful=False, framing="content_length")
            out.append(("close_after", exchange(sim, REQUESTS[1][1])))
            sim.inject(kind="status", status=429, retry_after_ms=250, should_retry=True)
            out.append(("error_429", exchange(sim, REQUESTS[0][1])))
    # A close-delimited body: HTTP/1.0 has no chunking, and an answer without
    # Content-Length ends at the close.
    body = b'{"object":"role.deleted","id":"role_x","deleted":true}'
    out.append(("close_delimited", b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Connection: close\r\n\r\n" + body))
    return out


def main():
    for name, data in responses():
        if not data:
            raise SystemExit("no answer for %s" % name)
        write("http_differential", name, data)
        write("http_response", "sim_" + name, bytes([len(data) % 7]) + data)
        # The receive chains of the decoders read raw answers too.
        if name.startswith(("role_", "update_", "error_", "create_")):
            write("role_response", "sim_" + name, data)
        if name.startswith(("list", "user_roles", "group_roles", "delete_")):
            write("list_response", "sim_" + name, data)
    for i, url in enumerate([
            b"https://api.openai.com/v1", b"https://localhost:8443/v1/", b"http://127.0.0.1:80",
            b"HTTPS://[::1]:443/base/path", b"https://h_o-st.example/a/b.c~d", b"https://x:65535",
            b"https://user@host/v1", b"https://host/v1?x=1", b"https://host:0", b"https://host//v1"]):
        write("url", "url_%02d" % i, url)
    rng = random.Random(9)
    programs = [bytes([0, 3, 2, ord("i"), ord("d"), 4, 3, ord("a"), ord("b"), ord("c"), 2]),
                bytes([1, 5, 7, 200, 6, 7, 8, 9, 4, 0xff, 0xfe, 0x1b, 0x41, 2])]
    for _ in range(6):
        programs.append(bytes(rng.randrange(256) for _ in range(rng.randrange(8, 64))))
    for i, p in enumerate(programs):
        write("json_write_cjson", "program_%02d" % i, p)
    print("corpora written under %s at %s" % (CORPUS, time.strftime("%H:%M:%S")))


if __name__ == "__main__":
    main()
