/**
 * @file oarc_port_lwip.c
 * @brief The oarc port over lwIP's sockets API: see oarc_port_lwip.h.
 *
 * Only lwIP headers (and ISO C's limits.h) are included: the OS, if any, is
 * lwIP's business. Sockets are non-blocking from the start and every wait is
 * an lwip_poll() bounded by the time left of the call, measured on sys_now(),
 * so a timeout covers the whole call however often the stack wakes us up.
 * Names are resolved with lwIP's DNS client directly (dns_gethostbyname),
 * not lwip_getaddrinfo, whose wait cannot be bounded: see "Name resolution"
 * in oarc_port_lwip.h.
 */
#include "oarc_port_lwip.h"

#include <limits.h>

#include "lwip/opt.h"

#include "lwip/dns.h"
#include "lwip/errno.h"
#include "lwip/ip_addr.h"
#include "lwip/priv/tcpip_priv.h"
#include "lwip/sockets.h"
#include "lwip/sys.h"

#if NO_SYS || !LWIP_SOCKET || !LWIP_SOCKET_POLL
#error "oarc_port_lwip needs NO_SYS 0, LWIP_SOCKET 1 and LWIP_SOCKET_POLL 1 in lwipopts.h"
#endif

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

/* A would-block result: the wait that follows decides. */
static int would_block(void)
{
    return errno == EWOULDBLOCK || errno == EAGAIN;
}

/* ---- name resolution ------------------------------------------------------
 *
 * See "Name resolution" in oarc_port_lwip.h. lwIP's resolver is one per
 * process, and so is the table of slots here: each is the callback argument
 * of one lwIP request and is freed only when lwIP can no longer call back
 * with it, so a late answer lands in its own slot, never in a later lookup.
 * Every state change below runs under the core (tcpip_api_call), where
 * lwIP's found-callbacks run too: no other lock is needed.
 */
#if LWIP_DNS

/* lwIP keeps at most DNS_TABLE_SIZE requests by default (DNS_MAX_REQUESTS):
 * more slots could not be used. */
#define OARC_LWIP_LOOKUPS DNS_TABLE_SIZE

enum lookup_state {
    LOOKUP_FREE,      /* nobody uses the slot */
    LOOKUP_WAITING,   /* lwIP holds a request, its caller waits on done */
    LOOKUP_ANSWERED,  /* lwIP answered and signalled done once */
    LOOKUP_ABANDONED  /* the caller's time ran out; lwIP still holds the request */
};

struct lookup {
    sys_sem_t done;   /* signalled only on WAITING -> ANSWERED: 0 whenever FREE */
    ip_addr_t addr;   /* the answer, when found */
    u8_t state;       /* enum lookup_state */
    u8_t found;       /* 1: addr resolves the name; 0: unknown, or lwIP gave up */
    u8_t sem_made;    /* done exists (made on first use, kept for the process) */
};

static struct lookup lookups[OARC_LWIP_LOOKUPS];

/* One call into the core: tcpip_api_call hands the first member back. */
struct lookup_call {
    struct tcpip_api_call_data call;
    const char *host;     /* in: the name; read only during the call */
    struct lookup *slot;  /* out of start: the slot to wait on */
    ip_addr_t addr;       /* out: the address, when known */
    int timed_out;        /* in to finish: the caller's wait ran out */
};

/* lwIP's found-callback, on the tcpip thread; arg is the request's slot. */
static void lookup_found(const char *name, const ip_addr_t *ipaddr, void *arg)
{
    struct lookup *l = arg;
    (void)name;
    if (l->state == LOOKUP_ABANDONED) {
        l->state = LOOKUP_FREE; /* nobody waits: the answer is dropped here */
    } else if (l->state == LOOKUP_WAITING) {
        l->found = ipaddr != NULL ? 1u : 0u;
        if (ipaddr != NULL) {
            ip_addr_copy(l->addr, *ipaddr);
        }
        l->state = LOOKUP_ANSWERED;
        sys_sem_signal(&l->done);
    }
}

/* Under the core: ERR_OK with c->addr (cached name), ERR_INPROGRESS with
 * c->slot (wait on it), or lwIP's refusal (no server, name too long, its
 * tables full) or ERR_MEM when every slot still waits for lwIP. */
static err_t lookup_start(struct tcpip_api_call_data *call)
{
    struct lookup_call *c = (struct lookup_call *)(void *)call;
    struct lookup *l = NULL;
    for (size_t i = 0; i < OARC_LWIP_LOOKUPS && l == NULL; i++) {
        if (lookups[i].state == LOOKUP_FREE) {
            l = &lookups[i];
        }
    }
    if (l == NULL) {
        return ERR_MEM;
    }
    if (!l->sem_made) {
        if (sys_sem_new(&l->done, 0) != ERR_OK) {
            return ERR_MEM;
        }
        l->sem_made = 1u;
    }
    /* WAITING before the call: lwIP may call back from inside it (e.g. when
     * its server was removed), and the wait then returns at once. */
    l->state = LOOKUP_WAITING;
    err_t err = dns_gethostbyname(c->host, &c->addr, lookup_found, l);
    if (err == ERR_INPROGRESS) {
        c->slot = l;
    } else {
        l->state = LOOKUP_FREE; /* no request was queued: no callback will come */
    }
    return err;
}

/* Under the core, after the caller's wait: ERR_OK with c->addr, ERR_VAL when
 * the name did not resolve, ERR_TIMEOUT when no answer came in time. */
static err_t lookup_finish(struct tcpip_api_call_data *call)
{
    struct lookup_call *c = (struct lookup_call *)(void *)call;
    struct lookup *l = c->slot;
    if (l->state != LOOKUP_ANSWERED) {
        l->state = LOOKUP_ABANDONED; /* lookup_found frees it when lwIP is done */
        return ERR_TIMEOUT;
    }
    if (c->timed_out) {
        /* Answered between the end of the wait and now: its signal is posted
         * and must be taken before the slot is reused. It never blocks. */
        (void)sys_arch_sem_wait(&l->done, 1u);
    }
    err_t err = l->found ? ERR_OK : ERR_VAL;
    if (l->found) {
        ip_addr_copy(c->addr, l->addr);
    }
    l->state = LOOKUP_FREE;
    return err;
}

/* A name through lwIP's resolver, waiting no longer than the budget. */
static oarc_status lookup(const char *host, uint32_t start_ms, uint32_t budget_ms, ip_addr_t *out)
{
    struct lookup_call c = { .host = host, .slot = NULL, .timed_out = 0 };
    err_t err = tcpip_api_call(lookup_start, &c.call);
    if (err == ERR_OK) {
        ip_addr_copy(*out, c.addr);
        return OARC_OK;
    }
    if (err != ERR_INPROGRESS) {
        return OARC_ERR_DNS;
    }
    uint32_t left = time_left(start_ms, budget_ms);
    /* 0 means "forever" to sys_arch_sem_wait: no time left is a timeout. */
    c.timed_out = left == 0u || sys_arch_sem_wait(&c.slot->done, left) == SYS_ARCH_TIMEOUT;
    /* Only without core locking can this call fail (no semaphore for the
     * message): the slot then stays taken for good, never reused. */
    err = tcpip_api_call(lookup_finish, &c.call);
    if (err == ERR_VAL) {
        return OARC_ERR_DNS;
    }
    if (err != ERR_OK || c.timed_out) {
        return OARC_ERR_TIMEOUT; /* an answer at the deadline leaves no time to connect */
    }
    ip_addr_copy(*out, c.addr);
    return OARC_OK;
}

#endif /* LWIP_DNS */

/* host as an address: an IP literal needs no resolver (nor LWIP_DNS). */
static oarc_status resolve(const char *host, uint32_t start_ms, uint32_t budget_ms, ip_addr_t *out)
{
    if (ipaddr_aton(host, out)) {
        return OARC_OK;
    }
#if LWIP_DNS
    return lookup(host, start_ms, budget_ms, out);
#else
    (void)start_ms;
    (void)budget_ms;
    return OARC_ERR_DNS;
#endif
}

/* ---- connecting ------------------------------------------------------------ */

/* lwIP's own sockaddr types, one of each family it is built with. */
union peer_addr {
    struct sockaddr sa;
#if LWIP_IPV4
    struct sockaddr_in sin;
#endif
#if LWIP_IPV6
    struct sockaddr_in6 sin6;
#endif
};

/* addr:port as lwip_connect takes it; returns its length. */
static socklen_t to_sockaddr(const ip_addr_t *addr, uint16_t port, union peer_addr *out)
{
#if LWIP_IPV6
    if (IP_IS_V6(addr)) {
        out->sin6.sin6_len = (u8_t)sizeof out->sin6;
        out->sin6.sin6_family = AF_INET6;
        out->sin6.sin6_port = lwip_htons(port);
        out->sin6.sin6_flowinfo = 0;
        inet6_addr_from_ip6addr(&out->sin6.sin6_addr, ip_2_ip6(addr));
        out->sin6.sin6_scope_id = ip6_addr_zone(ip_2_ip6(addr));
        return (socklen_t)sizeof out->sin6;
    }
#endif
#if LWIP_IPV4
    out->sin.sin_len = (u8_t)sizeof out->sin;
    out->sin.sin_family = AF_INET;
    out->sin.sin_port = lwip_htons(port);
    inet_addr_from_ip4addr(&out->sin.sin_addr, ip_2_ip4(addr));
    return (socklen_t)sizeof out->sin;
#else
    return 0;
#endif
}

static int open_socket(int family)
{
    int sock = lwip_socket(family, SOCK_STREAM, IPPROTO_TCP);
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

/* addr:port within what is left of the budget: OARC_OK with p->sock set,
 * OARC_ERR_CONNECT or OARC_ERR_TIMEOUT. */
static oarc_status connect_addr(oarc_port_lwip *p, const ip_addr_t *addr, uint16_t port,
                                uint32_t start_ms, uint32_t budget_ms)
{
    union peer_addr to = { 0 };
    socklen_t to_len = to_sockaddr(addr, port, &to);
    int sock = open_socket(to.sa.sa_family);
    if (sock < 0) {
        return OARC_ERR_CONNECT; /* e.g. no free socket, or no such family */
    }
    oarc_status st = OARC_OK;
    if (lwip_connect(sock, &to.sa, to_len) != 0 && errno != EINPROGRESS) {
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
    p->sock = sock;
    return OARC_OK;
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
    /* One clock for the lookup and the connect: the connect gets what the
     * lookup left. lwIP's resolver gives one address per name. */
    uint32_t start_ms = (uint32_t)sys_now();
    ip_addr_t addr;
    oarc_status st = resolve(host, start_ms, timeout_ms, &addr);
    if (st != OARC_OK) {
        return st;
    }
    return connect_addr(p, &addr, port, start_ms, timeout_ms);
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
