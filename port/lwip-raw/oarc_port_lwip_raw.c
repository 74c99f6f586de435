/**
 * @file oarc_port_lwip_raw.c
 * @brief The oarc port over lwIP's raw TCP API (NO_SYS 1): see
 * oarc_port_lwip_raw.h and README.md.
 *
 * Only lwIP headers are included: the board is the only thing that knows
 * the hardware or the OS. lwIP calls back into the port object it was given
 * (tcp_arg, the DNS callback argument); the callbacks only record what
 * happened, and the port's calls run the board's poll step until the record
 * says the event came, or the call's time is up (on sys_now()).
 *
 * A connection's life: NONE -> CONNECTING -> OPEN -> PEER_CLOSED (FIN), and
 * FAILED from any of them when lwIP reports an error with tcp_err, after it
 * has freed the pcb itself: from then on the port never touches that pcb.
 * close() detaches the callbacks before it lets the pcb go, so nothing of
 * lwIP's refers to the port afterwards.
 */
#include "oarc_port_lwip_raw.h"

#include "lwip/opt.h"

#include "lwip/dns.h"
#include "lwip/err.h"
#include "lwip/ip_addr.h"
#include "lwip/pbuf.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"

#if !NO_SYS || !LWIP_TCP
#error "oarc_port_lwip_raw needs NO_SYS 1 and LWIP_TCP 1 in lwipopts.h"
#endif

enum conn_state {
    CONN_NONE,        /* no connection */
    CONN_CONNECTING,  /* SYN sent, waiting for tcp_connect's callback */
    CONN_OPEN,        /* connected */
    CONN_PEER_CLOSED, /* the peer's FIN came (after the data it sent) */
    CONN_FAILED       /* tcp_err came: lwIP freed the pcb; p->err says why */
};

enum lookup_state {
    LOOKUP_FREE,      /* nobody uses the slot */
    LOOKUP_WAITING,   /* lwIP holds a request, its caller waits */
    LOOKUP_ANSWERED,  /* lwIP answered while the caller waited */
    LOOKUP_ABANDONED  /* the caller's time ran out; lwIP still holds the request */
};

/* How often lwIP calls tcp_poll's callback, in its coarse timer's 500 ms
 * ticks: a send that failed for lack of memory tries again at least then. */
#define SEND_RETRY_TICKS 1u

/* Milliseconds left of budget_ms since start_ms, wrap-safe. */
static uint32_t time_left(uint32_t start_ms, uint32_t budget_ms)
{
    uint32_t elapsed = (uint32_t)sys_now() - start_ms;
    return elapsed >= budget_ms ? 0u : budget_ms - elapsed;
}

/* Run the board's poll step once if time is left: false when it is up. The
 * waits below loop on this, so every one of them ends at its deadline. */
static bool poll_within(oarc_port_lwip_raw *p, uint32_t start_ms, uint32_t budget_ms)
{
    if (time_left(start_ms, budget_ms) == 0u) {
        return false;
    }
    if (p->board.poll != NULL) {
        p->board.poll(p->board.board_ctx);
    }
    return true;
}

/* ---- lwIP's TCP callbacks: record, never call back into lwIP ------------ */

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    oarc_port_lwip_raw *p = arg;
    (void)pcb;
    (void)err; /* always ERR_OK in lwIP 2.1: failures come through tcp_err */
    if (p != NULL && p->conn == CONN_CONNECTING) {
        p->conn = CONN_OPEN;
    }
    return ERR_OK;
}

/* lwIP has freed the pcb already (or is about to, without looking at it
 * again): forget it, keep what was received before for recv. */
static void on_err(void *arg, err_t err)
{
    oarc_port_lwip_raw *p = arg;
    if (p != NULL) {
        p->pcb = NULL;
        p->err = err;
        p->conn = CONN_FAILED;
    }
}

/* Data (kept in one chain until read), or the peer's FIN (pb NULL). The
 * window shrinks by what is kept and grows back only by what recv() hands
 * out (tcp_recved): that is the backpressure. */
static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *pb, err_t err)
{
    oarc_port_lwip_raw *p = arg;
    (void)pcb;
    if (pb == NULL) {
        if (p != NULL && p->conn == CONN_OPEN) {
            p->conn = CONN_PEER_CLOSED;
        }
        return ERR_OK;
    }
    if (p == NULL || err != ERR_OK) {
        pbuf_free(pb); /* lwIP 2.1 gives no error here; nothing reads it */
        return ERR_OK;
    }
    if (p->rx == NULL) {
        p->rx = pb;
        return ERR_OK;
    }
    /* A chain's length is a u16_t: beyond it (only with a window over 64 KB)
     * lwIP keeps the data and offers it again later. */
    if ((uint32_t)p->rx->tot_len + pb->tot_len > 0xFFFFu) {
        return ERR_MEM;
    }
    pbuf_cat(p->rx, pb);
    return ERR_OK;
}

/* Acknowledged bytes made room in the send buffer. */
static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
    oarc_port_lwip_raw *p = arg;
    (void)pcb;
    (void)len;
    if (p != NULL) {
        p->sendable = 1u;
    }
    return ERR_OK;
}

/* lwIP's periodic call: a send that failed for lack of memory (no ACK to
 * wait for) tries again. */
static err_t on_poll(void *arg, struct tcp_pcb *pcb)
{
    return on_sent(arg, pcb, 0u);
}

/* ---- name resolution ------------------------------------------------------
 *
 * Each lookup has a slot in the port object, which is its callback argument.
 * lwIP 2.1 cannot cancel a request, so a slot whose caller gave up stays
 * ABANDONED until lwIP calls back with it (answer or give-up) and only then
 * is free again: a late answer is dropped in its own slot and never reaches
 * a later lookup. The callback writes the answer only to a caller that is
 * still waiting for it.
 */
#if LWIP_DNS

static void lookup_found(const char *name, const ip_addr_t *ipaddr, void *arg)
{
    oarc_lwip_raw_lookup *l = arg;
    (void)name;
    if (l->state == LOOKUP_ABANDONED) {
        l->state = LOOKUP_FREE;
    } else if (l->state == LOOKUP_WAITING) {
        l->found = ipaddr != NULL ? 1u : 0u;
        if (ipaddr != NULL) {
            ip_addr_copy(*(ip_addr_t *)l->answer, *ipaddr);
        }
        l->answer = NULL;
        l->state = LOOKUP_ANSWERED;
    }
}

static oarc_lwip_raw_lookup *free_slot(oarc_port_lwip_raw *p)
{
    for (size_t i = 0; i < OARC_LWIP_RAW_LOOKUPS; i++) {
        if (p->lookups[i].state == LOOKUP_FREE) {
            return &p->lookups[i];
        }
    }
    return NULL;
}

/* host through lwIP's resolver, waiting no longer than the budget:
 * OARC_OK, OARC_ERR_DNS (unknown, refused, or every slot still held by
 * lwIP) or OARC_ERR_TIMEOUT. */
static oarc_status lookup(oarc_port_lwip_raw *p, const char *host, uint32_t start_ms,
                          uint32_t budget_ms, ip_addr_t *out)
{
    oarc_lwip_raw_lookup *l = free_slot(p);
    if (l == NULL) {
        return OARC_ERR_DNS;
    }
    /* WAITING before the call: lwIP may answer from inside it. */
    l->state = LOOKUP_WAITING;
    l->answer = out;
    err_t err = dns_gethostbyname(host, out, lookup_found, l);
    if (err != ERR_INPROGRESS) {
        l->state = LOOKUP_FREE; /* cached, or refused: no callback will come */
        l->answer = NULL;
        return err == ERR_OK ? OARC_OK : OARC_ERR_DNS;
    }
    while (l->state == LOOKUP_WAITING && poll_within(p, start_ms, budget_ms)) {
    }
    if (l->state == LOOKUP_WAITING) {
        l->state = LOOKUP_ABANDONED; /* lookup_found frees it when lwIP is done */
        l->answer = NULL;
        return OARC_ERR_TIMEOUT;
    }
    l->state = LOOKUP_FREE;
    return l->found ? OARC_OK : OARC_ERR_DNS;
}

#endif /* LWIP_DNS */

/* host as an address: an IP literal needs no resolver (nor LWIP_DNS). */
static oarc_status resolve(oarc_port_lwip_raw *p, const char *host, uint32_t start_ms,
                           uint32_t budget_ms, ip_addr_t *out)
{
    if (ipaddr_aton(host, out)) {
        return OARC_OK;
    }
#if LWIP_DNS
    return lookup(p, host, start_ms, budget_ms, out);
#else
    (void)p;
    (void)start_ms;
    (void)budget_ms;
    return OARC_ERR_DNS;
#endif
}

/* ---- the contract ----------------------------------------------------------- */

static void port_close(void *ctx)
{
    oarc_port_lwip_raw *p = ctx;
    if (p == NULL) {
        return;
    }
    if (p->rx != NULL) {
        pbuf_free(p->rx);
        p->rx = NULL;
    }
    struct tcp_pcb *pcb = p->pcb;
    p->pcb = NULL;
    p->conn = CONN_NONE;
    p->err = ERR_OK;
    if (pcb == NULL) {
        return; /* none, or lwIP freed it before tcp_err */
    }
    /* Detached first: whatever lwIP still does with the pcb (FIN, TIME_WAIT,
     * an abort) never reaches the port. */
    tcp_arg(pcb, NULL);
    tcp_recv(pcb, NULL);
    tcp_sent(pcb, NULL);
    tcp_err(pcb, NULL);
    tcp_poll(pcb, NULL, 0u);
    /* Unread data makes lwIP answer with a RST, as a socket's close does. */
    if (tcp_close(pcb) != ERR_OK) {
        tcp_abort(pcb); /* no memory for the FIN */
    }
}

/* A connection to addr:port within what is left of the budget. */
static oarc_status open_connection(oarc_port_lwip_raw *p, const ip_addr_t *addr, uint16_t port,
                                   uint32_t start_ms, uint32_t budget_ms)
{
    struct tcp_pcb *pcb = tcp_new_ip_type(IP_GET_TYPE(addr));
    if (pcb == NULL) {
        return OARC_ERR_CONNECT; /* MEMP_NUM_TCP_PCB all in use */
    }
    p->pcb = pcb;
    p->conn = CONN_CONNECTING;
    p->err = ERR_OK;
    p->sendable = 0u;
    tcp_arg(pcb, p);
    tcp_err(pcb, on_err);
    tcp_recv(pcb, on_recv);
    tcp_sent(pcb, on_sent);
    tcp_poll(pcb, on_poll, SEND_RETRY_TICKS);
    /* Requests go out in one or two sends and are answered at once; Nagle
     * would hold the last segment back for an ACK that comes late. */
    tcp_nagle_disable(pcb);
    if (tcp_connect(pcb, addr, port, on_connected) != ERR_OK) {
        port_close(p); /* no route, or no memory for the SYN */
        return OARC_ERR_CONNECT;
    }
    while (p->conn == CONN_CONNECTING && poll_within(p, start_ms, budget_ms)) {
    }
    if (p->conn == CONN_OPEN || p->conn == CONN_PEER_CLOSED) {
        return OARC_OK;
    }
    /* Still connecting: our deadline. Failed: a RST (refused), or lwIP gave
     * up on its SYN retries. */
    oarc_status st = p->conn == CONN_CONNECTING ? OARC_ERR_TIMEOUT : OARC_ERR_CONNECT;
    port_close(p);
    return st;
}

static oarc_status port_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    oarc_port_lwip_raw *p = ctx;
    if (p == NULL || host == NULL || host[0] == '\0' || port == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    port_close(p);
    /* One clock for the lookup and the connect: the connect gets what the
     * lookup left. lwIP's resolver gives one address per name. */
    uint32_t start_ms = (uint32_t)sys_now();
    ip_addr_t addr;
    oarc_status st = resolve(p, host, start_ms, timeout_ms, &addr);
    if (st != OARC_OK) {
        return st;
    }
    return open_connection(p, &addr, port, start_ms, timeout_ms);
}

/* What a connection lwIP has ended gives: a reset or abort is an I/O error,
 * an orderly end ERR_CLSD is a closed peer. */
static bool ended_in_error(const oarc_port_lwip_raw *p)
{
    return p->conn == CONN_FAILED && p->err != ERR_CLSD;
}

/* How many bytes tcp_write takes now: 0 when the send buffer or its
 * segment queue is full. */
static u16_t send_room(const struct tcp_pcb *pcb)
{
    if (tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN) {
        return 0u;
    }
    return (u16_t)tcp_sndbuf(pcb);
}

static int port_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    oarc_port_lwip_raw *p = ctx;
    if (p == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    uint32_t start_ms = (uint32_t)sys_now();
    for (;;) {
        if (p->pcb == NULL) {
            return ended_in_error(p) ? OARC_ERR_IO : OARC_ERR_CLOSED;
        }
        u16_t room = send_room(p->pcb);
        if (room > 0u) {
            u16_t n = len < room ? (u16_t)len : room;
            err_t err = tcp_write(p->pcb, buf, n, TCP_WRITE_FLAG_COPY);
            if (err == ERR_OK) {
                /* Queued: an output error is retried by lwIP's timers. */
                (void)tcp_output(p->pcb);
                return (int)n;
            }
            if (err != ERR_MEM) {
                return err == ERR_CONN ? OARC_ERR_CLOSED : OARC_ERR_IO;
            }
        }
        /* Full (or out of segments): wait for an ACK (tcp_sent) or lwIP's
         * periodic poll, bounded by the deadline. */
        p->sendable = 0u;
        while (p->sendable == 0u && p->pcb != NULL && poll_within(p, start_ms, timeout_ms)) {
        }
        if (p->sendable == 0u && p->pcb != NULL) {
            return OARC_ERR_TIMEOUT;
        }
    }
}

/* Hand out up to len bytes of the received chain; only those reopen the
 * window. */
static int take_received(oarc_port_lwip_raw *p, uint8_t *buf, size_t len)
{
    u16_t n = len < p->rx->tot_len ? (u16_t)len : p->rx->tot_len;
    n = pbuf_copy_partial(p->rx, buf, n, 0u);
    p->rx = pbuf_free_header(p->rx, n);
    if (p->pcb != NULL) {
        tcp_recved(p->pcb, n);
    }
    return (int)n;
}

static int port_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    oarc_port_lwip_raw *p = ctx;
    if (p == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->conn == CONN_NONE) {
        return OARC_ERR_CLOSED;
    }
    uint32_t start_ms = (uint32_t)sys_now();
    while (p->rx == NULL && p->conn == CONN_OPEN && poll_within(p, start_ms, timeout_ms)) {
    }
    if (p->rx != NULL) {
        return take_received(p, buf, len); /* data first, then FIN or error */
    }
    if (p->conn == CONN_OPEN) {
        return OARC_ERR_TIMEOUT;
    }
    return ended_in_error(p) ? OARC_ERR_IO : 0;
}

static uint32_t port_now_ms(void *ctx)
{
    (void)ctx;
    return (uint32_t)sys_now();
}

/* The stack keeps running while the caller waits (retransmissions, ACKs). */
static void port_sleep_ms(void *ctx, uint32_t ms)
{
    oarc_port_lwip_raw *p = ctx;
    if (p == NULL) {
        return;
    }
    uint32_t start_ms = (uint32_t)sys_now();
    while (poll_within(p, start_ms, ms)) {
    }
}

static oarc_status port_entropy(void *ctx, uint8_t *out, size_t len)
{
    oarc_port_lwip_raw *p = ctx;
    if (p == NULL || (out == NULL && len > 0u)) {
        return OARC_ERR_ARGUMENT;
    }
    if (p->board.entropy == NULL) {
        return OARC_ERR_ENTROPY; /* lwIP has no source of its own */
    }
    return p->board.entropy(p->board.board_ctx, out, len);
}

bool oarc_port_lwip_raw_busy(const oarc_port_lwip_raw *port)
{
    if (port == NULL) {
        return false;
    }
    bool busy = port->pcb != NULL;
    for (size_t i = 0; i < OARC_LWIP_RAW_LOOKUPS; i++) {
        busy = busy || port->lookups[i].state != LOOKUP_FREE;
    }
    return busy;
}

void oarc_port_lwip_raw_init(oarc_port_lwip_raw *port, const oarc_lwip_raw_board *board,
                             oarc_port *out)
{
    if (port == NULL || out == NULL) {
        return;
    }
    *port = (oarc_port_lwip_raw){ .pcb = NULL, .rx = NULL, .err = ERR_OK, .conn = CONN_NONE };
    if (board != NULL) {
        port->board = *board;
    }
    for (size_t i = 0; i < OARC_LWIP_RAW_LOOKUPS; i++) {
        port->lookups[i] = (oarc_lwip_raw_lookup){ .answer = NULL, .state = LOOKUP_FREE };
    }
    out->ctx = port;
    out->connect = port_connect;
    out->send = port_send;
    out->recv = port_recv;
    out->close = port_close;
    out->now_ms = port_now_ms;
    out->sleep_ms = port_sleep_ms;
    out->entropy = port_entropy;
}
