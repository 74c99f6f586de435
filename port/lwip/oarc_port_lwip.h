/**
 * @file oarc_port_lwip.h
 * @brief The oarc port over lwIP's sockets API (NO_SYS=0): lwIP's DNS client
 * waited on with a timeout, non-blocking lwip_* sockets waited on with
 * lwip_poll, sys_now and sys_msleep. For any target that runs lwIP with an
 * OS (an RTOS on a Cortex-M, or lwIP's unix port on a host).
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
 * Time bounds: every call, name resolution included, is bounded by the
 * timeout given. connect() runs one clock for the lookup and the TCP
 * connect: the connect gets what the lookup left.
 *
 * Name resolution: lwip_getaddrinfo cannot be used, as it blocks until lwIP's
 * resolver answers or gives up (DNS_MAX_RETRIES tries: about 7 s with one
 * server and lwIP's defaults), whatever the timeout. Instead:
 *  - An IP literal (ipaddr_aton) needs no resolver, nor LWIP_DNS.
 *  - A name goes to dns_gethostbyname, called under the tcpip core through
 *    tcpip_api_call (the core lock with LWIP_TCPIP_CORE_LOCKING, else a
 *    message to the tcpip thread, waited for like every lwip_* call's), as
 *    lwIP's core rules require. A name in lwIP's cache is answered there and
 *    then, with no wait.
 *  - Otherwise the caller waits with sys_arch_sem_wait for the time left; the
 *    found-callback (on the tcpip thread) posts the semaphore.
 *  - When the time runs out first, connect returns OARC_ERR_TIMEOUT (the
 *    contract's "the time ran out"); a name lwIP's resolver reports as
 *    unknown, or gives up on within the time, is OARC_ERR_DNS.
 *  - lwIP 2.1 cannot cancel a lookup, so a late answer must land somewhere
 *    harmless: each lookup has a slot of its own (its callback argument) in a
 *    table in the port, static like lwIP's own resolver tables, of
 *    DNS_TABLE_SIZE slots (lwIP queues no more requests than that by default).
 *    A slot whose caller gave up stays taken until lwIP calls back with it,
 *    and only then is it free again: a late answer is dropped in its own slot
 *    and can never wake or answer a later lookup. Slot states change only
 *    under the tcpip core, where the callbacks run too. When every slot
 *    still waits for lwIP (several abandoned lookups within lwIP's retry
 *    time), connect fails at once with OARC_ERR_DNS, as lwIP itself would
 *    with its tables full.
 *  - Each slot's semaphore is made (sys_sem_new) on first use and kept for
 *    the life of the process; there is no heap use and nothing to free.
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
