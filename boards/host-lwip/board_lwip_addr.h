/**
 * @file board_lwip_addr.h
 * @brief The settings' addresses as lwIP's types, for the lwIP host boards
 * (host-lwip, host-lwip-raw). A header of static functions, as each board
 * compiles it against its own lwIP configuration.
 */
#ifndef BOARD_LWIP_ADDR_H
#define BOARD_LWIP_ADDR_H

#include "lwip/ip_addr.h"

#include "board_settings.h"

/** The board's addresses as lwIP takes them. */
typedef struct board_lwip_addrs {
    ip4_addr_t addr, netmask, gw;
    ip_addr_t dns; /**< 0.0.0.0 without a DNS server: lwIP then asks nobody */
} board_lwip_addrs;

static inline void board_to_lwip(board_ipv4 in, ip4_addr_t *out)
{
    IP4_ADDR(out, in.octet[0], in.octet[1], in.octet[2], in.octet[3]);
}

static inline board_lwip_addrs board_lwip_addrs_of(const board_settings *s)
{
    board_lwip_addrs a;
    board_to_lwip(s->addr, &a.addr);
    board_to_lwip(s->netmask, &a.netmask);
    board_to_lwip(s->gw, &a.gw);
    ip_addr_set_zero_ip4(&a.dns);
    if (s->has_dns) {
        board_to_lwip(s->dns, ip_2_ip4(&a.dns));
    }
    return a;
}

#endif /* BOARD_LWIP_ADDR_H */
