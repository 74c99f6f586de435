#!/usr/bin/env python3
"""Worst-case stack of every public function, from GCC's call-graph files.

Reads the .ci files that `-fstack-usage -fcallgraph-info=su` writes next to
each object (one VCG graph per source file: a node per function with its
frame in bytes and whether it is static, an edge per call), joins them into
one static call graph and gives, for each public function, its worst-case
stack (the deepest chain of frames) and that chain.

What the graph cannot follow is named, never dropped:
  - calls through the port (`c->port.send(...)`, `tls->port->recv(...)`)
    become out-edges `port->send` ...; their figure is that of each port's
    implementation (found by its `port->send = fn;` assignment), itself
    analysed here when the port's objects are given;
  - calls into mbedTLS (mbedtls_*, psa_*) are out-edges with the figure
    measured on a board (tests/size/measured_stack.txt) or "pending";
  - lwIP, the C library, compiler helpers and an application's callbacks
    (the provisioner's report function, a board's entropy source) are
    out-edges of their own kind, without a figure of ours.
An out-edge is reported with the depth of oarc's stack where it is called:
what it needs comes on top of that.

An indirect call through a callback parameter (`fn(p, ...)` where fn is a
parameter of the enclosing function) resolves, per call site, to the
function passed there (so a function entered again with another callback,
as the plan parser's member walk is, is a bounded nesting, reported, not a
cycle). A call through a struct member (`run->opts.report(...)`) resolves
to the functions our sources store in a member of that name, or, when none
does, is an out-edge: the application's function. Any other indirect call
is a failure, as are recursion (a cycle) and a dynamic frame (alloca, a
VLA): each would make the figure a guess.

Standard library only. Usable on its own:
  stack_usage.py [--budget BYTES] [--measured FILE] --public HEADER_DIR... -- OBJECT_DIR...
"""
import argparse
import os
import re
import sys

NODE_RE = re.compile(r'^node: \{ title: "(?P<title>[^"]*)" label: "(?P<label>[^"]*)"(?P<rest>.*)\}$')
EDGE_RE = re.compile(r'^edge: \{ sourcename: "(?P<src>[^"]*)" targetname: "(?P<dst>[^"]*)"'
                     r'(?: label: "(?P<label>[^"]*)")? \}$')
FRAME_RE = re.compile(r'^(\d+) bytes \(([a-z,]+)\)$')
INDIRECT = "__indirect_call"
# GCC's clones of a function (constant propagation, split parts, ...).
CLONE_RE = re.compile(r'(\.(constprop|isra|part|cold|lto_priv)(\.\d+)?)+$')

MBEDTLS_RE = re.compile(r'^(mbedtls_|psa_)')
LWIP_RE = re.compile(r'^(lwip_|sys_|tcpip_|tcp_|udp_|pbuf_|netconn_|dns_|ip4?addr_|ipaddr_|ip6addr_|netif_|mem_|memp_|altcp_)')
PORT_CALL_RE = re.compile(r'(?:^|[.>])port(?:\.|->)(\w+)$')


class StackError(Exception):
    """A property the analysis refuses: recursion, dynamic frames, an
    indirect call it cannot resolve."""


class Function:
    def __init__(self, title, name, source, line, frame, qualifier):
        self.title = title          # GCC's node title: the name, or "file:name" when static
        self.name = name            # as written in the source (clone suffix kept)
        self.source = source
        self.line = line
        self.frame = frame
        self.qualifier = qualifier  # "static", or "dynamic", "dynamic,bounded"
        self.calls = []             # [(target title, "file:line:col")]

    @property
    def is_static_linkage(self):
        return self.title != self.name


def parse_ci(path):
    """The functions one .ci file defines and the calls each makes."""
    functions = {}
    pending_edges = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            m = NODE_RE.match(line)
            if m:
                parts = m.group("label").split("\\n")
                if len(parts) == 3 and "shape" not in m.group("rest"):
                    fm = FRAME_RE.match(parts[2])
                    if not fm:
                        raise StackError(f"{path}: unreadable frame '{parts[2]}'")
                    src, ln = parts[1].rsplit(":", 2)[0:2]
                    functions[m.group("title")] = Function(
                        m.group("title"), parts[0], src, int(ln), int(fm.group(1)), fm.group(2))
                continue
            m = EDGE_RE.match(line)
            if m:
                pending_edges.append((m.group("src"), m.group("dst"), m.group("label") or ""))
    for src, dst, label in pending_edges:
        if src not in functions:
            raise StackError(f"{path}: call from '{src}', which the file does not define")
        functions[src].calls.append((dst, label))
    return functions


_SOURCES = {}   # path -> its lines, read once (a test may delete the files after)


def source_lines(path):
    if path not in _SOURCES:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                _SOURCES[path] = f.read().split("\n")
        except OSError:
            _SOURCES[path] = []
    return _SOURCES[path]


def source_line(path, line):
    lines = source_lines(path)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def source_text(path):
    return "\n".join(source_lines(path))


def callee_expression(location):
    """The expression called at "file:line:col" (GCC points at the call's
    start): `c->port.send` in `: c->port.send(c->port.ctx, ...)`."""
    path, line, col = location.rsplit(":", 2)
    text = source_line(path, int(line))[int(col) - 1:]
    m = re.match(r'\s*([A-Za-z_][\w.\->\[\]]*)\s*\(', text)
    return m.group(1) if m else None


def split_arguments(text):
    """The top-level comma-separated arguments of the call whose '(' opens text."""
    depth, args, cur = 0, [], ""
    for ch in text:
        if ch in "([{":
            depth += 1
            if depth == 1:
                continue
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                args.append(cur.strip())
                return args
        elif ch == "," and depth == 1:
            args.append(cur.strip())
            cur = ""
            continue
        if depth >= 1:
            cur += ch
    return args


class Graph:
    def __init__(self, ci_paths, measured=None):
        self.functions = {}
        self.measured = measured or {}
        for p in ci_paths:
            for title, fn in parse_ci(p).items():
                if title in self.functions and not fn.is_static_linkage:
                    raise StackError(f"{title} is defined twice ({self.functions[title].source}, {fn.source})")
                self.functions[title] = fn
        self.port_impl = {}     # op -> [(port source, function title)]
        self.memo = {}
        self.reentries = set()
        self.resolved = {}      # (caller title, location) -> [target titles] or ("out", name)
        self._find_port_implementations()
        self._resolve_indirect_calls()

    def dynamic_frames(self):
        return sorted(f"{fn.name} ({fn.source}:{fn.line}): {fn.qualifier}"
                      for fn in self.functions.values() if fn.qualifier != "static")

    @staticmethod
    def port_variables(src):
        """Names the source gives an `oarc_port *` (a port's init fills one)."""
        return {"port"} | set(re.findall(r'\boarc_port\s*\*\s*(?:const\s+)?(\w+)', source_text(src)))

    def _find_port_implementations(self):
        sources = {fn.source for fn in self.functions.values()}
        for src in sorted(sources):
            names = self.port_variables(src)
            for m in re.finditer(r'\b(\w+)->(\w+)\s*=\s*(\w+)\s*;', source_text(src)):
                title = self._function_in(src, m.group(3)) if m.group(1) in names else None
                if title:
                    self.port_impl.setdefault(m.group(2), []).append((src, title))

    def _function_in(self, source, name):
        """The title of function `name` as seen from `source`: its static one
        there, else the global one."""
        for title in (f"{source}:{name}", name):
            if title in self.functions:
                return title
        return None

    def _resolve_indirect_calls(self):
        self.callback_params = {}   # title -> {parameter name: its index}
        for fn in self.functions.values():
            for dst, loc in fn.calls:
                if dst != INDIRECT:
                    continue
                expr = callee_expression(loc)
                if expr is None:
                    raise StackError(f"{loc}: indirect call in {fn.name} whose callee cannot be read")
                pm = PORT_CALL_RE.search(expr)
                if pm:
                    self.resolved[(fn.title, loc)] = ("out", f"port->{pm.group(1)}")
                elif re.fullmatch(r'\w+', expr):
                    index = self._parameter_index(fn, expr, loc)
                    self.callback_params.setdefault(fn.title, {})[expr] = index
                    self.resolved[(fn.title, loc)] = self._callback_targets(fn, expr, index, loc)
                elif re.fullmatch(r'\w+((->|\.)\w+)+', expr):
                    self.resolved[(fn.title, loc)] = self._member_targets(expr)
                else:
                    raise StackError(f"{loc}: indirect call through '{expr}' in {fn.name}: "
                                     "the analysis cannot name its targets")

    def _member_targets(self, expr):
        """A call through a struct member: the functions of the graph that
        any analysed source stores in a member of that name (`x->m = f;`,
        `.m = f,`), or, when none does, an out-edge: the application's (or
        the board's) function, given to oarc."""
        member = re.split(r'->|\.', expr)[-1]
        targets = set()
        for src in sorted({f.source for f in self.functions.values()}):
            port_names = self.port_variables(src)
            for m in re.finditer(r'(\w*)\s*(?:->|\.)' + member + r'\s*=\s*&?(\w+)\s*[;,}]',
                                 source_text(src)):
                if m.group(1) in port_names:
                    continue    # a port's init filling oarc_port: port->X above
                t = self._function_in(src, m.group(2))
                if t:
                    targets.add(t)
        return tuple(sorted(targets)) if targets else ("out", f"callback {expr}")

    def _parameter_index(self, fn, param, loc):
        base = CLONE_RE.sub("", fn.name)
        text = "\n".join(source_line(fn.source, n) for n in range(fn.line, fn.line + 12))
        start = text.find(base + "(")
        if start < 0:
            raise StackError(f"{loc}: cannot read the definition of {base}")
        names = [(re.findall(r'\w+', p) or [""])[-1] for p in split_arguments(text[start + len(base):])]
        if param not in names:
            raise StackError(f"{loc}: indirect call through '{param}', not a parameter of {base}: "
                             "the analysis cannot name its targets")
        return names.index(param)

    def _call_arguments(self, caller, callee_title, loc):
        """The arguments of the call of callee at loc, read from the source."""
        path, line, col = loc.rsplit(":", 2)
        text = "\n".join(source_line(path, n) for n in range(int(line), int(line) + 8))
        base = CLONE_RE.sub("", self.functions[callee_title].name)
        m = re.search(r'\b' + re.escape(base) + r'\s*\(', text)
        return split_arguments(text[m.end() - 1:]) if m else None

    def _callback_targets(self, fn, param, index, loc):
        """Every function passed for parameter param of fn at any call site
        (the binding when a call site's own cannot be read)."""
        targets = set()
        for caller in self.functions.values():
            for dst, call_loc in caller.calls:
                if dst in self.functions and self.functions[dst].title == fn.title:
                    args = self._call_arguments(caller, dst, call_loc) or []
                    t = self._function_in(caller.source, args[index]) if index < len(args) else None
                    if t:
                        targets.add(t)
        if not targets:
            raise StackError(f"{loc}: no function is passed for '{param}' of {fn.name}")
        return tuple(sorted(targets))

    def _bindings_for(self, caller, bindings, callee_title, loc):
        """What the callee's callback parameters are bound to at this call
        site: the function named there, or what the caller's own parameter
        of that name is bound to, else every function passed anywhere."""
        params = self.callback_params.get(callee_title)
        if not params:
            return ()
        args = self._call_arguments(caller, callee_title, loc) or []
        bound = dict(bindings)
        out = []
        for name, index in sorted(params.items()):
            arg = args[index] if index < len(args) else ""
            t = self._function_in(caller.source, arg) if arg else None
            if t:
                out.append((name, (t,)))
            elif arg in bound:
                out.append((name, bound[arg]))
            else:
                out.append((name, None))
        return tuple(out)

    def external_kind(self, name):
        if name.startswith("port->"):
            return "port"
        if name.startswith("callback "):
            return "callback"
        if MBEDTLS_RE.match(name):
            return "mbedTLS"
        if LWIP_RE.match(name):
            return "lwIP"
        return "C library"

    def edges(self, fn, bindings=()):
        """fn's callees: ("fn", title, their bindings) for a function of the
        graph, ("out", name, None) for an out-edge."""
        bound = dict(bindings)
        for dst, loc in fn.calls:
            if dst == INDIRECT:
                r = self.resolved[(fn.title, loc)]
                if r and r[0] == "out":
                    yield ("out", r[1], None)
                    continue
                expr = callee_expression(loc)
                for t in bound.get(expr) or r:
                    yield ("fn", t, ())
            elif dst in self.functions:
                yield ("fn", dst, self._bindings_for(fn, bindings, dst, loc))
            else:
                yield ("out", dst, None)

    def worst(self, title, bindings=(), stack=()):
        """(bytes, [titles of the deepest chain], {out-edge: depth where
        called}) of title with its callback parameters bound as given.
        Entering a function again while it is active is recursion, unless
        its callbacks are bound otherwise (a nesting the call sites bound:
        recorded in self.reentries and reported)."""
        key = (title, bindings)
        if key in self.memo:
            return self.memo[key]
        if key in stack:
            cycle = [self.functions[t].name for t, _ in stack[stack.index(key):]] + [self.functions[title].name]
            raise StackError("recursion: " + " -> ".join(cycle))
        if any(t == title for t, _ in stack):
            self.reentries.add(f"{self.functions[title].name} (with "
                               + ", ".join(f"{n}={'|'.join(self.functions[x].name for x in v or ())}"
                                           for n, v in bindings) + ")")
        fn = self.functions[title]
        best, chain, outs = 0, [], {}
        for kind, callee, callee_bindings in self.edges(fn, bindings):
            if kind == "out":
                outs[callee] = max(outs.get(callee, 0), fn.frame)
                continue
            b, c, o = self.worst(callee, callee_bindings, stack + (key,))
            if b > best:
                best, chain = b, c
            for name, depth in o.items():
                outs[name] = max(outs.get(name, 0), fn.frame + depth)
        result = (fn.frame + best, [title] + chain, outs)
        self.memo[key] = result
        return result

    def callbacks_given_away(self):
        """Static functions nothing in the graph calls, other than the
        ports' implementations: callbacks oarc hands to mbedTLS (its bio
        and entropy functions) or to lwIP (the port's DNS callbacks). They
        run on top of whoever calls them: [(name, file, total)]."""
        called = {c for f in self.functions.values() for k, c, _ in self.edges(f) if k == "fn"}
        impl = {t for v in self.port_impl.values() for _, t in v}
        return sorted((f.name, os.path.basename(f.source), self.total(t))
                      for t, f in self.functions.items()
                      if f.is_static_linkage and t not in called and t not in impl)

    def port_figure(self, op):
        """The worst of the ports' implementations of op: (bytes, "file:function") or None."""
        best = None
        for src, title in self.port_impl.get(op, []):
            b = self.worst(title)[0]
            if best is None or b > best[0]:
                best = (b, f"{os.path.basename(src)}:{self.functions[title].name}")
        return best

    def total(self, title):
        """Worst case with the port's own frames: oarc's chain, or a port call
        at its depth plus the port's implementation, whichever is deeper."""
        own, _, outs = self.worst(title)
        total = own
        for name, depth in outs.items():
            if name.startswith("port->"):
                fig = self.port_figure(name[len("port->"):])
                if fig:
                    total = max(total, depth + fig[0])
        return total

    def describe_chain(self, chain):
        return " > ".join(f"{self.functions[t].name} {self.functions[t].frame}" for t in chain)

    def describe_out(self, name, depth):
        kind = self.external_kind(name)
        if kind == "port":
            impls = []
            for src, title in self.port_impl.get(name[len("port->"):], []):
                b, _, outs = self.worst(title)
                # What the port calls out of it (the board's poll step, its
                # entropy source) runs on top of the port's frames.
                cb = sorted(o[len("callback "):] for o in outs if o.startswith("callback "))
                impls.append(f"{os.path.basename(src)}:{self.functions[title].name} {b} B"
                             + (f" + {', '.join(cb)}" if cb else ""))
            what = "; ".join(impls) if impls else "no port implementation analysed"
        elif kind == "mbedTLS":
            m = self.measured.get(name)
            b = measured_bytes(m)
            what = (f"mbedTLS {m}" + (f"; {depth + b} B with it" if b is not None else "")
                    if m else "mbedTLS, not measured")
        else:
            what = kind
        return f"{name} at {depth} B ({what})"


def public_names(header_dirs, prefix_re):
    """Function names declared in the public headers (name followed by '(')."""
    names = set()
    for d in header_dirs:
        for root, _, files in os.walk(d):
            for f in files:
                if f.endswith(".h"):
                    with open(os.path.join(root, f), encoding="utf-8") as h:
                        text = re.sub(r'/\*.*?\*/', '', h.read(), flags=re.S)
                    names.update(re.findall(r'\b(' + prefix_re + r'\w*)\s*\(', text))
    return names


def read_measured(path):
    """tests/size/measured_stack.txt: `function bytes-or-pending where`."""
    measured = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].split()
                if len(line) >= 2:
                    where = " ".join(line[2:])
                    measured[line[0]] = (f"{line[1]} B measured on {where}" if line[1].isdigit()
                                         else f"{line[1]} ({where})")
    return measured


def measured_bytes(figure):
    """The bytes of a read_measured() figure; None while it is pending."""
    m = re.match(r"(\d+) B measured", figure or "")
    return int(m.group(1)) if m else None


def find_ci(dirs):
    out = []
    for d in dirs:
        for root, _, files in os.walk(d):
            out.extend(os.path.join(root, f) for f in files if f.endswith(".ci"))
    return sorted(out)


def report(graph, public, budget, out=sys.stdout):
    """Prints each public function's figure, its deepest chain and its
    out-edges; returns ([(name, total)], failures)."""
    failures, figures = [], []
    for name in sorted(public):
        if name not in graph.functions:
            continue
        own, chain, outs = graph.worst(name)
        total = graph.total(name)
        figures.append((name, total))
        over = budget and total > budget
        if over:
            failures.append(f"{name}: {total} B of stack, over the {budget} B budget")
        print(f"  {name}: {total} B" + (f"  OVER the {budget} B budget" if over else ""), file=out)
        print(f"      deepest: {graph.describe_chain(chain)} (= {own} B)", file=out)
        by_kind = {}
        for o in outs:
            by_kind.setdefault(graph.external_kind(o), []).append(o)
        for o in sorted(by_kind.get("port", [])) + sorted(by_kind.get("callback", [])):
            print(f"      calls {graph.describe_out(o, outs[o])}", file=out)
        tls = sorted(by_kind.get("mbedTLS", []), key=lambda o: (-outs[o], o))
        if tls:
            measured = [graph.describe_out(o, outs[o]) for o in tls if o in graph.measured]
            print("      mbedTLS, called at (B): " +
                  ", ".join(f"{o} {outs[o]}" for o in tls if o not in graph.measured), file=out)
            for line in measured:
                print(f"      calls {line}", file=out)
        for kind in ("lwIP", "C library"):
            if by_kind.get(kind):
                print(f"      {kind} (not counted): {', '.join(sorted(by_kind[kind]))}", file=out)
    return figures, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--budget", type=int, default=0)
    ap.add_argument("--measured")
    ap.add_argument("--public", nargs="+", required=True, help="header folders")
    ap.add_argument("--prefix", default="oarc_")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    try:
        graph = Graph(find_ci(a.dirs), read_measured(a.measured))
        dyn = graph.dynamic_frames()
        if dyn:
            raise StackError("dynamic stack frames: " + "; ".join(dyn))
        _, failures = report(graph, public_names(a.public, a.prefix), a.budget)
    except StackError as e:
        print(f"FAIL: {e}")
        return 1
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
