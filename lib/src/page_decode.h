/**
 * @file page_decode.h
 * @brief Pages of the Roles family's lists: the envelope
 * `{"object": "list", "data": [...], "has_more", "next"}` of
 * PublicRoleListResource (items: Role) and RoleListResource (items:
 * AssignedRoleDetails, role_decode.h). Items are decoded one at a time by
 * oarc_role_page_next() (oarc_role_page.h), so a page of any length needs one
 * oarc_role of memory.
 */
#ifndef OARC_PAGE_DECODE_H
#define OARC_PAGE_DECODE_H

#include <stdbool.h>

#include "json_read.h"
#include "oarc/oarc_role.h"

/**
 * Decode the envelope at the root of doc into page; its items stay in doc
 * (whose text and tokens must outlive the page). assigned: the items are
 * AssignedRoleDetails rather than Roles. OARC_ERR_JSON_SHAPE (doc->bad_field:
 * "list", "object", "data", "has_more" or "next") for a root that is not an
 * object, a tag other than "list", or a member missing or of the wrong type;
 * OARC_ERR_JSON_SYNTAX (blamed likewise) for a string member that does not
 * unescape to UTF-8. page then has no items.
 */
oarc_status oarc_role_page_decode(oarc_json_doc *doc, bool assigned, oarc_role_page *page);

#endif /* OARC_PAGE_DECODE_H */
