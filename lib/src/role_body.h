/**
 * @file role_body.h
 * @brief The request bodies of the Roles family: a role's create and update
 * bodies and the assign body `{"role_id": ...}`, each the whole document of
 * a JSON writer.
 *
 * Each body is checked whole before anything is written: after a refusal w
 * holds nothing (oarc_json_writer_finish() says OARC_ERR_ARGUMENT too), so a
 * bad field never leaves half a body behind. Otherwise each returns
 * oarc_json_writer_finish(w, NULL): OARC_OK, or the writer's verdict,
 * OARC_ERR_INVALID_UTF8 for a string that is not UTF-8 (found as it is
 * written) or OARC_ERR_BUFFER_TOO_SMALL when the body does not fit w.
 */
#ifndef OARC_ROLE_BODY_H
#define OARC_ROLE_BODY_H

#include "json_write.h"
#include "oarc/oarc_role.h"

/**
 * PublicCreateOrganizationRoleBody: role_name, permissions, then description
 * left out, null or set. OARC_ERR_ARGUMENT for a NULL create, a NULL or
 * empty role_name, NULL permissions with a count, a NULL permission, an
 * unknown description state or a NULL description that is set;
 * OARC_ERR_TOO_MANY_ITEMS past OARC_MAX_PERMISSIONS (a role this library
 * could not read back); OARC_ERR_BUFFER_TOO_SMALL for a string longer than
 * OARC_TX_BUFFER_SIZE (the bound strings are read to); OARC_ERR_CONTROL_CHAR
 * for a control byte or DEL in role_name or a permission (single-line
 * identifiers; a description is free text, escaped). The fields are checked
 * in that order, the first failure wins.
 */
oarc_status oarc_role_create_write(oarc_json_writer *w, const oarc_role_create *create);

/**
 * PublicUpdateOrganizationRoleBody: each of role_name, description and
 * permissions (in that order) left out, null or set; a zeroed update is `{}`
 * and permissions set with count 0 is `[]`. OARC_ERR_ARGUMENT for a NULL
 * update, an unknown field state, a NULL string in a set field or NULL
 * permissions with a count; OARC_ERR_TOO_MANY_ITEMS for more than
 * OARC_MAX_PERMISSIONS permissions; OARC_ERR_BUFFER_TOO_SMALL for a string
 * longer than OARC_TX_BUFFER_SIZE (the bound up to which strings are
 * measured, so an unterminated one is never read further);
 * OARC_ERR_CONTROL_CHAR for a control byte or DEL in role_name or a
 * permission.
 */
oarc_status oarc_role_update_write(oarc_json_writer *w, const oarc_role_update *update);

/**
 * PublicAssignOrganizationGroupRoleBody, `{"role_id": "..."}`. The ID passes
 * oarc_id_check() (oarc_url.h), as one in a path does: OARC_ERR_INVALID_ID,
 * OARC_ERR_ID_TOO_LONG.
 */
oarc_status oarc_role_assign_write(oarc_json_writer *w, const char *role_id);

#endif /* OARC_ROLE_BODY_H */
