/**
 * @file page_fetch.h
 * @brief One page of a Roles-family list, fetched and its envelope decoded.
 * The list operations (roles.c, assignments.c) and the iterator
 * (role_iter.c) are built on it.
 */
#ifndef OARC_PAGE_FETCH_H
#define OARC_PAGE_FETCH_H

#include <stdint.h>

#include "oarc/oarc_client.h"
#include "oarc/oarc_role.h"
#include "url.h"

/** The API's bound for limit (0 means "not sent"). */
#define OARC_LIST_LIMIT_MAX 1000u

/** What a page request sends: params with the cursor as a span, so that a
 *  cursor the server sent (which may hold any byte, NUL included) passes
 *  unchanged. */
typedef struct oarc_page_query {
    uint32_t limit;
    oarc_span after;
    oarc_list_order order;
} oarc_page_query;

/**
 * GET the list at scope with params (NULL: the server's defaults) and decode
 * its envelope into page, whose items then come from oarc_role_page_next():
 * Roles for organization and project roles, AssignedRoleDetails for a
 * user's or group's. Checked before anything is sent: OARC_ERR_ARGUMENT for
 * a NULL client or page, a bad scope, a limit over 1000, an unknown order or
 * an `after` longer than OARC_MAX_CURSOR_LEN; OARC_ERR_INVALID_UTF8 for an
 * `after` that is not UTF-8; ID errors. page is emptied first, so it has no
 * items after any failure.
 */
oarc_status oarc_page_fetch(oarc_client *c, const oarc_role_scope *scope,
                            const oarc_list_params *params, oarc_role_page *page);

/** The caller's params as a query (NULL params: the zeroed one);
 *  OARC_ERR_ARGUMENT as oarc_page_fetch says. */
oarc_status oarc_page_query_of(const oarc_list_params *params, oarc_page_query *q);

/** The request path of one page, left in c->path (the last call's details
 *  forgotten); the errors of a bad scope, ID or cursor. */
oarc_status oarc_page_path(oarc_client *c, const oarc_role_scope *scope,
                           const oarc_page_query *q, oarc_path *p);

/** oarc_page_fetch for a query already checked; page is not emptied here. */
oarc_status oarc_page_fetch_query(oarc_client *c, const oarc_role_scope *scope,
                                  const oarc_page_query *q, oarc_role_page *page);

#endif /* OARC_PAGE_FETCH_H */
