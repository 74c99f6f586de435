/**
 * @file role_decode.h
 * @brief A role read from an answer: the Role (create, retrieve, update, and
 * the items of a scope's list), the AssignedRoleDetails (a principal's
 * roles), and RoleDeletedResource. Everything decoded points into the
 * document.
 */
#ifndef OARC_ROLE_DECODE_H
#define OARC_ROLE_DECODE_H

#include <stdbool.h>

#include "json_read.h"
#include "oarc/oarc_role.h"

/**
 * Decode the Role at token tok. OARC_ERR_JSON_SHAPE (doc->bad_field names the
 * member) for a missing required field, a member given twice or a wrong
 * type; OARC_ERR_JSON_SYNTAX for a string that does not unescape;
 * OARC_ERR_TOO_MANY_ITEMS for more than OARC_MAX_PERMISSIONS permissions.
 * Unknown members are skipped. On a failure out is as
 * oarc_role_keep_identity() leaves it.
 */
oarc_status oarc_role_decode(oarc_json_doc *doc, int tok, oarc_role *out);

/**
 * Decode the AssignedRoleDetails at token tok into the seven fields of a
 * Role: id, name, description (string or null), permissions, resource_type,
 * predefined_role. It has no "object" tag; created_at, updated_at,
 * created_by, created_by_user_obj, metadata, assignment_sources and anything
 * newer are skipped, whatever their type. Failures as oarc_role_decode's
 * ("role" for an item that is not an object).
 */
oarc_status oarc_assigned_role_decode(oarc_json_doc *doc, int tok, oarc_role *out);

/**
 * After an item at obj failed to decode: zero out, then set out->id and
 * out->name from the members "id" and "name" when each is there as a string
 * that unescapes (each on its own: one may be set and the other not). Every
 * other field stays zeroed, and doc->bad_field is left as the failure set it.
 * Nothing is set when obj is not an object. So a caller can still tell which
 * role it was, say one with more permissions than OARC_MAX_PERMISSIONS.
 */
void oarc_role_keep_identity(oarc_json_doc *doc, int obj, oarc_role *out);

/**
 * Decode RoleDeletedResource `{"object": "role.deleted", "id", "deleted"}`
 * at the root of doc. OARC_ERR_JSON_SHAPE (doc->bad_field) for another tag
 * or a missing or mistyped member, OARC_ERR_JSON_SYNTAX for a string that
 * does not unescape; out is zeroed on failure.
 */
oarc_status oarc_role_deleted_decode(oarc_json_doc *doc, oarc_role_deleted *out);

#endif /* OARC_ROLE_DECODE_H */
