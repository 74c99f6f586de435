#!/usr/bin/env python3
"""A local HTTPS server for the benchmark: answers every request with one fixed
Role, head and body in ONE write, so the client's cost is not blurred by the
server's framing. Python standard library only; listens on 127.0.0.1 only.

    server.py DIR [--tls-max 1.2|1.3]

Makes a throwaway CA and server certificate in DIR (the simulator's
make_certificates, openssl CLI), listens on an ephemeral loopback port, writes
that port to DIR/port once it accepts, and appends one line per request to
DIR/requests.log: "<head bytes> <body bytes> <user agent>", and one line per
accepted connection: "connection resumed=<0|1>". Requests for a role
whose ID contains "CLOSE" are answered with "Connection: close" and the
connection is closed (the driver's resumed reconnect). Runs until killed
(bench/run.sh stops it by its PID).
"""
import argparse
import json
import os
import socket
import ssl
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "sim"))
from oarc_sim import make_certificates  # noqa: E402

# What the Admin API answers to a role update (as the simulator renders it).
ROLE = {"object": "role", "id": "role_01J1F8ROLE01", "name": "API Group Manager",
        "description": "Allows managing organization groups",
        "permissions": ["api.groups.read", "api.groups.write"],
        "resource_type": "api.organization", "predefined_role": False}
# Rendered as tests/sim/oarc_sim.py renders every answer (2-space indent and
# a newline, as the Admin API does): 276 bytes.
BODY = (json.dumps(ROLE, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
MAX_HEAD = 16384


def response(keep_alive):
    head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            "Content-Length: %d\r\nx-request-id: req_bench0000000000000000\r\n"
            "openai-processing-ms: 1\r\nConnection: %s\r\n\r\n"
            % (len(BODY), "keep-alive" if keep_alive else "close"))
    return head.encode() + BODY


KEEP, CLOSE = response(True), response(False)


def serve(conn, log, lock):
    buf = b""
    try:
        while True:
            while b"\r\n\r\n" not in buf:
                data = conn.recv(65536)
                if not data or len(buf) > MAX_HEAD:
                    return
                buf += data
            head, buf = buf.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            fields = dict(l.split(":", 1) for l in lines[1:] if ":" in l)
            fields = {k.strip().lower(): v.strip() for k, v in fields.items()}
            length = int(fields.get("content-length", "0"))
            while len(buf) < length:
                data = conn.recv(65536)
                if not data:
                    return
                buf += data
            buf = buf[length:]
            closing = "CLOSE" in lines[0]
            with lock:
                log.write("%d %d %s\n" % (len(head) + 4, length, fields.get("user-agent", "-")))
                log.flush()
            conn.sendall(CLOSE if closing else KEEP)
            if closing:
                return
    except (OSError, ssl.SSLError, ValueError):
        return
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--tls-max", choices=("1.2", "1.3"), default="1.2")
    args = ap.parse_args()
    ca, cert, key = make_certificates(args.dir)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.maximum_version = (ssl.TLSVersion.TLSv1_3 if args.tls_max == "1.3"
                           else ssl.TLSVersion.TLSv1_2)
    ctx.load_cert_chain(cert, key)
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(8)
    log = open(os.path.join(args.dir, "requests.log"), "a")
    lock = threading.Lock()
    port_file = os.path.join(args.dir, "port")
    with open(port_file + ".tmp", "w") as f:
        f.write("%d\n" % lsock.getsockname()[1])
    os.replace(port_file + ".tmp", port_file)
    while True:
        raw, _ = lsock.accept()
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            conn = ctx.wrap_socket(raw, server_side=True)
        except (OSError, ssl.SSLError):
            raw.close()
            continue
        with lock:
            log.write("connection resumed=%d\n" % conn.session_reused)
            log.flush()
        threading.Thread(target=serve, args=(conn, log, lock), daemon=True).start()


if __name__ == "__main__":
    main()
