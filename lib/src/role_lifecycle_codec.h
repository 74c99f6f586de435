/**
 * @file role_lifecycle_codec.h
 * @brief A role's creation and deletion: PublicCreateOrganizationRoleBody out,
 * RoleDeletedResource in. (Updates and the Role itself are role_codec.h's.)
 */
#ifndef OARC_ROLE_LIFECYCLE_CODEC_H
#define OARC_ROLE_LIFECYCLE_CODEC_H

#include "json_read.h"
#include "json_write.h"
#include "oarc/oarc_role.h"

/**
 * Write the create body as the whole document of w: role_name, permissions,
 * then description left out, null or set. The create is checked before
 * anything is written: OARC_ERR_ARGUMENT for a NULL create, a NULL or empty
 * role_name, NULL permissions with a count, a NULL permission, an unknown
 * description state or a NULL description that is set;
 * OARC_ERR_TOO_MANY_ITEMS past OARC_MAX_PERMISSIONS (a role this library
 * could not read back); OARC_ERR_BUFFER_TOO_SMALL for a string longer than
 * OARC_TX_BUFFER_SIZE (the bound strings are measured to);
 * OARC_ERR_CONTROL_CHAR for a control byte in role_name or a permission
 * (single-line identifiers, as in an update). Otherwise the
 * writer's verdict: OARC_OK, OARC_ERR_INVALID_UTF8, OARC_ERR_BUFFER_TOO_SMALL.
 */
oarc_status oarc_role_create_write(oarc_json_writer *w, const oarc_role_create *create);

/**
 * Decode RoleDeletedResource `{"object": "role.deleted", "id", "deleted"}`
 * at the root of doc. OARC_ERR_JSON_SHAPE (doc->bad_field) for another tag
 * or a missing or mistyped member, OARC_ERR_JSON_SYNTAX for a string that
 * does not unescape; out is zeroed on failure.
 */
oarc_status oarc_role_deleted_decode(oarc_json_doc *doc, oarc_role_deleted *out);

#endif /* OARC_ROLE_LIFECYCLE_CODEC_H */
