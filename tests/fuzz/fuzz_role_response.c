/**
 * @file fuzz_role_response.c
 * @brief The receive chain of a Roles call: raw bytes -> HTTP response parser
 * -> JSON parser -> Role decoder and API error decoder.
 *
 * The input is received twice, once in one piece and once in small pieces
 * whose size depends on the input, and both must agree (http.h promises the
 * same result whatever the split). A decoded Role must point inside the body
 * at NUL-terminated text, and every refusal must name its member.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "json_read.h"
#include "api_error.h"
#include "role_decode.h"

#define RX_CAP OARC_RX_BUFFER_SIZE
#define POOL 64u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct received {
    char buf[RX_CAP];
    oarc_http_response r;
    oarc_status status;
    bool complete;
} received;

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* The input is all the peer sent before closing: fed in pieces of at most
 * step bytes, all of it (bytes after a complete response are the parser's to
 * refuse), then the close if the response is not complete by then. */
static void receive(received *rx, const uint8_t *data, size_t size, size_t step)
{
    size_t at = 0;

    oarc_http_response_init(&rx->r, rx->buf, sizeof rx->buf, OARC_HTTP_MAX_HEAD_SIZE);
    rx->status = OARC_OK;
    rx->complete = false;
    while (at < size && rx->status == OARC_OK) {
        size_t avail = 0;
        char *space = oarc_http_response_space(&rx->r, &avail);
        size_t n = size - at;

        if (space == NULL || avail == 0u) {
            break; /* the parser has no room: feeding nothing must not loop */
        }
        n = n < step ? n : step;
        n = n < avail ? n : avail;
        memcpy(space, data + at, n);
        at += n;
        rx->status = oarc_http_response_feed(&rx->r, n, &rx->complete);
    }
    if (rx->status == OARC_OK && !rx->complete) {
        rx->status = oarc_http_response_closed(&rx->r, &rx->complete);
    }
}

/* A decoded span is absent, or lies inside the body and ends in a NUL. */
static void check_span(oarc_span s, const received *rx, bool may_be_null)
{
    const char *end = rx->r.body + rx->r.body_len;

    if (s.ptr == NULL) {
        check(may_be_null && s.len == 0u);
        return;
    }
    check(s.ptr >= rx->r.body && s.ptr <= end && s.len <= (size_t)(end - s.ptr));
    check(s.ptr[s.len] == '\0');
}

static void check_role(const oarc_role *role, const received *rx)
{
    check_span(role->id, rx, false);
    check_span(role->name, rx, false);
    check_span(role->description, rx, true);
    check_span(role->resource_type, rx, false);
    check(role->permission_count <= OARC_MAX_PERMISSIONS);
    for (size_t i = 0; i < role->permission_count; i++) {
        check_span(role->permissions[i], rx, false);
    }
}

static void decode_body(received *rx)
{
    jsmntok_t pool[POOL];
    oarc_json_doc doc;
    oarc_role role;
    oarc_api_error err;
    oarc_status status;

    if (oarc_json_parse(&doc, rx->r.body, rx->r.body_len, pool, POOL) != OARC_OK) {
        return;
    }
    status = oarc_role_decode(&doc, 0, &role);
    if (status == OARC_OK) {
        check(doc.bad_field == NULL);
        check_role(&role, rx);
    } else {
        /* Only the id and name may be left, each a string of the body. */
        check(doc.bad_field != NULL && role.permission_count == 0u &&
              role.description.ptr == NULL && role.resource_type.ptr == NULL &&
              !role.predefined_role);
        check_span(role.id, rx, true);
        check_span(role.name, rx, true);
    }
    /* The same document again, as client.c does for a failed call. */
    status = oarc_api_error_decode(&doc, &err);
    if (status == OARC_OK) {
        check_span(err.message, rx, true);
        check_span(err.type, rx, true);
        check_span(err.param, rx, true);
        check_span(err.code, rx, true);
    } else {
        check(doc.bad_field != NULL && err.message.ptr == NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static received whole; /* static: two rx buffers are too big for some stacks */
    static received pieces;

    receive(&whole, data, size, size == 0u ? 1u : size);
    receive(&pieces, data, size, 1u + size % 23u);
    check(whole.status == pieces.status && whole.complete == pieces.complete);
    if (whole.status != OARC_OK || !whole.complete) {
        return 0;
    }
    check(whole.r.status == pieces.r.status && whole.r.body_len == pieces.r.body_len);
    check(whole.r.body_len == 0u || memcmp(whole.r.body, pieces.r.body, whole.r.body_len) == 0);
    decode_body(&whole);
    return 0;
}
