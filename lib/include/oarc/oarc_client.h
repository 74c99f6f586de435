/**
 * @file oarc_client.h
 * @brief The session: one caller-declared object holds every byte lib/ uses
 * (buffers, the jsmn token pool, the TLS session, the last error); lib/
 * never allocates. (mbedTLS's record buffers come from mbedTLS's allocator:
 * the C library's on a host, a static pool on a board.) Declare it `static`;
 * its size is sizeof(oarc_client), set by oarc_config_defaults.h.
 *
 * Each call runs to completion within the config's timeout: connect or reuse
 * the kept-alive connection, send, receive, retry per the official SDKs'
 * policy, decode. What a call returns (and the last error) points into the
 * client's rx buffer and stays valid until the next call on the same client.
 */
#ifndef OARC_CLIENT_H
#define OARC_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc_config.h"
#include "oarc_port.h"
#include "oarc_role.h"
#include "oarc_status.h"
#include "oarc_tls.h"
#include "oarc_url.h"

/* The OARC_DEFAULT_* values (retries, timeouts, base URL) are settings:
 * oarc_config_defaults.h. */

/** Bytes of one JSON token of the pool (jsmn's jsmntok_t: a type and three
 *  ints); lib/ checks it against jsmn.h, which users need not include. */
#define OARC_JSON_TOKEN_SIZE (4u * sizeof(int))

/** What oarc_client_init() needs: where, who, over what, how long. */
typedef struct oarc_client_config {
    /** NULL: OARC_DEFAULT_BASE_URL. */
    const char *base_url;
    /** The admin key. Read from the caller's memory at each request, copied
     *  only into tx (into the request head, written before the connection
     *  is made) and wiped from there when that attempt's exchange ends,
     *  whatever its outcome. Required. */
    const char *admin_key;
    /** Optional OpenAI-Organization header; NULL for none. */
    const char *organization;
    /** The transport; the client keeps a copy of the struct. Required. */
    const oarc_port *port;
    /** PEM CA chain the server must verify against (required for https). */
    const char *ca_pem;
    size_t ca_pem_len;  /**< bytes of ca_pem, its NUL included (PEM) */
    /** Per connection attempt; 0: OARC_DEFAULT_CONNECT_TIMEOUT_MS. */
    uint32_t connect_timeout_ms;
    /** Deadline of one whole call, retries and their sleeps included;
     *  0: OARC_DEFAULT_TIMEOUT_MS. */
    uint32_t timeout_ms;
    /** Retries after the first attempt; negative: OARC_DEFAULT_MAX_RETRIES. */
    int max_retries;
    /**
     * INSECURE. Lets base_url be http://, sending the admin key in clear text
     * with no server authentication. For test rigs on loopback only; off by
     * default, and oarc never turns it on by itself.
     */
    bool allow_insecure_http;
} oarc_client_config;

/** What the last call ended with, beyond its status. */
typedef struct oarc_call_info {
    int http_status;          /**< 0 when no response arrived */
    oarc_api_error error;     /**< the API's error object, when it sent one */
    oarc_span request_id;     /**< x-request-id of the last response; ptr NULL if none */
    bool has_retry_after;     /**< the last response had Retry-After */
    uint32_t retry_after_ms;  /**< Retry-After of the last response */
    int retries;              /**< retries made (0: first attempt only) */
    const char *bad_field;    /**< for OARC_ERR_JSON_SHAPE: the member at fault */
    uint32_t tls_verify_flags;/**< for OARC_ERR_TLS_CERT: mbedTLS verify flags */
} oarc_call_info;

/**
 * All of one client's memory, declared by the caller (static on a device):
 * sized by the config macros (oarc_config_defaults.h). Every field is
 * private to the library; read the last call through oarc_client_last_call().
 */
typedef struct oarc_client {
    /* Configuration, fixed at init. */
    oarc_port port;              /**< a copy of the config's port */
    oarc_url url;                /**< the base URL, parsed */
    const char *admin_key;       /**< the caller's key (not copied) */
    size_t admin_key_len;        /**< its length */
    const char *organization;    /**< OpenAI-Organization, or NULL */
    size_t organization_len;     /**< its length */
    uint32_t connect_timeout_ms; /**< bound of one connection attempt */
    uint32_t timeout_ms;         /**< deadline of one call */
    int max_retries;             /**< retries after the first attempt */

    /* Session. */
    bool connected;              /**< a connection is open and may be reused */
    oarc_tls tls;                /**< the TLS session (kept for resumption) */
    oarc_call_info last;         /**< what the last call ended with */

    /* Working memory of one call. */
    char path[OARC_PATH_BUFFER_SIZE]; /**< the request path, IDs percent-encoded */
    char tx[OARC_TX_BUFFER_SIZE];     /**< the request: head (with the key) and body */
    char rx[OARC_RX_BUFFER_SIZE];     /**< the response; decoded spans point here */
    /** The jsmn token pool, private to the library (OARC_JSON_TOKEN_SIZE each). */
    _Alignas(int) unsigned char tokens[OARC_JSON_MAX_TOKENS * OARC_JSON_TOKEN_SIZE];
} oarc_client;

/**
 * Check the config and set the client up; nothing is sent yet (the first call
 * connects). OARC_ERR_ARGUMENT for a missing key, port or CA (https);
 * OARC_ERR_HEADER_VALUE for CR/LF/NUL in the key or organization;
 * OARC_ERR_URL / OARC_ERR_INSECURE_URL for the base URL; TLS setup errors.
 */
oarc_status oarc_client_init(oarc_client *client, const oarc_client_config *config);

/** Close the connection (if any) and release the TLS state; the client may be
 *  initialised again afterwards. Safe on a zeroed or half-initialised client. */
void oarc_client_deinit(oarc_client *client);

/** What the last call ended with: HTTP status, API error, request id, retries. */
const oarc_call_info *oarc_client_last_call(const oarc_client *client);

#endif /* OARC_CLIENT_H */
