#!/usr/bin/env python3
"""The range checks of lib/include/oarc/oarc_config_defaults.h, as a compile
test: the defaults and a few valid overrides compile; each bad value fails
to compile with its own #error message (and with no other error).

    check_config.py CC INCLUDE_DIR

Writes the user config headers into a temporary directory and compiles
config_probe.c against each (-fsyntax-only: nothing is linked).
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# (settings, the #error text expected; None: must compile)
CASES = [
    ({}, None),
    ({"OARC_TX_BUFFER_SIZE": "1024u", "OARC_RX_BUFFER_SIZE": "2048u",
      "OARC_HTTP_MAX_HEAD_SIZE": "1024u", "OARC_JSON_MAX_TOKENS": "96u",
      "OARC_MAX_PERMISSIONS": "16u", "OARC_TLS_MAX_FRAG_LEN": "3",
      "OARC_DEFAULT_MAX_RETRIES": "0"}, None),
    # A smaller rx or token pool alone: the head limit and the list hints that
    # default from them follow them down, as the runtime clamps did before.
    ({"OARC_RX_BUFFER_SIZE": "1024u"}, None),
    ({"OARC_RX_BUFFER_SIZE": "512u"}, None),
    ({"OARC_JSON_MAX_TOKENS": "32u"}, None),
    ({"OARC_TX_BUFFER_SIZE": "100u"}, "OARC_TX_BUFFER_SIZE must be at least 256"),
    ({"OARC_RX_BUFFER_SIZE": "200u", "OARC_HTTP_MAX_HEAD_SIZE": "128u",
      "OARC_LIST_ITEM_SIZE_HINT": "100u"}, "OARC_RX_BUFFER_SIZE must be at least 256"),
    ({"OARC_HTTP_MAX_HEAD_SIZE": "8192u"}, "OARC_HTTP_MAX_HEAD_SIZE must be 128..OARC_RX_BUFFER_SIZE"),
    ({"OARC_JSON_MAX_TOKENS": "8u", "OARC_LIST_ITEM_TOKENS_HINT": "4u"},
     "OARC_JSON_MAX_TOKENS must be 16..65535"),
    ({"OARC_JSON_MAX_DEPTH": "0u"}, "OARC_JSON_MAX_DEPTH must be 1..32"),
    ({"OARC_MAX_ID_LEN": "0u"}, "OARC_MAX_ID_LEN, OARC_MAX_CURSOR_LEN and OARC_MAX_HOST_LEN"),
    ({"OARC_PATH_BUFFER_SIZE": "64u"}, "OARC_PATH_BUFFER_SIZE must hold the prefix"),
    ({"OARC_MAX_PERMISSIONS": "0u"}, "OARC_MAX_PERMISSIONS must be at least 1"),
    ({"OARC_LIST_ITEM_SIZE_HINT": "8192u"}, "OARC_LIST_ITEM_SIZE_HINT must be 1..OARC_RX_BUFFER_SIZE"),
    ({"OARC_LIST_ITEM_TOKENS_HINT": "0u"}, "OARC_LIST_ITEM_TOKENS_HINT must be 1..OARC_JSON_MAX_TOKENS"),
    ({"OARC_LIST_MAX_PAGES": "0u"}, "OARC_LIST_MAX_PAGES must be 1..1000000"),
    ({"OARC_TLS_WEAK_LEGACY_POLICY": "2"}, "OARC_TLS_WEAK_LEGACY_POLICY must be 0 or 1"),
    ({"OARC_TLS_CLOSE_TIMEOUT_MS": "60000u"}, "OARC_TLS_CLOSE_TIMEOUT_MS must be at most 10000"),
    ({"OARC_TLS_MAX_FRAG_LEN": "5"}, "OARC_TLS_MAX_FRAG_LEN must be 0 (off)"),
    ({"OARC_LOG_LEVEL": "9"}, "OARC_LOG_LEVEL must be 0..4"),
    ({"OARC_DEFAULT_MAX_RETRIES": "-1"}, "OARC_DEFAULT_MAX_RETRIES must be 0..10"),
    ({"OARC_DEFAULT_TIMEOUT_MS": "0u"}, "OARC_DEFAULT_CONNECT_TIMEOUT_MS and OARC_DEFAULT_TIMEOUT_MS"),
]


def main():
    cc, include = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (settings, expected) in enumerate(CASES):
            header = os.path.join(tmp, f"config_{n}.h")
            with open(header, "w", encoding="utf-8") as f:
                f.write("".join(f"#define {k} {v}\n" for k, v in settings.items()))
            cmd = [cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", "-I", include,
                   f'-DOARC_CONFIG_FILE="{header}"', os.path.join(HERE, "config_probe.c")]
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            errors = [l for l in r.stdout.splitlines() if "error:" in l]
            what = ", ".join(f"{k}={v}" for k, v in settings.items()) or "the defaults"
            if expected is None:
                ok = r.returncode == 0
            else:
                ok = r.returncode != 0 and len(errors) == 1 and expected in errors[0]
            print(f"{'ok  ' if ok else 'FAIL'} {what}: "
                  f"{'compiles' if r.returncode == 0 else errors[0].split('error: ')[-1] if errors else r.stdout.strip()}")
            failures += not ok
    print(f"{len(CASES) - failures} of {len(CASES)} config cases as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
