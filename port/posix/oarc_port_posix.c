/**
 * @file oarc_port_posix.c
 * @brief The oarc port over POSIX sockets (Linux): see oarc_port_posix.h.
 *
 * Sockets are non-blocking from the start and every wait is a poll() bounded
 * by the time left of the call, so a timeout covers the whole call however
 * many times the kernel wakes us up (EINTR, partial readiness). The loops
 * below all recompute that time left on each turn and stop when it is gone.
 */
#include "oarc_port_posix.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* A closed peer must show up as EPIPE, never as SIGPIPE killing the process.
 * Linux has the per-call flag; BSDs use the SO_NOSIGPIPE socket option. */
#ifdef MSG_NOSIGNAL
#define OARC_POSIX_SEND_FLAGS MSG_NOSIGNAL
#else
#define OARC_POSIX_SEND_FLAGS 0
#endif

/* getaddrinfo can return many addresses; trying more than this many would
 * only spend the caller's time on a misconfigured name. */
#define OARC_POSIX_MAX_ADDRESSES 16u

/* getrandom is only interrupted before the pool is ready or for huge reads;
 * an endless stream of interruptions means something is wrong. */
#define OARC_POSIX_MAX_ENTROPY_RETRIES 1000u

static uint32_t posix_clock_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        return 0u; /* cannot fail for CLOCK_MONOTONIC on Linux */
    }
    uint64_t ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
    return (uint32_t)ms; /* wraps every ~49 days; callers only subtract */
}

/* Milliseconds left of budget_ms since start_ms, wrap-safe. */
static uint32_t time_left(uint32_t start_ms, uint32_t budget_ms)
{
    uint32_t elapsed = posix_clock_ms() - start_ms;
    return elapsed >= budget_ms ? 0u : budget_ms - elapsed;
}

/* Wait until fd is ready for events (or has an error or hang-up to report,
 * which the following send/recv/getsockopt then reads out). */
static oarc_status wait_ready(int fd, short events, uint32_t start_ms, uint32_t budget_ms)
{
    for (;;) {
        uint32_t left = time_left(start_ms, budget_ms);
        if (left == 0u) {
            return OARC_ERR_TIMEOUT;
        }
        struct pollfd pfd = { .fd = fd, .events = events, .revents = 0 };
        int wait = left > (uint32_t)INT_MAX ? INT_MAX : (int)left;
        int r = poll(&pfd, 1, wait);
        if (r > 0) {
            return (pfd.revents & POLLNVAL) != 0 ? OARC_ERR_IO : OARC_OK;
        }
        if (r < 0 && errno != EINTR) {
            return OARC_ERR_IO;
        }
        /* r == 0 or EINTR: the next turn sees how much time is left. */
    }
}

static void set_socket_options(int fd)
{
    /* Requests are written in one or two sends and answered at once; Nagle
     * would hold the last segment back for an ACK that comes late. */
    int one = 1;
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
    (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
}

/* Non-blocking and not inherited by a child process the host may spawn. */
static int open_socket(const struct addrinfo *ai)
{
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) {
        return -1;
    }
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0 ||
        fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
        (void)close(fd);
        return -1;
    }
    return fd;
}

/* One address: OARC_OK with *out set, OARC_ERR_CONNECT or OARC_ERR_TIMEOUT. */
static oarc_status connect_one(const struct addrinfo *ai, uint32_t start_ms,
                               uint32_t budget_ms, int *out)
{
    int fd = open_socket(ai);
    if (fd < 0) {
        return OARC_ERR_CONNECT; /* e.g. no IPv6 on this host: try the next */
    }
    /* A non-blocking connect interrupted by a signal goes on in the
     * background, like EINPROGRESS: either way poll() tells the outcome. */
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0 &&
        errno != EINPROGRESS && errno != EINTR) {
        (void)close(fd);
        return OARC_ERR_CONNECT;
    }
    oarc_status st = wait_ready(fd, (short)POLLOUT, start_ms, budget_ms);
    if (st == OARC_OK) {
        int err = 0;
        socklen_t err_len = sizeof err;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &err_len) != 0 || err != 0) {
            st = OARC_ERR_CONNECT;
        }
    } else if (st != OARC_ERR_TIMEOUT) {
        st = OARC_ERR_CONNECT;
    }
    if (st != OARC_OK) {
        (void)close(fd);
        return st;
    }
    set_socket_options(fd);
    *out = fd;
    return OARC_OK;
}

/* Walk the list in order within one budget: a refused address costs little
 * and the next one gets what is left; a silent one may take all of it. */
static oarc_status connect_list(oarc_port_posix *p, const struct addrinfo *list,
                                uint32_t start_ms, uint32_t budget_ms)
{
    const struct addrinfo *ai = list;
    for (uint32_t n = 0; ai != NULL && n < OARC_POSIX_MAX_ADDRESSES; n++, ai = ai->ai_next) {
        int fd = -1;
        oarc_status st = connect_one(ai, start_ms, budget_ms, &fd);
        if (st == OARC_OK) {
            p->fd = fd;
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
    oarc_port_posix *p = ctx;
    if (p != NULL && p->fd >= 0) {
        /* On Linux the descriptor is released even when close() reports
         * EINTR, so retrying could close someone else's descriptor. */
        (void)close(p->fd);
        p->fd = -1;
    }
}

oarc_status oarc_port_posix_connect_addrinfo(oarc_port_posix *ctx,
                                             const struct addrinfo *list,
                                             uint32_t timeout_ms)
{
    if (ctx == NULL || list == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    port_close(ctx);
    return connect_list(ctx, list, posix_clock_ms(), timeout_ms);
}

static oarc_status port_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    oarc_port_posix *p = ctx;
    if (p == NULL || host == NULL || host[0] == '\0') {
        return OARC_ERR_ARGUMENT;
    }
    port_close(p);
    /* The clock starts before the lookup: the resolver cannot be bounded,
     * but the time it takes is charged to this call. */
    uint32_t start_ms = posix_clock_ms();
    char service[8];
    (void)snprintf(service, sizeof service, "%u", (unsigned)port);
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    struct addrinfo *list = NULL;
    if (getaddrinfo(host, service, &hints, &list) != 0 || list == NULL) {
        return OARC_ERR_DNS;
    }
    oarc_status st = connect_list(p, list, start_ms, timeout_ms);
    freeaddrinfo(list);
    return st;
}

static int port_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    oarc_port_posix *p = ctx;
    if (p == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->fd < 0) {
        return OARC_ERR_CLOSED;
    }
    size_t want = len > (size_t)INT_MAX ? (size_t)INT_MAX : len;
    uint32_t start_ms = posix_clock_ms();
    for (;;) {
        ssize_t n = send(p->fd, buf, want, OARC_POSIX_SEND_FLAGS);
        if (n > 0) {
            return (int)n;
        }
        if (n == 0) {
            return OARC_ERR_IO; /* cannot happen for want > 0 */
        }
        if (errno == EPIPE) {
            return OARC_ERR_CLOSED;
        }
        if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
            return OARC_ERR_IO;
        }
        oarc_status st = wait_ready(p->fd, (short)POLLOUT, start_ms, timeout_ms);
        if (st != OARC_OK) {
            return st;
        }
    }
}

static int port_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    oarc_port_posix *p = ctx;
    if (p == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->fd < 0) {
        return OARC_ERR_CLOSED;
    }
    size_t want = len > (size_t)INT_MAX ? (size_t)INT_MAX : len;
    uint32_t start_ms = posix_clock_ms();
    for (;;) {
        ssize_t n = recv(p->fd, buf, want, 0);
        if (n >= 0) {
            return (int)n; /* 0: orderly close by the peer */
        }
        if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
            return OARC_ERR_IO; /* ECONNRESET and the like */
        }
        oarc_status st = wait_ready(p->fd, (short)POLLIN, start_ms, timeout_ms);
        if (st != OARC_OK) {
            return st;
        }
    }
}

static uint32_t port_now_ms(void *ctx)
{
    (void)ctx;
    return posix_clock_ms();
}

static void port_sleep_ms(void *ctx, uint32_t ms)
{
    (void)ctx;
    struct timespec req = { .tv_sec = (time_t)(ms / 1000u),
                            .tv_nsec = (long)(ms % 1000u) * 1000000L };
    struct timespec rem;
    /* Each interruption leaves less to sleep, so this ends. */
    while (nanosleep(&req, &rem) != 0 && errno == EINTR) {
        req = rem;
    }
}

static oarc_status port_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    if (out == NULL && len > 0u) {
        return OARC_ERR_ARGUMENT;
    }
    size_t done = 0;
    uint32_t interrupted = 0;
    while (done < len) {
        ssize_t n = getrandom(out + done, len - done, 0);
        if (n < 0 && errno == EINTR && interrupted < OARC_POSIX_MAX_ENTROPY_RETRIES) {
            interrupted++;
            continue;
        }
        if (n <= 0) {
            return OARC_ERR_ENTROPY;
        }
        done += (size_t)n; /* large reads may come back short: go on */
    }
    return OARC_OK;
}

void oarc_port_posix_init(oarc_port *port, oarc_port_posix *ctx)
{
    if (port == NULL || ctx == NULL) {
        return;
    }
    ctx->fd = -1;
    port->ctx = ctx;
    port->connect = port_connect;
    port->send = port_send;
    port->recv = port_recv;
    port->close = port_close;
    port->now_ms = port_now_ms;
    port->sleep_ms = port_sleep_ms;
    port->entropy = port_entropy;
}
