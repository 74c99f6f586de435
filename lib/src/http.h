/**
 * @file http.h
 * @brief HTTP/1.1 for one request at a time: a request-head writer that
 * refuses header injection, and an incremental, in-place response parser that
 * gives the same result whatever way the bytes are split.
 */
#ifndef OARC_HTTP_H
#define OARC_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_span.h"
#include "oarc/oarc_status.h"

typedef enum oarc_http_method {
    OARC_HTTP_GET = 0,
    OARC_HTTP_POST = 1,
    OARC_HTTP_DELETE = 2
} oarc_http_method;

typedef struct oarc_http_request {
    oarc_http_method method;
    oarc_span host;          /**< as in the URL, IPv6 literals without brackets */
    uint16_t port;
    bool default_port;       /**< true: the Host header carries no ":port" */
    oarc_span path;          /**< already encoded: prefix, segments, query */
    oarc_span bearer;        /**< admin key; len 0: no Authorization header */
    oarc_span organization;  /**< OpenAI-Organization; len 0: none */
    bool has_body;           /**< adds Content-Type and Content-Length */
} oarc_http_request;

/**
 * Write the request head in front of a body that already lies at buf[0]
 * (body_len bytes), moving the body behind the head. *out_len is the whole
 * request. OARC_ERR_HEADER_VALUE for CR, LF or NUL in any value (or a space
 * in the path); OARC_ERR_BUFFER_TOO_SMALL when head + body exceed cap. On
 * failure the body is left where it was.
 *
 * In detail, OARC_ERR_HEADER_VALUE also covers any other control byte but
 * HTAB and DEL in a value, SP or HTAB in host or path, an empty host, and a
 * path that is empty or does not start with '/'. OARC_ERR_ARGUMENT: NULL
 * buf, req or out_len, a span with NULL ptr and non-zero len, an unknown
 * method, body_len > cap, or body bytes without has_body.
 */
oarc_status oarc_http_write_request(char *buf, size_t cap, size_t body_len,
                                    const oarc_http_request *req, size_t *out_len);

/**
 * Every check of oarc_http_write_request(), and whether head + body would fit
 * cap, without writing anything: the same statuses (OARC_ERR_ARGUMENT for
 * the out_len it does not take aside). Only the unit tests ask it now: the
 * client writes the request (which runs the same checks) before it opens a
 * connection, so a request that cannot be sent costs no handshake.
 */
oarc_status oarc_http_check_request(const char *buf, size_t cap, size_t body_len,
                                    const oarc_http_request *req);

/** Where the response parser is; private to http.c. */
typedef enum oarc_http_state {
    OARC_HTTP_STATE_HEAD = 0,
    OARC_HTTP_STATE_BODY_LENGTH,
    OARC_HTTP_STATE_BODY_CLOSE,
    OARC_HTTP_STATE_CHUNK_SIZE,
    OARC_HTTP_STATE_CHUNK_DATA,
    OARC_HTTP_STATE_CHUNK_DATA_END,
    OARC_HTTP_STATE_TRAILERS,
    OARC_HTTP_STATE_DONE
} oarc_http_state;

typedef struct oarc_http_response {
    /* Results, valid once complete (head fields once the head is parsed). */
    int status;              /**< 200..599 (1xx interim responses are skipped) */
    bool keep_alive;         /**< false after "Connection: close", HTTP/1.0, or a close-delimited body */
    bool head_done;          /**< the head has been parsed */
    oarc_span request_id;    /**< x-request-id (NUL-terminated in buf), ptr NULL if absent */
    bool has_retry_after;    /**< retry-after-ms or retry-after (seconds) was given */
    uint32_t retry_after_ms; /**< retry-after-ms wins over retry-after */
    int8_t should_retry;     /**< x-should-retry: -1 absent, 0 false, 1 true */
    char *body;              /**< de-chunked body, inside buf */
    size_t body_len;

    /* Parser state: private. */
    oarc_http_state state;
    char *buf;
    size_t cap;
    size_t max_head;
    size_t used;             /**< bytes of buf holding head, body or unparsed input */
    size_t parsed;           /**< bytes of input consumed by the parser */
    size_t remaining;        /**< body or chunk bytes still due */
    bool has_length;
    bool chunked;
    bool any_byte;           /**< at least one byte has arrived */
    bool conn_close;         /**< "Connection: close" was seen */
    bool retry_ms_seen;      /**< retry-after-ms was seen: it wins over retry-after */
    oarc_status error;       /**< the first failure; every later call returns it */
} oarc_http_response;

/**
 * Start parsing a response into buf[0..cap). max_head bounds the head,
 * blank line included (0 or more than cap means cap). A NULL buf or cap 0
 * makes every later call return OARC_ERR_ARGUMENT.
 */
void oarc_http_response_init(oarc_http_response *r, char *buf, size_t cap, size_t max_head);

/** Where the next received bytes go and how many fit. */
char *oarc_http_response_space(const oarc_http_response *r, size_t *avail);

/**
 * n bytes were written at the space: parse them. OARC_OK (with *complete
 * true once the whole response is in), OARC_ERR_HTTP_PROTOCOL,
 * OARC_ERR_HTTP_HEAD_TOO_LARGE or OARC_ERR_HTTP_BODY_TOO_LARGE.
 */
oarc_status oarc_http_response_feed(oarc_http_response *r, size_t n, bool *complete);

/** The peer closed the connection: completes a close-delimited body;
 *  anything else unfinished is OARC_ERR_HTTP_PROTOCOL (truncated). */
oarc_status oarc_http_response_closed(oarc_http_response *r, bool *complete);

#endif /* OARC_HTTP_H */
