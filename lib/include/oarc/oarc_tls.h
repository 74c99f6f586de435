/**
 * @file oarc_tls.h
 * @brief Storage for one TLS session (mbedTLS 2.28), embedded in the client
 * so that it lives wherever the caller puts the client. Fields are private to
 * lib/src/tls.c; only oarc_client_tls_verify_flags() reads them for users.
 */
#ifndef OARC_TLS_H
#define OARC_TLS_H

#include <stdbool.h>
#include <stdint.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "oarc_config.h"
#include "oarc_port.h"

typedef struct oarc_tls {
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_ssl_session saved;   /**< last session, for an abbreviated handshake */
    char saved_host[OARC_MAX_HOST_LEN + 1]; /**< the host name it was made with */
    bool has_saved;
    bool ready;                  /**< conf, ca, drbg and ssl are set up */
    bool open;                   /**< ssl is in use on the current connection */
    const oarc_port *port;
    uint32_t op_start_ms;        /**< start of the current operation (now_ms) */
    uint32_t op_budget_ms;       /**< its timeout; the bio callbacks give the port what is left */
    int io_status;               /**< oarc_status of the port call that failed under mbedTLS */
    uint32_t verify_flags;       /**< mbedtls_ssl_get_verify_result() of the last handshake */
    int last_error;              /**< last mbedTLS error code, for diagnostics */
} oarc_tls;

#endif /* OARC_TLS_H */
