/**
 * @file tls_mbedtls3.c
 * @brief The mbedTLS 3.6 LTS backend of tls.c (see tls_mbedtls.h): TLS 1.3
 * preferred, TLS 1.2 still offered, one policy for both.
 */
#include "tls_mbedtls.h"

#include <psa/crypto.h>

#include "oarc/oarc_config.h"
#include "oarc/oarc_tls.h"

/* ECDHE groups (TLS 1.3 key shares, TLS 1.2 curves), in order of preference. */
static const uint16_t policy_groups[] = {
    MBEDTLS_SSL_IANA_TLS_GROUP_X25519, MBEDTLS_SSL_IANA_TLS_GROUP_SECP256R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP384R1, MBEDTLS_SSL_IANA_TLS_GROUP_NONE,
};

/* OARC_TLS_WEAK_LEGACY_POLICY only: P-521, X448 and the Brainpool curves too. */
static const uint16_t legacy_groups[] = {
    MBEDTLS_SSL_IANA_TLS_GROUP_X25519,    MBEDTLS_SSL_IANA_TLS_GROUP_SECP256R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP384R1, MBEDTLS_SSL_IANA_TLS_GROUP_SECP521R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_X448,      MBEDTLS_SSL_IANA_TLS_GROUP_BP256R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_BP384R1,   MBEDTLS_SSL_IANA_TLS_GROUP_BP512R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_NONE,
};

/* Signature algorithms of the handshake (and, in TLS 1.3, of the chain): no
 * SHA-1. mbedTLS leaves out of its ClientHello the ones its build lacks.
 * RSA PKCS#1 v1.5 comes before RSA-PSS: a TLS 1.2 server with an RSA key
 * takes the first it can, and mbedTLS 3.6.6's TLS 1.2 code refuses a
 * ServerKeyExchange signed with PSS (fixed upstream after 3.6.6); TLS 1.3
 * allows only PSS for RSA, so there the server skips to it. */
static const uint16_t policy_sig_algs[] = {
    MBEDTLS_TLS1_3_SIG_ECDSA_SECP256R1_SHA256, MBEDTLS_TLS1_3_SIG_ECDSA_SECP384R1_SHA384,
    MBEDTLS_TLS1_3_SIG_ECDSA_SECP521R1_SHA512, MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA256,
    MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA384,       MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA512,
    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA256,    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA384,
    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA512,    MBEDTLS_TLS1_3_SIG_NONE,
};

/* TLS 1.3's suites are all AEAD with (EC)DHE or PSK-(EC)DHE key exchange. */
static const int policy_suites[] = {
    MBEDTLS_TLS1_3_AES_128_GCM_SHA256, MBEDTLS_TLS1_3_AES_256_GCM_SHA384,
    MBEDTLS_TLS1_3_CHACHA20_POLY1305_SHA256, OARC_TLS12_POLICY_SUITES, 0,
};

oarc_status oarc_tls_backend_start(int *err)
{
    /* Idempotent; its state is mbedTLS's own, shared by every context. */
    psa_status_t st = psa_crypto_init();
    if (st == PSA_SUCCESS) {
        return OARC_OK;
    }
    *err = (int)st;
    return st == PSA_ERROR_INSUFFICIENT_ENTROPY ? OARC_ERR_ENTROPY : OARC_ERR_TLS;
}

void oarc_tls_backend_policy(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_min_tls_version(conf, MBEDTLS_SSL_VERSION_TLS1_2);
    mbedtls_ssl_conf_max_tls_version(conf, MBEDTLS_SSL_VERSION_TLS1_3);
    mbedtls_ssl_conf_session_tickets(conf, MBEDTLS_SSL_SESSION_TICKETS_ENABLED);
    /* Without this, 3.6 drops TLS 1.3 tickets and never resumes. */
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(
        conf, MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
    /* Kept even by the legacy policy: its order is what reaches TLS 1.2
     * servers with RSA keys (above). */
    mbedtls_ssl_conf_sig_algs(conf, policy_sig_algs);
    /* Resumption with a fresh ECDHE exchange only (psk_dhe_ke): forward
     * secrecy as for a full handshake. The weakening switch: every mode,
     * more groups, every suite this mbedTLS has. */
    mbedtls_ssl_conf_tls13_key_exchange_modes(
        conf, OARC_TLS_WEAK_LEGACY_POLICY ? MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_ALL
                                          : MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL |
                                                MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_PSK_EPHEMERAL);
    mbedtls_ssl_conf_groups(conf, OARC_TLS_WEAK_LEGACY_POLICY ? legacy_groups : policy_groups);
    mbedtls_ssl_conf_ciphersuites(conf, OARC_TLS_WEAK_LEGACY_POLICY
                                            ? mbedtls_ssl_list_ciphersuites()
                                            : policy_suites);
}

void oarc_tls_backend_handshake_done(oarc_tls *tls, mbedtls_ssl_context *ssl)
{
    if (mbedtls_ssl_get_version_number(ssl) != MBEDTLS_SSL_VERSION_TLS1_3) {
        oarc_tls_save_session(tls);
    }
}

int oarc_tls_backend_read(oarc_tls *tls, mbedtls_ssl_context *ssl, unsigned char *buf,
                          size_t len)
{
    int ret = mbedtls_ssl_read(ssl, buf, len);
    if (ret == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
        oarc_tls_save_session(tls);
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    return ret;
}
