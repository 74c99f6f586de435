#!/usr/bin/env python3
"""Loopback server for test_tls (Python standard library only).

usage: tls_server.py MODE [CERT KEY]

  echo     TLS 1.2 with CERT/KEY: echoes what it receives; a record that is
           exactly b"bye" is answered with close_notify instead, and one
           that is exactly b"drop" by closing TCP without close_notify.
  echo13   the same with TLS 1.3 allowed too (it sends its tickets after
           the handshake); its handshake lines end with the version.
  garbage  plain TCP: reads the ClientHello, answers "HTTP/1.1 400 ...".
  close    plain TCP: reads the ClientHello, then closes (FIN).
  silent   plain TCP: accepts and never answers.

Listens on 127.0.0.1 only, on a port the kernel picks, and prints
"port N" once listening; in echo mode it then prints one line per handshake:
"handshake reused=0|1" (echo13: "handshake reused=0|1 TLSv1.x") or
"handshake failed <reason>". Every line is flushed
at once, since the test reads them as they come. The server exits when its
stdin closes (so it dies with the test, even one that crashed) or after
LIFETIME_S, whichever comes first.
"""

import os
import signal
import socket
import ssl
import sys
import threading

LIFETIME_S = 30
IO_TIMEOUT_S = 5


def say(line):
    print(line, flush=True)


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def serve_echo(conn, context, show_version):
    conn.settimeout(IO_TIMEOUT_S)
    try:
        tls = context.wrap_socket(conn, server_side=True)
    except (ssl.SSLError, OSError) as exc:
        say(f"handshake failed {type(exc).__name__}")
        conn.close()
        return
    version = f" {tls.version()}" if show_version else ""
    say(f"handshake reused={int(tls.session_reused)}{version}")
    try:
        while True:
            data = tls.recv(65536)
            if not data:
                break
            if data == b"bye":
                tls.unwrap()  # sends close_notify, waits for the client's
                break
            if data == b"drop":
                break  # close() below sends no close_notify: a bare FIN
            tls.sendall(data)
    except (ssl.SSLError, OSError):
        pass
    tls.close()


def serve_plain(conn, mode, held):
    conn.settimeout(IO_TIMEOUT_S)
    if mode == "silent":
        held.append(conn)  # kept open, never read, never answered
        return
    try:
        conn.recv(65536)  # the ClientHello: read so that closing sends FIN, not RST
        if mode == "garbage":
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            conn.recv(65536)  # until the client gives up
    except OSError:
        pass
    conn.close()


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode not in ("echo", "echo13", "garbage", "close", "silent"):
        sys.exit(__doc__)
    context = None
    if mode in ("echo", "echo13"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.maximum_version = (ssl.TLSVersion.TLSv1_3 if mode == "echo13"
                                   else ssl.TLSVersion.TLSv1_2)
        context.load_cert_chain(sys.argv[2], sys.argv[3])

    signal.alarm(LIFETIME_S)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    say(f"port {listener.getsockname()[1]}")

    held = []
    while True:
        conn, _ = listener.accept()
        if context is not None:
            serve_echo(conn, context, mode == "echo13")
        else:
            serve_plain(conn, mode, held)


if __name__ == "__main__":
    main()
