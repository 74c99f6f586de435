/**
 * @file mbedtls_board_config.h
 * @brief mbedTLS 3.6 for the mps2-an386 board (MBEDTLS_CONFIG_FILE: the
 * whole configuration, not an amendment of the default one). What the oarc
 * client needs and nothing else:
 *
 *  - TLS 1.3 and 1.2, client only; ECDHE over X25519 and P-256; AES-GCM
 *    (AEAD) only; SHA-256/384; X.509 chain and host-name verification of
 *    ECDSA and RSA certificates (CA bundles hold both); session tickets
 *    (TLS 1.3 resumption: PSK with ECDHE), SNI.
 *  - No file system, no sockets, no threads, no wall clock (certificate
 *    dates are not checked: a device without a trusted clock cannot).
 *  - Every allocation from one static array (MBEDTLS_MEMORY_BUFFER_ALLOC_C,
 *    the array in board_tls_memory.c); calloc/free of the C library are
 *    never linked (see the MBEDTLS_PLATFORM_STD_* lines).
 *  - Entropy only from the board (MBEDTLS_ENTROPY_HARDWARE_ALT:
 *    mbedtls_hardware_poll in board_entropy.c); PSA crypto seeds from it.
 *  - mbedtls_ms_time from the board's SysTick (MBEDTLS_PLATFORM_MS_TIME_ALT).
 *  - The incoming record buffer stays 16 KB: the API does not negotiate a
 *    smaller maximum fragment length. Outgoing records are 4 KB at most
 *    (oarc writes requests in pieces the size of its own tx buffer).
 *
 * Tuning (numbers in boards/mps2-an386/README.md): see the ECP lines.
 */
#ifndef OARC_MPS2_MBEDTLS_CONFIG_H
#define OARC_MPS2_MBEDTLS_CONFIG_H

#include <stddef.h>

/* ---- system ------------------------------------------------------------ */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_HAVE_TIME
#define MBEDTLS_PLATFORM_MS_TIME_ALT
/* Seconds since boot for the few places that still ask for time(); the
 * board has no calendar clock. */
long long oarc_mps2_time(long long *t);
#define MBEDTLS_PLATFORM_TIME_TYPE_MACRO long long
#define MBEDTLS_PLATFORM_TIME_MACRO oarc_mps2_time
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_MEMORY_BUFFER_ALLOC_C
#define MBEDTLS_MEMORY_DEBUG               /* mbedtls_memory_buffer_alloc_max_get: the peak */
/* Until mbedtls_memory_buffer_alloc_init() installs the static array,
 * allocations fail instead of reaching the C library's heap. */
void *oarc_mps2_no_calloc(size_t n, size_t size);
void oarc_mps2_no_free(void *p);
#define MBEDTLS_PLATFORM_STD_CALLOC oarc_mps2_no_calloc
#define MBEDTLS_PLATFORM_STD_FREE oarc_mps2_no_free
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_ENTROPY_HARDWARE_ALT
#define MBEDTLS_DEPRECATED_REMOVED

/* ---- randomness -------------------------------------------------------- */
#define MBEDTLS_ENTROPY_C
#define MBEDTLS_CTR_DRBG_C

/* ---- symmetric --------------------------------------------------------- */
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES           /* tables in flash, not 8 KB of RAM */
#define MBEDTLS_AES_FEWER_TABLES
#define MBEDTLS_GCM_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_MD_C
#define MBEDTLS_SHA224_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA384_C
#define MBEDTLS_SHA512_C
#define MBEDTLS_HKDF_C

/* ---- public key -------------------------------------------------------- */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED  /* CA keys on P-384 are common */
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED
#define MBEDTLS_RSA_C                     /* verifying RSA certificates */
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21                 /* RSA-PSS signatures in TLS 1.3 */
#define MBEDTLS_MPI_MAX_SIZE 512          /* RSA-4096 roots */
/* ECP tuning, measured with tests/tune_ecp.sh (instructions of a full TLS 1.3
 * handshake with an ECDSA P-256 server; README.md has the table). The pool's
 * peak and the stack's high-water mark did not move with any of these: the
 * 16 KB record buffer sets the peak, not ECP's scratch tables. */
#ifndef MBEDTLS_ECP_WINDOW_SIZE
#define MBEDTLS_ECP_WINDOW_SIZE 4         /* vs 2: -9 % instructions, +0.6 KB flash */
#endif
#ifndef MBEDTLS_ECP_FIXED_POINT_OPTIM
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 1   /* vs 0: -23 % instructions, +5.5 KB flash */
#endif
#ifndef OARC_MPS2_NO_NIST_OPTIM
#define MBEDTLS_ECP_NIST_OPTIM            /* off: 4.4x the instructions, -1.9 KB flash */
#endif
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_RSASSA_PSS_SUPPORT

/* ---- PSA crypto (TLS 1.3 needs it) ------------------------------------- */
#define MBEDTLS_PSA_CRYPTO_C
#define MBEDTLS_USE_PSA_CRYPTO
#define MBEDTLS_PSA_KEY_SLOT_COUNT 8

/* ---- TLS --------------------------------------------------------------- */
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_PROTO_TLS1_3
#define MBEDTLS_SSL_TLS1_3_COMPATIBILITY_MODE
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_PSK_EPHEMERAL_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_RSA_ENABLED
#define MBEDTLS_SSL_SESSION_TICKETS
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET
#define MBEDTLS_SSL_ENCRYPT_THEN_MAC
#define MBEDTLS_SSL_MAX_FRAGMENT_LENGTH
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE  /* TLS 1.3 in 3.6 requires it */
#define MBEDTLS_SSL_IN_CONTENT_LEN 16384
#define MBEDTLS_SSL_OUT_CONTENT_LEN 4096
#define MBEDTLS_SSL_CIPHERSUITES \
    MBEDTLS_TLS1_3_AES_128_GCM_SHA256, MBEDTLS_TLS1_3_AES_256_GCM_SHA384, \
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, \
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, \
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, \
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384

/* ---- errors as text (oarc logs mbedTLS codes, not strings) ------------- */
/* MBEDTLS_ERROR_C stays off. */

#endif /* OARC_MPS2_MBEDTLS_CONFIG_H */
