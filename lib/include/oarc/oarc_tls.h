/**
 * @file oarc_tls.h
 * @brief Storage for one TLS session, embedded in the client so that it lives
 * wherever the caller puts the client. It holds mbedTLS's contexts without
 * including mbedTLS: `mbedtls` is raw storage whose size CMake measured for
 * the backend it chose (OARC_MBEDTLS: 2.28 or 3.6) and passes as
 * OARC_TLS_MBEDTLS_SIZE; lib/src/tls.c checks it with a static assertion.
 * Fields are private to lib/src/tls.c; users read the verify flags through
 * oarc_client_last_call().
 */
#ifndef OARC_TLS_H
#define OARC_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc_config.h"
#include "oarc_port.h"

#ifndef OARC_TLS_MBEDTLS_SIZE
#error "OARC_TLS_MBEDTLS_SIZE is set by oarc's CMake for its mbedTLS backend: link the oarc target (or define it as the library was built)"
#endif

/** The TLS session inside oarc_client: private to the library. */
typedef struct oarc_tls {
    /** mbedTLS's contexts (lib/src/tls_mbedtls.h), private to the library. */
    _Alignas(max_align_t) unsigned char mbedtls[OARC_TLS_MBEDTLS_SIZE];
    char saved_host[OARC_MAX_HOST_LEN + 1]; /**< the host name the saved session was made with */
    bool has_saved;              /**< a session is saved for an abbreviated handshake */
    bool ready;                  /**< conf, ca, drbg and ssl are set up */
    bool open;                   /**< ssl is in use on the current connection */
    const oarc_port *port;       /**< the transport under TLS */
    uint32_t op_start_ms;        /**< start of the current operation (now_ms) */
    uint32_t op_budget_ms;       /**< its timeout; the bio callbacks give the port what is left */
    int io_status;               /**< oarc_status of the port call that failed under mbedTLS */
    int io_code;                 /**< the mbedTLS code the bio callbacks returned for it */
    uint32_t verify_flags;       /**< mbedtls_ssl_get_verify_result() of the last handshake */
    int last_error;              /**< last mbedTLS error code, for diagnostics */
} oarc_tls;

#endif /* OARC_TLS_H */
