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
#include "board_settings.h"
#include "board_tap.h"

static oarc_port_lwip lwip_port; /* the board's one connection */
static struct netif tap_netif;   /* lwIP's side of the TAP link */
static int tcpip_started;        /* lwIP's thread has no stop: once per process */
static int netif_added;          /* tapif's reader thread cannot be stopped either */
static char tap_netif_device[BOARD_TAP_NAME_MAX + 1u]; /* the TAP device tapif holds */

/* getenv as the settings reader's getter (whose type returns const char *). */
static const char *host_getenv(const char *name)
{
    return getenv(name);
}

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

static void to_lwip(board_ipv4 in, ip4_addr_t *out)
{
    IP4_ADDR(out, in.octet[0], in.octet[1], in.octet[2], in.octet[3]);
}

/* Add the TAP netif once (tapif attaches to the device and starts its
 * reader thread), or give it the new addresses on a later init. */
static oarc_status bring_up_netif(const board_settings *s)
{
    ip4_addr_t addr, mask, gw;
    to_lwip(s->addr, &addr);
    to_lwip(s->netmask, &mask);
    to_lwip(s->gw, &gw);
    err_t err;
    if (!netif_added) {
        err = netifapi_netif_add(&tap_netif, &addr, &mask, &gw, NULL, tapif_init, tcpip_input);
        netif_added = err == ERR_OK;
        if (netif_added) {
            memcpy(tap_netif_device, s->tap, sizeof tap_netif_device);
        }
    } else {
        err = netifapi_netif_set_addr(&tap_netif, &addr, &mask, &gw);
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
    ip_addr_t dns;
    ip_addr_set_zero_ip4(&dns);
    if (s->has_dns) {
        to_lwip(s->dns, ip_2_ip4(&dns));
    }
    LOCK_TCPIP_CORE();
    dns_setserver(0, &dns);
    UNLOCK_TCPIP_CORE();
}

/* The TAP device: checked and handed to tapif on the first init; a later
 * init finds it attached already (by us) and must name the same one. */
static oarc_status claim_tap(const board_settings *s, char *why, size_t why_len)
{
    if (!netif_added) {
        return board_tap_check(s->tap, why, why_len);
    }
    if (strcmp(s->tap, tap_netif_device) != 0) {
        (void)snprintf(why, why_len, "OARC_LWIP_TAP='%s': this process is attached to %s "
                       "already (one TAP device per process)", s->tap, tap_netif_device);
        return OARC_ERR_ARGUMENT;
    }
    return OARC_OK;
}

/* The host-side checks, then lwIP: settings, TAP device, entropy. */
static oarc_status prepare(board_settings *s)
{
    char why[256];
    oarc_status st = board_settings_read(s, host_getenv, why, sizeof why);
    if (st == OARC_OK) {
        st = claim_tap(s, why, sizeof why);
    }
    if (st != OARC_OK) {
        fprintf(stderr, "host-lwip: %s\n", why);
        return st;
    }
    if (board_entropy_seed_rand() != OARC_OK) {
        fprintf(stderr, "host-lwip: no entropy from the kernel (getrandom)\n");
        return OARC_ERR_IO;
    }
    return board_tap_select(s->tap);
}

oarc_status oarc_board_init(oarc_port *port)
{
    if (port == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    board_settings s;
    oarc_status st = prepare(&s);
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
