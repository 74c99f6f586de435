/**
 * @file assignment_codec.h
 * @brief Role assignments' bodies: `{"role_id": ...}` out;
 * UserRoleAssignment, GroupRoleAssignment and DeletedRoleAssignmentResource in.
 */
#ifndef OARC_ASSIGNMENT_CODEC_H
#define OARC_ASSIGNMENT_CODEC_H

#include "json_read.h"
#include "json_write.h"
#include "oarc/oarc_role.h"

/**
 * Write PublicAssignOrganizationGroupRoleBody, `{"role_id": "..."}`, as the
 * whole document of w. The ID is checked first, as strictly as a path
 * segment's: OARC_ERR_INVALID_ID for NULL, empty, a control byte or bad
 * UTF-8, OARC_ERR_ID_TOO_LONG past OARC_MAX_ID_LEN (nothing written then).
 * Otherwise the writer's verdict (OARC_ERR_BUFFER_TOO_SMALL).
 */
oarc_status oarc_role_assign_write(oarc_json_writer *w, const char *role_id);

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

#endif /* OARC_ASSIGNMENT_CODEC_H */
