/**
 * @file role_iter.c
 * @brief The iterator that walks every page of a list, one item at a time,
 * without a heap (see oarc_roles.h).
 *
 * Every page reuses rx, so the next page's cursor is copied out of rx (into
 * the iterator) before the request that overwrites it. The page size starts
 * from what should fit rx and the token pool and is halved whenever a page
 * does not fit, down to one item; the same page is fetched again each time,
 * so nothing is skipped. After a full page that used under half of rx and
 * of the token pool it doubles back towards the starting size. A walk is
 * bounded four ways: by has_more / next; by a cursor that repeats, the one
 * just sent or (Brent's cycle check) one followed before, so a loop of pages
 * ends within about twice its length; by OARC_LIST_MAX_PAGES; and by an
 * empty page that says more follow (OARC_ERR_EMPTY_PAGE).
 */
#include <stdint.h>
#include <string.h>

#include "oarc/oarc_roles.h"
#include "page_fetch.h"

/* ---- Every page ---------------------------------------------------------------- */

uint32_t oarc_list_fitting_limit(void)
{
    size_t by_bytes = (size_t)OARC_RX_BUFFER_SIZE / OARC_LIST_ITEM_SIZE_HINT;
    size_t by_tokens = (size_t)OARC_JSON_MAX_TOKENS / OARC_LIST_ITEM_TOKENS_HINT;
    size_t n = by_bytes < by_tokens ? by_bytes : by_tokens;

    /* n >= 1: oarc_config_defaults.h refuses hints larger than rx or the pool. */
    return n > OARC_LIST_LIMIT_MAX ? OARC_LIST_LIMIT_MAX : (uint32_t)n;
}

/* A page that did not fit rx or the token pool: fewer items might. */
static bool page_too_large(oarc_status status)
{
    return status == OARC_ERR_HTTP_BODY_TOO_LARGE || status == OARC_ERR_JSON_TOO_MANY_TOKENS;
}

static oarc_status fetch_once(oarc_role_iter *it)
{
    const oarc_page_query q = { it->limit, { it->priv.after, it->priv.after_len }, it->priv.order };

    memset(&it->page, 0, sizeof it->page);
    return oarc_page_fetch_query(it->priv.client, &it->priv.scope, &q, &it->page);
}

/* The same page again with half the items, until it fits. The loop ends:
 * limit strictly falls each time round and stops at 1. */
static oarc_status fetch_fitting(oarc_role_iter *it)
{
    oarc_status status = fetch_once(it);

    while (page_too_large(status) && it->limit > 1u) {
        it->limit /= 2u;
        status = fetch_once(it);
    }
    return page_too_large(status) ? OARC_ERR_ITEM_TOO_LARGE : status;
}

/* A full page that left more than half of rx and of the token pool unused
 * would have fit with twice the items: grow back towards the starting size,
 * so that one large item does not shrink every later page (and a long list
 * does not run into OARC_LIST_MAX_PAGES). The head lies in rx in front of
 * the body, so what a doubled page needs is head + twice the body. */
static void grow_limit(oarc_role_iter *it)
{
    const oarc_role_page *page = &it->page;
    const char *rx = it->priv.client->rx;
    size_t head = (size_t)(page->priv.text - rx);
    size_t tokens = (size_t)page->priv.token_count;

    if (it->limit >= it->priv.start_limit || page->count < it->limit ||
        head > sizeof it->priv.client->rx ||
        page->priv.text_len > (sizeof it->priv.client->rx - head) / 2u ||
        tokens > (size_t)OARC_JSON_MAX_TOKENS / 2u) {
        return;
    }
    it->limit = it->limit * 2u < it->priv.start_limit ? it->limit * 2u : it->priv.start_limit;
}

/* Cycles longer than one page (A -> B -> A) are caught the way Brent's
 * algorithm catches them, with one more cursor of memory: the cursor of
 * pages 1, 2, 4, 8, ... is kept as a mark, and a next equal to the mark ends
 * the walk. A loop of L pages entered at page s is seen within about
 * 2 * max(s, L) + L pages, long before OARC_LIST_MAX_PAGES. */
static void mark_cursor(oarc_role_iter *it)
{
    if (it->pages < it->priv.mark_at) {
        return;
    }
    memcpy(it->priv.mark, it->priv.after, it->priv.after_len + 1u);
    it->priv.mark_len = it->priv.after_len;
    it->priv.mark_at *= 2u; /* pages stay under OARC_LIST_MAX_PAGES: no overflow */
}

static bool cursor_is(oarc_span next, const char *kept, size_t kept_len)
{
    return next.len == kept_len && memcmp(next.ptr, kept, next.len) == 0;
}

/* After a page: is it the last one, and if not, keep its cursor, which the
 * next request would otherwise overwrite along with the rest of rx. */
static oarc_status take_cursor(oarc_role_iter *it)
{
    const oarc_role_page *page = &it->page;
    oarc_span next = page->next;

    /* No items and more to come: the server contradicts itself. Taking it
     * for the end would make a caller decide on a list it has not seen. */
    if (page->has_more && page->count == 0u) {
        return OARC_ERR_EMPTY_PAGE;
    }
    if (!page->has_more || next.ptr == NULL || next.len == 0u) {
        it->priv.last_page = true;
        return OARC_OK;
    }
    /* The cursor just sent: the same page would come back forever; the
     * mark: the walk came round to a cursor it followed. */
    if (cursor_is(next, it->priv.after, it->priv.after_len) ||
        cursor_is(next, it->priv.mark, it->priv.mark_len)) {
        return OARC_ERR_CURSOR_REPEATED;
    }
    if (next.len > OARC_MAX_CURSOR_LEN) {
        return OARC_ERR_BUFFER_TOO_SMALL;
    }
    memcpy(it->priv.after, next.ptr, next.len);
    it->priv.after[next.len] = '\0';
    it->priv.after_len = next.len;
    mark_cursor(it);
    return OARC_OK;
}

static oarc_status fetch_next_page(oarc_role_iter *it)
{
    oarc_status status;

    if (it->pages >= OARC_LIST_MAX_PAGES) {
        return OARC_ERR_TOO_MANY_PAGES;
    }
    status = fetch_fitting(it);
    if (status != OARC_OK) {
        return status;
    }
    it->pages++;
    status = take_cursor(it);
    if (status == OARC_OK && !it->priv.last_page) {
        grow_limit(it);
    }
    return status;
}

oarc_status oarc_role_iter_init(oarc_role_iter *it, oarc_client *client,
                                const oarc_role_scope *scope, const oarc_list_params *params)
{
    oarc_page_query q;
    oarc_path p;
    oarc_status status;

    if (it == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(it, 0, sizeof *it);
    it->priv.status = OARC_ERR_ARGUMENT; /* until init succeeds */
    if (client == NULL || scope == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = oarc_page_query_of(params, &q);
    if (status == OARC_OK) {
        q.limit = q.limit != 0u ? q.limit : oarc_list_fitting_limit();
        /* Build the first page's path now, so that a bad ID or cursor fails
         * here rather than at the first item; nothing is sent. */
        status = oarc_page_path(client, scope, &q, &p);
    }
    if (status != OARC_OK) {
        it->priv.status = status;
        return status;
    }
    it->priv.client = client;
    it->priv.scope = *scope;
    it->priv.order = q.order;
    it->limit = q.limit;
    it->priv.start_limit = q.limit;
    it->priv.mark_at = 1u;
    it->priv.mark_len = SIZE_MAX; /* no mark until the first page: it matches nothing */
    memcpy(it->priv.after, q.after.ptr ? q.after.ptr : "", q.after.len);
    it->priv.after[q.after.len] = '\0';
    it->priv.after_len = q.after.len;
    it->priv.status = OARC_OK;
    return OARC_OK;
}

bool oarc_role_iter_ended(const oarc_role_iter *it)
{
    return it == NULL || it->priv.status != OARC_OK;
}

oarc_status oarc_role_iter_next(oarc_role_iter *it, oarc_role *out)
{
    oarc_status status;

    if (it == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    if (it->priv.status != OARC_OK) {
        return it->priv.status; /* the end, or the failure, stays */
    }
    status = oarc_role_page_next(&it->page, out);
    if (status == OARC_ITER_END && !it->priv.last_page) {
        status = fetch_next_page(it);
        if (status != OARC_OK) {
            it->priv.status = status;
            return status;
        }
        status = oarc_role_page_next(&it->page, out);
    }
    if (status == OARC_ERR_JSON_SHAPE || status == OARC_ERR_JSON_SYNTAX ||
        status == OARC_ERR_TOO_MANY_ITEMS) {
        /* One item that does not decode: say so, and move on next time. */
        it->priv.client->last.bad_field = it->page.bad_field;
        return status;
    }
    if (status != OARC_OK) {
        it->priv.status = status;
    }
    return status;
}
