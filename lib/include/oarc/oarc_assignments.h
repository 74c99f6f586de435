/**
 * @file oarc_assignments.h
 * @brief Role assignments: which roles a user or a group holds, in the
 * organization or in a project. Four operations, each for a scope (where)
 * and a principal (who): list (one page of AssignedRoleDetails, read with
 * oarc_role_page_next; or walk them all with oarc_role_iter_init and the
 * scope oarc_assignments_scope() gives), assign (`{"role_id": ...}`,
 * answered with the assignment), retrieve (the AssignedRoleDetails of one
 * role) and remove (unassign).
 *
 * As with every operation, inputs are checked before anything is sent
 * (OARC_ERR_INVALID_ID / OARC_ERR_ID_TOO_LONG for a bad ID, in the path or
 * in the body), and results point into the client's rx until its next call.
 */
#ifndef OARC_ASSIGNMENTS_H
#define OARC_ASSIGNMENTS_H

#include "oarc_client.h"
#include "oarc_role.h"
#include "oarc_roles.h"
#include "oarc_status.h"

/* ---- Any scope, any principal ------------------------------------------------------ */

/*
 * One function per operation. The scope says where (the organization,
 * {OARC_SCOPE_ORG_ROLES, NULL, NULL}, or a project, {OARC_SCOPE_PROJECT_ROLES,
 * project_id, NULL}), the principal says who (a user or a group, and its ID).
 * Any other scope, or a NULL principal or one of no known type, is
 * OARC_ERR_ARGUMENT and sends nothing. (The sixteen per-principal names of
 * earlier versions, oarc_org_user_role_assign and the like, were these with
 * the scope and the principal filled in: call these instead.)
 */

/** GET {scope}/{users|groups}/{id}/roles: one page of AssignedRoleDetails. */
oarc_status oarc_assignments_list(oarc_client *client, const oarc_role_scope *scope,
                                  const oarc_principal_ref *principal,
                                  const oarc_list_params *params, oarc_role_page *page);

/** POST {scope}/{users|groups}/{id}/roles `{"role_id": ...}`: the assignment. */
oarc_status oarc_assignments_assign(oarc_client *client, const oarc_role_scope *scope,
                                    const oarc_principal_ref *principal, const char *role_id,
                                    oarc_role_assignment *out);

/** GET {scope}/{users|groups}/{id}/roles/{role_id}: the assigned role. */
oarc_status oarc_assignments_retrieve(oarc_client *client, const oarc_role_scope *scope,
                                      const oarc_principal_ref *principal,
                                      const char *role_id, oarc_role *out);

/** DELETE {scope}/{users|groups}/{id}/roles/{role_id}: unassign. */
oarc_status oarc_assignments_remove(oarc_client *client, const oarc_role_scope *scope,
                                    const oarc_principal_ref *principal, const char *role_id,
                                    oarc_role_unassigned *out);

/**
 * The collection of principal's roles in scope, as oarc_role_iter_init()
 * takes it to walk them: OARC_OK, or OARC_ERR_ARGUMENT as above (out is then
 * left as it was). The IDs are pointed to, not copied.
 */
oarc_status oarc_assignments_scope(const oarc_role_scope *scope,
                                   const oarc_principal_ref *principal, oarc_role_scope *out);

#endif /* OARC_ASSIGNMENTS_H */
