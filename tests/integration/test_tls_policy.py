"""The TLS policy of the client (issue 9, point 2), with the CLI against
`openssl s_server` on loopback: each server offers exactly one thing the policy
refuses, and each refusal is paired with a server that differs only in what
the policy allows and is reached, so a refusal cannot come from the rig.

Policy: ECDHE (X25519, P-256, P-384) with AES-GCM or ChaCha20-Poly1305 only,
TLS 1.2 minimum, no SHA-1 signature in the chain. Run by ctest (label
integration) for the build tree's mbedTLS backend (OARC_MBEDTLS_MAJOR).
"""
import os
import select
import shutil
import subprocess
import tempfile
import unittest

ADMIN_KEY = "sk-admin-itest-0123456789"
CLI = os.environ.get("OARC_CLI", "")
LEGACY_CLI = os.environ.get("OARC_CLI_LEGACY_TLS", "")
OPENSSL = shutil.which("openssl") or "openssl"
START_S = 20

# What a reached s_server -www answers (an HTML status page, not the API) ends
# in one of these: the TLS layer let it through.
REACHED = ("OARC_ERR_JSON_SYNTAX", "OARC_ERR_HTTP_BODY_TOO_LARGE", "OARC_ERR_HTTP_PROTOCOL")


def openssl(*args, cwd):
    subprocess.run([OPENSSL] + list(args), cwd=cwd, check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_pki(d):
    """A P-256 CA; leaves for localhost: EC and RSA signed with SHA-256, EC signed with SHA-1."""
    with open(os.path.join(d, "leaf.cnf"), "w") as f:
        f.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,"
                "keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\n")
    openssl("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-sha256",
            "-subj", "/CN=oarc policy test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign", cwd=d)
    leaves = (("ec", ["ec", "-pkeyopt", "ec_paramgen_curve:P-256"], "-sha256"),
              ("rsa", ["rsa:2048"], "-sha256"),
              ("ec_sha1", ["ec", "-pkeyopt", "ec_paramgen_curve:P-256"], "-sha1"))
    for serial, (name, newkey, md) in enumerate(leaves, start=1):
        openssl("req", "-new", "-newkey", *newkey, "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=localhost", cwd=d)
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-set_serial", str(serial), "-days", "2", md, "-extfile", "leaf.cnf",
                "-out", name + ".pem", cwd=d)


class TlsPolicy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="oarc-tls-policy-")
        make_pki(cls.dir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def setUp(self):
        self.assertTrue(CLI and os.path.exists(CLI), "OARC_CLI must name the built CLI")

    def server(self, cert, *args):
        """openssl s_server -www for localhost on 127.0.0.1, with cert.pem/.key and args."""
        proc = subprocess.Popen(
            [OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-www", "-naccept", "4",
             "-cert", os.path.join(self.dir, cert + ".pem"),
             "-key", os.path.join(self.dir, cert + ".key")] + list(args),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.addCleanup(proc.stdout.close)
        self.addCleanup(proc.wait, 10)
        self.addCleanup(proc.kill)
        seen = b""
        while b"\n" not in seen.partition(b"ACCEPT ")[2]:
            ready, _, _ = select.select([proc.stdout], [], [], START_S)
            chunk = os.read(proc.stdout.fileno(), 4096) if ready else b""
            if not chunk:
                self.fail("s_server %s did not start: %r" % (" ".join(args), seen))
            seen += chunk
        return int(seen.partition(b"ACCEPT ")[2].split(b"\n")[0].rsplit(b":", 1)[1])

    def cli(self, port, cli=None):
        return subprocess.run(
            [cli or CLI, "--base-url", "https://localhost:%d/v1" % port,
             "--ca-file", os.path.join(self.dir, "ca.pem"), "--max-retries", "0",
             "--timeout-ms", "10000", "org-role", "get", "role_x"],
            env=dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY), capture_output=True, text=True,
            timeout=60)

    def assert_refused(self, status, cert, *args):
        r = self.cli(self.server(cert, *args))
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertTrue(r.stderr.startswith("error: %s " % status), r.stderr)

    def assert_reached(self, cert, *args, cli=None):
        r = self.cli(self.server(cert, *args), cli)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertTrue(r.stderr.startswith(tuple("error: %s " % s for s in REACHED)), r.stderr)

    # ---- key exchange and cipher: one suite per server, TLS 1.2 -------------

    def test_rsa_key_exchange_refused(self):
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "rsa", "-tls1_2", "-cipher", "AES128-GCM-SHA256")
        self.assert_reached("rsa", "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256")

    def test_cbc_suites_refused(self):
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "rsa", "-tls1_2", "-cipher", "AES128-SHA")
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "rsa", "-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA")
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "ec", "-tls1_2", "-cipher",
                            "ECDHE-ECDSA-AES256-SHA384")

    def test_finite_field_dhe_refused(self):
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "rsa", "-tls1_2", "-cipher",
                            "DHE-RSA-AES128-GCM-SHA256")

    def test_every_aead_suite_of_the_policy_reached(self):
        for suite, cert in (("ECDHE-ECDSA-AES128-GCM-SHA256", "ec"),
                            ("ECDHE-ECDSA-AES256-GCM-SHA384", "ec"),
                            ("ECDHE-ECDSA-CHACHA20-POLY1305", "ec"),
                            ("ECDHE-RSA-AES256-GCM-SHA384", "rsa"),
                            ("ECDHE-RSA-CHACHA20-POLY1305", "rsa")):
            with self.subTest(suite=suite):
                self.assert_reached(cert, "-tls1_2", "-cipher", suite)

    # ---- groups (TLS 1.2 and, with 3.6, TLS 1.3) -----------------------------

    def test_groups_outside_the_policy_refused(self):
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "ec", "-groups", "secp521r1")
        self.assert_refused("OARC_ERR_TLS_HANDSHAKE", "ec", "-tls1_2", "-groups", "secp521r1")
        for group in ("X25519", "P-256", "P-384"):
            with self.subTest(group=group):
                self.assert_reached("ec", "-groups", group)
                self.assert_reached("ec", "-tls1_2", "-groups", group)

    # ---- versions -------------------------------------------------------------

    def test_tls11_server_refused(self):
        args = ("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
        port = self.server("ec", *args)
        # The server does speak TLS 1.1 to a client that offers it.
        legacy = subprocess.run(
            [OPENSSL, "s_client", "-connect", "127.0.0.1:%d" % port, "-servername", "localhost"]
            + list(args), input="", capture_output=True, text=True, timeout=60)
        self.assertIn("Protocol  : TLSv1.1", legacy.stdout)
        r = self.cli(port)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertTrue(r.stderr.startswith("error: OARC_ERR_TLS_HANDSHAKE "), r.stderr)

    # ---- the certificate chain ---------------------------------------------------

    def test_sha1_signed_certificate_refused(self):
        # SECLEVEL=0: OpenSSL 3 would not serve a SHA-1 certificate otherwise.
        self.assert_refused("OARC_ERR_TLS_CERT", "ec_sha1", "-cipher", "DEFAULT@SECLEVEL=0")
        self.assert_refused("OARC_ERR_TLS_CERT", "ec_sha1", "-tls1_2", "-cipher",
                            "DEFAULT@SECLEVEL=0")
        self.assert_reached("ec", "-cipher", "DEFAULT@SECLEVEL=0")


    # ---- the weakening switch ----------------------------------------------------

    def test_legacy_switch_widens_suites_and_chain_only(self):
        self.assertTrue(LEGACY_CLI and os.path.exists(LEGACY_CLI),
                        "OARC_CLI_LEGACY_TLS must name the CLI built with OARC_TLS_WEAK_LEGACY_POLICY")
        self.assert_reached("rsa", "-tls1_2", "-cipher", "AES128-GCM-SHA256", cli=LEGACY_CLI)
        self.assert_reached("rsa", "-tls1_2", "-cipher", "AES128-SHA", cli=LEGACY_CLI)
        self.assert_reached("ec_sha1", "-cipher", "DEFAULT@SECLEVEL=0", cli=LEGACY_CLI)
        # Still TLS 1.2 at least, and still verified.
        r = self.cli(self.server("ec", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"), LEGACY_CLI)
        self.assertTrue(r.stderr.startswith("error: OARC_ERR_TLS_HANDSHAKE "), r.stderr)
        r = subprocess.run(
            [LEGACY_CLI, "--base-url", "https://127.0.0.1:%d/v1" % self.server("ec"),
             "--ca-file", os.path.join(self.dir, "ca.pem"), "--max-retries", "0",
             "org-role", "get", "role_x"],
            env=dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY), capture_output=True, text=True,
            timeout=60)
        self.assertTrue(r.stderr.startswith("error: OARC_ERR_TLS_CERT "), r.stderr)


if __name__ == "__main__":
    unittest.main()
