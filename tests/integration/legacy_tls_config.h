/**
 * @file legacy_tls_config.h
 * @brief The CLI variant `oarc-legacy-tls` (OARC_CONFIG_FILE): the weakening
 * switch OARC_TLS_WEAK_LEGACY_POLICY on, so that test_tls_policy.py shows what
 * it widens (RSA key exchange, CBC, SHA-1 in the chain) and what it keeps
 * (TLS 1.2 minimum, verification).
 */
#ifndef OARC_LEGACY_TLS_CONFIG_H
#define OARC_LEGACY_TLS_CONFIG_H

#define OARC_TLS_WEAK_LEGACY_POLICY 1

#endif /* OARC_LEGACY_TLS_CONFIG_H */
