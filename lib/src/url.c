/**
 * @file url.c
 * @brief The base URL parser and the request path builder.
 *
 * Both halves are strict on purpose: what they accept ends up in a request
 * line, a Host header and a TLS hostname check, so anything that a server or
 * a proxy could read another way (userinfo, dot segments, percent escapes,
 * spaces, non-ASCII) is refused instead of being normalised.
 */
#include "url.h"

#include <stdint.h>
#include <string.h>

#include "text.h"

#define URL_PORT_HTTPS 443u
#define URL_PORT_HTTP 80u
/* "65535" has five digits; refusing a sixth (even a leading zero) keeps the
 * accumulated value far from overflow without a per-digit range test. */
#define URL_PORT_MAX_DIGITS 5u
#define URL_PORT_MAX 65535u

/* ------------------------------------------------------------------------ */
/* Character classes (ASCII only: a locale must never change what we accept) */

static bool is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/* RFC 3986 section 2.3: the only bytes a path segment may carry unencoded. */
static bool is_unreserved(char c)
{
    /* ALPHA DIGIT - . _ ~ as one bit each of 128: one test per byte. */
    static const uint32_t unreserved[4] = { 0x00000000u, 0x03FF6000u, 0x87FFFFFEu, 0x47FFFFFEu };
    unsigned char u = (unsigned char)c;

    return u < 128u && ((unreserved[u >> 5] >> (u & 31u)) & 1u) != 0u;
}

static char to_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* "." and ".." would be resolved away by the server or a proxy, changing
 * which resource the request names. */
static bool is_dot_segment(const char *s, size_t n)
{
    return (n == 1u && s[0] == '.') || (n == 2u && s[0] == '.' && s[1] == '.');
}

/* ------------------------------------------------------------------------ */
/* Base URL                                                                 */

/* Printable ASCII only: no space, no control byte, nothing above 0x7E. */
static bool all_visible_ascii(oarc_span text)
{
    for (size_t i = 0; i < text.len; i++) {
        unsigned char c = (unsigned char)text.ptr[i];
        if (c <= 0x20u || c >= 0x7Fu) {
            return false;
        }
    }
    return true;
}

/* True when text starts with lit (lowercase), comparing letters without case. */
static bool starts_with_nocase(oarc_span text, const char *lit, size_t lit_len)
{
    if (text.len < lit_len) {
        return false;
    }
    for (size_t i = 0; i < lit_len; i++) {
        if (to_lower(text.ptr[i]) != lit[i]) {
            return false;
        }
    }
    return true;
}

/* Sets tls and the default port; *pos is where the authority starts. */
static oarc_status parse_scheme(oarc_url *url, oarc_span text, bool allow_http, size_t *pos)
{
    static const char https[] = "https://";
    static const char http[] = "http://";

    if (starts_with_nocase(text, https, sizeof https - 1u)) {
        url->tls = true;
        url->port = URL_PORT_HTTPS;
        *pos = sizeof https - 1u;
        return OARC_OK;
    }
    if (starts_with_nocase(text, http, sizeof http - 1u)) {
        if (!allow_http) {
            return OARC_ERR_INSECURE_URL;
        }
        url->tls = false;
        url->port = URL_PORT_HTTP;
        *pos = sizeof http - 1u;
        return OARC_OK;
    }
    return OARC_ERR_URL;
}

/* 1..65535, decimal digits only: no sign, no empty port, no port 0. */
static oarc_status parse_port(const char *s, size_t n, uint16_t *port)
{
    uint32_t value = 0;

    if (n == 0u || n > URL_PORT_MAX_DIGITS) {
        return OARC_ERR_URL;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i])) {
            return OARC_ERR_URL;
        }
        value = value * 10u + (uint32_t)(s[i] - '0');
    }
    if (value == 0u || value > URL_PORT_MAX) {
        return OARC_ERR_URL;
    }
    *port = (uint16_t)value;
    return OARC_OK;
}

/* A DNS name or an IPv4 address. Letters, digits, '-', '.' and '_' (which
 * some private networks use) cover both; resolution judges the rest. */
static bool host_name_valid(const char *s, size_t n)
{
    if (n == 0u) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-' && s[i] != '.' && s[i] != '_') {
            return false;
        }
    }
    return true;
}

/* The inside of "[...]": hex digits, colons and dots (for an embedded IPv4),
 * with at least two colons ("::" is the shortest literal). Zone IDs ("%eth0")
 * are refused. Full validation is left to the address parser of the port;
 * this only makes sure nothing but an address reaches it. */
static bool ipv6_literal_valid(const char *s, size_t n)
{
    size_t colons = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] == ':') {
            colons++;
        } else if (!is_hex(s[i]) && s[i] != '.') {
            return false;
        }
    }
    return colons >= 2u;
}

/* Splits a[0..n) into host and optional ":port" and stores both. */
static oarc_status parse_authority(oarc_url *url, const char *a, size_t n)
{
    const char *host = a;
    size_t host_len = 0;
    size_t rest;

    if (n == 0u || memchr(a, '@', n) != NULL) {
        return OARC_ERR_URL; /* empty host, or userinfo (credentials in a URL) */
    }
    if (a[0] == '[') {
        const char *close = memchr(a, ']', n);
        if (close == NULL) {
            return OARC_ERR_URL;
        }
        host = a + 1;
        host_len = (size_t)(close - host);
        rest = (size_t)(close - a) + 1u;
        if (!ipv6_literal_valid(host, host_len)) {
            return OARC_ERR_URL;
        }
    } else {
        while (host_len < n && a[host_len] != ':') {
            host_len++;
        }
        rest = host_len;
        if (!host_name_valid(host, host_len)) {
            return OARC_ERR_URL;
        }
    }
    if (host_len > OARC_MAX_HOST_LEN) {
        return OARC_ERR_URL;
    }
    if (rest < n) {
        /* Only ":port" may follow the host. */
        if (a[rest] != ':') {
            return OARC_ERR_URL;
        }
        oarc_status status = parse_port(a + rest + 1u, n - rest - 1u, &url->port);
        if (status != OARC_OK) {
            return status;
        }
    }
    memcpy(url->host, host, host_len);
    url->host[host_len] = '\0';
    url->host_len = host_len;
    return OARC_OK;
}

/* p[0..n) is empty or starts with '/'. Trailing slashes go; what remains must
 * be "/seg/seg..." with non-empty segments of unreserved characters, none of
 * them "." or "..". No '%': a prefix is copied verbatim into every request,
 * so it must not need (or smuggle) any encoding. */
static oarc_status parse_prefix(oarc_url *url, const char *p, size_t n)
{
    size_t i = 0;

    while (n > 0u && p[n - 1u] == '/') {
        n--;
    }
    if (n > OARC_MAX_PATH_PREFIX_LEN) {
        return OARC_ERR_URL;
    }
    while (i < n) {
        size_t start = ++i; /* skip the '/' that starts every segment */
        while (i < n && p[i] != '/') {
            if (!is_unreserved(p[i])) {
                return OARC_ERR_URL;
            }
            i++;
        }
        if (i == start || is_dot_segment(p + start, i - start)) {
            return OARC_ERR_URL;
        }
    }
    memcpy(url->prefix, p, n);
    url->prefix[n] = '\0';
    url->prefix_len = n;
    return OARC_OK;
}

oarc_status oarc_url_parse(oarc_url *url, oarc_span text, bool allow_http)
{
    size_t pos = 0;
    size_t end;
    oarc_status status;

    if (url == NULL || text.ptr == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(url, 0, sizeof *url);
    if (!all_visible_ascii(text)) {
        return OARC_ERR_URL;
    }
    status = parse_scheme(url, text, allow_http, &pos);
    if (status != OARC_OK) {
        return status;
    }
    /* The authority runs to the first '/'; '?' and '#' never get that far
     * as valid characters, so query and fragment are refused on the way. */
    end = pos;
    while (end < text.len && text.ptr[end] != '/') {
        end++;
    }
    status = parse_authority(url, text.ptr + pos, end - pos);
    if (status == OARC_OK) {
        status = parse_prefix(url, text.ptr + end, text.len - end);
    }
    if (status != OARC_OK) {
        memset(url, 0, sizeof *url);
        return status;
    }
    url->default_port = url->port == (url->tls ? URL_PORT_HTTPS : URL_PORT_HTTP);
    return OARC_OK;
}

/* ------------------------------------------------------------------------ */
/* Request path                                                             */

/* Appends s[0..n) and the NUL, or fails the path. len < cap always holds
 * (the NUL has its byte), so cap - len cannot wrap. */
static void path_put(oarc_path *p, const char *s, size_t n)
{
    if (p->status != OARC_OK) {
        return;
    }
    if (n >= p->cap - p->len) {
        p->status = OARC_ERR_BUFFER_TOO_SMALL;
        return;
    }
    memcpy(p->buf + p->len, s, n);
    p->len += n;
    p->buf[p->len] = '\0';
}

/* Unreserved bytes pass; every other byte becomes %XX (uppercase, as RFC 3986
 * section 2.1 recommends), so '/', '?', '#', '%' and UTF-8 all stay inside
 * the one segment or value they belong to. */
static void path_put_encoded(oarc_path *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";

    size_t run = 0; /* start of the unreserved bytes not yet put */

    /* Unreserved bytes are copied a run at a time: an ID is mostly one run. */
    for (size_t i = 0; i < n && p->status == OARC_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_unreserved((char)c)) {
            const char esc[3] = { '%', hex[c >> 4], hex[c & 0x0Fu] };
            path_put(p, s + run, i - run);
            path_put(p, esc, sizeof esc);
            run = i + 1u;
        }
    }
    if (run < n) { /* an empty value may be { NULL, 0 } */
        path_put(p, s + run, n - run);
    }
}

/* Literals and segments belong before the query; after it they would end
 * up inside the last query value. */
static bool path_can_extend(oarc_path *p)
{
    if (p->status == OARC_OK && p->has_query) {
        p->status = OARC_ERR_ARGUMENT;
    }
    return p->status == OARC_OK;
}

oarc_status oarc_id_check(const char *id, size_t *len)
{
    size_t n;

    if (id == NULL) {
        return OARC_ERR_INVALID_ID;
    }
    /* Bounded: an unterminated giant string is never read past the limit. */
    n = oarc_strnlen(id, OARC_MAX_ID_LEN);
    if (n > OARC_MAX_ID_LEN) {
        return OARC_ERR_ID_TOO_LONG;
    }
    if (n == 0u || is_dot_segment(id, n)) {
        return OARC_ERR_INVALID_ID;
    }
    /* A plain prefix has no control byte nor DEL and is valid UTF-8 (most
     * IDs are plain throughout); the rest is checked byte by byte. */
    size_t plain = oarc_plain_prefix(id, n);
    for (size_t i = plain; i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        if (c < 0x20u || c == 0x7Fu) {
            return OARC_ERR_INVALID_ID;
        }
    }
    if (!oarc_utf8_valid(id + plain, n - plain)) {
        return OARC_ERR_INVALID_ID;
    }
    if (len != NULL) {
        *len = n;
    }
    return OARC_OK;
}

void oarc_path_init(oarc_path *p, char *buf, size_t cap, const oarc_url *url)
{
    if (p == NULL) {
        return;
    }
    p->buf = buf;
    p->cap = cap;
    p->len = 0;
    p->has_query = false;
    p->status = OARC_OK;
    if (buf == NULL || url == NULL || url->prefix_len > OARC_MAX_PATH_PREFIX_LEN) {
        p->cap = 0; /* nothing may ever be written through this path */
        p->status = OARC_ERR_ARGUMENT;
        return;
    }
    if (cap == 0u) {
        p->status = OARC_ERR_BUFFER_TOO_SMALL;
        return;
    }
    buf[0] = '\0';
    path_put(p, url->prefix, url->prefix_len);
}

void oarc_path_literal(oarc_path *p, const char *literal)
{
    if (p == NULL || !path_can_extend(p)) {
        return;
    }
    if (literal == NULL) {
        p->status = OARC_ERR_ARGUMENT;
        return;
    }
    /* Measured up to cap: anything longer fails path_put as too small. */
    path_put(p, literal, oarc_strnlen(literal, p->cap));
}

void oarc_path_segment(oarc_path *p, const char *id)
{
    size_t n = 0;
    oarc_status status;

    if (p == NULL || !path_can_extend(p)) {
        return;
    }
    status = oarc_id_check(id, &n);
    if (status != OARC_OK) {
        p->status = status;
        return;
    }
    path_put(p, "/", 1u);
    path_put_encoded(p, id, n);
}

void oarc_path_query(oarc_path *p, const char *name, oarc_span value)
{
    if (p == NULL || p->status != OARC_OK) {
        return;
    }
    if (name == NULL || (value.ptr == NULL && value.len != 0u)) {
        p->status = OARC_ERR_ARGUMENT;
        return;
    }
    /* Encoding would carry any byte safely, but a cursor or an ID that is
     * not UTF-8 is a caller bug the server would only answer with a 400. */
    if (value.len != 0u && !oarc_utf8_valid(value.ptr, value.len)) {
        p->status = OARC_ERR_INVALID_UTF8;
        return;
    }
    path_put(p, p->has_query ? "&" : "?", 1u);
    path_put(p, name, oarc_strnlen(name, p->cap));
    path_put(p, "=", 1u);
    path_put_encoded(p, value.ptr, value.len);
    p->has_query = true;
}

oarc_status oarc_path_finish(oarc_path *p, oarc_span *out)
{
    if (p == NULL || out == NULL) {
        if (out != NULL) {
            out->ptr = NULL;
            out->len = 0;
        }
        return OARC_ERR_ARGUMENT;
    }
    if (p->status != OARC_OK) {
        out->ptr = NULL;
        out->len = 0;
        return p->status;
    }
    out->ptr = p->buf;
    out->len = p->len;
    return OARC_OK;
}
