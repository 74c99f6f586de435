/**
 * @file page.h
 * @brief One page of a Roles-family list, fetched and its envelope decoded.
 * The list operations and the iterator (oarc_roles.h) are built on it.
 */
#ifndef OARC_PAGE_H
#define OARC_PAGE_H

#include "oarc/oarc_client.h"
#include "oarc/oarc_role.h"

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

#endif /* OARC_PAGE_H */
