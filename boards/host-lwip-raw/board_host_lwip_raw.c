/**
 * @file board_host_lwip_raw.c
 * @brief The host-lwip-raw board: lwIP without an OS (NO_SYS 1) on an
 * existing TAP device, polled from the one thread the program has, under the
 * oarc raw port (port/lwip-raw). What a bare-metal Cortex-M board does (its
 * poll step: received frames into lwIP, then lwIP's timers), on a Linux host.
 *
 * Settings, the TAP device checks and the entropy are the host-lwip board's
 * (board_settings.h, board_tap.h, board_entropy.h): the same environment
 * variables, the same messages.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "oarc_board.h"
#include "oarc_port_lwip_raw.h"

#include "lwip/dns.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/sys.h"
#include "lwip/timeouts.h"
#include "netif/tapif.h"

#include "board_entropy.h"
#include "board_lwip_addr.h"
#include "board_prepare.h"

/* At most this many frames are handed to lwIP per poll step, so that lwIP's
 * timers and the port's deadline checks run between bursts. */
#define FRAMES_PER_POLL 32u

static oarc_port_lwip_raw raw_port; /* the board's one connection */
static oarc_port raw_funcs;         /* the port's functions over raw_port */
static struct netif tap_netif;      /* lwIP's side of the TAP link */
static int lwip_started;            /* lwip_init() once per process */
static int netif_added;             /* tapif holds the device until the process ends */
static char tap_netif_device[BOARD_TAP_NAME_MAX + 1u]; /* the TAP device tapif holds */

/* lwIP's clock (NO_SYS: the board provides it), and the port's now_ms(). */
u32_t sys_now(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        return 0u;
    }
    return (u32_t)((uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u);
}

/* The device tapif reads: its state (struct tapif, private to tapif.c)
 * starts with the file descriptor. tapif_select() would sleep until lwIP's
 * next timer (up to 250 ms with TCP active), past the port's deadlines; the
 * board waits at most 1 ms instead. */
static int tap_fd(void)
{
    return *(const int *)tap_netif.state;
}

/* The poll step the port runs while it waits: the frames that arrived
 * (waiting at most 1 ms for the first), then lwIP's timers. */
static void board_poll(void *ctx)
{
    (void)ctx;
    struct pollfd pfd = { .fd = tap_fd(), .events = POLLIN, .revents = 0 };
    int wait_ms = 1;
    for (unsigned i = 0; i < FRAMES_PER_POLL; i++) {
        if (poll(&pfd, 1, wait_ms) <= 0 || (pfd.revents & POLLIN) == 0) {
            break;
        }
        tapif_poll(&tap_netif); /* reads one frame: it is there, so no wait */
        wait_ms = 0;
    }
    sys_check_timeouts();
}

/* Add the TAP netif once (tapif attaches to the device), or give it the new
 * addresses on a later init. */
static oarc_status bring_up_netif(const board_settings *s)
{
    board_lwip_addrs a = board_lwip_addrs_of(s);
    if (!netif_added) {
        if (netif_add(&tap_netif, &a.addr, &a.netmask, &a.gw, NULL, tapif_init,
                      netif_input) == NULL) {
            return OARC_ERR_IO;
        }
        netif_added = 1;
        memcpy(tap_netif_device, s->tap, sizeof tap_netif_device);
    } else {
        netif_set_addr(&tap_netif, &a.addr, &a.netmask, &a.gw);
    }
    netif_set_default(&tap_netif);
    netif_set_up(&tap_netif);
    return OARC_OK;
}

/* lwIP's resolver asks this server; without one only IP literals connect. */
static void set_dns_server(const board_settings *s)
{
    board_lwip_addrs a = board_lwip_addrs_of(s);
    dns_setserver(0, &a.dns);
}

oarc_status oarc_board_init(oarc_port *port)
{
    if (port == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    board_settings s;
    oarc_status st = board_prepare(&s, "host-lwip-raw", netif_added ? tap_netif_device : NULL);
    if (st != OARC_OK) {
        return st;
    }
    if (!lwip_started) {
        lwip_init();
        lwip_started = 1;
    }
    st = bring_up_netif(&s);
    if (st != OARC_OK) {
        fprintf(stderr, "host-lwip-raw: lwIP could not bring up its interface on %s\n", s.tap);
        return st;
    }
    set_dns_server(&s);
    /* The port object is set up once: lwIP may still hold a lookup of it
     * that an earlier run gave up (its late answer must land in its own
     * slot, not in a fresh object's). */
    if (raw_funcs.connect == NULL) {
        const oarc_lwip_raw_board board = {
            .poll = board_poll, .entropy = board_entropy, .board_ctx = NULL,
        };
        oarc_port_lwip_raw_init(&raw_port, &board, &raw_funcs);
    }
    *port = raw_funcs;
    return OARC_OK;
}

const char *oarc_board_name(void)
{
    return "host-lwip-raw";
}

void oarc_board_deinit(void)
{
    /* tapif cannot let go of its device: the netif only goes down (no more
     * traffic), and a later init brings it up again with the settings of
     * that moment. */
    if (raw_funcs.close != NULL) {
        raw_funcs.close(raw_funcs.ctx);
    }
    if (netif_added) {
        netif_set_down(&tap_netif);
    }
}
