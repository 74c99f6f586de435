/**
 * @file oarc_port_lwip_raw.h
 * @brief The oarc port over lwIP's raw TCP API and DNS client, for lwIP with
 * NO_SYS 1: a single thread, no sockets, no RTOS. Every blocking call of the
 * port contract becomes "run the board's poll step until the event or the
 * deadline"; lwIP's callbacks reach the port's state through tcp_arg (and the
 * DNS callback argument), never through a global.
 *
 * What the board provides (see README.md next to this file):
 *  - a poll step (oarc_lwip_raw_board.poll) that hands received frames to
 *    lwIP and runs sys_check_timeouts() once, sleeping at most about 1 ms;
 *  - sys_now(), lwIP's NO_SYS clock, which is also the port's now_ms();
 *  - an entropy source (lwIP has none);
 *  - lwip_init(), its netif up and a DNS server set before the first connect.
 *
 * The port object is the only state: declare it static (or keep it alive as
 * long as lwIP may still call back into it: see oarc_port_lwip_raw_busy()).
 * It holds no lwIP memory when idle; a connection holds one tcp_pcb and the
 * received pbufs not read yet (at most TCP_WND bytes: the window is the
 * backpressure).
 */
#ifndef OARC_PORT_LWIP_RAW_H
#define OARC_PORT_LWIP_RAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_port.h"

/** How many name lookups may be outstanding in lwIP at once, per port
 *  object: one being waited for, the others given up by their caller but
 *  not yet answered or dropped by lwIP's resolver. Each slot waits for its
 *  own callback, so a late answer never reaches a later lookup. */
#ifndef OARC_LWIP_RAW_LOOKUPS
#define OARC_LWIP_RAW_LOOKUPS 4u
#endif

/* lwIP's types, named only: this header needs no lwIP include path. */
struct tcp_pcb;
struct pbuf;

/** What a board hands the port. */
typedef struct oarc_lwip_raw_board {
    /** Drive the network once: hand received frames to lwIP (netif input),
     *  run sys_check_timeouts(); may sleep until the next interrupt or clock
     *  tick (never longer than about 1 ms worth of waiting, so deadlines
     *  hold). */
    void (*poll)(void *board_ctx);
    /** Fill out with len cryptographically strong bytes: OARC_OK or
     *  OARC_ERR_ENTROPY. */
    oarc_status (*entropy)(void *board_ctx, uint8_t *out, size_t len);
    void *board_ctx; /**< passed back to poll and entropy */
} oarc_lwip_raw_board;

/** One name lookup's slot (private). */
typedef struct oarc_lwip_raw_lookup {
    void *answer;  /**< the waiting caller's ip_addr_t, only while it waits */
    uint8_t state; /**< free, waiting, answered, abandoned */
    uint8_t found; /**< the answer resolved the name */
} oarc_lwip_raw_lookup;

/** The port's state, declared by the caller. Fields are private. */
typedef struct oarc_port_lwip_raw {
    oarc_lwip_raw_board board; /**< the board's calls */
    struct tcp_pcb *pcb; /**< the connection; NULL when none, or lwIP freed it */
    struct pbuf *rx;     /**< received and not read yet (one chain) */
    int err;             /**< lwIP's err_t from tcp_err, 0 when none came */
    uint8_t conn;        /**< the connection's state (see the .c) */
    uint8_t sendable;    /**< tcp_sent or tcp_poll since the send buffer was full */
    oarc_lwip_raw_lookup lookups[OARC_LWIP_RAW_LOOKUPS]; /**< name lookups lwIP may still answer */
} oarc_port_lwip_raw;

/**
 * Fill *out with the port's functions over *port, which starts idle; board is
 * copied (it may be NULL: then entropy fails and waits do not drive lwIP,
 * which only a test wants). Call once per port object, before lwIP may call
 * back into it: re-initialising an object that lwIP still refers to (see
 * oarc_port_lwip_raw_busy) would let an old callback reach a new lookup.
 */
void oarc_port_lwip_raw_init(oarc_port_lwip_raw *port, const oarc_lwip_raw_board *board,
                             oarc_port *out);

/**
 * Whether lwIP may still call back into port, or port still holds lwIP
 * memory: a connection is open, received pbufs are unread (after a reset:
 * close() frees them), or a lookup given up by its caller has not been
 * answered or dropped by lwIP's resolver yet. A port object on a stack must not go out of scope while this
 * is true (poll the board until it is false, at most DNS_MAX_RETRIES times
 * lwIP's DNS timeout after the last lookup).
 */
bool oarc_port_lwip_raw_busy(const oarc_port_lwip_raw *port);

#endif /* OARC_PORT_LWIP_RAW_H */
