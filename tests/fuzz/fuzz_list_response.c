/**
 * @file fuzz_list_response.c
 * @brief The receive chain of the Roles family's answers: raw bytes -> HTTP
 * response parser -> JSON parser (the client's token pool size) -> the list
 * page decoder and its items, as Roles and as AssignedRoleDetails, then the
 * assignment and deletion decoders on the same document.
 *
 * The response is received twice, whole and in input-dependent pieces, and
 * both must agree. A page must hand out exactly `count` items and then
 * OARC_ITER_END; every item, decoded or refused, must leave spans inside the
 * body at NUL-terminated text, or nothing at all and a member to blame.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assignment_decode.h"
#include "http.h"
#include "json_read.h"
#include "page_decode.h"
#include "role_decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct response {
    char buf[OARC_RX_BUFFER_SIZE];
    oarc_http_response r;
    oarc_status status;
    bool complete;
} response;

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* Everything the peer sent, step bytes at a time, then its close. */
static void receive(response *out, const uint8_t *data, size_t size, size_t step)
{
    size_t at = 0;

    oarc_http_response_init(&out->r, out->buf, sizeof out->buf, OARC_HTTP_MAX_HEAD_SIZE);
    out->status = OARC_OK;
    out->complete = false;
    while (at < size && out->status == OARC_OK) {
        size_t room = 0;
        char *space = oarc_http_response_space(&out->r, &room);
        size_t n = size - at;

        if (space == NULL || room == 0u) {
            break;
        }
        n = n < step ? n : step;
        n = n < room ? n : room;
        memcpy(space, data + at, n);
        at += n;
        out->status = oarc_http_response_feed(&out->r, n, &out->complete);
    }
    if (out->status == OARC_OK && !out->complete) {
        out->status = oarc_http_response_closed(&out->r, &out->complete);
    }
}

static const response *body_of; /* the response whose body spans must lie in */

static void check_span(oarc_span s, bool may_be_null)
{
    const char *body = body_of->r.body;
    const char *end = body + body_of->r.body_len;

    if (s.ptr == NULL) {
        check(may_be_null && s.len == 0u);
        return;
    }
    check(s.ptr >= body && s.ptr <= end && s.len <= (size_t)(end - s.ptr));
    check(s.ptr[s.len] == '\0');
}

static void check_role(const oarc_role *role)
{
    check_span(role->id, false);
    check_span(role->name, false);
    check_span(role->description, true);
    check_span(role->resource_type, false);
    check(role->permission_count <= OARC_MAX_PERMISSIONS);
    for (size_t i = 0; i < role->permission_count; i++) {
        check_span(role->permissions[i], false);
    }
}

static bool role_is_empty(const oarc_role *role)
{
    return role->id.ptr == NULL && role->name.ptr == NULL && role->permission_count == 0u;
}

/* After a failed item only its id and name may be left (each a string of
 * the body, or absent): everything else is zeroed. */
static void check_identity_only(const oarc_role *role)
{
    check_span(role->id, true);
    check_span(role->name, true);
    check(role->description.ptr == NULL && role->resource_type.ptr == NULL &&
          role->permission_count == 0u && !role->predefined_role);
}

/* The page's items, one by one: exactly count of them, then the end. */
static void walk_page(oarc_json_doc *doc, bool assigned)
{
    oarc_role_page page;
    oarc_role role;
    oarc_status status = oarc_role_page_decode(doc, assigned, &page);

    if (status != OARC_OK) {
        check((status == OARC_ERR_JSON_SHAPE || status == OARC_ERR_JSON_SYNTAX) &&
              doc->bad_field != NULL && page.count == 0u);
        return;
    }
    check(page.count <= (size_t)doc->count);
    check_span(page.next, true);
    for (size_t i = 0; i < page.count; i++) {
        status = oarc_role_page_next(&page, &role);
        if (status == OARC_OK) {
            check(page.bad_field == NULL);
            check_role(&role);
        } else {
            check(status == OARC_ERR_JSON_SHAPE || status == OARC_ERR_TOO_MANY_ITEMS ||
                  status == OARC_ERR_JSON_SYNTAX);
            check_identity_only(&role);
            check(page.bad_field != NULL);
        }
    }
    check(oarc_role_page_next(&page, &role) == OARC_ITER_END);
}

static void decode_assignment(oarc_json_doc *doc, oarc_principal_type type)
{
    oarc_role_assignment a;
    oarc_status status = oarc_role_assignment_decode(doc, type, &a);

    if (status == OARC_OK) {
        check_span(a.principal.id, false);
        check_span(a.principal.name, type == OARC_PRINCIPAL_USER);
        check_span(a.principal.email, true);
        check(type == OARC_PRINCIPAL_USER || a.principal.email.ptr == NULL);
        check_role(&a.role);
    } else {
        check(a.principal.id.ptr == NULL && role_is_empty(&a.role));
    }
}

static void decode_deletions(oarc_json_doc *doc)
{
    oarc_role_deleted deleted;
    oarc_role_unassigned unassigned;

    if (oarc_role_deleted_decode(doc, &deleted) == OARC_OK) {
        check_span(deleted.id, false);
    } else {
        check(deleted.id.ptr == NULL && doc->bad_field != NULL);
    }
    if (oarc_role_unassigned_decode(doc, &unassigned) == OARC_OK) {
        check_span(unassigned.object, false);
    } else {
        check(unassigned.object.ptr == NULL && doc->bad_field != NULL);
    }
}

static void decode_body(const response *rx)
{
    static jsmntok_t pool[OARC_JSON_MAX_TOKENS];
    oarc_json_doc doc;

    if (oarc_json_parse(&doc, rx->r.body, rx->r.body_len, pool, OARC_JSON_MAX_TOKENS) != OARC_OK) {
        return;
    }
    body_of = rx;
    /* Every decoder reads the same document, unescaping in place: each must
     * cope with what the one before left (unescaping is idempotent). */
    walk_page(&doc, false);
    walk_page(&doc, true);
    decode_assignment(&doc, OARC_PRINCIPAL_USER);
    decode_assignment(&doc, OARC_PRINCIPAL_GROUP);
    decode_deletions(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static response whole; /* static: two rx buffers do not belong on a stack */
    static response pieces;

    receive(&whole, data, size, size == 0u ? 1u : size);
    receive(&pieces, data, size, 1u + size % 17u);
    check(whole.status == pieces.status && whole.complete == pieces.complete);
    if (whole.status != OARC_OK || !whole.complete) {
        return 0;
    }
    check(whole.r.body_len == pieces.r.body_len);
    check(whole.r.body_len == 0u || memcmp(whole.r.body, pieces.r.body, whole.r.body_len) == 0);
    decode_body(&whole);
    return 0;
}
