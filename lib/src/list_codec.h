/**
 * @file list_codec.h
 * @brief Pages of the Roles family's lists: the envelope
 * `{"object": "list", "data": [...], "has_more", "next"}` of
 * PublicRoleListResource (items: Role) and RoleListResource (items:
 * AssignedRoleDetails), and the AssignedRoleDetails item. Items are decoded
 * one at a time by oarc_role_page_next() (oarc_role.h), so a page of any
 * length needs one oarc_role of memory.
 */
#ifndef OARC_LIST_CODEC_H
#define OARC_LIST_CODEC_H

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

/**
 * Decode the AssignedRoleDetails at token tok into the seven fields of a
 * Role: id, name, description (string or null), permissions, resource_type,
 * predefined_role. It has no "object" tag; created_at, updated_at,
 * created_by, created_by_user_obj, metadata, assignment_sources and anything
 * newer are skipped, whatever their type. OARC_ERR_JSON_SHAPE (bad_field
 * names the member, "role" for an item that is not an object),
 * OARC_ERR_JSON_SYNTAX for a string that does not unescape,
 * OARC_ERR_TOO_MANY_ITEMS past OARC_MAX_PERMISSIONS; on failure out keeps
 * only its id and name (oarc_role_keep_identity, role_codec.h).
 */
oarc_status oarc_assigned_role_decode(oarc_json_doc *doc, int tok, oarc_role *out);

#endif /* OARC_LIST_CODEC_H */
