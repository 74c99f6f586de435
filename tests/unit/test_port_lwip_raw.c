/**
 * @file test_port_lwip_raw.c
 * @brief The raw lwIP port's state machine (port/lwip-raw) over real lwIP
 * (NO_SYS 1, every pool on the heap: see lwip-raw/lwipopts.h), on a fake
 * netif that swallows every frame. lwIP's pcb callbacks (connected, recv,
 * sent, err) are called directly, as tcp_input would, to reach what the TAP
 * rig cannot: an error during connect, a RST after data, ERR_CLSD, a send
 * buffer that fills and drains, and lookups given up while lwIP still holds
 * them. The board's poll step is scripted: each step is 1 ms of a fake clock
 * (lwIP's sys_now) and may run one event.
 */
#include "test_main.h"

#include "oarc_port_lwip_raw.h"

#include "lwip/dns.h"
#include "lwip/init.h"
#include "lwip/ip4.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"

#define PEER "10.0.0.1"
#define PEER_PORT 443u

static u32_t fake_now = 1000u;
static struct netif fake_if;
static oarc_port_lwip_raw raw;
static oarc_port port;

/* The scripted board: one event at a given poll step. */
static struct {
    unsigned polls;
    unsigned event_at;
    void (*event)(void);
} board;

u32_t sys_now(void)
{
    return fake_now;
}

static void scripted_poll(void *ctx)
{
    (void)ctx;
    fake_now++;
    board.polls++;
    if (board.event != NULL && board.polls == board.event_at) {
        void (*event)(void) = board.event;
        board.event = NULL;
        event();
    }
}

static void at_poll(unsigned n, void (*event)(void))
{
    board.polls = 0;
    board.event_at = n;
    board.event = event;
}

static err_t swallow(struct netif *netif, struct pbuf *p, const ip4_addr_t *to)
{
    (void)netif;
    (void)p;
    (void)to;
    return ERR_OK;
}

static err_t fake_if_init(struct netif *netif)
{
    netif->output = swallow;
    netif->mtu = 1500;
    netif->name[0] = 'f';
    netif->name[1] = 'k';
    return ERR_OK;
}

static int setup(void **state)
{
    (void)state;
    static int lwip_up;
    if (!lwip_up) {
        lwip_init();
        ip4_addr_t addr, mask, gw;
        IP4_ADDR(&addr, 10, 0, 0, 2);
        IP4_ADDR(&mask, 255, 255, 255, 0);
        IP4_ADDR(&gw, 10, 0, 0, 1);
        assert_non_null(netif_add(&fake_if, &addr, &mask, &gw, NULL, fake_if_init, ip4_input));
        netif_set_default(&fake_if);
        netif_set_link_up(&fake_if);
        netif_set_up(&fake_if);
        lwip_up = 1;
    }
    dns_setserver(0, IP_ADDR_ANY);
    const oarc_lwip_raw_board b = { .poll = scripted_poll, .entropy = NULL, .board_ctx = NULL };
    oarc_port_lwip_raw_init(&raw, &b, &port);
    at_poll(0, NULL);
    return 0;
}

/* Nothing of the test left in lwIP: the port closed, pcbs lwIP still held
 * (FIN_WAIT) aborted, lookups given up answered by lwIP's resolver giving up
 * too (so no callback reaches the next test's port object). */
static int teardown(void **state)
{
    (void)state;
    port.close(port.ctx);
    for (unsigned i = 0; i < 200u && oarc_port_lwip_raw_busy(&raw); i++) {
        fake_now += DNS_TMR_INTERVAL;
        dns_tmr();
    }
    assert_false(oarc_port_lwip_raw_busy(&raw));
    while (tcp_active_pcbs != NULL) {
        tcp_abort(tcp_active_pcbs);
    }
    while (tcp_tw_pcbs != NULL) {
        tcp_abort(tcp_tw_pcbs);
    }
    return 0;
}

/* ---- what lwIP does, done by hand --------------------------------------- */

static void lwip_connects(void)
{
    struct tcp_pcb *pcb = raw.pcb;
    pcb->state = ESTABLISHED;
    assert_int_equal(pcb->connected(pcb->callback_arg, pcb, ERR_OK), ERR_OK);
}

/* As tcp_input on a RST: the pcb is freed first, then tcp_err reports. */
static void lwip_drops_pcb(err_t why)
{
    struct tcp_pcb *pcb = raw.pcb;
    tcp_err_fn errf = pcb->errf;
    void *arg = pcb->callback_arg;
    tcp_err(pcb, NULL);
    tcp_abort(pcb);
    errf(arg, why);
}

static void lwip_reset(void)
{
    lwip_drops_pcb(ERR_RST);
}

/* lwIP's own abort (tcp_abort calls tcp_err with ERR_ABRT after freeing). */
static void lwip_aborts(void)
{
    tcp_abort(raw.pcb);
}

static uint8_t pattern(size_t i)
{
    return (uint8_t)(i * 7u + 3u);
}

/* A segment of len pattern bytes from offset, through tcp_recv's callback,
 * the window shrunk by it as tcp_receive does. */
static void deliver(size_t offset, u16_t len)
{
    struct tcp_pcb *pcb = raw.pcb;
    struct pbuf *p = pbuf_alloc(PBUF_RAW, len, PBUF_POOL);
    assert_non_null(p);
    uint8_t bytes[3000];
    assert_true(len <= sizeof bytes);
    for (size_t i = 0; i < len; i++) {
        bytes[i] = pattern(offset + i);
    }
    assert_int_equal(pbuf_take(p, bytes, len), ERR_OK);
    pcb->rcv_wnd = (tcpwnd_size_t)(pcb->rcv_wnd - len);
    assert_int_equal(pcb->recv(pcb->callback_arg, pcb, p, ERR_OK), ERR_OK);
}

static void deliver_1000(void)
{
    deliver(0, 1000u);
}

static void peer_fin(void)
{
    struct tcp_pcb *pcb = raw.pcb;
    assert_int_equal(pcb->recv(pcb->callback_arg, pcb, NULL, ERR_OK), ERR_OK);
}

static void connect_ok(void)
{
    at_poll(2, lwip_connects);
    assert_int_equal(port.connect(port.ctx, PEER, PEER_PORT, 1000u), OARC_OK);
    assert_non_null(raw.pcb);
}

static int no_pcb_left(void)
{
    return tcp_active_pcbs == NULL && tcp_bound_pcbs == NULL;
}

/* ---- connect ------------------------------------------------------------ */

static void connect_completes_on_lwips_callback(void **state)
{
    (void)state;
    u32_t start = fake_now;
    at_poll(3, lwip_connects);
    assert_int_equal(port.connect(port.ctx, PEER, PEER_PORT, 1000u), OARC_OK);
    assert_int_equal(fake_now - start, 3u);
    assert_ptr_equal(raw.pcb->callback_arg, &raw);
    assert_true(oarc_port_lwip_raw_busy(&raw));
}

static void reset_during_connect_is_refused(void **state)
{
    (void)state;
    at_poll(2, lwip_reset);
    assert_int_equal(port.connect(port.ctx, PEER, PEER_PORT, 1000u), OARC_ERR_CONNECT);
    assert_null(raw.pcb);
    assert_true(no_pcb_left());
    port.close(port.ctx); /* the freed pcb is not touched again */
    assert_int_equal(port.recv(port.ctx, (uint8_t[4]){ 0 }, 4u, 10u), OARC_ERR_CLOSED);
}

static void abort_during_connect_is_a_connect_error(void **state)
{
    (void)state;
    at_poll(5, lwip_aborts);
    assert_int_equal(port.connect(port.ctx, PEER, PEER_PORT, 1000u), OARC_ERR_CONNECT);
    assert_null(raw.pcb);
    assert_true(no_pcb_left());
}

static void connect_times_out_at_the_deadline_and_frees_the_pcb(void **state)
{
    (void)state;
    u32_t start = fake_now;
    assert_int_equal(port.connect(port.ctx, PEER, PEER_PORT, 50u), OARC_ERR_TIMEOUT);
    assert_int_equal(fake_now - start, 50u);
    assert_null(raw.pcb);
    assert_true(no_pcb_left());
    assert_false(oarc_port_lwip_raw_busy(&raw));
}

static void bad_arguments_are_refused(void **state)
{
    (void)state;
    assert_int_equal(port.connect(port.ctx, "", PEER_PORT, 10u), OARC_ERR_ARGUMENT);
    assert_int_equal(port.connect(port.ctx, PEER, 0u, 10u), OARC_ERR_ARGUMENT);
    assert_int_equal(port.send(port.ctx, (const uint8_t *)"x", 0u, 10u), OARC_ERR_ARGUMENT);
    assert_int_equal(port.send(port.ctx, (const uint8_t *)"x", 1u, 10u), OARC_ERR_CLOSED);
    uint8_t out[4];
    assert_int_equal(port.entropy(port.ctx, out, sizeof out), OARC_ERR_ENTROPY);
}

/* ---- receive -------------------------------------------------------------- */

static void a_chain_is_read_through_a_small_buffer_and_only_what_was_read_reopens(void **state)
{
    (void)state;
    connect_ok();
    tcpwnd_size_t full = raw.pcb->rcv_wnd;
    deliver(0, 3000u);
    deliver(3000, 2000u);
    assert_int_equal(raw.pcb->rcv_wnd, full - 5000u);
    uint8_t buf[700];
    size_t got = 0;
    while (got < 5000u) {
        int n = port.recv(port.ctx, buf, sizeof buf, 100u);
        assert_true(n > 0 && (size_t)n <= sizeof buf);
        for (int i = 0; i < n; i++) {
            assert_int_equal(buf[i], pattern(got + (size_t)i));
        }
        got += (size_t)n;
        /* The window grows by exactly what was handed out. */
        assert_int_equal(raw.pcb->rcv_wnd, full - (5000u - got));
    }
    assert_null(raw.rx);
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 20u), OARC_ERR_TIMEOUT);
}

static void recv_waits_for_data_arriving_during_a_poll(void **state)
{
    (void)state;
    connect_ok();
    at_poll(7, deliver_1000);
    uint8_t buf[4096];
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 100u), 1000);
    assert_int_equal(board.polls, 7u);
}

static void recv_times_out_at_the_deadline(void **state)
{
    (void)state;
    connect_ok();
    u32_t start = fake_now;
    uint8_t buf[16];
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 40u), OARC_ERR_TIMEOUT);
    assert_int_equal(fake_now - start, 40u);
}

static void fin_after_data_reads_the_data_then_zero(void **state)
{
    (void)state;
    connect_ok();
    deliver(0, 10u);
    peer_fin();
    uint8_t buf[64];
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 10u), 10);
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 10u), 0);
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 10u), 0);
    /* A half-closed connection still sends (CLOSE_WAIT). */
    raw.pcb->state = CLOSE_WAIT;
    assert_int_equal(port.send(port.ctx, (const uint8_t *)"bye", 3u, 10u), 3);
}

static void reset_after_data_reads_the_data_then_an_io_error(void **state)
{
    (void)state;
    connect_ok();
    deliver(0, 10u);
    lwip_reset();
    assert_null(raw.pcb);
    uint8_t buf[64];
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 10u), 10);
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 10u), OARC_ERR_IO);
    assert_int_equal(port.send(port.ctx, buf, 1u, 10u), OARC_ERR_IO);
    port.close(port.ctx);
    assert_true(no_pcb_left());
}

static void reset_while_recv_waits_ends_the_wait(void **state)
{
    (void)state;
    connect_ok();
    at_poll(3, lwip_reset);
    uint8_t buf[64];
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 1000u), OARC_ERR_IO);
    assert_int_equal(board.polls, 3u);
}

static void closed_by_lwip_in_order_is_a_closed_peer(void **state)
{
    (void)state;
    connect_ok();
    lwip_drops_pcb(ERR_CLSD);
    uint8_t buf[64];
    assert_int_equal(port.recv(port.ctx, buf, sizeof buf, 10u), 0);
    assert_int_equal(port.send(port.ctx, buf, 1u, 10u), OARC_ERR_CLOSED);
}

/* ---- send ------------------------------------------------------------------- */

static void grant_500(void)
{
    struct tcp_pcb *pcb = raw.pcb;
    pcb->snd_buf = (tcpwnd_size_t)(pcb->snd_buf + 500u);
    assert_int_equal(pcb->sent(pcb->callback_arg, pcb, 500u), ERR_OK);
}

static void a_send_larger_than_the_buffer_waits_for_tcp_sent(void **state)
{
    (void)state;
    connect_ok();
    static uint8_t big[2 * TCP_SND_BUF];
    int n = port.send(port.ctx, big, sizeof big, 100u);
    assert_int_equal(n, TCP_SND_BUF); /* what fits, at once */
    assert_int_equal(tcp_sndbuf(raw.pcb), 0u);
    at_poll(4, grant_500);
    assert_int_equal(port.send(port.ctx, big, sizeof big, 100u), 500);
    assert_int_equal(board.polls, 4u);
    u32_t start = fake_now;
    assert_int_equal(port.send(port.ctx, big, sizeof big, 30u), OARC_ERR_TIMEOUT);
    assert_int_equal(fake_now - start, 30u);
}

static void reset_while_send_waits_is_an_io_error(void **state)
{
    (void)state;
    connect_ok();
    static uint8_t big[2 * TCP_SND_BUF];
    assert_int_equal(port.send(port.ctx, big, sizeof big, 100u), TCP_SND_BUF);
    at_poll(2, lwip_reset);
    assert_int_equal(port.send(port.ctx, big, sizeof big, 100u), OARC_ERR_IO);
}

/* ---- close -------------------------------------------------------------------- */

static void close_with_unread_data_resets_and_frees_everything(void **state)
{
    (void)state;
    connect_ok();
    deliver(0, 3000u);
    port.close(port.ctx);
    assert_null(raw.rx);
    assert_null(raw.pcb);
    assert_true(no_pcb_left()); /* unread data: lwIP answered with a RST, freed the pcb */
    assert_false(oarc_port_lwip_raw_busy(&raw));
}

static void close_detaches_the_pcb_lwip_keeps(void **state)
{
    (void)state;
    connect_ok();
    struct tcp_pcb *pcb = raw.pcb;
    port.close(port.ctx);
    /* All read: an orderly FIN, and lwIP keeps the pcb for it, detached. */
    assert_ptr_equal(tcp_active_pcbs, pcb);
    assert_int_equal(pcb->state, FIN_WAIT_1);
    assert_null(pcb->callback_arg);
    assert_null(pcb->errf);
    assert_null(pcb->recv);
    assert_null(pcb->sent);
    tcp_abort(pcb); /* reaches nothing of the port */
    assert_int_equal(raw.conn, 0);
    port.close(port.ctx);
}

/* ---- names -------------------------------------------------------------------- */

static void an_ip_literal_needs_no_resolver(void **state)
{
    (void)state;
    at_poll(1, lwip_connects);
    assert_int_equal(port.connect(port.ctx, "10.0.0.1", PEER_PORT, 100u), OARC_OK);
}

static void a_name_without_a_server_is_a_dns_error(void **state)
{
    (void)state;
    /* lwIP answers "not found" from inside dns_gethostbyname. */
    assert_int_equal(port.connect(port.ctx, "api.oarc.test", PEER_PORT, 100u), OARC_ERR_DNS);
    assert_false(oarc_port_lwip_raw_busy(&raw));
}

static void use_silent_server(void)
{
    ip_addr_t server;
    IP_ADDR4(&server, 10, 0, 0, 1);
    dns_setserver(0, &server);
}

static void lookups_given_up_hold_their_slots_until_lwip_lets_go(void **state)
{
    (void)state;
    use_silent_server();
    char name[] = "hostN.oarc.test";
    for (unsigned i = 0; i < OARC_LWIP_RAW_LOOKUPS; i++) {
        name[4] = (char)('0' + i);
        u32_t start = fake_now;
        assert_int_equal(port.connect(port.ctx, name, PEER_PORT, 20u), OARC_ERR_TIMEOUT);
        assert_int_equal(fake_now - start, 20u);
    }
    /* Every slot still held by lwIP: refused at once, no time spent. */
    u32_t start = fake_now;
    assert_int_equal(port.connect(port.ctx, "more.oarc.test", PEER_PORT, 20u), OARC_ERR_DNS);
    assert_int_equal(fake_now, start);
    assert_true(oarc_port_lwip_raw_busy(&raw));
    /* lwIP's resolver gives up on each (DNS_MAX_RETRIES): the slots free. */
    for (unsigned i = 0; i < 200u && oarc_port_lwip_raw_busy(&raw); i++) {
        fake_now += DNS_TMR_INTERVAL;
        dns_tmr();
    }
    assert_false(oarc_port_lwip_raw_busy(&raw));
}

/* During the second lookup's wait, lwIP gives up on the first (abandoned)
 * one: its "not found" lands in its own slot, and the second lookup keeps
 * waiting (a shared slot would end it with OARC_ERR_DNS). */
static void first_lookup_gives_up(void)
{
    for (unsigned i = 0; i < 200u && raw.lookups[0].state != 0u; i++) {
        fake_now += DNS_TMR_INTERVAL;
        dns_tmr();
    }
    assert_int_equal(raw.lookups[0].state, 0u);
}

static void a_late_answer_stays_with_its_own_lookup(void **state)
{
    (void)state;
    use_silent_server();
    assert_int_equal(port.connect(port.ctx, "first.oarc.test", PEER_PORT, 20u), OARC_ERR_TIMEOUT);
    /* Let lwIP's retries of the first name run ahead of the second's. */
    for (unsigned i = 0; i < 3u; i++) {
        fake_now += DNS_TMR_INTERVAL;
        dns_tmr();
    }
    at_poll(2, first_lookup_gives_up);
    assert_int_equal(port.connect(port.ctx, "second.oarc.test", PEER_PORT, 20000u),
                     OARC_ERR_TIMEOUT);
    assert_int_equal(raw.lookups[0].state, 0u); /* free: lwIP is done with it */
    assert_true(oarc_port_lwip_raw_busy(&raw)); /* the second is still in lwIP */
}

/* ---- the rest of the contract ----------------------------------------------- */

static void sleep_runs_the_stack_for_the_time_given(void **state)
{
    (void)state;
    u32_t start = fake_now;
    port.sleep_ms(port.ctx, 25u);
    assert_int_equal(fake_now - start, 25u);
    assert_int_equal(board.polls, 25u);
    assert_int_equal(port.now_ms(port.ctx), fake_now);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(connect_completes_on_lwips_callback, setup, teardown),
    cmocka_unit_test_setup_teardown(reset_during_connect_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(abort_during_connect_is_a_connect_error, setup, teardown),
    cmocka_unit_test_setup_teardown(connect_times_out_at_the_deadline_and_frees_the_pcb, setup, teardown),
    cmocka_unit_test_setup_teardown(bad_arguments_are_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(a_chain_is_read_through_a_small_buffer_and_only_what_was_read_reopens, setup, teardown),
    cmocka_unit_test_setup_teardown(recv_waits_for_data_arriving_during_a_poll, setup, teardown),
    cmocka_unit_test_setup_teardown(recv_times_out_at_the_deadline, setup, teardown),
    cmocka_unit_test_setup_teardown(fin_after_data_reads_the_data_then_zero, setup, teardown),
    cmocka_unit_test_setup_teardown(reset_after_data_reads_the_data_then_an_io_error, setup, teardown),
    cmocka_unit_test_setup_teardown(reset_while_recv_waits_ends_the_wait, setup, teardown),
    cmocka_unit_test_setup_teardown(closed_by_lwip_in_order_is_a_closed_peer, setup, teardown),
    cmocka_unit_test_setup_teardown(a_send_larger_than_the_buffer_waits_for_tcp_sent, setup, teardown),
    cmocka_unit_test_setup_teardown(reset_while_send_waits_is_an_io_error, setup, teardown),
    cmocka_unit_test_setup_teardown(close_with_unread_data_resets_and_frees_everything, setup, teardown),
    cmocka_unit_test_setup_teardown(close_detaches_the_pcb_lwip_keeps, setup, teardown),
    cmocka_unit_test_setup_teardown(an_ip_literal_needs_no_resolver, setup, teardown),
    cmocka_unit_test_setup_teardown(a_name_without_a_server_is_a_dns_error, setup, teardown),
    cmocka_unit_test_setup_teardown(lookups_given_up_hold_their_slots_until_lwip_lets_go, setup, teardown),
    cmocka_unit_test_setup_teardown(a_late_answer_stays_with_its_own_lookup, setup, teardown),
    cmocka_unit_test_setup_teardown(sleep_runs_the_stack_for_the_time_given, setup, teardown),
};

OARC_TEST_MAIN(tests)
