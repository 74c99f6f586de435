/**
 * @file fuzz_http_differential.c
 * @brief oarc's HTTP response parser against an independent one, Debian's
 * http-parser (libhttp-parser-dev, the parser Node.js used). The input is
 * one response as it came off the wire, then the peer's close. Whenever oarc
 * accepts it, http-parser must accept the same bytes too and agree on the
 * status, the body after de-chunking, and whether the connection may be
 * kept alive; interim 1xx answers are skipped by both. A disagreement
 * aborts: one of the two parsers reads a response the other does not, and
 * oarc must not be the one that guesses.
 *
 * One difference is by design: a Content-Length repeated, or given as a list,
 * with every value the same ("2" then "2, 02") is one length to oarc, as
 * RFC 9110 section 8.6 lets a recipient read it, where http-parser refuses any
 * repeat. And a 1xx, 204 or 304 head ends its message whatever its
 * Content-Length says (RFC 9112 section 6.3), where http-parser reads that
 * many bytes of body after it (or chunks, for a Transfer-Encoding); and
 * framing and Connection headers in a chunked body's trailer section are
 * ignored by oarc where http-parser applies them; and http-parser 2.9.4 marks
 * a message as transfer-coded on any header name that merely starts with
 * "transfer-encoding" ("Transfer-Encodingn: b" reads as one), and does not
 * strip a value's trailing tab ("chunked\t" is not chunked to it; RFC 9110
 * section 5.5 says it is). So http-parser is given the same bytes with
 * those headers folded or dropped (fold_framing); everything else is
 * compared as it came.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <http_parser.h>

#include "http.h"

#define CAP 8192u
#define MAX_HEAD 4096u

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* ---- oarc ------------------------------------------------------------------ */

static char oarc_buf[CAP];

/* The whole input at once, then the close; OARC_OK when oarc accepts it. */
static oarc_status oarc_parse(const uint8_t *in, size_t len, oarc_http_response *r)
{
    size_t avail = 0;
    bool complete = false;
    oarc_status st;

    oarc_http_response_init(r, oarc_buf, CAP, MAX_HEAD);
    if (len == 0u) {
        return oarc_http_response_closed(r, &complete);
    }
    char *space = oarc_http_response_space(r, &avail);
    if (len > avail) {
        return OARC_ERR_HTTP_BODY_TOO_LARGE; /* not a response oarc reads here */
    }
    memcpy(space, in, len);
    st = oarc_http_response_feed(r, len, &complete);
    if (st == OARC_OK && !complete) {
        st = oarc_http_response_closed(r, &complete);
    }
    check((st == OARC_OK) == complete);
    return st;
}

/* ---- Content-Length folded for http-parser ------------------------------------ */

static uint8_t folded[CAP];

/* Whether line is a header line of that name (lower case, with its ':'). */
static bool is_header(const uint8_t *line, size_t len, const char *name)
{
    size_t n = strlen(name), i;

    if (len < n) {
        return false;
    }
    for (i = 0; i < n; i++) {
        uint8_t ch = line[i];
        if ((ch >= 'A' && ch <= 'Z' ? (uint8_t)(ch + 32u) : ch) != (uint8_t)name[i]) {
            return false;
        }
    }
    return true;
}

/* Where fold_framing is in the response. */
typedef enum section { IN_HEAD, IN_CHUNK_SIZE, IN_TRAILER, IN_REST } section;

/* The chunk size at the start of a chunk-size line (extensions ignored). */
static size_t chunk_size(const uint8_t *line, size_t len)
{
    size_t n = 0, i;

    for (i = 0; i < len && n < CAP; i++) {
        uint8_t ch = line[i] >= 'A' && line[i] <= 'F' ? (uint8_t)(line[i] + 32u) : line[i];
        if (ch >= '0' && ch <= '9') {
            n = n * 16u + (size_t)(ch - '0');
        } else if (ch >= 'a' && ch <= 'f') {
            n = n * 16u + (size_t)(ch - 'a' + 10);
        } else {
            break;
        }
    }
    return n;
}

/* in as http-parser is given it: in each head, the Content-Length lines
 * folded (the first one kept up to its first comma, the others dropped) and
 * both framing headers dropped from a head of a status with no body; the
 * framing and Connection headers of a chunked body's trailer section dropped
 * (a recipient ignores them: RFC 9110 section 6.5.1; http-parser applies
 * them). oarc accepted in, so its lines end
 * in CRLF, its lengths all agree and its chunks are well formed. */
static size_t fold_framing(const uint8_t *in, size_t len)
{
    size_t at = 0, out = 0;
    section where = IN_HEAD;
    bool status_line = true, interim = false, bodiless = false, chunked = false, seen = false;

    while (at < len && where != IN_REST) {
        const uint8_t *nl = memchr(in + at, '\n', len - at);
        size_t line_len = nl != NULL ? (size_t)(nl - (in + at)) + 1u : len - at;
        const uint8_t *comma = memchr(in + at, ',', line_len);
        bool empty = line_len == 2u && in[at] == '\r';
        bool header = !status_line && !empty && where != IN_CHUNK_SIZE;
        bool is_cl = header && is_header(in + at, line_len, "content-length:");
        bool is_te = header && is_header(in + at, line_len, "transfer-encoding:");
        bool is_conn = header && where == IN_TRAILER && is_header(in + at, line_len, "connection:");
        bool drop = is_conn ||
                    ((is_cl || is_te) && (where == IN_TRAILER || bodiless || (is_cl && seen)));
        size_t keep = drop ? 0u : is_cl && comma != NULL ? (size_t)(comma - (in + at)) : line_len;

        if (header && keep == line_len) { /* the value without its trailing OWS */
            keep = line_len - 2u;
            while (keep > 0u && (in[at + keep - 1u] == ' ' || in[at + keep - 1u] == '\t')) {
                keep--;
            }
        }

        memcpy(folded + out, in + at, keep);
        if (header && is_header(in + at, line_len, "transfer-encoding") && !is_te) {
            folded[out] = 'X'; /* http-parser 2.9.4 takes "Transfer-Encodingx:" for one */
        }
        out += keep;
        if (keep != line_len && !drop) {
            folded[out++] = '\r';
            folded[out++] = '\n';
        }
        at += line_len;
        seen = seen || is_cl;
        chunked = chunked || is_te;
        if (where == IN_CHUNK_SIZE) {
            size_t n = chunk_size(in + at - line_len, line_len);
            size_t data = n + 2u < len - at ? n + 2u : len - at; /* the data and its CRLF */
            if (n == 0u) {
                where = IN_TRAILER; /* the last chunk: no data, the trailer section next */
                continue;
            }
            memcpy(folded + out, in + at, data);
            out += data;
            at += data;
            continue;
        }
        if (status_line) { /* "HTTP/1.1 1xx", "HTTP/1.1 204", "HTTP/1.1 304" */
            interim = line_len > 12u && in[at - line_len + 9] == '1';
            bodiless = interim || (line_len > 12u && (memcmp(in + at - line_len + 9, "204", 3) == 0 ||
                                                      memcmp(in + at - line_len + 9, "304", 3) == 0));
        }
        status_line = false;
        if (empty) { /* the end of a head or of the trailer section */
            bool next_head = where == IN_HEAD && interim;
            where = next_head                                ? IN_HEAD
                    : where == IN_HEAD && chunked && !bodiless ? IN_CHUNK_SIZE
                                                               : IN_REST;
            status_line = next_head;
            seen = false;
            chunked = false;
        }
    }
    memcpy(folded + out, in + at, len - at);
    return out + (len - at);
}

/* ---- http-parser ------------------------------------------------------------- */

typedef struct reference {
    http_parser parser;
    char body[CAP];
    size_t body_len;
    bool overflow;
    int finals;        /* complete messages with a final (>= 200) status */
    int status;
    bool keep_alive;
} reference;

static reference ref;

static int on_message_begin(http_parser *p)
{
    (void)p;
    ref.body_len = 0;
    return 0;
}

static int on_body(http_parser *p, const char *at, size_t n)
{
    (void)p;
    if (n > sizeof ref.body - ref.body_len) {
        ref.overflow = true;
        return 0;
    }
    memcpy(ref.body + ref.body_len, at, n);
    ref.body_len += n;
    return 0;
}

static int on_message_complete(http_parser *p)
{
    if (p->status_code >= 200u) {
        ref.finals++;
        ref.status = (int)p->status_code;
        ref.keep_alive = http_should_keep_alive(p) != 0;
    }
    return 0;
}

static const http_parser_settings settings = {
    .on_message_begin = on_message_begin,
    .on_body = on_body,
    .on_message_complete = on_message_complete,
};

/* The bytes, then EOF; true when http-parser took every byte without error
 * and saw exactly one final response. */
static bool reference_parse(const uint8_t *in, size_t len)
{
    memset(&ref, 0, sizeof ref);
    http_parser_init(&ref.parser, HTTP_RESPONSE);
    size_t n = http_parser_execute(&ref.parser, &settings, (const char *)in, len);
    if (n != len || HTTP_PARSER_ERRNO(&ref.parser) != HPE_OK) {
        return false;
    }
    if (ref.finals == 0) {
        (void)http_parser_execute(&ref.parser, &settings, NULL, 0); /* EOF */
        if (HTTP_PARSER_ERRNO(&ref.parser) != HPE_OK) {
            return false;
        }
    }
    return ref.finals == 1 && !ref.overflow;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static oarc_http_response r;

    if (oarc_parse(data, size, &r) != OARC_OK) {
        return 0; /* oarc refuses: nothing of it is used */
    }
    check(reference_parse(folded, fold_framing(data, size)));
    check(r.status == ref.status);
    check(r.body_len == ref.body_len);
    check(r.body_len == 0u || memcmp(r.body, ref.body, r.body_len) == 0);
    check(r.keep_alive == ref.keep_alive);
    return 0;
}
