/**
 * @file assignment_decode.h
 * @brief Role assignments read from answers: UserRoleAssignment,
 * GroupRoleAssignment and DeletedRoleAssignmentResource. (The assign body
 * is role_body.h's.)
 */
#ifndef OARC_ASSIGNMENT_DECODE_H
#define OARC_ASSIGNMENT_DECODE_H

#include "json_read.h"
#include "oarc/oarc_role.h"

/**
 * Decode the UserRoleAssignment (type USER: tag "user.role", member "user"
 * with id, optional name and email, each string or null) or
 * GroupRoleAssignment (GROUP: tag "group.role", member "group" with id and
 * name) at the root of doc, and its Role. Unknown members, the principal's
 * included, are skipped. OARC_ERR_JSON_SHAPE (doc->bad_field names the
 * innermost member at fault), OARC_ERR_JSON_SYNTAX for a string that does
 * not unescape, OARC_ERR_TOO_MANY_ITEMS for the role's permissions; out is
 * zeroed on failure.
 */
oarc_status oarc_role_assignment_decode(oarc_json_doc *doc, oarc_principal_type type,
                                        oarc_role_assignment *out);

/**
 * Decode DeletedRoleAssignmentResource `{"object": str, "deleted": bool}` at
 * the root of doc. The tag is kept, not checked: the schema gives examples
 * ("user.role.deleted", "group.role.deleted"), not a closed list.
 * OARC_ERR_JSON_SHAPE or, for a string that does not unescape,
 * OARC_ERR_JSON_SYNTAX (doc->bad_field names the member) otherwise; out is
 * zeroed on failure.
 */
oarc_status oarc_role_unassigned_decode(oarc_json_doc *doc, oarc_role_unassigned *out);

#endif /* OARC_ASSIGNMENT_DECODE_H */
