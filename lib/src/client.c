/**
 * @file client.c
 * @brief The session: connect or reuse the kept-alive connection, send one
 * request, receive its response in place, and retry per the official SDKs'
 * policy, all within one deadline per call.
 *
 * One attempt, top to bottom: write the head in front of the body in tx,
 * with every check of the request (before anything touches the network);
 * open (port connect + TLS handshake) unless a connection is kept alive;
 * send; receive into rx until the parser says the response is whole; then
 * wipe the head (it holds the admin key) and move the body back to tx[0] so
 * a retry can write a fresh head. A kept-alive connection that turns out to be closed
 * before any byte of the answer arrived is reopened once, transparently: the
 * server closing an idle connection is not a failure of the call.
 */
#include "client.h"

#include <string.h>

#include "log.h"
#include "api_error.h"
#include "text.h"
#include "tls.h"
#include "url.h"

/** Longest base URL, admin key or organization read from the caller. */
#define OARC_MAX_CONFIG_STRING 1024u
/** Retry-After is honoured only when 0 < delay <= 60 s (as the SDKs do). */
#define OARC_RETRY_AFTER_MAX_MS 60000u
#define OARC_BACKOFF_INITIAL_MS 500u
#define OARC_BACKOFF_MAX_MS 8000u

/** Milliseconds left before the call's deadline. */
typedef struct oarc_deadline {
    uint32_t start;
    uint32_t budget;
} oarc_deadline;

static uint32_t time_left(const oarc_client *c, const oarc_deadline *d)
{
    uint32_t elapsed = c->port.now_ms(c->port.ctx) - d->start; /* wraps safely */
    return elapsed < d->budget ? d->budget - elapsed : 0u;
}

/* ---- configuration ------------------------------------------------------ */

/** A header value from the config: non-empty, bounded, no control bytes. */
static oarc_status header_value(const char *s, const char **out, size_t *out_len)
{
    size_t len = oarc_strnlen(s, OARC_MAX_CONFIG_STRING);
    if (len == 0u || len > OARC_MAX_CONFIG_STRING) {
        return OARC_ERR_ARGUMENT;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20u && ch != '\t') || ch == 0x7Fu) {
            return OARC_ERR_HEADER_VALUE;
        }
    }
    *out = s;
    *out_len = len;
    return OARC_OK;
}

static bool port_complete(const oarc_port *p)
{
    return p->connect && p->send && p->recv && p->close && p->now_ms && p->sleep_ms &&
           p->entropy;
}

static oarc_status apply_config(oarc_client *c, const oarc_client_config *cfg)
{
    const char *base = cfg->base_url ? cfg->base_url : OARC_DEFAULT_BASE_URL;
    size_t base_len = oarc_strnlen(base, OARC_MAX_CONFIG_STRING);
    if (base_len > OARC_MAX_CONFIG_STRING) {
        return OARC_ERR_URL;
    }
    oarc_status st = oarc_url_parse(&c->url, (oarc_span){ base, base_len },
                                    cfg->allow_insecure_http);
    if (st != OARC_OK) {
        return st;
    }
    st = header_value(cfg->admin_key, &c->admin_key, &c->admin_key_len);
    if (st == OARC_OK && cfg->organization) {
        st = header_value(cfg->organization, &c->organization, &c->organization_len);
    }
    c->connect_timeout_ms = cfg->connect_timeout_ms ? cfg->connect_timeout_ms
                                                    : OARC_DEFAULT_CONNECT_TIMEOUT_MS;
    c->timeout_ms = cfg->timeout_ms ? cfg->timeout_ms : OARC_DEFAULT_TIMEOUT_MS;
    c->max_retries = cfg->max_retries < 0 ? OARC_DEFAULT_MAX_RETRIES : cfg->max_retries;
    return st;
}

oarc_status oarc_client_init(oarc_client *c, const oarc_client_config *cfg)
{
    if (c == NULL || cfg == NULL || cfg->port == NULL || cfg->admin_key == NULL ||
        !port_complete(cfg->port)) {
        return OARC_ERR_ARGUMENT;
    }
    memset(c, 0, sizeof(*c));
    c->port = *cfg->port;
    oarc_status st = apply_config(c, cfg);
    if (st != OARC_OK) {
        return st;
    }
    if (!c->url.tls) {
        /* Only reachable with allow_insecure_http: say so every time. */
        OARC_LOG_WARN("oarc: INSECURE: plain http to %s, admin key sent in clear text",
                      c->url.host);
        return OARC_OK;
    }
    if (cfg->ca_pem == NULL || cfg->ca_pem_len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    return oarc_tls_init(&c->tls, &c->port, cfg->ca_pem, cfg->ca_pem_len);
}

static void close_connection(oarc_client *c)
{
    if (c->connected && c->url.tls) {
        oarc_tls_close(&c->tls);
    }
    c->port.close(c->port.ctx);
    c->connected = false;
}

void oarc_client_deinit(oarc_client *c)
{
    if (c == NULL) {
        return;
    }
    if (c->port.close) {
        close_connection(c);
    }
    if (c->tls.ready) {
        oarc_tls_free(&c->tls);
    }
    oarc_tls_wipe(c->tx, sizeof(c->tx));
    c->admin_key = NULL;
    c->admin_key_len = 0;
}

const oarc_call_info *oarc_client_last_call(const oarc_client *c)
{
    return c ? &c->last : NULL;
}

/* ---- one connection ----------------------------------------------------- */

static oarc_status open_connection(oarc_client *c, const oarc_deadline *d)
{
    uint32_t left = time_left(c, d);
    if (left == 0u) {
        return OARC_ERR_TIMEOUT;
    }
    uint32_t connect_ms = left < c->connect_timeout_ms ? left : c->connect_timeout_ms;
    oarc_status st = c->port.connect(c->port.ctx, c->url.host, c->url.port, connect_ms);
    if (st == OARC_OK && c->url.tls) {
        st = oarc_tls_handshake(&c->tls, c->url.host, time_left(c, d));
        c->last.tls_verify_flags = oarc_tls_verify_flags(&c->tls);
    }
    if (st != OARC_OK) {
        c->port.close(c->port.ctx);
        return st;
    }
    c->connected = true;
    return OARC_OK;
}

static int conn_send(oarc_client *c, const uint8_t *buf, size_t len, uint32_t ms)
{
    return c->url.tls ? oarc_tls_send(&c->tls, buf, len, ms)
                      : c->port.send(c->port.ctx, buf, len, ms);
}

static int conn_recv(oarc_client *c, uint8_t *buf, size_t len, uint32_t ms)
{
    return c->url.tls ? oarc_tls_recv(&c->tls, buf, len, ms)
                      : c->port.recv(c->port.ctx, buf, len, ms);
}

static oarc_status send_all(oarc_client *c, size_t len, const oarc_deadline *d)
{
    size_t sent = 0;
    while (sent < len) {
        uint32_t left = time_left(c, d);
        if (left == 0u) {
            return OARC_ERR_TIMEOUT;
        }
        int n = conn_send(c, (const uint8_t *)c->tx + sent, len - sent, left);
        if (n <= 0) {
            return n < 0 ? (oarc_status)n : OARC_ERR_IO;
        }
        sent += (size_t)n;
    }
    return OARC_OK;
}

/**
 * Write the head in front of the body that lies at tx[0], with every check of
 * the request: nothing is written when one fails (the body stays where it
 * was), and it runs before any connection is made, so a request that can
 * never be sent costs no handshake. *total is the whole request. The head
 * holds the admin key until unwrite_request().
 */
static oarc_status write_request(oarc_client *c, const oarc_http_request *req, size_t body_len,
                                 size_t *total)
{
    return oarc_http_write_request(c->tx, sizeof(c->tx), body_len, req, total);
}

/**
 * Move the body back to tx[0] (a retry writes a fresh head in front of it)
 * and wipe the head_len bytes behind it: the key was written only into the
 * head, tx[0..head_len), and after the move every byte of tx[0..total) that
 * is not the body lies in tx[body_len..total).
 */
static void unwrite_request(oarc_client *c, size_t total, size_t body_len)
{
    size_t head_len = total - body_len;

    memmove(c->tx, c->tx + head_len, body_len);
    oarc_tls_wipe(c->tx + body_len, head_len);
}

static oarc_status receive_response(oarc_client *c, oarc_http_response *r,
                                    const oarc_deadline *d)
{
    oarc_http_response_init(r, c->rx, sizeof(c->rx), OARC_HTTP_MAX_HEAD_SIZE);
    for (;;) {
        size_t avail = 0;
        char *space = oarc_http_response_space(r, &avail);
        uint32_t left = time_left(c, d);
        if (avail == 0u) {
            return OARC_ERR_HTTP_BODY_TOO_LARGE;
        }
        if (left == 0u) {
            return OARC_ERR_TIMEOUT;
        }
        int n = conn_recv(c, (uint8_t *)space, avail, left);
        bool complete = false;
        oarc_status st;
        if (n > 0) {
            st = oarc_http_response_feed(r, (size_t)n, &complete);
        } else if (n == 0) {
            st = oarc_http_response_closed(r, &complete);
            /* Cut off mid-response: the connection was lost, not garbled. */
            st = (st == OARC_OK && complete) ? OARC_OK : OARC_ERR_CLOSED;
            complete = true;
        } else {
            st = (oarc_status)n;
        }
        if (st != OARC_OK || complete) {
            return st;
        }
    }
}

/** The connection went away under us, as a kept-alive one may. */
static bool connection_lost(oarc_status st)
{
    return st == OARC_ERR_CLOSED || st == OARC_ERR_IO;
}

/* The request written at tx[0..total), sent, and its response received. */
static oarc_status send_and_receive(oarc_client *c, size_t total, oarc_http_response *r,
                                    const oarc_deadline *d)
{
    oarc_status st = send_all(c, total, d);
    return st == OARC_OK ? receive_response(c, r, d) : st;
}

static oarc_status exchange(oarc_client *c, size_t total, oarc_http_response *r,
                            const oarc_deadline *d)
{
    bool reused = c->connected;
    oarc_status st = c->connected ? OARC_OK : open_connection(c, d);
    if (st == OARC_OK) {
        st = send_and_receive(c, total, r, d);
    }
    if (reused && connection_lost(st) && !r->any_byte) {
        OARC_LOG_DEBUG("oarc: kept-alive connection was closed; reopening");
        close_connection(c);
        st = open_connection(c, d);
        if (st == OARC_OK) {
            st = send_and_receive(c, total, r, d);
        }
    }
    if (c->connected && (st != OARC_OK || !r->keep_alive)) {
        close_connection(c);
    }
    return st;
}

/* ---- retry policy -------------------------------------------------------- */

static bool retryable(oarc_status st, const oarc_http_response *r)
{
    /* A whole answer decides by its status; a cut-off one is a lost connection. */
    if (st == OARC_ERR_API) {
        if (r->should_retry >= 0) {
            return r->should_retry == 1; /* the server knows best */
        }
        int s = r->status;
        return s == 408 || s == 409 || s == 429 || s >= 500;
    }
    return st == OARC_ERR_CONNECT || st == OARC_ERR_DNS || st == OARC_ERR_IO ||
           st == OARC_ERR_CLOSED || st == OARC_ERR_TIMEOUT;
}

/** Retry-After when the server gave a sane one, else exponential backoff
 *  min(0.5 s * 2^n, 8 s) less up to 25 % jitter. */
static uint32_t retry_delay_ms(oarc_client *c, const oarc_http_response *r, int retry)
{
    if (r->head_done && r->has_retry_after && r->retry_after_ms > 0u &&
        r->retry_after_ms <= OARC_RETRY_AFTER_MAX_MS) {
        return r->retry_after_ms;
    }
    uint32_t delay = OARC_BACKOFF_MAX_MS;
    if (retry < 4) {
        delay = OARC_BACKOFF_INITIAL_MS << retry;
    }
    uint8_t rnd[2] = { 0, 0 };
    if (c->port.entropy(c->port.ctx, rnd, sizeof(rnd)) != OARC_OK) {
        return delay; /* no jitter rather than no retry */
    }
    uint32_t r16 = ((uint32_t)rnd[0] << 8) | rnd[1];
    return delay - (uint32_t)(((uint64_t)delay * r16) / (4u * 65536u));
}

/* ---- the call ------------------------------------------------------------ */

static void record_response(oarc_client *c, const oarc_http_response *r)
{
    c->last.http_status = r->head_done ? r->status : 0;
    c->last.request_id = r->head_done ? r->request_id : (oarc_span){ NULL, 0 };
    c->last.has_retry_after = r->head_done && r->has_retry_after;
    c->last.retry_after_ms = c->last.has_retry_after ? r->retry_after_ms : 0u;
    memset(&c->last.error, 0, sizeof(c->last.error));
}

/* The client reserves the token pool as raw storage, so that oarc_client.h
 * needs no jsmn.h; this is where it becomes jsmn's array again. */
_Static_assert(sizeof(jsmntok_t) == OARC_JSON_TOKEN_SIZE, "OARC_JSON_TOKEN_SIZE is not jsmn's");
_Static_assert(_Alignof(jsmntok_t) <= _Alignof(int), "jsmntok_t is aligned beyond int");

static jsmntok_t *token_pool(oarc_client *c)
{
    return (jsmntok_t *)(void *)c->tokens;
}

/** A whole response arrived: a 2xx body is the result, anything else is the
 *  API's error (its body decoded when it is the usual error object). */
static oarc_status interpret(oarc_client *c, const oarc_http_response *r, oarc_json_doc *doc)
{
    if (r->status >= 200 && r->status <= 299) {
        return oarc_json_parse(doc, r->body, r->body_len, token_pool(c), OARC_JSON_MAX_TOKENS);
    }
    if (oarc_json_parse(doc, r->body, r->body_len, token_pool(c), OARC_JSON_MAX_TOKENS) == OARC_OK) {
        (void)oarc_api_error_decode(doc, &c->last.error);
    }
    return OARC_ERR_API;
}

oarc_status oarc_client_call(oarc_client *c, oarc_http_method method, oarc_span path,
                             bool has_body, size_t body_len, oarc_json_doc *doc)
{
    if (c == NULL || doc == NULL || path.ptr == NULL || c->admin_key == NULL ||
        body_len > sizeof(c->tx)) {
        return OARC_ERR_ARGUMENT;
    }
    const oarc_http_request req = {
        .method = method,
        .host = { c->url.host, c->url.host_len },
        .port = c->url.port,
        .default_port = c->url.default_port,
        .path = path,
        .bearer = { c->admin_key, c->admin_key_len },
        .organization = { c->organization, c->organization_len },
        .has_body = has_body,
    };
    memset(&c->last, 0, sizeof(c->last));
    memset(doc, 0, sizeof(*doc));
    const oarc_deadline d = { c->port.now_ms(c->port.ctx), c->timeout_ms };
    for (int attempt = 0;; attempt++) {
        oarc_http_response r;
        size_t total = 0;
        /* Each attempt writes its head, checked, before any connection is
         * made: a request that can never be sent fails on the first. The
         * head (with the key) is wiped as soon as the exchange is over. */
        oarc_status st = write_request(c, &req, body_len, &total);
        if (st != OARC_OK) {
            return st;
        }
        memset(&r, 0, sizeof(r));
        st = exchange(c, total, &r, &d);
        unwrite_request(c, total, body_len);
        record_response(c, &r);
        if (st == OARC_OK) {
            st = interpret(c, &r, doc);
        }
        if (st == OARC_OK || attempt >= c->max_retries || !retryable(st, &r)) {
            return st;
        }
        uint32_t delay = retry_delay_ms(c, &r, attempt);
        if (delay >= time_left(c, &d)) {
            return st; /* never sleep past the deadline */
        }
        OARC_LOG_INFO("oarc: %s (HTTP %d), retry %d in %u ms", oarc_status_str(st),
                      r.status, attempt + 1, (unsigned)delay);
        c->port.sleep_ms(c->port.ctx, delay);
        c->last.retries = attempt + 1;
    }
}
