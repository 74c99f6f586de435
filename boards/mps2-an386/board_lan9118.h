/**
 * @file board_lan9118.h
 * @brief The SMSC LAN9118 of the mps2-an386 as a polled lwIP netif: no
 * interrupt, the board's poll step moves received frames into lwIP.
 */
#ifndef BOARD_LAN9118_H
#define BOARD_LAN9118_H

#include <stdbool.h>

struct netif;

/** netif_add's init function: resets the chip, reads the MAC address it
 *  holds (QEMU's -nic mac=), turns the transmitter and receiver on.
 *  ERR_IF when the chip does not answer. */
signed char board_lan9118_netif_init(struct netif *netif);

/** Hand every frame waiting in the receive FIFO to netif->input; false when
 *  none was waiting. */
bool board_lan9118_poll(struct netif *netif);

#endif /* BOARD_LAN9118_H */
