/*
 * Unit tests of lib/src/tls.c over the POSIX port against real servers on
 * loopback: tests/tls/tls_server.py (Python ssl, or plain TCP that misbehaves)
 * with a throwaway PKI that tests/tls/make_certs.sh makes per case. Each case
 * starts its own server and stops it in teardown; the server also exits on
 * its own when this process goes away (it watches its stdin).
 *
 * openssl and python3 are required: without them a case fails, never skips.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_main.h"

#include <mbedtls/ssl.h>
#include <mbedtls/version.h>
#include <mbedtls/x509.h>

#include "oarc/oarc.h"
#include "oarc/oarc_version.h"
#include "oarc_port_posix.h"
#include "tls.h"
#include "tls_mbedtls.h"

#ifndef OARC_TEST_TLS_DIR
#error "OARC_TEST_TLS_DIR must name tests/tls (set by tests/CMakeLists.txt)"
#endif

/* Generous limits for what should take milliseconds: the machine may be busy
 * running other tests, and starting Python alone can take seconds then. They
 * are only ever reached when something is wrong. */
enum { WAIT_MS = 10000, STARTUP_MS = 30000, PEM_MAX = 8192, LINE_MAX_LEN = 128 };

typedef struct server {
    pid_t pid;
    int to_child;   /* its stdin: closing it ends the server */
    int from_child; /* its stdout: "port N", then handshake lines */
    uint16_t port;
} server;

typedef struct fixture {
    char dir[64];
    char ca[PEM_MAX];
    size_t ca_len;
    char other_ca[PEM_MAX];
    size_t other_ca_len;
    server srv;
    oarc_port port;
    oarc_port_posix port_ctx;
    oarc_tls tls;
} fixture;

/* Large (mbedTLS contexts, PEM buffers): static rather than on the stack. */
static fixture g_fixture;

/* ---- files and the PKI -------------------------------------------------- */

static void path_in(const fixture *f, const char *name, char *out, size_t size)
{
    int n = snprintf(out, size, "%s/%s", f->dir, name);
    assert_true(n > 0 && (size_t)n < size);
}

/* Read a PEM file whole; out is NUL-terminated, the length excludes the NUL. */
static size_t read_pem(const fixture *f, const char *name, char *out, size_t size)
{
    char path[128];
    path_in(f, name, path, sizeof path);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    size_t n = fread(out, 1, size - 1, fp);
    assert_true(feof(fp));
    fclose(fp);
    out[n] = '\0';
    return n;
}

/* The PKI directory is flat: remove its files, then it (no shell, no PATH). */
static void remove_dir(const fixture *f)
{
    DIR *d = opendir(f->dir);
    if (d == NULL) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[192];
        int n = snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
        if (e->d_name[0] != '.' && n > 0 && (size_t)n < sizeof path) {
            (void)unlink(path);
        }
    }
    closedir(d);
    (void)rmdir(f->dir);
}

static int setup(void **state)
{
    fixture *f = &g_fixture;
    memset(f, 0, sizeof *f);
    f->srv.pid = -1;
    strcpy(f->dir, "/tmp/oarc_tls_XXXXXX");
    if (mkdtemp(f->dir) == NULL) {
        return -1;
    }
    char cmd[256];
    int n = snprintf(cmd, sizeof cmd, "sh '%s/make_certs.sh' '%s' >/dev/null 2>&1",
                     OARC_TEST_TLS_DIR, f->dir);
    if (n <= 0 || (size_t)n >= sizeof cmd || system(cmd) != 0) {
        fprintf(stderr, "make_certs.sh failed (is openssl installed?)\n");
        remove_dir(f); /* cmocka runs no teardown after a failed setup */
        return -1;
    }
    f->ca_len = read_pem(f, "ca.pem", f->ca, sizeof f->ca);
    f->other_ca_len = read_pem(f, "other_ca.pem", f->other_ca, sizeof f->other_ca);
    oarc_port_posix_init(&f->port, &f->port_ctx);
    *state = f;
    return 0;
}

static void stop_server(server *s)
{
    if (s->pid <= 0) {
        return;
    }
    close(s->to_child);
    close(s->from_child);
    kill(s->pid, SIGTERM);
    int status;
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {
    }
    s->pid = -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    oarc_tls_free(&f->tls);
    f->port.close(f->port.ctx);
    stop_server(&f->srv);
    remove_dir(f);
    return 0;
}

/* ---- the server process ------------------------------------------------- */

/* One line of the server's output, without its newline, into line. false
 * when none came within timeout_ms or the server's output ended. */
static bool read_line(server *s, char *line, size_t size, int timeout_ms)
{
    size_t n = 0;
    while (n + 1 < size) {
        struct pollfd pfd = { .fd = s->from_child, .events = POLLIN, .revents = 0 };
        char c;
        if (poll(&pfd, 1, timeout_ms) != 1 || read(s->from_child, &c, 1) != 1) {
            line[n] = '\0';
            return false;
        }
        if (c == '\n') {
            break;
        }
        line[n++] = c;
    }
    line[n] = '\0';
    return true;
}

/* Start tls_server.py in mode (with the key pair <cert_name>.pem/.key when
 * cert_name is not NULL) and wait for the port it listens on. */
static void start_server(fixture *f, const char *mode, const char *cert_name)
{
    char script[256], cert[128], key[128], name[64];
    snprintf(script, sizeof script, "%s/tls_server.py", OARC_TEST_TLS_DIR);
    cert[0] = key[0] = '\0';
    if (cert_name != NULL) {
        snprintf(name, sizeof name, "%s.pem", cert_name);
        path_in(f, name, cert, sizeof cert);
        snprintf(name, sizeof name, "%s.key", cert_name);
        path_in(f, name, key, sizeof key);
    }
    int in[2], out[2];
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(out), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execlp("python3", "python3", script, mode, cert, key, (char *)NULL);
        _exit(127); /* no python3: the parent reads EOF and fails */
    }
    close(in[0]);
    close(out[1]);
    f->srv.pid = pid;
    f->srv.to_child = in[1];
    f->srv.from_child = out[0];

    char line[LINE_MAX_LEN];
    if (!read_line(&f->srv, line, sizeof line, STARTUP_MS)) {
        fail_msg("tls_server.py did not start (is python3 installed?)");
    }
    unsigned port = 0;
    assert_int_equal(sscanf(line, "port %u", &port), 1);
    assert_true(port > 0 && port < 65536);
    f->srv.port = (uint16_t)port;
}

static void expect_server_line(fixture *f, const char *want)
{
    char line[LINE_MAX_LEN];
    if (!read_line(&f->srv, line, sizeof line, WAIT_MS)) {
        fail_msg("expected '%s' from the server, got '%s' and then nothing", want, line);
    }
    assert_string_equal(line, want);
}

/* ---- helpers ------------------------------------------------------------ */

static void connect_tcp(fixture *f)
{
    assert_int_equal(f->port.connect(f->port.ctx, "127.0.0.1", f->srv.port, WAIT_MS), OARC_OK);
}

static void init_tls(fixture *f, const char *ca, size_t ca_len)
{
    assert_int_equal(oarc_tls_init(&f->tls, &f->port, ca, ca_len), OARC_OK);
}

/* Send msg and read the same bytes back (the echo server). */
static void echo(fixture *f, const char *msg)
{
    size_t len = strlen(msg);
    assert_int_equal(oarc_tls_send(&f->tls, (const uint8_t *)msg, len, WAIT_MS), (int)len);
    uint8_t buf[256];
    size_t have = 0;
    for (int i = 0; i < 16 && have < len; i++) {
        int n = oarc_tls_recv(&f->tls, buf + have, sizeof buf - have, WAIT_MS);
        assert_true(n > 0);
        have += (size_t)n;
    }
    assert_int_equal(have, len);
    assert_memory_equal(buf, msg, len);
}

/* A new connection to the server: a good handshake, the server's line
 * about it, and msg echoed over it. */
static void connect_and_echo(fixture *f, const char *server_line, const char *msg)
{
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    expect_server_line(f, server_line);
    echo(f, msg);
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != 0) {
            return false;
        }
    }
    return true;
}

/* ---- cases -------------------------------------------------------------- */

static void handshake_and_echo(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    assert_int_equal(oarc_tls_verify_flags(&f->tls), 0);
    expect_server_line(f, "handshake reused=0");
    echo(f, "hello over tls");

    /* The server's close_notify reads as a clean end, not an error. */
    assert_int_equal(oarc_tls_send(&f->tls, (const uint8_t *)"bye", 3, WAIT_MS), 3);
    uint8_t buf[16];
    assert_int_equal(oarc_tls_recv(&f->tls, buf, sizeof buf, WAIT_MS), 0);
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);

    /* After close there is no connection to use. */
    assert_int_equal(oarc_tls_send(&f->tls, buf, 1, WAIT_MS), OARC_ERR_CLOSED);
    assert_int_equal(oarc_tls_recv(&f->tls, buf, sizeof buf, WAIT_MS), OARC_ERR_CLOSED);

    /* free wipes everything, and is harmless twice. */
    oarc_tls_free(&f->tls);
    assert_true(all_zero(&f->tls, sizeof f->tls));
    oarc_tls_free(&f->tls);
}

/* A server that closes TCP without close_notify also ends the stream with
 * 0: HTTP's own framing, not TLS, tells whether a response was complete. */
static void peer_tcp_close_reads_as_end(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    echo(f, "before");
    assert_int_equal(oarc_tls_send(&f->tls, (const uint8_t *)"drop", 4, WAIT_MS), 4);
    uint8_t buf[16];
    assert_int_equal(oarc_tls_recv(&f->tls, buf, sizeof buf, WAIT_MS), 0);
}

static void recv_times_out_when_server_sends_nothing(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    uint8_t buf[16];
    uint32_t t0 = f->port.now_ms(f->port.ctx);
    assert_int_equal(oarc_tls_recv(&f->tls, buf, sizeof buf, 200), OARC_ERR_TIMEOUT);
    uint32_t took = f->port.now_ms(f->port.ctx) - t0;
    assert_true(took >= 200 && took < 1500);
}

static void wrong_ca_is_a_certificate_error(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->other_ca, f->other_ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_TLS_CERT);
    uint32_t flags = oarc_tls_verify_flags(&f->tls);
    assert_true((flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0);
    assert_true((flags & MBEDTLS_X509_BADCERT_CN_MISMATCH) == 0);
    /* Nothing left open to send on. */
    assert_int_equal(oarc_tls_send(&f->tls, (const uint8_t *)"x", 1, WAIT_MS), OARC_ERR_CLOSED);
}

static void wrong_hostname_is_a_certificate_error(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "other"); /* certificate for other.example */
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_TLS_CERT);
    uint32_t flags = oarc_tls_verify_flags(&f->tls);
    assert_true((flags & MBEDTLS_X509_BADCERT_CN_MISMATCH) != 0);
    assert_true((flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED) == 0);

    /* The same server passes under its own name: the chain itself is fine. */
    f->port.close(f->port.ctx);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "other.example", WAIT_MS), OARC_OK);
    assert_int_equal(oarc_tls_verify_flags(&f->tls), 0);
}

static void garbage_server_is_a_handshake_error(void **state)
{
    fixture *f = *state;
    start_server(f, "garbage", NULL);
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_TLS_HANDSHAKE);
    assert_int_not_equal(f->tls.last_error, 0);
}

static void server_closing_is_reported_as_closed(void **state)
{
    fixture *f = *state;
    start_server(f, "close", NULL);
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_CLOSED);
}

static void silent_server_times_out(void **state)
{
    fixture *f = *state;
    start_server(f, "silent", NULL);
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    uint32_t t0 = f->port.now_ms(f->port.ctx);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", 400), OARC_ERR_TIMEOUT);
    uint32_t took = f->port.now_ms(f->port.ctx) - t0;
    assert_true(took >= 400);
    assert_true(took < 1500);
}

static void session_resumed_on_reconnect(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    expect_server_line(f, "handshake reused=0");
    assert_true(f->tls.has_saved);
    echo(f, "first");
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);

    /* Same context, new connection: the saved session is offered and taken. */
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    expect_server_line(f, "handshake reused=1");
    assert_int_equal(oarc_tls_verify_flags(&f->tls), 0);
    echo(f, "second");

    /* A connection dropped without close is fine too: the next handshake
     * starts clean and still resumes. */
    f->port.close(f->port.ctx);
    connect_and_echo(f, "handshake reused=1", "third");
}

/* A server that also speaks TLS 1.3: the 3.6 backend takes it, and resumes
 * from the ticket the server sends after the handshake (read while echoing);
 * 2.28 stays at TLS 1.2 and resumes as before. */
static void best_version_negotiated_and_resumed(void **state)
{
    fixture *f = *state;
    const char *first = MBEDTLS_VERSION_MAJOR >= 3 ? "handshake reused=0 TLSv1.3"
                                                   : "handshake reused=0 TLSv1.2";
    const char *again = MBEDTLS_VERSION_MAJOR >= 3 ? "handshake reused=1 TLSv1.3"
                                                   : "handshake reused=1 TLSv1.2";
    start_server(f, "echo13", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_and_echo(f, first, "one");
    assert_true(f->tls.has_saved);
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);
    for (int i = 0; i < 2; i++) { /* each resumption brings a fresh ticket */
        connect_and_echo(f, again, "again");
        oarc_tls_close(&f->tls);
        f->port.close(f->port.ctx);
    }
}

/* A session must never be offered to another server name: resuming skips the
 * certificate check. other.example's server would accept localhost's ticket
 * (same Python process, same ticket key), so only the name keeps it out. */
static void session_not_offered_to_another_name(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "other");
    init_tls(f, f->ca, f->ca_len);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "other.example", WAIT_MS), OARC_OK);
    expect_server_line(f, "handshake reused=0");
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);

    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_TLS_CERT);
    assert_true((oarc_tls_verify_flags(&f->tls) & MBEDTLS_X509_BADCERT_CN_MISMATCH) != 0);
    expect_server_line(f, "handshake failed SSLError");
}

static void ca_without_certificate_is_rejected(void **state)
{
    fixture *f = *state;
    static const char not_pem[] = "this is not a certificate\n";
    assert_int_equal(oarc_tls_init(&f->tls, &f->port, not_pem, sizeof not_pem - 1),
                     OARC_ERR_CA_NO_CERT);
    assert_int_equal(oarc_tls_init(&f->tls, &f->port, "", 0), OARC_ERR_CA_NO_CERT);
    static const char broken[] =
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    assert_int_equal(oarc_tls_init(&f->tls, &f->port, broken, sizeof broken), OARC_ERR_CA_NO_CERT);
    /* A failed init leaves nothing to free, and a handshake is refused. */
    assert_false(f->tls.ready);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_ARGUMENT);
}

static void init_arguments(void **state)
{
    fixture *f = *state;
    assert_int_equal(oarc_tls_init(&f->tls, &f->port, NULL, 10), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_init(&f->tls, NULL, f->ca, f->ca_len), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_init(NULL, &f->port, f->ca, f->ca_len), OARC_ERR_ARGUMENT);

    /* ca_len may count the final NUL or not. */
    init_tls(f, f->ca, f->ca_len + 1);
    oarc_tls_free(&f->tls);
    init_tls(f, f->ca, f->ca_len);
    assert_true(f->tls.ready);
    /* Host names are required and bounded. */
    assert_int_equal(oarc_tls_handshake(&f->tls, NULL, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_handshake(&f->tls, "", WAIT_MS), OARC_ERR_ARGUMENT);
    char long_name[OARC_MAX_HOST_LEN + 2];
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_int_equal(oarc_tls_handshake(&f->tls, long_name, WAIT_MS), OARC_ERR_ARGUMENT);
    oarc_tls_free(&f->tls);

    /* A length that stops inside the text (no NUL there) is a caller bug. */
    assert_int_equal(oarc_tls_init(&f->tls, &f->port, f->ca, f->ca_len - 10), OARC_ERR_ARGUMENT);
}

static oarc_status failing_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    (void)out;
    (void)len;
    return OARC_ERR_ENTROPY;
}

static void entropy_failure_is_reported(void **state)
{
    fixture *f = *state;
    oarc_port broken = f->port;
    broken.entropy = failing_entropy;
    assert_int_equal(oarc_tls_init(&f->tls, &broken, f->ca, f->ca_len), OARC_ERR_ENTROPY);
    assert_false(f->tls.ready);
}

/* ---- a failing transport, without a peer ------------------------------------------ */

/* The port as the session hands it over, but with send and recv answering as
 * scripted: the handshake's first flight meets the failure, so no server is
 * needed. tls keeps a pointer to its port: this one is static. */
static oarc_port scripted_port;
static bool scripted_send_ok;   /* accept every byte; else return send_result */
static int scripted_send_result;
static int scripted_recv_result;
static size_t scripted_sends, scripted_recvs;

static int scripted_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    (void)ctx;
    (void)buf;
    (void)timeout_ms;
    scripted_sends++;
    return scripted_send_ok ? (int)len : scripted_send_result;
}

static int scripted_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    (void)ctx;
    (void)buf;
    (void)len;
    (void)timeout_ms;
    scripted_recvs++;
    return scripted_recv_result;
}

static void init_scripted(fixture *f)
{
    scripted_port = f->port;
    scripted_port.send = scripted_send;
    scripted_port.recv = scripted_recv;
    scripted_sends = 0;
    scripted_recvs = 0;
    assert_int_equal(oarc_tls_init(&f->tls, &scripted_port, f->ca, f->ca_len), OARC_OK);
}

/* A handshake that fails because the port did reports the port's status
 * (so the session can tell a lost connection from a TLS fault): a send or a
 * receive that fails, a peer that closes (0), a port that sends nothing. */
static void port_failure_in_handshake_is_the_port_status(void **state)
{
    fixture *f = *state;
    static const struct {
        bool send_ok;
        int send_result;
        int recv_result;
        oarc_status want;
    } cases[] = {
        { false, OARC_ERR_IO, 0, OARC_ERR_IO },
        { false, OARC_ERR_CLOSED, 0, OARC_ERR_CLOSED },
        { false, OARC_ERR_TIMEOUT, 0, OARC_ERR_TIMEOUT },
        { false, 0, 0, OARC_ERR_IO }, /* a port never sends 0: treated as broken */
        { true, 0, OARC_ERR_IO, OARC_ERR_IO },
        { true, 0, OARC_ERR_TIMEOUT, OARC_ERR_TIMEOUT },
        { true, 0, 0, OARC_ERR_CLOSED }, /* EOF before the server's hello */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scripted_send_ok = cases[i].send_ok;
        scripted_send_result = cases[i].send_result;
        scripted_recv_result = cases[i].recv_result;
        init_scripted(f);
        assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), cases[i].want);
        assert_true(scripted_sends >= 1u);
        assert_int_equal(scripted_recvs > 0u, cases[i].send_ok);
        /* The failed connection is over: nothing can be sent on it. */
        uint8_t b = 0;
        assert_int_equal(oarc_tls_send(&f->tls, &b, 1, WAIT_MS), OARC_ERR_CLOSED);
        oarc_tls_free(&f->tls);
    }
}

/* No time at all: a timeout, without asking the port to wait. */
static void handshake_with_no_time_left_times_out(void **state)
{
    fixture *f = *state;
    scripted_send_ok = true;
    scripted_recv_result = OARC_ERR_TIMEOUT;
    init_scripted(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", 0), OARC_ERR_TIMEOUT);
    assert_int_equal(scripted_sends, 0);
    assert_int_equal(scripted_recvs, 0);
}

/* Calls that make no sense are refused rather than crash: NULL or empty
 * buffers, no connection yet, a NULL context; a port TLS cannot run on. */
static void calls_without_a_connection_are_refused(void **state)
{
    fixture *f = *state;
    uint8_t buf[4] = { 0 };
    init_tls(f, f->ca, f->ca_len);
    assert_int_equal(oarc_tls_send(NULL, buf, 1, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_send(&f->tls, NULL, 1, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_send(&f->tls, buf, 0, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_recv(NULL, buf, 1, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_recv(&f->tls, NULL, 1, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_recv(&f->tls, buf, 0, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_tls_send(&f->tls, buf, 1, WAIT_MS), OARC_ERR_CLOSED);
    assert_int_equal(oarc_tls_recv(&f->tls, buf, 1, WAIT_MS), OARC_ERR_CLOSED);
    assert_int_equal(oarc_tls_handshake(NULL, "localhost", WAIT_MS), OARC_ERR_ARGUMENT);
    oarc_tls_close(&f->tls); /* nothing open: no alert goes out */
    oarc_tls_close(NULL);
    assert_true(f->tls.ready);
    assert_int_equal(oarc_tls_verify_flags(NULL), 0u);
    oarc_tls_free(NULL);
    oarc_tls_free(&f->tls);
    oarc_tls_close(&f->tls); /* freed: not ready */

    for (int missing = 0; missing < 4; missing++) {
        oarc_port broken = f->port;
        switch (missing) {
        case 0: broken.send = NULL; break;
        case 1: broken.recv = NULL; break;
        case 2: broken.now_ms = NULL; break;
        default: broken.entropy = NULL; break;
        }
        assert_int_equal(oarc_tls_init(&f->tls, &broken, f->ca, f->ca_len), OARC_ERR_ARGUMENT);
    }
}

/* ---- mbedTLS failing where only its allocator can ---------------------------- */

/* tls.c's setup and reset calls fail only when mbedTLS cannot allocate (or,
 * for config_defaults, on arguments tls.c never passes), which Debian's 2.28
 * gives no hook for. test_tls is linked with -Wl,--wrap=NAME for each of them
 * (tests/CMakeLists.txt): the wrapper runs mbedTLS's own function unless a
 * case armed that name, and then returns the error mbedTLS itself returns
 * there, once, without running it. */
static const char *fail_call; /* the armed call's name, or NULL */

static bool fails_now(const char *name)
{
    if (fail_call == NULL || strcmp(fail_call, name) != 0) {
        return false;
    }
    fail_call = NULL;
    return true;
}

int __real_mbedtls_ssl_config_defaults(mbedtls_ssl_config *conf, int endpoint, int transport,
                                       int preset);
int __wrap_mbedtls_ssl_config_defaults(mbedtls_ssl_config *conf, int endpoint, int transport,
                                       int preset);
int __wrap_mbedtls_ssl_config_defaults(mbedtls_ssl_config *conf, int endpoint, int transport,
                                       int preset)
{
    return fails_now("mbedtls_ssl_config_defaults")
               ? MBEDTLS_ERR_SSL_BAD_INPUT_DATA
               : __real_mbedtls_ssl_config_defaults(conf, endpoint, transport, preset);
}

int __real_mbedtls_ssl_setup(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf);
int __wrap_mbedtls_ssl_setup(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf);
int __wrap_mbedtls_ssl_setup(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf)
{
    return fails_now("mbedtls_ssl_setup") ? MBEDTLS_ERR_SSL_ALLOC_FAILED
                                          : __real_mbedtls_ssl_setup(ssl, conf);
}

int __real_mbedtls_ssl_session_reset(mbedtls_ssl_context *ssl);
int __wrap_mbedtls_ssl_session_reset(mbedtls_ssl_context *ssl);
int __wrap_mbedtls_ssl_session_reset(mbedtls_ssl_context *ssl)
{
    return fails_now("mbedtls_ssl_session_reset") ? MBEDTLS_ERR_SSL_ALLOC_FAILED
                                                  : __real_mbedtls_ssl_session_reset(ssl);
}

int __real_mbedtls_ssl_set_hostname(mbedtls_ssl_context *ssl, const char *hostname);
int __wrap_mbedtls_ssl_set_hostname(mbedtls_ssl_context *ssl, const char *hostname);
int __wrap_mbedtls_ssl_set_hostname(mbedtls_ssl_context *ssl, const char *hostname)
{
    return fails_now("mbedtls_ssl_set_hostname") ? MBEDTLS_ERR_SSL_ALLOC_FAILED
                                                 : __real_mbedtls_ssl_set_hostname(ssl, hostname);
}

int __real_mbedtls_ssl_set_session(mbedtls_ssl_context *ssl, const mbedtls_ssl_session *session);
int __wrap_mbedtls_ssl_set_session(mbedtls_ssl_context *ssl, const mbedtls_ssl_session *session);
int __wrap_mbedtls_ssl_set_session(mbedtls_ssl_context *ssl, const mbedtls_ssl_session *session)
{
    return fails_now("mbedtls_ssl_set_session") ? MBEDTLS_ERR_SSL_ALLOC_FAILED
                                                : __real_mbedtls_ssl_set_session(ssl, session);
}

/* A configuration or record buffers mbedTLS cannot make: init fails with
 * OARC_ERR_TLS and mbedTLS's code, and leaves nothing to free or use. */
static void setup_failures_fail_init(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *call;
        int code;
    } cases[] = {
        { "mbedtls_ssl_config_defaults", MBEDTLS_ERR_SSL_BAD_INPUT_DATA },
        { "mbedtls_ssl_setup", MBEDTLS_ERR_SSL_ALLOC_FAILED },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fail_call = cases[i].call;
        assert_int_equal(oarc_tls_init(&f->tls, &f->port, f->ca, f->ca_len), OARC_ERR_TLS);
        assert_null(fail_call); /* the armed call was made, and failed */
        assert_int_equal(f->tls.last_error, cases[i].code);
        assert_false(f->tls.ready);
        assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_ARGUMENT);
        oarc_tls_free(&f->tls);
    }
    /* Nothing stays armed: the next init is a normal one. */
    init_tls(f, f->ca, f->ca_len);
    assert_true(f->tls.ready);
}

/* A host name mbedTLS cannot store: the handshake fails with OARC_ERR_TLS
 * before a byte goes out, and the context can connect again after. */
static void host_name_failure_sends_nothing(void **state)
{
    fixture *f = *state;
    scripted_send_ok = false;
    scripted_send_result = OARC_ERR_IO;
    scripted_recv_result = OARC_ERR_IO;
    init_scripted(f);
    fail_call = "mbedtls_ssl_set_hostname";
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_TLS);
    assert_null(fail_call);
    assert_int_equal(f->tls.last_error, MBEDTLS_ERR_SSL_ALLOC_FAILED);
    assert_int_equal(scripted_sends, 0);
    assert_int_equal(scripted_recvs, 0);
    uint8_t b = 0;
    assert_int_equal(oarc_tls_send(&f->tls, &b, 1, WAIT_MS), OARC_ERR_CLOSED);
    /* The next attempt reaches the port (which fails it, as scripted). */
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_IO);
    assert_true(scripted_sends >= 1u);
}

/* A reset that fails at close (mbedTLS could not make the next handshake's
 * state) is kept in last_error; the connection is over all the same, and the
 * next handshake resets again and connects. */
static void reset_failure_at_close_is_kept_and_recovered(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_and_echo(f, "handshake reused=0", "before");
    fail_call = "mbedtls_ssl_session_reset";
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);
    assert_null(fail_call);
    assert_int_equal(f->tls.last_error, MBEDTLS_ERR_SSL_ALLOC_FAILED);
    uint8_t b = 0;
    assert_int_equal(oarc_tls_send(&f->tls, &b, 1, WAIT_MS), OARC_ERR_CLOSED);

    connect_and_echo(f, "handshake reused=1", "after");
}

/* A saved session mbedTLS cannot take back (its copy needs memory): it is
 * dropped, and a full handshake makes a new one. */
static void session_that_cannot_be_offered_is_dropped(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    init_tls(f, f->ca, f->ca_len);
    connect_and_echo(f, "handshake reused=0", "first");
    assert_true(f->tls.has_saved);
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);

    fail_call = "mbedtls_ssl_set_session";
    connect_and_echo(f, "handshake reused=0", "full again");
    assert_null(fail_call);
    assert_true(f->tls.has_saved);
}

/* Saving a session before any handshake (mbedTLS has none to copy) keeps
 * none, and says why in last_error. */
static void saving_without_a_session_keeps_none(void **state)
{
    fixture *f = *state;
    init_tls(f, f->ca, f->ca_len);
    f->tls.last_error = 0;
    oarc_tls_save_session(&f->tls);
    assert_false(f->tls.has_saved);
    assert_int_equal(f->tls.last_error, MBEDTLS_ERR_SSL_BAD_INPUT_DATA);
}

/* The POSIX port until `broken` is set, then a port whose send and recv
 * fail with `broken_status`: a connection that dies after its handshake. */
static oarc_port breakable_port;
static oarc_port posix_port_copy;
static bool broken;
static int broken_status;

static int breakable_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    return broken ? broken_status : posix_port_copy.send(ctx, buf, len, timeout_ms);
}

static int breakable_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    return broken ? broken_status : posix_port_copy.recv(ctx, buf, len, timeout_ms);
}

/* After a good handshake, a port that fails makes send and recv return the
 * port's status (the session's cue to reconnect), not a generic TLS error. */
static void port_failure_after_handshake_is_the_port_status(void **state)
{
    fixture *f = *state;
    /* A port that keeps timing out with time left: mbedTLS is asked again
     * (WANT_READ / WANT_WRITE) until OARC_TLS_MAX_TURNS, then it is a timeout. */
    static const int statuses[] = { OARC_ERR_IO, OARC_ERR_CLOSED, OARC_ERR_TIMEOUT };
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        start_server(f, "echo", "localhost");
        posix_port_copy = f->port;
        breakable_port = f->port;
        breakable_port.send = breakable_send;
        breakable_port.recv = breakable_recv;
        broken = false;
        assert_int_equal(oarc_tls_init(&f->tls, &breakable_port, f->ca, f->ca_len), OARC_OK);
        connect_and_echo(f, "handshake reused=0", "still fine");
        broken = true;
        broken_status = statuses[i];
        uint8_t buf[16];
        assert_int_equal(oarc_tls_send(&f->tls, (const uint8_t *)"lost", 4, WAIT_MS), statuses[i]);
        assert_int_equal(oarc_tls_recv(&f->tls, buf, sizeof buf, WAIT_MS), statuses[i]);
        oarc_tls_free(&f->tls);
        f->port.close(f->port.ctx);
        stop_server(&f->srv);
    }
}

/* ---- a port that gives up early ------------------------------------------ */

/* The POSIX port, except that every other send and every other recv gives
 * up at once with OARC_ERR_TIMEOUT, as a port that waits in short steps
 * may: mbedTLS is asked again while the operation has time left. */
static unsigned flaky_sends, flaky_recvs, flaky_early;

static int flaky_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    if (flaky_sends++ % 2u == 0u) {
        flaky_early++;
        return OARC_ERR_TIMEOUT;
    }
    return posix_port_copy.send(ctx, buf, len, timeout_ms);
}

static int flaky_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    if (flaky_recvs++ % 2u == 0u) {
        flaky_early++;
        return OARC_ERR_TIMEOUT;
    }
    return posix_port_copy.recv(ctx, buf, len, timeout_ms);
}

static void early_port_timeouts_are_tried_again(void **state)
{
    fixture *f = *state;
    start_server(f, "echo", "localhost");
    posix_port_copy = f->port;
    breakable_port = f->port;
    breakable_port.send = flaky_send;
    breakable_port.recv = flaky_recv;
    flaky_sends = flaky_recvs = flaky_early = 0;
    assert_int_equal(oarc_tls_init(&f->tls, &breakable_port, f->ca, f->ca_len), OARC_OK);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    expect_server_line(f, "handshake reused=0");
    unsigned after_handshake = flaky_early;
    assert_true(after_handshake >= 2u); /* a send and a recv of the handshake */
    echo(f, "through a port that gives up early");
    assert_true(flaky_early > after_handshake);
    /* close_notify goes out through the same port: the server then ends
     * its connection, so the session is whole and resumes. */
    oarc_tls_close(&f->tls);
    f->port.close(f->port.ctx);
    connect_tcp(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_OK);
    expect_server_line(f, "handshake reused=1");
}

/* A clock that moves 10 ms each time it is read. */
static uint32_t stepping_now;

static uint32_t stepping_clock(void *ctx)
{
    (void)ctx;
    stepping_now += 10u;
    return stepping_now;
}

/* The operation's time runs out between the port's early timeout and the
 * next turn (35 ms), or before the port is even asked to receive (15 ms):
 * a timeout either way, and the port is never given 0 ms to wait. */
static void time_running_out_ends_the_turns(void **state)
{
    fixture *f = *state;
    static const struct {
        uint32_t budget_ms;
        size_t recvs;
    } cases[] = { { 35u, 1u }, { 15u, 0u } };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scripted_send_ok = true;
        scripted_recv_result = OARC_ERR_TIMEOUT;
        init_scripted(f);
        scripted_port.now_ms = stepping_clock;
        stepping_now = 0;
        assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", cases[i].budget_ms),
                         OARC_ERR_TIMEOUT);
        assert_int_equal(scripted_sends, 1);
        assert_int_equal(scripted_recvs, cases[i].recvs);
        oarc_tls_free(&f->tls);
    }
}

/* A port that times out at once every time, with the whole budget left:
 * one receive per turn, OARC_TLS_MAX_TURNS (64) turns, then a timeout. */
static void turns_are_capped(void **state)
{
    fixture *f = *state;
    scripted_send_ok = true;
    scripted_recv_result = OARC_ERR_TIMEOUT;
    init_scripted(f);
    assert_int_equal(oarc_tls_handshake(&f->tls, "localhost", WAIT_MS), OARC_ERR_TIMEOUT);
    assert_int_equal(scripted_recvs, 64);
}

/* ---- the client over https ----------------------------------------------- */

static oarc_client tls_client; /* large: off the stack */
static char tls_client_url[64];

/* A config for an echo server started on localhost, with the given CA. */
static oarc_client_config https_config(fixture *f, const char *ca, size_t ca_len)
{
    start_server(f, "echo", "localhost");
    snprintf(tls_client_url, sizeof tls_client_url, "https://localhost:%u/v1",
             (unsigned)f->srv.port);
    return (oarc_client_config){
        .base_url = tls_client_url,
        .admin_key = "sk-admin-tls-test",
        .port = &f->port,
        .ca_pem = ca,
        .ca_pem_len = ca_len,
        .timeout_ms = WAIT_MS,
        .max_retries = 0,
    };
}

/* The client's whole https path against the echo server: oarc_client_init
 * sets TLS up, the call connects, verifies and sends its request through
 * TLS, and what it reads back through TLS is that request, not an HTTP
 * response: a protocol error (not a TLS or transport one). deinit sends
 * close_notify and frees TLS. */
static void client_over_https(void **state)
{
    fixture *f = *state;
    /* https needs a CA: none, or an empty one, is refused. */
    oarc_client_config cfg = https_config(f, NULL, 0);
    assert_int_equal(oarc_client_init(&tls_client, &cfg), OARC_ERR_ARGUMENT);
    cfg.ca_pem = f->ca;
    assert_int_equal(oarc_client_init(&tls_client, &cfg), OARC_ERR_ARGUMENT);
    cfg.ca_pem_len = f->ca_len + 1u;
    assert_int_equal(oarc_client_init(&tls_client, &cfg), OARC_OK);
    assert_true(tls_client.tls.ready);

    oarc_role_deleted out;
    assert_int_equal(oarc_org_role_delete(&tls_client, "role_1", &out), OARC_ERR_HTTP_PROTOCOL);
    expect_server_line(f, "handshake reused=0");
    const oarc_call_info *info = oarc_client_last_call(&tls_client);
    assert_int_equal(info->tls_verify_flags, 0u);
    assert_int_equal(info->http_status, 0);

    oarc_client_deinit(&tls_client);
    assert_true(all_zero(&tls_client.tls, sizeof tls_client.tls));
}

/* The same client against a server whose certificate another CA signed:
 * the handshake fails as a certificate error and the flags say why. */
static void client_over_https_refuses_unknown_ca(void **state)
{
    fixture *f = *state;
    oarc_client_config cfg = https_config(f, f->other_ca, f->other_ca_len + 1u);
    assert_int_equal(oarc_client_init(&tls_client, &cfg), OARC_OK);
    oarc_role_deleted out;
    assert_int_equal(oarc_org_role_delete(&tls_client, "role_1", &out), OARC_ERR_TLS_CERT);
    assert_true((oarc_client_last_call(&tls_client)->tls_verify_flags &
                 MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0u);
    oarc_client_deinit(&tls_client);
}

/* The library names its own version and the TLS library it was built with. */
static void versions_are_named(void **state)
{
    (void)state;
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", OARC_VERSION_MAJOR, OARC_VERSION_MINOR,
             OARC_VERSION_PATCH);
    assert_string_equal(oarc_version(), OARC_VERSION_STRING);
    assert_memory_equal(oarc_version(), want, strlen(want));
    assert_string_equal(oarc_tls_backend(), "mbedTLS " MBEDTLS_VERSION_STRING);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(handshake_and_echo, setup, teardown),
    cmocka_unit_test_setup_teardown(peer_tcp_close_reads_as_end, setup, teardown),
    cmocka_unit_test_setup_teardown(recv_times_out_when_server_sends_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown(wrong_ca_is_a_certificate_error, setup, teardown),
    cmocka_unit_test_setup_teardown(wrong_hostname_is_a_certificate_error, setup, teardown),
    cmocka_unit_test_setup_teardown(garbage_server_is_a_handshake_error, setup, teardown),
    cmocka_unit_test_setup_teardown(server_closing_is_reported_as_closed, setup, teardown),
    cmocka_unit_test_setup_teardown(silent_server_times_out, setup, teardown),
    cmocka_unit_test_setup_teardown(session_resumed_on_reconnect, setup, teardown),
    cmocka_unit_test_setup_teardown(session_not_offered_to_another_name, setup, teardown),
    cmocka_unit_test_setup_teardown(best_version_negotiated_and_resumed, setup, teardown),
    cmocka_unit_test_setup_teardown(ca_without_certificate_is_rejected, setup, teardown),
    cmocka_unit_test_setup_teardown(init_arguments, setup, teardown),
    cmocka_unit_test_setup_teardown(entropy_failure_is_reported, setup, teardown),
    cmocka_unit_test_setup_teardown(port_failure_in_handshake_is_the_port_status, setup, teardown),
    cmocka_unit_test_setup_teardown(handshake_with_no_time_left_times_out, setup, teardown),
    cmocka_unit_test_setup_teardown(calls_without_a_connection_are_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(setup_failures_fail_init, setup, teardown),
    cmocka_unit_test_setup_teardown(host_name_failure_sends_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown(reset_failure_at_close_is_kept_and_recovered, setup, teardown),
    cmocka_unit_test_setup_teardown(session_that_cannot_be_offered_is_dropped, setup, teardown),
    cmocka_unit_test_setup_teardown(saving_without_a_session_keeps_none, setup, teardown),
    cmocka_unit_test_setup_teardown(port_failure_after_handshake_is_the_port_status, setup, teardown),
    cmocka_unit_test_setup_teardown(early_port_timeouts_are_tried_again, setup, teardown),
    cmocka_unit_test_setup_teardown(time_running_out_ends_the_turns, setup, teardown),
    cmocka_unit_test_setup_teardown(turns_are_capped, setup, teardown),
    cmocka_unit_test_setup_teardown(client_over_https, setup, teardown),
    cmocka_unit_test_setup_teardown(client_over_https_refuses_unknown_ca, setup, teardown),
    cmocka_unit_test(versions_are_named),
};

OARC_TEST_MAIN(tests)
