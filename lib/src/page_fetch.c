/**
 * @file page_fetch.c
 * @brief One page of a Roles-family list: the caller's params checked and
 * made a query, the path built, the page fetched into rx and its envelope
 * decoded (see page_fetch.h). The iterator (role_iter.c) fetches its pages
 * through here.
 */
#include "page_fetch.h"

#include <stdint.h>
#include <string.h>

#include "op.h"
#include "page_decode.h"
#include "text.h"

/** Digits of OARC_LIST_LIMIT_MAX. */
#define LIST_LIMIT_DIGITS 4u

static bool order_valid(oarc_list_order order)
{
    return order == OARC_ORDER_DEFAULT || order == OARC_ORDER_ASC || order == OARC_ORDER_DESC;
}

oarc_status oarc_page_query_of(const oarc_list_params *params, oarc_page_query *q)
{
    size_t after_len;

    memset(q, 0, sizeof *q);
    if (params == NULL) {
        return OARC_OK;
    }
    after_len = params->after ? oarc_strnlen(params->after, OARC_MAX_CURSOR_LEN) : 0u;
    if (params->limit > OARC_LIST_LIMIT_MAX || !order_valid(params->order) ||
        after_len > OARC_MAX_CURSOR_LEN) {
        return OARC_ERR_ARGUMENT;
    }
    q->limit = params->limit;
    q->after = (oarc_span){ after_len ? params->after : NULL, after_len };
    q->order = params->order;
    return OARC_OK;
}

/* limit in decimal; it is 1..1000 here. */
static oarc_span limit_text(uint32_t limit, char buf[LIST_LIMIT_DIGITS])
{
    size_t n = LIST_LIMIT_DIGITS;

    do {
        buf[--n] = (char)('0' + limit % 10u);
        limit /= 10u;
    } while (limit != 0u && n > 0u);
    return (oarc_span){ buf + n, LIST_LIMIT_DIGITS - n };
}

/* ?limit=&after=&order=, each only when it is not the server's default. */
static void put_query(oarc_path *p, const oarc_page_query *q)
{
    char digits[LIST_LIMIT_DIGITS];

    if (q->limit != 0u) {
        oarc_path_query(p, "limit", limit_text(q->limit, digits));
    }
    if (q->after.len != 0u) {
        oarc_path_query(p, "after", q->after);
    }
    if (q->order == OARC_ORDER_ASC) {
        oarc_path_query(p, "order", OARC_SPAN_LITERAL("asc"));
    } else if (q->order == OARC_ORDER_DESC) {
        oarc_path_query(p, "order", OARC_SPAN_LITERAL("desc"));
    }
}

oarc_status oarc_page_path(oarc_client *c, const oarc_role_scope *scope, const oarc_page_query *q,
                           oarc_path *p)
{
    oarc_span path;
    oarc_status status = oarc_op_start(c, scope, p);

    if (status != OARC_OK) {
        return status;
    }
    put_query(p, q);
    return oarc_path_finish(p, &path);
}

oarc_status oarc_page_fetch_query(oarc_client *c, const oarc_role_scope *scope,
                                  const oarc_page_query *q, oarc_role_page *page)
{
    oarc_path p;
    oarc_json_doc doc;
    oarc_status status = oarc_page_path(c, scope, q, &p);

    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_GET, &p, NULL, &doc);
    }
    if (status != OARC_OK) {
        return status;
    }
    status = oarc_role_page_decode(&doc, oarc_scope_is_assignment(scope), page);
    return oarc_op_decoded(c, &doc, status);
}

oarc_status oarc_page_fetch(oarc_client *c, const oarc_role_scope *scope,
                            const oarc_list_params *params, oarc_role_page *page)
{
    oarc_page_query q;
    oarc_status status;

    if (c == NULL || page == NULL) {
        return oarc_op_refused(c);
    }
    memset(page, 0, sizeof *page);
    memset(&c->last, 0, sizeof c->last);
    status = oarc_page_query_of(params, &q);
    return status != OARC_OK ? status : oarc_page_fetch_query(c, scope, &q, page);
}

