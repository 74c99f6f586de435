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
    check(reference_parse(data, size));
    check(r.status == ref.status);
    check(r.body_len == ref.body_len);
    check(r.body_len == 0u || memcmp(r.body, ref.body, r.body_len) == 0);
    check(r.keep_alive == ref.keep_alive);
    return 0;
}
