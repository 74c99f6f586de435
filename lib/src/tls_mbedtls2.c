/**
 * @file tls_mbedtls2.c
 * @brief The mbedTLS 2.28 backend of tls.c (see tls_mbedtls.h): TLS 1.2 only.
 */
#include "tls_mbedtls.h"

#include "oarc/oarc_config.h"
#include "oarc/oarc_tls.h"

/* ECDHE groups, in order of preference. */
static const mbedtls_ecp_group_id policy_curves[] = {
    MBEDTLS_ECP_DP_CURVE25519, MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_ECP_DP_SECP384R1,
    MBEDTLS_ECP_DP_NONE,
};

/* Hashes of the server's handshake signature: no SHA-1 (nor SHA-224). */
static const int policy_sig_hashes[] = {
    MBEDTLS_MD_SHA256, MBEDTLS_MD_SHA384, MBEDTLS_MD_SHA512, MBEDTLS_MD_NONE,
};

static const int policy_suites[] = { OARC_TLS12_POLICY_SUITES, 0 };

oarc_status oarc_tls_backend_start(int *err)
{
    (void)err; /* 2.28's TLS needs no PSA */
    return OARC_OK;
}

void oarc_tls_backend_policy(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_session_tickets(conf, MBEDTLS_SSL_SESSION_TICKETS_ENABLED);
    mbedtls_ssl_conf_sig_hashes(conf, policy_sig_hashes);
    /* The legacy policy keeps mbedTLS's default suites and curves. */
    if (!OARC_TLS_WEAK_LEGACY_POLICY) {
        mbedtls_ssl_conf_curves(conf, policy_curves);
        mbedtls_ssl_conf_ciphersuites(conf, policy_suites);
    }
}

void oarc_tls_backend_handshake_done(oarc_tls *tls, mbedtls_ssl_context *ssl)
{
    (void)ssl;
    oarc_tls_save_session(tls);
}

int oarc_tls_backend_read(oarc_tls *tls, mbedtls_ssl_context *ssl, unsigned char *buf,
                          size_t len)
{
    (void)tls; /* TLS 1.2 has no ticket after the handshake */
    return mbedtls_ssl_read(ssl, buf, len);
}
