/**
 * @file tls_mbedtls.h
 * @brief What tls.c shares with the one mbedTLS backend CMake compiled in
 * (tls_mbedtls2.c for 2.28, tls_mbedtls3.c for 3.6): the contexts that live
 * in oarc_tls.mbedtls, and the few calls whose API differs by version.
 * Everything else (I/O, time limits, errors, sessions, the CA) is tls.c's.
 */
#ifndef OARC_TLS_MBEDTLS_H
#define OARC_TLS_MBEDTLS_H

#include <stdbool.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "oarc/oarc_status.h"

/* oarc/oarc_tls.h's, not included: CMake measures oarc_tls_mbedtls with this
 * header before oarc_tls's size is known. */
struct oarc_tls;

/** Everything mbedTLS keeps for one oarc_tls (CMake measures its size). */
typedef struct oarc_tls_mbedtls {
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_ssl_session saved;   /**< last session, for an abbreviated handshake */
} oarc_tls_mbedtls;

/**
 * The TLS 1.2 suites of the policy, in order of preference: ECDHE key
 * exchange (forward secrecy) with an AEAD cipher. A suite the mbedTLS build
 * lacks (ChaCha20-Poly1305 without MBEDTLS_CHACHAPOLY_C) is skipped by
 * mbedTLS when it writes the ClientHello.
 */
#define OARC_TLS12_POLICY_SUITES                                                   \
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,                               \
        MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,                             \
        MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,                           \
        MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,                             \
        MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,                     \
        MBEDTLS_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256

/**
 * Once per oarc_tls_init, after the DRBG is seeded and before the
 * configuration: 3.6 starts PSA Crypto (its TLS 1.3 code runs on it).
 * OARC_OK, else the status with *err the library's own code.
 */
oarc_status oarc_tls_backend_start(int *err);

/**
 * The protocol policy on a client configuration fresh from
 * mbedtls_ssl_config_defaults: versions (TLS 1.2, and 1.3 where the backend
 * has it, preferred), groups X25519/P-256/P-384, signature algorithms without
 * SHA-1, OARC_TLS12_POLICY_SUITES (plus TLS 1.3's AEAD suites), session
 * tickets. With OARC_TLS_WEAK_LEGACY_POLICY: every suite and (2.28) curve
 * mbedTLS has, more groups and every TLS 1.3 key exchange mode (3.6).
 */
void oarc_tls_backend_policy(mbedtls_ssl_config *conf);

/** After a successful handshake: keep its session for the next connect
 *  (oarc_tls_save_session), now for TLS 1.2 (the session ID or ticket came
 *  with the handshake), later for TLS 1.3 (from a NewSessionTicket). */
void oarc_tls_backend_handshake_done(struct oarc_tls *tls, mbedtls_ssl_context *ssl);

/** mbedtls_ssl_read, except that a TLS 1.3 NewSessionTicket (3.6 reports
 *  one as MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) is saved with
 *  oarc_tls_save_session and read past as MBEDTLS_ERR_SSL_WANT_READ: a
 *  record with no application data in it. */
int oarc_tls_backend_read(struct oarc_tls *tls, mbedtls_ssl_context *ssl, unsigned char *buf,
                          size_t len);

/** tls.c's: replace the saved session with the connection's current one. */
void oarc_tls_save_session(struct oarc_tls *tls);

#endif /* OARC_TLS_MBEDTLS_H */
