/**
 * @file http.c
 * @brief HTTP/1.1 request-head writer and incremental, in-place response
 * parser (contract in http.h).
 *
 * The parser keeps everything in oarc_http_response and works on complete
 * lines only, so it reaches the same state whatever way the input is split:
 * a partial line simply stays in the buffer until its LF arrives. Lines must
 * end in CRLF; a bare LF or a CR elsewhere is a protocol error, since a
 * lenient reading of line ends is how request smuggling starts.
 *
 * Buffer layout while parsing: [head][body so far][gap][unparsed input].
 * The head stays at buf[0] so x-request-id can point into it. The gap only
 * exists inside one feed while chunk framing is consumed; it is closed at the
 * end of every feed, so free space is never lost to framing.
 */
#include "http.h"

#include <stdint.h>
#include <string.h>

#include "oarc/oarc_config.h"
#include "oarc/oarc_version.h" /* generated: cmake/OarcVersion.cmake */
#include "text.h"

/* ---------------------------------------------------------------- bytes */

static bool is_ows(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char to_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

/* The word at p, any alignment: compilers make the memcpy one load. */
static size_t word_at(const char *p)
{
    size_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/**
 * True when s equals lit[0..lit_len), ignoring ASCII case. lit holds only
 * lower-case letters and '-', and s no CR (take_line() refuses a CR that
 * does not end a line). Setting bit 0x20 of a byte of s then lower-cases a
 * letter and maps no other byte onto a byte of lit ('-' is 0x2D; only CR,
 * 0x0D, would map to it), so the comparison is exact a word at a time; a
 * tail shorter than a word is the last whole word, overlapping.
 */
static bool eq_nocase_n(oarc_span s, const char *lit, size_t lit_len)
{
    const size_t case_bits = (SIZE_MAX / 0xFFu) * 0x20u;
    size_t i = 0;

    if (s.len != lit_len) {
        return false;
    }
    for (; s.len - i >= sizeof(size_t); i += sizeof(size_t)) {
        if ((word_at(s.ptr + i) | case_bits) != word_at(lit + i)) {
            return false;
        }
    }
    if (i < s.len && i >= sizeof(size_t)) {
        size_t at = s.len - sizeof(size_t);
        return (word_at(s.ptr + at) | case_bits) == word_at(lit + at);
    }
    for (; i < s.len; i++) {
        if ((char)(s.ptr[i] | 0x20) != lit[i]) {
            return false;
        }
    }
    return true;
}

/** True when s equals the lower-case literal lit, ignoring ASCII case. */
static bool eq_nocase(oarc_span s, const char *lit)
{
    return eq_nocase_n(s, lit, strlen(lit));
}

/** s[0..n) without leading and trailing SP / HTAB (RFC 9110 OWS). */
static oarc_span trim(const char *s, size_t n)
{
    while (n > 0u && is_ows(s[0])) {
        s++;
        n--;
    }
    while (n > 0u && is_ows(s[n - 1u])) {
        n--;
    }
    return (oarc_span){ s, n };
}

/* ======================================================= request writer */

/**
 * Where the head goes. With dst NULL it only counts, so the same code
 * measures the head and then writes it: the two can never disagree. The
 * count saturates so absurd span lengths cannot wrap it on 32-bit targets.
 */
typedef struct head_sink {
    char *dst;
    size_t len;
} head_sink;

static void put(head_sink *s, const char *p, size_t n)
{
    if (s->dst != NULL) {
        memcpy(s->dst + s->len, p, n); /* only after the fit was checked */
    }
    s->len = (n > SIZE_MAX - s->len) ? SIZE_MAX : s->len + n;
}

static void put_str(head_sink *s, const char *lit)
{
    put(s, lit, strlen(lit));
}

static void put_dec(head_sink *s, size_t v)
{
    char digits[20]; /* enough for a 64-bit size_t */
    size_t n = sizeof digits;

    if (s->dst == NULL) { /* measuring: how many digits is enough */
        size_t count = 1u;
        while (v >= 10u) {
            v /= 10u;
            count++;
        }
        put(s, "00000000000000000000", count); /* only counted */
        return;
    }
    do {
        digits[--n] = "0123456789"[v % 10u];
        v /= 10u;
    } while (v != 0u && n > 0u);
    put(s, digits + n, sizeof digits - n);
}

static void emit_head(head_sink *s, const oarc_http_request *req, size_t body_len)
{
    static const char methods[][8] = { "GET ", "POST ", "DELETE " };
    bool ipv6 = memchr(req->host.ptr, ':', req->host.len) != NULL;

    put_str(s, methods[req->method]);
    put(s, req->path.ptr, req->path.len);
    put_str(s, " HTTP/1.1\r\nHost: ");
    put_str(s, ipv6 ? "[" : "");
    put(s, req->host.ptr, req->host.len);
    put_str(s, ipv6 ? "]" : "");
    if (!req->default_port) {
        put_str(s, ":");
        put_dec(s, req->port);
    }
    if (req->bearer.len > 0u) {
        /* Straight from the caller's span into buf: the key is copied once. */
        put_str(s, "\r\nAuthorization: Bearer ");
        put(s, req->bearer.ptr, req->bearer.len);
    }
    if (req->organization.len > 0u) {
        put_str(s, "\r\nOpenAI-Organization: ");
        put(s, req->organization.ptr, req->organization.len);
    }
    put_str(s, "\r\nUser-Agent: oarc/" OARC_VERSION_STRING
               "\r\nAccept: application/json\r\n");
    if (req->has_body) {
        put_str(s, "Content-Type: application/json\r\nContent-Length: ");
        put_dec(s, body_len);
        put_str(s, "\r\n");
    }
    put_str(s, "\r\n");
}

/**
 * A value we put on a header line: no CR, LF, NUL or other control byte
 * (HTAB aside) and no DEL, which is what keeps a value from starting a new
 * header line. In_line values (host, path) may not hold SP or HTAB either,
 * since both sit between other tokens.
 */
static oarc_status check_value(oarc_span v, bool in_line)
{
    if (v.ptr == NULL) {
        return v.len == 0u ? OARC_OK : OARC_ERR_ARGUMENT;
    }
    /* Plain bytes (printable ASCII) are fine in a header value, and all but SP are
     * in host and path: the key and the path are all plain, checked a word
     * at a time. */
    size_t plain = oarc_plain_prefix(v.ptr, v.len);
    if (in_line && memchr(v.ptr, ' ', plain) != NULL) {
        return OARC_ERR_HEADER_VALUE;
    }
    for (size_t i = plain; i < v.len; i++) {
        unsigned char c = (unsigned char)v.ptr[i];
        if (c == 0x7Fu || (c < 0x20u && c != '\t') || (in_line && c <= 0x20u)) {
            return OARC_ERR_HEADER_VALUE;
        }
    }
    return OARC_OK;
}

static oarc_status check_request(const char *buf, size_t cap, size_t body_len,
                                 const oarc_http_request *req)
{
    oarc_status st = OARC_OK;

    if (req == NULL || buf == NULL || body_len > cap ||
        (unsigned)req->method > (unsigned)OARC_HTTP_DELETE ||
        (!req->has_body && body_len > 0u)) {
        return OARC_ERR_ARGUMENT;
    }
    const oarc_span *values[4] = { &req->host, &req->path, &req->bearer, &req->organization };
    for (size_t i = 0u; i < 4u && st == OARC_OK; i++) {
        st = check_value(*values[i], i < 2u); /* host and path sit inside a line */
    }
    if (st == OARC_OK && (req->host.len == 0u || req->path.len == 0u ||
                          req->path.ptr[0] != '/')) {
        st = OARC_ERR_HEADER_VALUE;
    }
    return st;
}

/* The head's length, measured without writing, when head + body fit cap. */
static oarc_status measure_head(size_t cap, size_t body_len, const oarc_http_request *req,
                                size_t *head_len)
{
    head_sink sink = { NULL, 0u };

    emit_head(&sink, req, body_len);
    if (sink.len > cap - body_len) {
        return OARC_ERR_BUFFER_TOO_SMALL;
    }
    *head_len = sink.len;
    return OARC_OK;
}

oarc_status oarc_http_check_request(const char *buf, size_t cap, size_t body_len,
                                    const oarc_http_request *req)
{
    size_t head_len = 0u;
    oarc_status st = check_request(buf, cap, body_len, req);

    return st != OARC_OK ? st : measure_head(cap, body_len, req, &head_len);
}

oarc_status oarc_http_write_request(char *buf, size_t cap, size_t body_len,
                                    const oarc_http_request *req, size_t *out_len)
{
    head_sink sink = { buf, 0u };
    size_t head_len = 0u;
    oarc_status st;

    if (out_len == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    *out_len = 0u;
    st = check_request(buf, cap, body_len, req);
    if (st == OARC_OK) {
        st = measure_head(cap, body_len, req, &head_len);
    }
    if (st != OARC_OK) {
        return st;
    }
    memmove(buf + head_len, buf, body_len);
    emit_head(&sink, req, body_len);
    *out_len = head_len + body_len;
    return OARC_OK;
}

/* ====================================================== response parser */

/**
 * The base-10 or base-16 digits at the start of s, as *out, which saturates
 * at SIZE_MAX: callers take SIZE_MAX to mean "too big to represent". Returns
 * how many digits there were. size_t rather than 64 bits keeps the arithmetic
 * native on Cortex-M, and nothing larger than size_t fits a buffer anyway.
 */
static size_t scan_number(oarc_span s, bool hex, size_t *out)
{
    size_t v = 0u;
    size_t base = hex ? 16u : 10u;
    size_t i = 0u;

    for (; i < s.len; i++) {
        char c = s.ptr[i];
        size_t d;
        if (is_digit(c)) {
            d = (size_t)(c - '0');
        } else if (hex && (c = to_lower(c)) >= 'a' && c <= 'f') {
            d = (size_t)(c - 'a' + 10);
        } else {
            break;
        }
        v = (v > (SIZE_MAX - d) / base) ? SIZE_MAX : v * base + d;
    }
    *out = v;
    return i;
}

/** s is one decimal number, nothing else (it may have saturated). */
static bool parse_dec(oarc_span s, size_t *out)
{
    return s.len > 0u && scan_number(s, false, out) == s.len;
}

/** The next element of a comma-separated list, trimmed; advances *pos past its comma. */
static oarc_span list_item(oarc_span list, size_t *pos)
{
    size_t start = *pos;
    size_t end = start;

    while (end < list.len && list.ptr[end] != ',') {
        end++;
    }
    *pos = end + 1u;
    return trim(list.ptr + start, end - start);
}

/**
 * Content-Length, possibly repeated or a list ("5, 5"): every value must be
 * the same, since two framings of one message are the core of smuggling.
 */
static oarc_status on_content_length(oarc_http_response *r, oarc_span v)
{
    size_t pos = 0u;

    while (pos <= v.len) { /* pos moves past one comma per round */
        size_t n = 0u;
        /* SIZE_MAX: more than any buffer could hold, maybe more than 64 bits. */
        if (!parse_dec(list_item(v, &pos), &n) || n == SIZE_MAX ||
            (r->has_length && n != r->remaining)) {
            return OARC_ERR_HTTP_PROTOCOL;
        }
        r->has_length = true;
        r->remaining = n; /* the body length, until the head ends */
    }
    return OARC_OK;
}

static void on_connection(oarc_http_response *r, oarc_span v)
{
    size_t pos = 0u;

    while (pos <= v.len) {
        oarc_span token = list_item(v, &pos);
        if (eq_nocase(token, "close")) {
            r->conn_close = true;
        } else if (eq_nocase(token, "keep-alive")) {
            r->keep_alive = true; /* matters for HTTP/1.0 only */
        }
    }
}

/**
 * retry-after (whole seconds) or, when in_ms, retry-after-ms as the OpenAI
 * SDKs send it: milliseconds, maybe with a fraction, which rounds up so a
 * retry is never early. retry-after-ms wins whichever comes first. Anything
 * else (an HTTP-date, say) is ignored: an advisory header should not fail a
 * response.
 */
static void on_retry_after(oarc_http_response *r, oarc_span v, bool in_ms)
{
    size_t whole = 0u;
    size_t fraction = 0u;
    size_t n = scan_number(v, false, &whole);

    if (n == 0u || (r->retry_ms_seen && !in_ms)) {
        return;
    }
    if (n < v.len) {
        oarc_span rest = { v.ptr + n + 1u, v.len - n - 1u };
        if (!in_ms || v.ptr[n] != '.' || scan_number(rest, false, &fraction) != rest.len) {
            return;
        }
    }
    if (!in_ms) {
        whole = whole > UINT32_MAX / 1000u ? UINT32_MAX : whole * 1000u;
    } else if (fraction > 0u && whole < UINT32_MAX) {
        whole++;
    }
    r->retry_after_ms = whole > UINT32_MAX ? UINT32_MAX : (uint32_t)whole;
    r->has_retry_after = true;
    r->retry_ms_seen = r->retry_ms_seen || in_ms;
}

enum header_id {
    H_CONTENT_LENGTH,
    H_TRANSFER_ENCODING,
    H_CONNECTION,
    H_REQUEST_ID,
    H_RETRY_AFTER,
    H_RETRY_AFTER_MS,
    H_SHOULD_RETRY,
    H_COUNT
};

/* In header_id order, each after its length byte, packed: most header
 * lines are told apart by length alone. */
#define HEADER_NAME(len, lit) len lit
static const char header_names[] =
    HEADER_NAME("\016", "content-length") HEADER_NAME("\021", "transfer-encoding")
    HEADER_NAME("\012", "connection") HEADER_NAME("\014", "x-request-id")
    HEADER_NAME("\013", "retry-after") HEADER_NAME("\016", "retry-after-ms")
    HEADER_NAME("\016", "x-should-retry");
_Static_assert(sizeof header_names == 7u + 14u + 17u + 10u + 12u + 11u + 14u + 14u + 1u,
               "the length bytes of header_names do not add up to its names");

/** A header the client uses, by its index in header_names. */
static oarc_status on_header(oarc_http_response *r, size_t id, oarc_span v)
{
    switch (id) {
    case H_CONTENT_LENGTH:
        return on_content_length(r, v);
    case H_TRANSFER_ENCODING:
        /* Only "chunked", once: we cannot decode anything else, and a
         * coding we do not understand leaves the framing unknown. */
        if (r->chunked || !eq_nocase(v, "chunked")) {
            return OARC_ERR_HTTP_PROTOCOL;
        }
        r->chunked = true;
        break;
    case H_CONNECTION:
        on_connection(r, v);
        break;
    case H_REQUEST_ID:
        /* The byte after the value (OWS or CR) is already parsed. */
        r->buf[(size_t)(v.ptr - r->buf) + v.len] = '\0';
        r->request_id = v;
        break;
    case H_RETRY_AFTER:
    case H_RETRY_AFTER_MS:
        on_retry_after(r, v, id == H_RETRY_AFTER_MS);
        break;
    default: /* H_SHOULD_RETRY: parse_field() passes no other id */
        if (eq_nocase(v, "true")) {
            r->should_retry = 1;
        } else if (eq_nocase(v, "false")) {
            r->should_retry = 0;
        }
        break;
    }
    return OARC_OK;
}

/** One CRLF-terminated line, CRLF not included; plain: how many of its
 *  first bytes are plain (oarc_plain_prefix), at most len. */
typedef struct head_line {
    const char *ptr;
    size_t len;
    size_t plain;
} head_line;

/* A character of a field name (RFC 9110 5.6.2 tchar); a name with any
 * other is refused, as parsers disagree on where such a name ends. */
static bool is_tchar(char c)
{
    /* One bit per byte value, set for ALPHA, DIGIT and !#$%&'*+-.^_`|~:
     * bytes 0-63 in the first word, 64-127 in the second, none above. One
     * lookup per byte, where comparing ranges and searching the 15 others
     * cost tens. */
    static const uint64_t tchar[4] = { 0x03FF6CFA00000000u, 0x57FFFFFFC7FFFFFEu, 0u, 0u };
    unsigned char u = (unsigned char)c;

    return ((tchar[u >> 6] >> (u & 63u)) & 1u) != 0u;
}

/**
 * "name: value" (a header, or a trailer when !use). A line starting with
 * whitespace is obsolete folding; whitespace before the colon is refused too
 * (RFC 9112 5.1), both because peers disagree on what they mean.
 */
static oarc_status parse_field(oarc_http_response *r, head_line line, bool use)
{
    const char *s = line.ptr;
    size_t n = line.len;
    /* The name ends at the first colon and is a token (RFC 9110 5.6.2):
     * the first byte that is no tchar must be that colon. */
    size_t colon = 0u;

    while (colon < n && is_tchar(s[colon])) {
        colon++;
    }
    if (colon == 0u || colon == n || s[colon] != ':') {
        return OARC_ERR_HTTP_PROTOCOL;
    }
    const char *name = header_names;
    for (size_t id = 0u; use && id < (size_t)H_COUNT; id++) {
        size_t len = (unsigned char)name[0];
        if (eq_nocase_n((oarc_span){ s, colon }, name + 1, len)) {
            return on_header(r, id, trim(s + colon + 1u, n - colon - 1u));
        }
        name += 1u + len;
    }
    return OARC_OK;
}

/** "HTTP/1.x SP 3DIGIT [SP reason]"; the reason may be empty or absent. */
static oarc_status parse_status_line(oarc_http_response *r, const char *s, size_t n)
{
    size_t status = 0u;

    /* 101 would switch protocols, which we never ask for. */
    if (n < 12u || memcmp(s, "HTTP/1.", 7u) != 0 || (s[7] != '0' && s[7] != '1') ||
        s[8] != ' ' || (n > 12u && s[12] != ' ') ||
        !parse_dec((oarc_span){ s + 9, 3u }, &status) ||
        status < 100u || status > 599u || status == 101u) {
        return OARC_ERR_HTTP_PROTOCOL;
    }
    r->status = (int)status;
    r->keep_alive = s[7] == '1'; /* HTTP/1.0 needs "Connection: keep-alive" */
    return OARC_OK;
}

/** Offset just past the body decoded so far. */
static size_t body_end(const oarc_http_response *r)
{
    return (size_t)(r->body - r->buf) + r->body_len;
}

/**
 * r->remaining body bytes come next: a Content-Length body or one chunk.
 * Refused at once when they cannot fit, so nothing is received in vain;
 * none at all moves on to `after`.
 */
static oarc_status expect_data(oarc_http_response *r, oarc_http_state after)
{
    if (r->remaining == 0u) {
        r->state = after;
    } else if (r->remaining > r->cap - body_end(r)) {
        return OARC_ERR_HTTP_BODY_TOO_LARGE;
    } else {
        r->state = r->chunked ? OARC_HTTP_STATE_CHUNK_DATA : OARC_HTTP_STATE_BODY_LENGTH;
    }
    return OARC_OK;
}

/** The blank line: decide how the body is framed. */
static oarc_status end_head(oarc_http_response *r)
{
    size_t head_len = r->parsed;

    if (r->status < 200) {
        /* Interim (100 Continue...): forget it and parse what follows as a
         * fresh head at buf[0], so the final head alone counts to max_head. */
        size_t rest = r->used - head_len;
        memmove(r->buf, r->buf + head_len, rest);
        oarc_http_response_init(r, r->buf, r->cap, r->max_head);
        r->used = rest;
        r->any_byte = true;
        return OARC_OK;
    }
    if (r->has_length && r->chunked) {
        return OARC_ERR_HTTP_PROTOCOL;
    }
    r->head_done = true;
    r->body = r->buf + head_len;
    r->keep_alive = r->keep_alive && !r->conn_close;
    if (r->status == 204 || r->status == 304) {
        r->state = OARC_HTTP_STATE_DONE;
    } else if (r->chunked) {
        r->state = OARC_HTTP_STATE_CHUNK_SIZE;
    } else if (r->has_length) {
        return expect_data(r, OARC_HTTP_STATE_DONE);
    } else {
        /* Only the peer's close ends this body, so the connection goes. */
        r->keep_alive = false;
        r->remaining = SIZE_MAX;
        r->state = OARC_HTTP_STATE_BODY_CLOSE;
    }
    return OARC_OK;
}

/** chunk-size [BWS ; extensions], size in hex; extensions are ignored.
 *  BWS is spaces only, and only before a ';': a tab there, or whitespace
 *  ending the line, is where parsers disagree (http-parser refuses a tab). */
static oarc_status parse_chunk_size(oarc_http_response *r, const char *s, size_t n)
{
    size_t i = scan_number((oarc_span){ s, n }, true, &r->remaining);

    if (i == 0u || r->remaining == SIZE_MAX) {
        return OARC_ERR_HTTP_PROTOCOL; /* empty, not hex, or too big to hold */
    }
    size_t digits_end = i;
    while (i < n && s[i] == ' ') {
        i++;
    }
    if (i < n) {
        return s[i] == ';' ? OARC_OK : OARC_ERR_HTTP_PROTOCOL;
    }
    return i == digits_end ? OARC_OK : OARC_ERR_HTTP_PROTOCOL;
}

/**
 * The next CRLF-terminated line in buf[parsed..limit), or *line NULL when it
 * has not fully arrived. Control bytes other than HTAB, DEL, a bare CR and a
 * bare LF are refused as soon as they are seen.
 */
static oarc_status take_line(oarc_http_response *r, size_t limit, head_line *line)
{
    size_t plain = oarc_plain_prefix(r->buf + r->parsed, limit - r->parsed);

    line->ptr = NULL;
    /* A plain run holds no control byte, CR or LF: nothing to stop at. */
    for (size_t i = r->parsed + plain; i < limit; i++) {
        unsigned char c = (unsigned char)r->buf[i];
        if (c == '\n') {
            if (i == r->parsed || r->buf[i - 1u] != '\r') {
                return OARC_ERR_HTTP_PROTOCOL;
            }
            line->ptr = r->buf + r->parsed;
            line->len = i - 1u - r->parsed;
            line->plain = plain; /* the CR ended it at the latest */
            r->parsed = i + 1u;
            return OARC_OK;
        }
        if ((c < 0x20u && c != '\t' && c != '\r') || c == 0x7Fu ||
            (c == '\r' && i + 1u < limit && r->buf[i + 1u] != '\n')) {
            return OARC_ERR_HTTP_PROTOCOL;
        }
    }
    return OARC_OK;
}

/** One line of the head, of chunk framing (size, end of data) or of the trailers. */
static oarc_status line_step(oarc_http_response *r, bool *more)
{
    /* The head may not reach past max_head, so do not even look there. */
    size_t limit = (r->state == OARC_HTTP_STATE_HEAD && r->max_head < r->used) ? r->max_head : r->used;
    head_line line = { NULL, 0u, 0u };
    oarc_status st = take_line(r, limit, &line);
    size_t len = line.len;

    if (st != OARC_OK || line.ptr == NULL) {
        *more = true;
        return st;
    }
    if (r->state == OARC_HTTP_STATE_HEAD) {
        if (r->status == 0) {
            return parse_status_line(r, line.ptr, len);
        }
        return len == 0u ? end_head(r) : parse_field(r, line, true);
    }
    if (r->state == OARC_HTTP_STATE_TRAILERS) {
        if (len == 0u) {
            r->state = OARC_HTTP_STATE_DONE;
            return OARC_OK;
        }
        return parse_field(r, line, false);
    }
    if (r->state == OARC_HTTP_STATE_CHUNK_DATA_END) {
        /* Chunk data must be followed by CRLF alone: an empty line. */
        r->state = OARC_HTTP_STATE_CHUNK_SIZE;
        return len == 0u ? OARC_OK : OARC_ERR_HTTP_PROTOCOL;
    }
    st = parse_chunk_size(r, line.ptr, len);
    return st != OARC_OK ? st : expect_data(r, OARC_HTTP_STATE_TRAILERS);
}

/** Body bytes (length-, chunk- or close-delimited): slide them onto the body's end. */
static void data_step(oarc_http_response *r)
{
    size_t n = r->used - r->parsed;

    if (r->remaining < n) {
        n = r->remaining;
    }
    memmove(r->buf + body_end(r), r->buf + r->parsed, n); /* no-op without a gap */
    r->parsed += n;
    r->body_len += n;
    r->remaining -= n;
    if (r->remaining == 0u) {
        r->state = r->chunked ? OARC_HTTP_STATE_CHUNK_DATA_END : OARC_HTTP_STATE_DONE;
    }
}

/** Parse what has arrived, then close the gap and check the limits. */
static oarc_status parse_input(oarc_http_response *r)
{
    oarc_status st = OARC_OK;
    bool more = false;

    /* Bounded: every round consumes input, or sets more, or fails. */
    while (st == OARC_OK && !more && r->parsed < r->used && r->state != OARC_HTTP_STATE_DONE) {
        if (r->state == OARC_HTTP_STATE_BODY_LENGTH || r->state == OARC_HTTP_STATE_BODY_CLOSE ||
            r->state == OARC_HTTP_STATE_CHUNK_DATA) {
            data_step(r);
        } else {
            st = line_step(r, &more);
        }
    }
    if (st != OARC_OK) {
        return st;
    }
    if (r->head_done) {
        size_t rest = r->used - r->parsed;
        memmove(r->buf + body_end(r), r->buf + r->parsed, rest);
        r->parsed = body_end(r);
        r->used = r->parsed + rest;
    }
    if (r->state == OARC_HTTP_STATE_DONE) {
        return r->parsed < r->used ? OARC_ERR_HTTP_PROTOCOL : OARC_OK;
    }
    /* An unfinished head this long cannot end within max_head. */
    if (r->state == OARC_HTTP_STATE_HEAD && r->used >= r->max_head) {
        return OARC_ERR_HTTP_HEAD_TOO_LARGE;
    }
    /* Full and unfinished: nothing more could be received. */
    return r->used == r->cap ? OARC_ERR_HTTP_BODY_TOO_LARGE : OARC_OK;
}

void oarc_http_response_init(oarc_http_response *r, char *buf, size_t cap, size_t max_head)
{
    if (r == NULL) {
        return;
    }
    memset(r, 0, sizeof *r);
    r->should_retry = -1;
    r->buf = buf;
    r->cap = cap;
    r->max_head = (max_head == 0u || max_head > cap) ? cap : max_head;
    r->error = (buf == NULL || cap == 0u) ? OARC_ERR_ARGUMENT : OARC_OK;
}

char *oarc_http_response_space(const oarc_http_response *r, size_t *avail)
{
    if (r == NULL || r->buf == NULL) {
        if (avail != NULL) {
            *avail = 0u;
        }
        return NULL;
    }
    if (avail != NULL) {
        *avail = r->cap - r->used;
    }
    return r->buf + r->used;
}

oarc_status oarc_http_response_feed(oarc_http_response *r, size_t n, bool *complete)
{
    if (r == NULL || complete == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    *complete = false;
    if (r->error != OARC_OK) {
        return r->error; /* the first failure sticks */
    }
    if (n > r->cap - r->used) {
        r->error = OARC_ERR_ARGUMENT;
    } else {
        r->any_byte = r->any_byte || n > 0u;
        r->used += n;
        r->error = parse_input(r);
    }
    *complete = r->error == OARC_OK && r->state == OARC_HTTP_STATE_DONE;
    return r->error;
}

oarc_status oarc_http_response_closed(oarc_http_response *r, bool *complete)
{
    if (r == NULL || complete == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    if (r->error == OARC_OK) {
        if (r->state == OARC_HTTP_STATE_BODY_CLOSE) {
            r->state = OARC_HTTP_STATE_DONE;
        } else if (r->state != OARC_HTTP_STATE_DONE) {
            r->error = OARC_ERR_HTTP_PROTOCOL; /* truncated */
        }
    }
    *complete = r->error == OARC_OK;
    return r->error;
}
