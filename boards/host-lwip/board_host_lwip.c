/**
 * @file board_host_lwip.c
 * @brief The host-lwip board: lwIP in user space (its tcpip thread, Debian's
 * unix port) on an existing TAP device, with a static IPv4 address and
 * lwIP's own DNS client, under the oarc lwIP port. The network that a
 * Cortex-M board has, on a Linux host: the same application binary code
 * talks TCP/IP through lwIP, not through the kernel's stack.
 *
 * Settings come from the environment (board_settings.h); the TAP device
 * must already exist and be up (board_tap.h): this board configures
 * nothing on the host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oarc_board.h"
#include "oarc_port_lwip.h"

#include "lwip/dns.h"
#include "lwip/ip4_addr.h"
#include "lwip/netifapi.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"
#include "netif/tapif.h"

#include "board_entropy.h"
#include "board_lwip_addr.h"
#include "board_prepare.h"

static oarc_port_lwip lwip_port; /* the board's one connection */
static struct netif tap_netif;   /* lwIP's side of the TAP link */
static int tcpip_started;        /* lwIP's thread has no stop: once per process */
static int netif_added;          /* tapif's reader thread cannot be stopped either */
static char tap_netif_device[BOARD_TAP_NAME_MAX + 1u]; /* the TAP device tapif holds */

static void tcpip_ready(void *arg)
{
    sys_sem_signal((sys_sem_t *)arg);
}

/* Start lwIP's tcpip thread and wait until it runs. */
static oarc_status start_tcpip(void)
{
    if (tcpip_started) {
        return OARC_OK;
    }
    sys_sem_t ready;
    if (sys_sem_new(&ready, 0) != ERR_OK) {
        return OARC_ERR_IO;
    }
    tcpip_init(tcpip_ready, &ready);
    sys_arch_sem_wait(&ready, 0); /* 0: no timeout */
    sys_sem_free(&ready);
    tcpip_started = 1;
    return OARC_OK;
}

/* Add the TAP netif once (tapif attaches to the device and starts its
 * reader thread), or give it the new addresses on a later init. */
static oarc_status bring_up_netif(const board_settings *s)
{
    board_lwip_addrs a = board_lwip_addrs_of(s);
    err_t err;
    if (!netif_added) {
        err = netifapi_netif_add(&tap_netif, &a.addr, &a.netmask, &a.gw, NULL, tapif_init,
                                 tcpip_input);
        netif_added = err == ERR_OK;
        if (netif_added) {
            memcpy(tap_netif_device, s->tap, sizeof tap_netif_device);
        }
    } else {
        err = netifapi_netif_set_addr(&tap_netif, &a.addr, &a.netmask, &a.gw);
    }
    if (err == ERR_OK) {
        err = netifapi_netif_set_default(&tap_netif);
    }
    if (err == ERR_OK) {
        err = netifapi_netif_set_up(&tap_netif);
    }
    return err == ERR_OK ? OARC_OK : OARC_ERR_IO;
}

/* lwIP's resolver asks this server; without one only IP literals connect. */
static void set_dns_server(const board_settings *s)
{
    board_lwip_addrs a = board_lwip_addrs_of(s);
    LOCK_TCPIP_CORE();
    dns_setserver(0, &a.dns);
    UNLOCK_TCPIP_CORE();
}

oarc_status oarc_board_init(oarc_port *port)
{
    if (port == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    board_settings s;
    oarc_status st = board_prepare(&s, "host-lwip", netif_added ? tap_netif_device : NULL);
    if (st != OARC_OK) {
        return st;
    }
    st = start_tcpip();
    if (st == OARC_OK) {
        st = bring_up_netif(&s);
    }
    if (st != OARC_OK) {
        fprintf(stderr, "host-lwip: lwIP could not bring up its interface on %s\n", s.tap);
        return st;
    }
    set_dns_server(&s);
    oarc_port_lwip_init(port, &lwip_port, board_entropy, NULL);
    return OARC_OK;
}

const char *oarc_board_name(void)
{
    return "host-lwip";
}

void oarc_board_deinit(void)
{
    /* lwIP 2.1 cannot stop its tcpip thread nor tapif its reader thread:
     * the netif only goes down (no more traffic), and a later init brings it
     * up again with the settings of that moment. Both threads end with the
     * process. */
    if (netif_added) {
        (void)netifapi_netif_set_down(&tap_netif);
    }
}
