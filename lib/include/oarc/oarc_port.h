/**
 * @file oarc_port.h
 * @brief The transport contract: bytes over one stream connection, a clock,
 * a sleep and entropy. A port is one small C file; the core never includes an
 * OS header. Every call is bounded by the timeout it is given, so a
 * single-threaded poll loop (lwIP raw API, NO_SYS) can implement it by
 * spinning its stack inside recv/send until data, timeout or close.
 */
#ifndef OARC_PORT_H
#define OARC_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "oarc_status.h"

/** The transport a board gives the library: a few functions over its own
 *  state (ctx). One connection at a time. */
typedef struct oarc_port {
    /** Passed back to every function; the port's own state. */
    void *ctx;

    /**
     * Open one connection to host:port, trying every resolved address in
     * order. Returns OARC_OK, OARC_ERR_DNS, OARC_ERR_CONNECT or
     * OARC_ERR_TIMEOUT. A port holds at most one connection.
     */
    oarc_status (*connect)(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms);

    /** Send up to len bytes: bytes sent (> 0), or a negative oarc_status
     *  (OARC_ERR_TIMEOUT, OARC_ERR_CLOSED, OARC_ERR_IO). Never 0. */
    int (*send)(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms);

    /** Receive up to len bytes: bytes received (> 0), 0 when the peer closed
     *  the connection, or a negative oarc_status (OARC_ERR_TIMEOUT when
     *  nothing arrived in time, OARC_ERR_IO on a reset or error). */
    int (*recv)(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms);

    /** Close the connection; harmless when none is open. */
    void (*close)(void *ctx);

    /** Monotonic milliseconds; may wrap (the library only subtracts). */
    uint32_t (*now_ms)(void *ctx);

    /** Sleep (or run the stack) for ms milliseconds. */
    void (*sleep_ms)(void *ctx, uint32_t ms);

    /** Fill out with len bytes from a cryptographically strong source. */
    oarc_status (*entropy)(void *ctx, uint8_t *out, size_t len);
} oarc_port;

#endif /* OARC_PORT_H */
