/**
 * @file board_net.h
 * @brief The board's network: lwIP (NO_SYS=1) on the LAN9118, an address
 * by DHCP (which also names the DNS server), and the poll step that drives
 * it all from the one loop of the firmware.
 */
#ifndef BOARD_NET_H
#define BOARD_NET_H

#include <stdint.h>

#include "oarc/oarc_status.h"

/**
 * lwIP up, the netif added and DHCP run until an address is bound or
 * timeout_ms passed. OARC_OK; OARC_ERR_IO when the Ethernet controller does
 * not answer; OARC_ERR_TIMEOUT when no lease came; OARC_ERR_ENTROPY when
 * lwIP's random generator could not be seeded. Prints the lease on stdout.
 * Call once per boot.
 */
oarc_status board_net_start(uint32_t timeout_ms);

/** Drive the network once: received frames into lwIP, lwIP's timers; then
 *  wait for the next tick when nothing came. ctx is unused (the shape of
 *  oarc_lwip_raw_board.poll). */
void board_net_poll(void *ctx);

#endif /* BOARD_NET_H */
