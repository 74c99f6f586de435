/**
 * @file oarc_config_defaults.h
 * @brief Every setting of oarc: sizes, limits, defaults of a client's config,
 * TLS and log switches. Every value is an `#ifndef` default, so a user config
 * header named by `OARC_CONFIG_FILE` (like lwIP's lwipopts.h) can override
 * any of them; the checks at the end (like lwIP's opt.h) stop the build with
 * `#error` on a value the library cannot work with. Include `oarc_config.h`,
 * never this file directly.
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

/** Largest response head (status line + headers) accepted, in bytes. The
 *  head lies in rx, so the default follows a smaller rx down. */
#ifndef OARC_HTTP_MAX_HEAD_SIZE
#define OARC_HTTP_MAX_HEAD_SIZE (OARC_RX_BUFFER_SIZE < 2048u ? OARC_RX_BUFFER_SIZE : 2048u)
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
/* A smaller rx or pool than one item's share still gets pages of one item. */
#define OARC_LIST_ITEM_SIZE_HINT (OARC_RX_BUFFER_SIZE < 600u ? OARC_RX_BUFFER_SIZE : 600u)
#endif
#ifndef OARC_LIST_ITEM_TOKENS_HINT
/** The token pool's share of one list item (see OARC_LIST_ITEM_SIZE_HINT). */
#define OARC_LIST_ITEM_TOKENS_HINT (OARC_JSON_MAX_TOKENS < 36u ? OARC_JSON_MAX_TOKENS : 36u)
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

/** How long oarc_client_deinit() or a closing connection waits for the
 *  TLS close_notify to go out: a courtesy to the server, never a long wait. */
#ifndef OARC_TLS_CLOSE_TIMEOUT_MS
#define OARC_TLS_CLOSE_TIMEOUT_MS 200u
#endif

/**
 * 0 (the default): mbedTLS's record size. 1..4: ask the server for smaller
 * records (RFC 6066 max_fragment_length: MBEDTLS_SSL_MAX_FRAG_LEN_512 = 1,
 * _1024, _2048, _4096 = 4), for a board short of RAM whose mbedTLS has
 * MBEDTLS_SSL_MAX_FRAGMENT_LENGTH. Servers may ignore it, so the input
 * buffer must still fit theirs.
 */
#ifndef OARC_TLS_MAX_FRAG_LEN
#define OARC_TLS_MAX_FRAG_LEN 0
#endif

/** Log level: 0 none, 1 error, 2 warn, 3 info, 4 debug. Compiled away below.
 *  Above 0, the user config also defines OARC_LOG_PRINT(level, fmt, ...), a
 *  printf-like sink (lib/src/log.h); without it, nothing is logged. The admin
 *  key is never among what is logged. */
#ifndef OARC_LOG_LEVEL
#define OARC_LOG_LEVEL 0
#endif

/* ---- Defaults of a client's config (oarc_client_config) ------------------------- */

/** Retries after the first attempt when the config gives a negative
 *  max_retries: the official SDKs' two. */
#ifndef OARC_DEFAULT_MAX_RETRIES
#define OARC_DEFAULT_MAX_RETRIES 2
#endif

/** Bound of one connection attempt (DNS, TCP and TLS) when the config gives 0. */
#ifndef OARC_DEFAULT_CONNECT_TIMEOUT_MS
#define OARC_DEFAULT_CONNECT_TIMEOUT_MS 10000u
#endif

/** Deadline of one whole call, retries included, when the config gives 0. */
#ifndef OARC_DEFAULT_TIMEOUT_MS
#define OARC_DEFAULT_TIMEOUT_MS 60000u
#endif

/** The API the client talks to when the config names no base_url. */
#ifndef OARC_DEFAULT_BASE_URL
#define OARC_DEFAULT_BASE_URL "https://api.openai.com/v1"
#endif

/* ---- Checks: values the library cannot work with stop the build ----------------- */

/* A request head (request line, Host, Authorization with the key,
 * Content-Type, Content-Length) takes a few hundred bytes before any body. */
#if OARC_TX_BUFFER_SIZE < 256
#error "OARC_TX_BUFFER_SIZE must be at least 256: it holds the request head and the body"
#endif
#if OARC_RX_BUFFER_SIZE < 256
#error "OARC_RX_BUFFER_SIZE must be at least 256: it holds a response head and body"
#endif
#if OARC_HTTP_MAX_HEAD_SIZE < 128 || OARC_HTTP_MAX_HEAD_SIZE > OARC_RX_BUFFER_SIZE
#error "OARC_HTTP_MAX_HEAD_SIZE must be 128..OARC_RX_BUFFER_SIZE: the head lies in rx"
#endif
#if OARC_JSON_MAX_TOKENS < 16 || OARC_JSON_MAX_TOKENS > 65535
#error "OARC_JSON_MAX_TOKENS must be 16..65535: a Role alone takes about 20 tokens"
#endif
#if OARC_JSON_MAX_DEPTH < 1 || OARC_JSON_MAX_DEPTH > 32
#error "OARC_JSON_MAX_DEPTH must be 1..32: the writer keeps one bit per level"
#endif
#if OARC_MAX_ID_LEN < 1 || OARC_MAX_CURSOR_LEN < 1 || OARC_MAX_HOST_LEN < 1
#error "OARC_MAX_ID_LEN, OARC_MAX_CURSOR_LEN and OARC_MAX_HOST_LEN must be at least 1"
#endif
#if OARC_PATH_BUFFER_SIZE < OARC_MAX_PATH_PREFIX_LEN + 64
#error "OARC_PATH_BUFFER_SIZE must hold the prefix and /organization/roles/{id} (prefix + 64)"
#endif
#if OARC_MAX_PERMISSIONS < 1
#error "OARC_MAX_PERMISSIONS must be at least 1: a role with permissions could never be read"
#endif
/* A walk's first page has at least one item: the page size is rx / size hint
 * and tokens / token hint, never 0. */
#if OARC_LIST_ITEM_SIZE_HINT < 1 || OARC_LIST_ITEM_SIZE_HINT > OARC_RX_BUFFER_SIZE
#error "OARC_LIST_ITEM_SIZE_HINT must be 1..OARC_RX_BUFFER_SIZE: a page holds one item at least"
#endif
#if OARC_LIST_ITEM_TOKENS_HINT < 1 || OARC_LIST_ITEM_TOKENS_HINT > OARC_JSON_MAX_TOKENS
#error "OARC_LIST_ITEM_TOKENS_HINT must be 1..OARC_JSON_MAX_TOKENS: a page holds one item at least"
#endif
#if OARC_LIST_MAX_PAGES < 1 || OARC_LIST_MAX_PAGES > 1000000
#error "OARC_LIST_MAX_PAGES must be 1..1000000"
#endif
#if OARC_TLS_WEAK_LEGACY_POLICY != 0 && OARC_TLS_WEAK_LEGACY_POLICY != 1
#error "OARC_TLS_WEAK_LEGACY_POLICY must be 0 or 1"
#endif
#if OARC_TLS_CLOSE_TIMEOUT_MS > 10000
#error "OARC_TLS_CLOSE_TIMEOUT_MS must be at most 10000: close_notify is a courtesy"
#endif
#if OARC_TLS_MAX_FRAG_LEN < 0 || OARC_TLS_MAX_FRAG_LEN > 4
#error "OARC_TLS_MAX_FRAG_LEN must be 0 (off) or an MBEDTLS_SSL_MAX_FRAG_LEN_* code 1..4"
#endif
#if OARC_LOG_LEVEL < 0 || OARC_LOG_LEVEL > 4
#error "OARC_LOG_LEVEL must be 0..4"
#endif
#if OARC_DEFAULT_MAX_RETRIES < 0 || OARC_DEFAULT_MAX_RETRIES > 10
#error "OARC_DEFAULT_MAX_RETRIES must be 0..10"
#endif
#if OARC_DEFAULT_CONNECT_TIMEOUT_MS < 1 || OARC_DEFAULT_TIMEOUT_MS < 1
#error "OARC_DEFAULT_CONNECT_TIMEOUT_MS and OARC_DEFAULT_TIMEOUT_MS must be at least 1"
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
