"""A DNS server for the resolver's timing tests: each name it knows is answered
(one A record) after a set delay, or never (the query is read and dropped);
any other name gets NXDOMAIN at once. It runs in the test's process on its own
address in the rig's namespace (lwIP asks port 53 only, and dnsmasq holds that
port on the rig's far address).

    with SlowDns(rig.netns, "10.77.0.3", {"slow.oarc.test": ("10.77.0.9", 2.0),
                                          "silent.oarc.test": None}) as dns:
        ...
        dns.events  # [(monotonic time, "query" | "answer", name)], oldest first

Only plain one-question queries (what lwIP sends) are understood; anything
else is dropped.
"""
import socket
import struct
import threading
import time


def _question(packet):
    """(id, name, question bytes) of a one-question query, or None."""
    if len(packet) < 12:
        return None
    ident, flags, qdcount = struct.unpack("!HHH", packet[:6])
    if flags & 0x8000 or qdcount != 1:
        return None
    labels, at = [], 12
    while at < len(packet) and packet[at] != 0:
        n = packet[at]
        if n & 0xC0:
            return None  # no compression in a query's only name
        labels.append(packet[at + 1:at + 1 + n].decode("ascii", "replace"))
        at += 1 + n
    end = at + 1 + 4  # the root label, QTYPE, QCLASS
    if end > len(packet):
        return None
    return ident, ".".join(labels).lower(), packet[12:end]


def _reply(ident, question, address):
    """A response to question: one A record for address, or NXDOMAIN for None."""
    if address is None:
        return struct.pack("!HHHHHH", ident, 0x8183, 1, 0, 0, 0) + question
    record = struct.pack("!HHHIH", 0xC00C, 1, 1, 60, 4) + socket.inet_aton(address)
    return struct.pack("!HHHHHH", ident, 0x8180, 1, 1, 0, 0) + question + record


class SlowDns:
    def __init__(self, netns, listen, answers):
        """answers: {name: (address, delay_s)} or {name: None} (never answered)."""
        self.netns = netns
        self.listen = listen
        self.answers = {k.lower(): v for k, v in answers.items()}
        self.events = []
        self._lock = threading.Lock()
        self._timers = []
        self.sock = None

    def __enter__(self):
        with self.netns.entered():
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.sock.bind((self.listen, 53))
        threading.Thread(target=self._serve, daemon=True).start()
        return self

    def __exit__(self, *exc):
        for t in self._timers:
            t.cancel()
        self.sock.close()

    def _note(self, what, name):
        with self._lock:
            self.events.append((time.monotonic(), what, name))

    def _send(self, data, peer, name):
        try:
            self.sock.sendto(data, peer)
        except OSError:
            return  # closed at the end of the test
        self._note("answer", name)

    def _serve(self):
        while True:
            try:
                packet, peer = self.sock.recvfrom(512)
            except OSError:
                return
            q = _question(packet)
            if q is None:
                continue
            ident, name, question = q
            self._note("query", name)
            if name not in self.answers:
                self._send(_reply(ident, question, None), peer, name)
                continue
            answer = self.answers[name]
            if answer is None:
                continue  # read and dropped: lwIP waits for nothing
            address, delay = answer
            t = threading.Timer(delay, self._send, (_reply(ident, question, address), peer, name))
            t.daemon = True
            self._timers.append(t)
            t.start()

    def forget(self):
        """Clear the events (answers still pending will be noted when sent)."""
        with self._lock:
            self.events.clear()

    def first(self, what, name):
        """The time of the first event what for name, or None."""
        with self._lock:
            return next((t for t, w, n in self.events if w == what and n == name), None)
