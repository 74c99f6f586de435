/**
 * @file oarc_config_defaults.h
 * @brief Default sizes and limits. Every value is an `#ifndef` default, so a
 * user config header named by `OARC_CONFIG_FILE` (like lwIP's lwipopts.h) can
 * override any of them. Include `oarc_config.h`, never this file directly.
 */
#ifndef OARC_CONFIG_DEFAULTS_H
#define OARC_CONFIG_DEFAULTS_H

/** Request buffer: request head (with the admin key) plus JSON body. */
#ifndef OARC_TX_BUFFER_SIZE
#define OARC_TX_BUFFER_SIZE 2048u
#endif

/** Response buffer: head and (de-chunked) body of one response, parsed in place. */
#ifndef OARC_RX_BUFFER_SIZE
#define OARC_RX_BUFFER_SIZE 4096u
#endif

/** Largest response head (status line + headers) accepted, in bytes. */
#ifndef OARC_HTTP_MAX_HEAD_SIZE
#define OARC_HTTP_MAX_HEAD_SIZE 2048u
#endif

/** Size of the jsmn token pool used to parse one response body. */
#ifndef OARC_JSON_MAX_TOKENS
#define OARC_JSON_MAX_TOKENS 256u
#endif

/** Deepest JSON nesting the writer accepts (at most 32). */
#ifndef OARC_JSON_MAX_DEPTH
#define OARC_JSON_MAX_DEPTH 16u
#endif

/** Longest ID (role, project, user, group), in bytes before percent-encoding. */
#ifndef OARC_MAX_ID_LEN
#define OARC_MAX_ID_LEN 64u
#endif

/** Buffer for the encoded request path (prefix, segments and query). */
#ifndef OARC_PATH_BUFFER_SIZE
#define OARC_PATH_BUFFER_SIZE 512u
#endif

/** Longest host name in a base URL. */
#ifndef OARC_MAX_HOST_LEN
#define OARC_MAX_HOST_LEN 253u
#endif

/** Longest path prefix in a base URL (such as "/v1"). */
#ifndef OARC_MAX_PATH_PREFIX_LEN
#define OARC_MAX_PATH_PREFIX_LEN 64u
#endif

/** Most permissions one decoded role can hold. */
#ifndef OARC_MAX_PERMISSIONS
#define OARC_MAX_PERMISSIONS 32u
#endif

/**
 * What one item of a list response takes, on average, of rx (bytes, with its
 * share of the response head) and of the token pool. A list iterator that is
 * not given a limit asks for min(rx / size hint, tokens / token hint) items a
 * page, then halves that while a page does not fit. Generous hints cost extra
 * requests; stingy ones cost a retried page now and then.
 */
#ifndef OARC_LIST_ITEM_SIZE_HINT
#define OARC_LIST_ITEM_SIZE_HINT 600u
#endif
#ifndef OARC_LIST_ITEM_TOKENS_HINT
/** The token pool's share of one list item (see OARC_LIST_ITEM_SIZE_HINT). */
#define OARC_LIST_ITEM_TOKENS_HINT 36u
#endif

/** Most pages one list iterator fetches: a server that keeps saying has_more
 *  ends with OARC_ERR_TOO_MANY_PAGES instead of a walk that never ends. */
#ifndef OARC_LIST_MAX_PAGES
#define OARC_LIST_MAX_PAGES 1000u
#endif

/** Longest pagination cursor (`after` / `next`) in bytes; the iterator keeps
 *  a copy of the last one. The API's cursors are item IDs. */
#ifndef OARC_MAX_CURSOR_LEN
#define OARC_MAX_CURSOR_LEN 128u
#endif

/**
 * WEAKENS SECURITY; off (0) by default. 1 widens the TLS policy for an old
 * device server that cannot be fixed: mbedTLS's default cipher suites (RSA
 * key exchange without forward secrecy, CBC) and curves, and SHA-1
 * signatures and 1024-bit RSA keys in the server's certificate chain. TLS
 * 1.2 stays the minimum, and the chain and host name are still verified. The default policy: ECDHE (X25519, P-256, P-384) with
 * AES-GCM or ChaCha20-Poly1305 only, no SHA-1 anywhere.
 */
#ifndef OARC_TLS_WEAK_LEGACY_POLICY
#define OARC_TLS_WEAK_LEGACY_POLICY 0
#endif

/** Log level: 0 none, 1 error, 2 warn, 3 info, 4 debug. Compiled away below. */
#ifndef OARC_LOG_LEVEL
#define OARC_LOG_LEVEL 0
#endif

/** Status names. 1 (the default): oarc_status_str() names each status
 *  ("OARC_ERR_TIMEOUT"). 0: it gives one fixed text for every status, and the
 *  names' 1.1 KB of flash (Cortex-M4) are left out, for a device that logs
 *  statuses as numbers; classes (oarc_status_class_of) stay. tests/size
 *  measures the device build with 0. */
#ifndef OARC_STATUS_STRINGS
#define OARC_STATUS_STRINGS 1
#endif
#if OARC_STATUS_STRINGS != 0 && OARC_STATUS_STRINGS != 1
#error "OARC_STATUS_STRINGS must be 0 or 1"
#endif

#endif /* OARC_CONFIG_DEFAULTS_H */
