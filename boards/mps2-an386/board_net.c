/**
 * @file board_net.c
 * @brief lwIP NO_SYS=1 on the LAN9118 (see board_net.h), and what lwIP asks
 * of a NO_SYS platform: sys_now(), LWIP_RAND(), its assertion hook.
 */
#include "board_net.h"

#include <stdio.h>

#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/init.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/sys.h"
#include "lwip/timeouts.h"
#include "netif/ethernet.h"

#include "board_entropy.h"
#include "board_lan9118.h"
#include "board_mps2.h"

uint32_t board_lwip_rand(void);
void board_lwip_assert(const char *msg, const char *file, int line);

static struct netif eth;
static uint32_t rand_state; /* xorshift32, seeded from the entropy source */

uint32_t sys_now(void)
{
    return board_ms();
}

/* Not cryptographic: TCP ports and DNS IDs only need to be unpredictable
 * enough between boots, and the seed is. */
uint32_t board_lwip_rand(void)
{
    uint32_t x = rand_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rand_state = x;
    return x;
}

void board_lwip_assert(const char *msg, const char *file, int line)
{
    printf("lwIP assertion failed: %s (%s:%d)\n", msg, file, line);
    board_exit(BOARD_EXIT_FAULT);
}

void board_net_poll(void *ctx)
{
    (void)ctx;
    bool any = board_lan9118_poll(&eth);
    sys_check_timeouts();
    if (!any) {
        board_idle(); /* until the next SysTick at the latest: 1 ms */
    }
}

static oarc_status seed_rand(void)
{
    uint8_t seed[4];
    do {
        if (board_entropy(NULL, seed, sizeof seed) != OARC_OK) {
            return OARC_ERR_ENTROPY;
        }
        rand_state = (uint32_t)seed[0] | (uint32_t)seed[1] << 8 | (uint32_t)seed[2] << 16 |
                     (uint32_t)seed[3] << 24;
    } while (rand_state == 0u); /* xorshift's one fixed point */
    return OARC_OK;
}

static void print_lease(void)
{
    char addr[IP4ADDR_STRLEN_MAX], dns[IP4ADDR_STRLEN_MAX];
    const ip_addr_t *server = dns_getserver(0);
    ip4addr_ntoa_r(netif_ip4_addr(&eth), addr, sizeof addr);
    ip4addr_ntoa_r(ip_2_ip4(server), dns, sizeof dns);
    printf("net: %02x:%02x:%02x:%02x:%02x:%02x leased %s by DHCP, DNS server %s\n",
           eth.hwaddr[0], eth.hwaddr[1], eth.hwaddr[2], eth.hwaddr[3], eth.hwaddr[4],
           eth.hwaddr[5], addr, dns);
}

oarc_status board_net_start(uint32_t timeout_ms)
{
    oarc_status st = seed_rand();
    if (st != OARC_OK) {
        return st;
    }
    lwip_init();
    if (netif_add(&eth, IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4, NULL,
                  board_lan9118_netif_init, ethernet_input) == NULL) {
        printf("net: the LAN9118 does not answer\n");
        return OARC_ERR_IO;
    }
    netif_set_default(&eth);
    netif_set_up(&eth);
    netif_set_link_up(&eth); /* the emulated PHY always has a link */
    if (dhcp_start(&eth) != ERR_OK) {
        return OARC_ERR_IO;
    }
    uint32_t start = board_ms();
    while (!dhcp_supplied_address(&eth)) {
        if (board_ms() - start >= timeout_ms) {
            printf("net: no DHCP lease within %lu ms\n", (unsigned long)timeout_ms);
            return OARC_ERR_TIMEOUT;
        }
        board_net_poll(NULL);
    }
    print_lease();
    return OARC_OK;
}
