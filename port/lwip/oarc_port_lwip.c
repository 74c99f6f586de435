/**
 * @file oarc_port_lwip.c
 * @brief The oarc port over lwIP's sockets API: see oarc_port_lwip.h.
 *
 * Only lwIP headers (and ISO C's limits.h) are included: the OS, if any, is
 * lwIP's business. Sockets are non-blocking from the start and every wait is
 * an lwip_poll() bounded by the time left of the call, measured on sys_now(),
 * so a timeout covers the whole call however often the stack wakes us up.
 */
#include "oarc_port_lwip.h"

#include <limits.h>

#include "lwip/opt.h"

#include "lwip/errno.h"
#include "lwip/netdb.h"
#include "lwip/sockets.h"
#include "lwip/sys.h"

#if NO_SYS || !LWIP_SOCKET || !LWIP_SOCKET_POLL
#error "oarc_port_lwip needs NO_SYS 0, LWIP_SOCKET 1 and LWIP_SOCKET_POLL 1 in lwipopts.h"
#endif

/* lwIP's resolver returns one address per family; a misconfigured name can
 * still only cost this many attempts. */
#define OARC_LWIP_MAX_ADDRESSES 4u

/* Milliseconds left of budget_ms since start_ms, wrap-safe. */
static uint32_t time_left(uint32_t start_ms, uint32_t budget_ms)
{
    uint32_t elapsed = (uint32_t)sys_now() - start_ms;
    return elapsed >= budget_ms ? 0u : budget_ms - elapsed;
}

/* Wait until sock is ready for events, or has an error to report (which the
 * following lwip_send/lwip_recv/SO_ERROR then reads out). */
static oarc_status wait_ready(int sock, short events, uint32_t start_ms, uint32_t budget_ms)
{
    for (;;) {
        uint32_t left = time_left(start_ms, budget_ms);
        if (left == 0u) {
            return OARC_ERR_TIMEOUT;
        }
        struct pollfd pfd = { .fd = sock, .events = events, .revents = 0 };
        int wait = left > (uint32_t)INT_MAX ? INT_MAX : (int)left;
        int r = lwip_poll(&pfd, 1, wait);
        if (r > 0) {
            return (pfd.revents & POLLNVAL) != 0 ? OARC_ERR_IO : OARC_OK;
        }
        if (r < 0) {
            return OARC_ERR_IO; /* lwIP has no signals: no EINTR to retry */
        }
        /* r == 0: the next turn sees how much time is left. */
    }
}

/* "443" for 443: lwip_getaddrinfo takes the port as a decimal service name
 * and then fills it into every address, whatever its family. */
static void format_port(uint16_t port, char out[6])
{
    char digits[5];
    unsigned n = 0;
    unsigned v = port;
    do {
        digits[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u);
    for (unsigned i = 0; i < n; i++) {
        out[i] = digits[n - 1u - i];
    }
    out[n] = '\0';
}

/* A would-block result: the wait that follows decides. */
static int would_block(void)
{
    return errno == EWOULDBLOCK || errno == EAGAIN;
}

static int open_socket(const struct addrinfo *ai)
{
    int sock = lwip_socket(ai->ai_family, SOCK_STREAM, IPPROTO_TCP);
    if (sock < 0) {
        return -1;
    }
    /* O_NONBLOCK and F_SETFL are lwIP's own values here (sockets.h), the
     * ones lwip_fcntl compares against, never the host's. */
    if (lwip_fcntl(sock, F_SETFL, O_NONBLOCK) != 0) {
        (void)lwip_close(sock);
        return -1;
    }
    return sock;
}

/* The outcome of a non-blocking connect, once lwip_poll said it is over. */
static oarc_status connect_outcome(int sock)
{
    int err = 0;
    socklen_t err_len = (socklen_t)sizeof err;
    if (lwip_getsockopt(sock, SOL_SOCKET, SO_ERROR, &err, &err_len) != 0 || err != 0) {
        return OARC_ERR_CONNECT;
    }
    /* Requests go out in one or two sends and are answered at once; Nagle
     * would hold the last segment back for an ACK that comes late. */
    int one = 1;
    (void)lwip_setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, (socklen_t)sizeof one);
    return OARC_OK;
}

/* One address: OARC_OK with *out set, OARC_ERR_CONNECT or OARC_ERR_TIMEOUT. */
static oarc_status connect_one(const struct addrinfo *ai, uint32_t start_ms,
                               uint32_t budget_ms, int *out)
{
    int sock = open_socket(ai);
    if (sock < 0) {
        return OARC_ERR_CONNECT; /* e.g. no free socket, or no such family */
    }
    oarc_status st = OARC_OK;
    if (lwip_connect(sock, ai->ai_addr, ai->ai_addrlen) != 0 && errno != EINPROGRESS) {
        st = OARC_ERR_CONNECT;
    } else {
        st = wait_ready(sock, (short)POLLOUT, start_ms, budget_ms);
        if (st == OARC_OK) {
            st = connect_outcome(sock);
        } else if (st != OARC_ERR_TIMEOUT) {
            st = OARC_ERR_CONNECT;
        }
    }
    if (st != OARC_OK) {
        (void)lwip_close(sock);
        return st;
    }
    *out = sock;
    return OARC_OK;
}

/* Walk the list in order within one budget: a refused address costs little
 * and the next one gets what is left; a silent one may take all of it. */
static oarc_status connect_list(oarc_port_lwip *p, const struct addrinfo *list,
                                uint32_t start_ms, uint32_t budget_ms)
{
    const struct addrinfo *ai = list;
    for (uint32_t n = 0; ai != NULL && n < OARC_LWIP_MAX_ADDRESSES; n++, ai = ai->ai_next) {
        int sock = -1;
        oarc_status st = connect_one(ai, start_ms, budget_ms, &sock);
        if (st == OARC_OK) {
            p->sock = sock;
            return OARC_OK;
        }
        if (st == OARC_ERR_TIMEOUT) {
            return OARC_ERR_TIMEOUT; /* no time left for the others */
        }
    }
    return OARC_ERR_CONNECT;
}

static void port_close(void *ctx)
{
    oarc_port_lwip *p = ctx;
    if (p != NULL && p->sock >= 0) {
        (void)lwip_close(p->sock);
        p->sock = -1;
    }
}

static oarc_status port_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    oarc_port_lwip *p = ctx;
    if (p == NULL || host == NULL || host[0] == '\0' || port == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    port_close(p);
    /* The clock starts before the lookup: lwIP's resolver cannot be bounded
     * from here, but the time it takes is charged to this call. */
    uint32_t start_ms = (uint32_t)sys_now();
    char service[6];
    format_port(port, service);
    struct addrinfo hints = { 0 };
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    struct addrinfo *list = NULL;
    if (lwip_getaddrinfo(host, service, &hints, &list) != 0 || list == NULL) {
        return OARC_ERR_DNS;
    }
    oarc_status st = connect_list(p, list, start_ms, timeout_ms);
    lwip_freeaddrinfo(list);
    return st;
}

/* errno after a failed lwip_send: the peer is gone, or something else. */
static int send_failure(void)
{
    return (errno == ENOTCONN || errno == EPIPE) ? OARC_ERR_CLOSED : OARC_ERR_IO;
}

static int port_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    oarc_port_lwip *p = ctx;
    if (p == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->sock < 0) {
        return OARC_ERR_CLOSED;
    }
    size_t want = len > (size_t)INT_MAX ? (size_t)INT_MAX : len;
    uint32_t start_ms = (uint32_t)sys_now();
    for (;;) {
        ssize_t n = lwip_send(p->sock, buf, want, 0);
        if (n > 0) {
            return (int)n;
        }
        if (n == 0) {
            return OARC_ERR_IO; /* cannot happen for want > 0 */
        }
        if (!would_block()) {
            return send_failure();
        }
        oarc_status st = wait_ready(p->sock, (short)POLLOUT, start_ms, timeout_ms);
        if (st != OARC_OK) {
            return st;
        }
    }
}

static int port_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    oarc_port_lwip *p = ctx;
    if (p == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->sock < 0) {
        return OARC_ERR_CLOSED;
    }
    size_t want = len > (size_t)INT_MAX ? (size_t)INT_MAX : len;
    uint32_t start_ms = (uint32_t)sys_now();
    for (;;) {
        ssize_t n = lwip_recv(p->sock, buf, want, 0);
        if (n >= 0) {
            return (int)n; /* 0: orderly close by the peer */
        }
        if (!would_block()) {
            return OARC_ERR_IO; /* ECONNRESET, ECONNABORTED and the like */
        }
        oarc_status st = wait_ready(p->sock, (short)POLLIN, start_ms, timeout_ms);
        if (st != OARC_OK) {
            return st;
        }
    }
}

static uint32_t port_now_ms(void *ctx)
{
    (void)ctx;
    return (uint32_t)sys_now();
}

static void port_sleep_ms(void *ctx, uint32_t ms)
{
    (void)ctx;
    /* lwIP's sys layer: a timed semaphore wait, i.e. the RTOS's delay. */
    if (ms > 0u) {
        sys_msleep(ms);
    }
}

static oarc_status port_entropy(void *ctx, uint8_t *out, size_t len)
{
    oarc_port_lwip *p = ctx;
    if (p == NULL || (out == NULL && len > 0u)) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->entropy == NULL) {
        return OARC_ERR_ENTROPY; /* lwIP has no source of its own */
    }
    return p->entropy(p->entropy_ctx, out, len);
}

void oarc_port_lwip_init(oarc_port *port, oarc_port_lwip *ctx,
                         oarc_port_lwip_entropy_fn entropy, void *entropy_ctx)
{
    if (port == NULL || ctx == NULL) {
        return;
    }
    ctx->sock = -1;
    ctx->entropy = entropy;
    ctx->entropy_ctx = entropy_ctx;
    port->ctx = ctx;
    port->connect = port_connect;
    port->send = port_send;
    port->recv = port_recv;
    port->close = port_close;
    port->now_ms = port_now_ms;
    port->sleep_ms = port_sleep_ms;
    port->entropy = port_entropy;
}
