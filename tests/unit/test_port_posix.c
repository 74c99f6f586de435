/*
 * Unit tests of the POSIX port against sockets the test opens itself, all on
 * loopback: nothing here sends a packet to any other address.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* usleep, SOCK_NONBLOCK */
#endif

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <unistd.h>

#include "test_main.h"

#include "oarc_port_posix.h"

enum { WAIT_MS = 2000 };

typedef struct fixture {
    oarc_port port;
    oarc_port_posix ctx;
} fixture;

static void fixture_init(fixture *f)
{
    memset(f, 0xA5, sizeof *f); /* init must not rely on zeroed memory */
    oarc_port_posix_init(&f->port, &f->ctx);
    assert_int_equal(f->ctx.fd, -1);
}

/* A TCP socket bound to 127.0.0.1 on a free port; listening when backlog >= 0. */
static int loopback_socket(int backlog, uint16_t *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    if (backlog >= 0) {
        assert_int_equal(listen(fd, backlog), 0);
    }
    socklen_t len = sizeof sa;
    assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
    *port = ntohs(sa.sin_port);
    return fd;
}

/* Accept one pending connection, failing the test if none comes in time. */
static int accept_within(int listener, int timeout_ms)
{
    struct pollfd pfd = { .fd = listener, .events = POLLIN, .revents = 0 };
    assert_int_equal(poll(&pfd, 1, timeout_ms), 1);
    int fd = accept(listener, NULL, NULL);
    assert_true(fd >= 0);
    return fd;
}

static void close_with_reset(int fd)
{
    struct linger lg = { .l_onoff = 1, .l_linger = 0 };
    assert_int_equal(setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
    close(fd);
}

static void connect_loopback(fixture *f, int *listener, int *server)
{
    uint16_t port = 0;
    *listener = loopback_socket(4, &port);
    assert_int_equal(f->port.connect(f->port.ctx, "127.0.0.1", port, WAIT_MS), OARC_OK);
    *server = accept_within(*listener, WAIT_MS);
}

static void connect_ok_and_close_is_idempotent(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    int listener = -1, server = -1;
    connect_loopback(&f, &listener, &server);
    assert_true(f.ctx.fd >= 0);
    f.port.close(f.port.ctx);
    assert_int_equal(f.ctx.fd, -1);
    f.port.close(f.port.ctx);
    assert_int_equal(f.ctx.fd, -1);
    /* The server sees the orderly close. */
    char c;
    assert_int_equal(recv(server, &c, 1, 0), 0);
    close(server);
    close(listener);
}

/* The server listens on 127.0.0.1 only: whichever order the resolver gives
 * localhost's addresses (::1 first on many hosts), the port must get there. */
static void connect_localhost_reaches_ipv4_only_server(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint16_t port = 0;
    int listener = loopback_socket(4, &port);
    assert_int_equal(f.port.connect(f.port.ctx, "localhost", port, WAIT_MS), OARC_OK);
    close(accept_within(listener, WAIT_MS));
    f.port.close(f.port.ctx);
    close(listener);
}

/* This host may resolve localhost to 127.0.0.1 alone, so the fall-through is
 * also checked on a list made by hand: ::1 (nobody listens there), then a
 * 127.0.0.1 port that refuses, then the server. */
static void connect_falls_through_to_next_address(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint16_t good = 0, refused = 0;
    int listener = loopback_socket(4, &good);
    int closed = loopback_socket(-1, &refused); /* bound, not listening */

    struct sockaddr_in6 v6;
    memset(&v6, 0, sizeof v6);
    v6.sin6_family = AF_INET6;
    v6.sin6_addr = in6addr_loopback;
    v6.sin6_port = htons(good);
    struct sockaddr_in v4_refused, v4_good;
    memset(&v4_refused, 0, sizeof v4_refused);
    v4_refused.sin_family = AF_INET;
    v4_refused.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    v4_refused.sin_port = htons(refused);
    v4_good = v4_refused;
    v4_good.sin_port = htons(good);

    struct addrinfo ai[3];
    memset(ai, 0, sizeof ai);
    ai[0].ai_family = AF_INET6;
    ai[0].ai_addr = (struct sockaddr *)&v6;
    ai[0].ai_addrlen = sizeof v6;
    ai[1].ai_family = AF_INET;
    ai[1].ai_addr = (struct sockaddr *)&v4_refused;
    ai[1].ai_addrlen = sizeof v4_refused;
    ai[2] = ai[1];
    ai[2].ai_addr = (struct sockaddr *)&v4_good;
    for (size_t i = 0; i < 3; i++) {
        ai[i].ai_socktype = SOCK_STREAM;
        ai[i].ai_next = i < 2 ? &ai[i + 1] : NULL;
    }

    assert_int_equal(oarc_port_posix_connect_addrinfo(&f.ctx, &ai[0], WAIT_MS), OARC_OK);
    int server = accept_within(listener, WAIT_MS);
    /* The connection that succeeded is the one the listener accepted. */
    assert_int_equal(f.port.send(f.port.ctx, (const uint8_t *)"x", 1, WAIT_MS), 1);
    char c = 0;
    assert_int_equal(recv(server, &c, 1, 0), 1);
    assert_int_equal(c, 'x');

    /* Without the good address every one refuses. */
    ai[1].ai_next = NULL;
    assert_int_equal(oarc_port_posix_connect_addrinfo(&f.ctx, &ai[0], WAIT_MS), OARC_ERR_CONNECT);
    assert_int_equal(f.ctx.fd, -1);
    assert_int_equal(oarc_port_posix_connect_addrinfo(&f.ctx, NULL, WAIT_MS), OARC_ERR_ARGUMENT);

    close(server);
    close(closed);
    close(listener);
}

static void connect_refused(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint16_t port = 0;
    int bound = loopback_socket(-1, &port); /* holds the port; nobody listens */
    assert_int_equal(f.port.connect(f.port.ctx, "127.0.0.1", port, WAIT_MS), OARC_ERR_CONNECT);
    assert_int_equal(f.ctx.fd, -1);
    close(bound);
}

static void connect_unknown_host(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    /* A 64-byte label is not a valid DNS name: the resolver refuses it before
     * sending any query, so this test makes no traffic off the machine. */
    assert_int_equal(f.port.connect(f.port.ctx,
                                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.invalid",
                                    443, WAIT_MS),
                     OARC_ERR_DNS);
    assert_int_equal(f.ctx.fd, -1);
    assert_int_equal(f.port.connect(f.port.ctx, NULL, 443, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(f.port.connect(f.port.ctx, "", 443, WAIT_MS), OARC_ERR_ARGUMENT);
}

/* A listener whose accept queue is full drops new SYNs, so a connect to it
 * hangs like one to a silent host, without leaving loopback. Returns the
 * listener; the pending connections go to pending[]. */
static int full_listener(uint16_t *port, int pending[], size_t count)
{
    int listener = loopback_socket(0, port);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(*port);
    for (size_t i = 0; i < count; i++) {
        pending[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        assert_true(pending[i] >= 0);
        int r = connect(pending[i], (struct sockaddr *)&sa, sizeof sa);
        assert_true(r == 0 || errno == EINPROGRESS);
    }
    usleep(50 * 1000); /* let the handshakes that fit complete */
    return listener;
}

static void connect_timeout(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint16_t port = 0;
    int pending[6];
    int listener = full_listener(&port, pending, 6);

    uint32_t t0 = f.port.now_ms(f.port.ctx);
    assert_int_equal(f.port.connect(f.port.ctx, "127.0.0.1", port, 300), OARC_ERR_TIMEOUT);
    uint32_t took = f.port.now_ms(f.port.ctx) - t0;
    assert_true(took >= 300);
    assert_true(took < 900);
    assert_int_equal(f.ctx.fd, -1);

    /* The budget is for the whole call: a good address after a silent one
     * does not get a fresh one. */
    uint16_t good = 0;
    int other = loopback_socket(4, &good);
    struct sockaddr_in silent_sa, good_sa;
    memset(&silent_sa, 0, sizeof silent_sa);
    silent_sa.sin_family = AF_INET;
    silent_sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    silent_sa.sin_port = htons(port);
    good_sa = silent_sa;
    good_sa.sin_port = htons(good);
    struct addrinfo ai[2];
    memset(ai, 0, sizeof ai);
    ai[0].ai_family = ai[1].ai_family = AF_INET;
    ai[0].ai_socktype = ai[1].ai_socktype = SOCK_STREAM;
    ai[0].ai_addr = (struct sockaddr *)&silent_sa;
    ai[1].ai_addr = (struct sockaddr *)&good_sa;
    ai[0].ai_addrlen = ai[1].ai_addrlen = sizeof silent_sa;
    ai[0].ai_next = &ai[1];
    t0 = f.port.now_ms(f.port.ctx);
    assert_int_equal(oarc_port_posix_connect_addrinfo(&f.ctx, &ai[0], 200), OARC_ERR_TIMEOUT);
    took = f.port.now_ms(f.port.ctx) - t0;
    assert_true(took >= 200);
    assert_true(took < 800);

    for (size_t i = 0; i < 6; i++) {
        close(pending[i]);
    }
    close(other);
    close(listener);
}

static void recv_timeout_is_distinct_from_peer_close(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    int listener = -1, server = -1;
    connect_loopback(&f, &listener, &server);

    uint8_t buf[16];
    uint32_t t0 = f.port.now_ms(f.port.ctx);
    assert_int_equal(f.port.recv(f.port.ctx, buf, sizeof buf, 150), OARC_ERR_TIMEOUT);
    uint32_t took = f.port.now_ms(f.port.ctx) - t0;
    assert_true(took >= 150);
    assert_true(took < 1000);

    close(server); /* orderly close: FIN */
    assert_int_equal(f.port.recv(f.port.ctx, buf, sizeof buf, WAIT_MS), 0);

    f.port.close(f.port.ctx);
    close(listener);
}

static void reset_is_an_error(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    int listener = -1, server = -1;
    connect_loopback(&f, &listener, &server);

    close_with_reset(server);
    uint8_t buf[16];
    int n = f.port.recv(f.port.ctx, buf, sizeof buf, WAIT_MS);
    assert_int_equal(n, OARC_ERR_IO);
    n = f.port.send(f.port.ctx, (const uint8_t *)"late", 4, WAIT_MS);
    assert_true(n == OARC_ERR_CLOSED || n == OARC_ERR_IO);

    f.port.close(f.port.ctx);
    close(listener);
}

/* Writing to a peer that has gone must come back as a status: SIGPIPE would
 * end this test process (and fail it). */
static void send_to_closed_peer_returns_status(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    int listener = -1, server = -1;
    connect_loopback(&f, &listener, &server);
    close(server);

    static const uint8_t chunk[1024] = { 0 };
    int n = 1;
    for (int i = 0; i < 200 && n > 0; i++) {
        n = f.port.send(f.port.ctx, chunk, sizeof chunk, WAIT_MS);
        if (n > 0) {
            usleep(5 * 1000); /* give the peer's RST time to come back */
        }
    }
    assert_true(n == OARC_ERR_CLOSED || n == OARC_ERR_IO);

    f.port.close(f.port.ctx);
    close(listener);
}

static void send_recv_round_trip(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    int listener = -1, server = -1;
    connect_loopback(&f, &listener, &server);

    assert_int_equal(f.port.send(f.port.ctx, (const uint8_t *)"ping", 4, WAIT_MS), 4);
    char got[8] = { 0 };
    size_t have = 0;
    for (int i = 0; i < 10 && have < 4; i++) {
        ssize_t r = recv(server, got + have, 4 - have, 0);
        assert_true(r > 0);
        have += (size_t)r;
    }
    assert_memory_equal(got, "ping", 4);

    assert_int_equal(send(server, "pong!", 5, 0), 5);
    uint8_t buf[16];
    have = 0;
    for (int i = 0; i < 10 && have < 5; i++) {
        int r = f.port.recv(f.port.ctx, buf + have, sizeof buf - have, WAIT_MS);
        assert_true(r > 0);
        have += (size_t)r;
    }
    assert_int_equal(have, 5);
    assert_memory_equal(buf, "pong!", 5);

    /* A bad argument is refused before touching the socket. */
    assert_int_equal(f.port.send(f.port.ctx, NULL, 1, WAIT_MS), OARC_ERR_ARGUMENT);
    assert_int_equal(f.port.recv(f.port.ctx, buf, 0, WAIT_MS), OARC_ERR_ARGUMENT);

    f.port.close(f.port.ctx);
    close(server);
    close(listener);
}

static void calls_without_connection_fail(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint8_t buf[4] = { 0 };
    assert_int_equal(f.port.send(f.port.ctx, buf, sizeof buf, 10), OARC_ERR_CLOSED);
    assert_int_equal(f.port.recv(f.port.ctx, buf, sizeof buf, 10), OARC_ERR_CLOSED);
    f.port.close(f.port.ctx);
    assert_int_equal(f.ctx.fd, -1);
}

static void clock_is_monotonic_and_sleep_sleeps(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint32_t prev = f.port.now_ms(f.port.ctx);
    for (int i = 0; i < 1000; i++) {
        uint32_t now = f.port.now_ms(f.port.ctx);
        assert_true(now - prev < 1000u); /* never goes back (would wrap huge) */
        prev = now;
    }
    uint32_t t0 = f.port.now_ms(f.port.ctx);
    f.port.sleep_ms(f.port.ctx, 60);
    uint32_t slept = f.port.now_ms(f.port.ctx) - t0;
    assert_true(slept >= 60);
    assert_true(slept < 1000);
    t0 = f.port.now_ms(f.port.ctx);
    f.port.sleep_ms(f.port.ctx, 0);
    assert_true(f.port.now_ms(f.port.ctx) - t0 < 100);
}

static bool all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != 0) {
            return false;
        }
    }
    return true;
}

static void entropy_fills_buffer(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f);
    uint8_t a[64], b[64];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    assert_int_equal(f.port.entropy(f.port.ctx, a, sizeof a), OARC_OK);
    assert_int_equal(f.port.entropy(f.port.ctx, b, sizeof b), OARC_OK);
    assert_false(all_zero(a, sizeof a));
    assert_false(all_zero(b, sizeof b));
    assert_memory_not_equal(a, b, sizeof a);
    /* The last bytes are filled too, not only a prefix. */
    static uint8_t big[100000];
    assert_int_equal(f.port.entropy(f.port.ctx, big, sizeof big), OARC_OK);
    assert_false(all_zero(big + sizeof big - 32, 32));
    assert_int_equal(f.port.entropy(f.port.ctx, a, 0), OARC_OK);
    assert_int_equal(f.port.entropy(f.port.ctx, NULL, 4), OARC_ERR_ARGUMENT);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(connect_ok_and_close_is_idempotent),
    cmocka_unit_test(connect_localhost_reaches_ipv4_only_server),
    cmocka_unit_test(connect_falls_through_to_next_address),
    cmocka_unit_test(connect_refused),
    cmocka_unit_test(connect_unknown_host),
    cmocka_unit_test(connect_timeout),
    cmocka_unit_test(recv_timeout_is_distinct_from_peer_close),
    cmocka_unit_test(reset_is_an_error),
    cmocka_unit_test(send_to_closed_peer_returns_status),
    cmocka_unit_test(send_recv_round_trip),
    cmocka_unit_test(calls_without_connection_fail),
    cmocka_unit_test(clock_is_monotonic_and_sleep_sleeps),
    cmocka_unit_test(entropy_fills_buffer),
};

OARC_TEST_MAIN(tests)
