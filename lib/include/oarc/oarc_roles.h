/**
 * @file oarc_roles.h
 * @brief The Roles operations, organization and project: list, create,
 * retrieve, update, delete; and the iterator that walks any list of roles
 * (a scope's roles, or the roles assigned to a user or a group) page after
 * page without a heap.
 *
 * Each operation checks its inputs first (bad input returns an error and
 * sends nothing), then makes one call on the client. Decoded results point
 * into the client's rx buffer: valid until the next call on that client. On
 * OARC_ERR_API, oarc_client_last_call() has the HTTP status, the API's error
 * object and the request id; on OARC_ERR_JSON_SHAPE, its bad_field names the
 * member at fault.
 */
#ifndef OARC_ROLES_H
#define OARC_ROLES_H

#include <stddef.h>
#include <stdint.h>

#include "oarc_client.h"
#include "oarc_role.h"
#include "oarc_role_page.h"
#include "oarc_status.h"

/* ---- Any scope: the organization's roles or a project's -------------------------- */

/*
 * One function per operation; the scope says whose roles. It is
 * {OARC_SCOPE_ORG_ROLES, NULL, NULL} or {OARC_SCOPE_PROJECT_ROLES, project_id,
 * NULL}; any other scope (an assignment collection, or an ID the kind does not
 * use) is OARC_ERR_ARGUMENT and sends nothing. The named functions below
 * (oarc_org_role_update, oarc_project_role_update, ...) are these with the
 * scope filled in.
 */

/** GET {scope}/roles: one page; as oarc_org_role_list(). */
oarc_status oarc_roles_list(oarc_client *client, const oarc_role_scope *scope,
                            const oarc_list_params *params, oarc_role_page *page);

/** POST {scope}/roles: create a role; as oarc_org_role_create(). */
oarc_status oarc_roles_create(oarc_client *client, const oarc_role_scope *scope,
                              const oarc_role_create *create, oarc_role *out);

/** GET {scope}/roles/{role_id}; as oarc_org_role_retrieve(). */
oarc_status oarc_roles_retrieve(oarc_client *client, const oarc_role_scope *scope,
                                const char *role_id, oarc_role *out);

/** POST {scope}/roles/{role_id}: update a role; as oarc_org_role_update(). */
oarc_status oarc_roles_update(oarc_client *client, const oarc_role_scope *scope,
                              const char *role_id, const oarc_role_update *update,
                              oarc_role *out);

/** DELETE {scope}/roles/{role_id}; as oarc_org_role_delete(). */
oarc_status oarc_roles_delete(oarc_client *client, const oarc_role_scope *scope,
                              const char *role_id, oarc_role_deleted *out);

/* ---- Organization roles ---------------------------------------------------------- */

/**
 * GET /organization/roles: one page (params NULL: the server's defaults,
 * limit 1000 and order asc). Read its items with oarc_role_page_next(); the
 * next page is the one with after = page->next. The page must fit rx and the
 * token pool whole (else OARC_ERR_HTTP_BODY_TOO_LARGE or
 * OARC_ERR_JSON_TOO_MANY_TOKENS): give a limit that fits, or let
 * oarc_role_iter_next() find one. OARC_ERR_ARGUMENT for a
 * limit over 1000, an unknown order or an after longer than
 * OARC_MAX_CURSOR_LEN; OARC_ERR_INVALID_UTF8 for an after that is not UTF-8.
 */
oarc_status oarc_org_role_list(oarc_client *client, const oarc_list_params *params,
                               oarc_role_page *page);

/** POST /organization/roles: create a role (see oarc_role_create for what
 *  is checked), answered with the Role. */
oarc_status oarc_org_role_create(oarc_client *client, const oarc_role_create *create,
                                 oarc_role *out);

/** GET /organization/roles/{role_id}. */
oarc_status oarc_org_role_retrieve(oarc_client *client, const char *role_id, oarc_role *out);

/** POST /organization/roles/{role_id}: change the fields update sets. */
oarc_status oarc_org_role_update(oarc_client *client, const char *role_id,
                                 const oarc_role_update *update, oarc_role *out);

/** DELETE /organization/roles/{role_id}: answered with RoleDeletedResource. */
oarc_status oarc_org_role_delete(oarc_client *client, const char *role_id,
                                 oarc_role_deleted *out);

/* ---- Project roles ----------------------------------------------------------------- */

/** GET /projects/{project_id}/roles: one page, as oarc_org_role_list. */
oarc_status oarc_project_role_list(oarc_client *client, const char *project_id,
                                   const oarc_list_params *params, oarc_role_page *page);

/** POST /projects/{project_id}/roles: create a project role. */
oarc_status oarc_project_role_create(oarc_client *client, const char *project_id,
                                     const oarc_role_create *create, oarc_role *out);

/** GET /projects/{project_id}/roles/{role_id}. */
oarc_status oarc_project_role_retrieve(oarc_client *client, const char *project_id,
                                       const char *role_id, oarc_role *out);

/** POST /projects/{project_id}/roles/{role_id}: change the fields update sets. */
oarc_status oarc_project_role_update(oarc_client *client, const char *project_id,
                                     const char *role_id,
                                     const oarc_role_update *update, oarc_role *out);

/** DELETE /projects/{project_id}/roles/{role_id}. */
oarc_status oarc_project_role_delete(oarc_client *client, const char *project_id,
                                     const char *role_id, oarc_role_deleted *out);

/* ---- Every item of a list ------------------------------------------------------------ */


/**
 * The page size this build's rx and token pool should hold, by
 * OARC_LIST_ITEM_SIZE_HINT and OARC_LIST_ITEM_TOKENS_HINT, within the API's
 * 1..1000: the limit a walk starts with when the caller names none, and a
 * good limit for a single oarc_*_list call (whose server default, 1000,
 * rarely fits a device's rx).
 */
uint32_t oarc_list_fitting_limit(void);

/**
 * Walks every item of one list, page after page, one decoded role at a time.
 * A page lives in the client's rx and the iterator keeps only the cursor
 * of the next one, so memory stays fixed whatever the list's length. While
 * it walks, the iterator owns the client: any other call on that client
 * overwrites the page (collect IDs first, or use a second client).
 */
typedef struct oarc_role_iter {
    oarc_role_page page; /**< the current page (its has_more and next may be read) */
    size_t pages;        /**< pages fetched so far (refetches of a page not counted) */
    uint32_t limit;      /**< items a page is asked for now: halves while a page does not
                              fit, doubles back towards the starting size after a full page
                              that used under half of rx and of the token pool */

    /** Private to the library. */
    struct {
        oarc_client *client;
        oarc_role_scope scope;
        oarc_list_order order;
        oarc_status status; /**< OARC_OK while walking, then the end or the failure */
        bool last_page;     /**< the current page is the last one */
        uint32_t start_limit; /**< the page size the walk started with */
        char mark[OARC_MAX_CURSOR_LEN + 1]; /**< a cursor followed before (cycle check) */
        size_t mark_len;    /**< SIZE_MAX: no mark yet */
        size_t mark_at;     /**< the page count at which the mark moves next */
        char after[OARC_MAX_CURSOR_LEN + 1];
        size_t after_len;
    } priv;
} oarc_role_iter;

/**
 * Set it up to walk the list at scope (its IDs must outlive the walk) from
 * params->after (NULL or "": the start) in params->order. The page size is
 * params->limit, or with limit 0 what OARC_LIST_ITEM_SIZE_HINT and
 * OARC_LIST_ITEM_TOKENS_HINT say fits rx and the token pool; either way it
 * halves, and the page is fetched again, while a page does not fit. Nothing
 * is sent yet, but the first page's path is built, so the errors of
 * oarc_org_role_list and of bad IDs (OARC_ERR_INVALID_ID,
 * OARC_ERR_ID_TOO_LONG, OARC_ERR_ARGUMENT for an ID the scope does not use)
 * come from here. params may be NULL.
 */
oarc_status oarc_role_iter_init(oarc_role_iter *it, oarc_client *client,
                                const oarc_role_scope *scope, const oarc_list_params *params);

/**
 * The next item into out, fetching the next page when the current one is
 * spent. Returns:
 * - OARC_OK: out holds an item (Role, or AssignedRoleDetails for a user's or
 *   group's roles; see oarc_role_page_next).
 * - OARC_ITER_END: every item was handed out. A list ends at a page with
 *   has_more false, or next null or "" (with items).
 * - OARC_ERR_JSON_SHAPE / OARC_ERR_JSON_SYNTAX / OARC_ERR_TOO_MANY_ITEMS:
 *   this one item does not decode (see oarc_role_page_next; the last call's
 *   bad_field names the member); the next call moves on. The first two also
 *   end the walk when a whole page does not decode: oarc_role_iter_ended()
 *   tells which.
 * - any other failure ends the walk and is returned again by later calls:
 *   the call's own (OARC_ERR_API, OARC_ERR_TIMEOUT, ...);
 *   OARC_ERR_ITEM_TOO_LARGE when a page of one item still overflows rx or the
 *   token pool; OARC_ERR_CURSOR_REPEATED when the server's next is the cursor
 *   just sent, or one the walk followed before (a loop of pages, caught
 *   within about twice its length); OARC_ERR_TOO_MANY_PAGES past OARC_LIST_MAX_PAGES pages;
 *   OARC_ERR_EMPTY_PAGE for a page with no items that says more follow;
 *   OARC_ERR_BUFFER_TOO_SMALL for a cursor longer than OARC_MAX_CURSOR_LEN.
 */
oarc_status oarc_role_iter_next(oarc_role_iter *it, oarc_role *out);

/**
 * Whether the walk is over: true after OARC_ITER_END or any failure that
 * ends it, false while the next call may still hand out items (so also
 * after one item that did not decode). A whole page that does not decode
 * ends the walk with the same statuses as one bad item (OARC_ERR_JSON_SHAPE,
 * OARC_ERR_JSON_SYNTAX); this tells the two apart. NULL counts as ended.
 */
bool oarc_role_iter_ended(const oarc_role_iter *it);

#endif /* OARC_ROLES_H */
