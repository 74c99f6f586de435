/**
 * @file oarc_port_lwip.h
 * @brief The oarc port over lwIP's sockets API (NO_SYS=0): lwip_getaddrinfo,
 * non-blocking lwip_* sockets waited on with lwip_poll, sys_now and
 * sys_msleep. For any target that runs lwIP with an OS (an RTOS on a
 * Cortex-M, or lwIP's unix port on a host).
 *
 * What lwIP's configuration must provide (lwipopts.h):
 *  - NO_SYS 0, LWIP_SOCKET 1, LWIP_SOCKET_POLL 1 (lwIP's default),
 *    LWIP_TCP 1, LWIP_DNS 1 for host names (IP literals work without it).
 *  - The port calls the lwip_* names only, so it builds with any
 *    LWIP_COMPAT_SOCKETS (the checks compile it with 0 and with 1). A host build needs 0
 *    (and LWIP_POSIX_SOCKETS_IO_NAMES 0), so that lwIP's BSD names and its
 *    read/write/close macros never meet the host's own; a device may enable
 *    them for its other code.
 *  - errno: the port reads `errno` through lwIP's own "lwip/errno.h" and
 *    never includes an OS errno header. Which errno that is, is the board's
 *    choice in its arch/cc.h: LWIP_ERRNO_STDINCLUDE (the C library's errno,
 *    per thread on a host; per task on an RTOS with newlib reentrancy) or
 *    LWIP_PROVIDE_ERRNO (lwIP's numbers and one `int errno` the board defines;
 *    then only one task may use sockets at a time).
 *
 * Time bounds: send, recv and the TCP connect are bounded by the timeout
 * given. Name resolution is not: lwip_getaddrinfo blocks until lwIP's DNS
 * client answers or gives up, which with lwIP's defaults (DNS_MAX_RETRIES 4,
 * DNS_TMR_INTERVAL 1 s) is about 7 s per configured DNS server. That time is
 * charged to the connect call; only what is left is spent connecting.
 *
 * Entropy: lwIP has no entropy source, so the board passes one in at init
 * (a hardware RNG on a device, the OS on a host). Without one, entropy()
 * fails with OARC_ERR_ENTROPY and the TLS layer refuses to start.
 */
#ifndef OARC_PORT_LWIP_H
#define OARC_PORT_LWIP_H

#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_port.h"

/**
 * The board's entropy source: fill out with len cryptographically strong
 * bytes. Returns OARC_OK, or OARC_ERR_ENTROPY when it cannot.
 */
typedef oarc_status (*oarc_port_lwip_entropy_fn)(void *entropy_ctx, uint8_t *out, size_t len);

/** The port's state: one lwIP socket and the board's entropy source. */
typedef struct oarc_port_lwip {
    int sock;                          /**< lwIP socket, -1 when none is open */
    oarc_port_lwip_entropy_fn entropy; /**< the board's source, may be NULL */
    void *entropy_ctx;                 /**< passed back to entropy */
} oarc_port_lwip;

/**
 * Fill port with the lwIP functions, bound to ctx, and mark ctx closed.
 * entropy (with entropy_ctx) is the board's source of random bytes; NULL
 * makes every entropy request fail. lwIP must already be running
 * (tcpip_init done, a netif up) before the first connect.
 * Always initialise ctx through this function: a zeroed ctx would hold
 * socket 0.
 */
void oarc_port_lwip_init(oarc_port *port, oarc_port_lwip *ctx,
                         oarc_port_lwip_entropy_fn entropy, void *entropy_ctx);

#endif /* OARC_PORT_LWIP_H */
