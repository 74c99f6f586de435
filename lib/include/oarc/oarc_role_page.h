/**
 * @file oarc_role_page.h
 * @brief Reading one list page (oarc_role_page, oarc_role.h) item by item:
 * whatever fetched it, a list operation (oarc_roles.h,
 * oarc_assignments.h) or the iterator (oarc_roles.h), which is built on it.
 * A page keeps where its items lie in the client's rx, so items are decoded
 * one at a time into one oarc_role.
 */
#ifndef OARC_ROLE_PAGE_H
#define OARC_ROLE_PAGE_H

#include "oarc_role.h"
#include "oarc_status.h"

/**
 * The page's next item into out: OARC_OK, OARC_ITER_END after the last one,
 * or, for an item that does not decode, OARC_ERR_JSON_SHAPE (a member missing
 * or of the wrong type), OARC_ERR_JSON_SYNTAX (a string that does not
 * unescape to UTF-8) or OARC_ERR_TOO_MANY_ITEMS (more than
 * OARC_MAX_PERMISSIONS permissions), with page->bad_field naming the member;
 * that item is passed over all the same, so the next call moves on. A Role
 * list checks `"object": "role"`; an assignment list's AssignedRoleDetails
 * fill the same seven fields, and their extra members (created_at,
 * metadata, ...) are skipped whatever their type.
 *
 * After such a failure out still says which item it was, as far as that can
 * be read: out->id and out->name are set when the item is an object whose
 * "id" / "name" member (each on its own) is a string that unescapes, even
 * when another member is at fault (a wrong "object" tag included); a span
 * that could not be read has ptr NULL. Every other field of out is zeroed.
 * So an item is never taken for absent merely because it does not fit here.
 * After OARC_ITER_END or OARC_ERR_ARGUMENT out is not touched.
 */
oarc_status oarc_role_page_next(oarc_role_page *page, oarc_role *out);

#endif /* OARC_ROLE_PAGE_H */
