/**
 * @file oarc_assignments.h
 * @brief Role assignments: which roles a user or a group holds, in the
 * organization or in a project. For each of the four principals there are
 * the same four operations: list (one page of AssignedRoleDetails, read
 * with oarc_role_page_next; or walk them all with oarc_role_iter_init and an
 * OARC_SCOPE_*_USER/GROUP_ROLES scope), assign (`{"role_id": ...}`, answered
 * with the assignment), retrieve (the AssignedRoleDetails of one role) and
 * unassign.
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
 * OARC_ERR_ARGUMENT and sends nothing. The sixteen named functions below are
 * these with the scope and the principal filled in.
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

/* ---- A user's organization roles: /organization/users/{user_id}/roles ------------- */

/** GET: one page (params as for oarc_org_role_list). */
oarc_status oarc_org_user_role_list(oarc_client *client, const char *user_id,
                                    const oarc_list_params *params, oarc_role_page *page);
/** POST: assign role_id; answered with the UserRoleAssignment. */
oarc_status oarc_org_user_role_assign(oarc_client *client, const char *user_id,
                                      const char *role_id, oarc_role_assignment *out);
/** GET .../{role_id}: the AssignedRoleDetails, as an oarc_role. */
oarc_status oarc_org_user_role_retrieve(oarc_client *client, const char *user_id,
                                        const char *role_id, oarc_role *out);
/** DELETE .../{role_id}. */
oarc_status oarc_org_user_role_unassign(oarc_client *client, const char *user_id,
                                        const char *role_id, oarc_role_unassigned *out);

/* ---- A group's organization roles: /organization/groups/{group_id}/roles ---------- */

/** GET: one page. */
oarc_status oarc_org_group_role_list(oarc_client *client, const char *group_id,
                                     const oarc_list_params *params, oarc_role_page *page);
/** POST: assign role_id; answered with the GroupRoleAssignment. */
oarc_status oarc_org_group_role_assign(oarc_client *client, const char *group_id,
                                       const char *role_id, oarc_role_assignment *out);
/** GET .../{role_id}. */
oarc_status oarc_org_group_role_retrieve(oarc_client *client, const char *group_id,
                                         const char *role_id, oarc_role *out);
/** DELETE .../{role_id}. */
oarc_status oarc_org_group_role_unassign(oarc_client *client, const char *group_id,
                                         const char *role_id, oarc_role_unassigned *out);

/* ---- A user's project roles: /projects/{project_id}/users/{user_id}/roles ---------- */

/** GET: one page. */
oarc_status oarc_project_user_role_list(oarc_client *client, const char *project_id,
                                        const char *user_id, const oarc_list_params *params,
                                        oarc_role_page *page);
/** POST: assign role_id; answered with the UserRoleAssignment. */
oarc_status oarc_project_user_role_assign(oarc_client *client, const char *project_id,
                                          const char *user_id, const char *role_id,
                                          oarc_role_assignment *out);
/** GET .../{role_id}. */
oarc_status oarc_project_user_role_retrieve(oarc_client *client, const char *project_id,
                                            const char *user_id, const char *role_id,
                                            oarc_role *out);
/** DELETE .../{role_id}. */
oarc_status oarc_project_user_role_unassign(oarc_client *client, const char *project_id,
                                            const char *user_id, const char *role_id,
                                            oarc_role_unassigned *out);

/* ---- A group's project roles: /projects/{project_id}/groups/{group_id}/roles -------- */

/** GET: one page. */
oarc_status oarc_project_group_role_list(oarc_client *client, const char *project_id,
                                         const char *group_id, const oarc_list_params *params,
                                         oarc_role_page *page);
/** POST: assign role_id; answered with the GroupRoleAssignment. */
oarc_status oarc_project_group_role_assign(oarc_client *client, const char *project_id,
                                           const char *group_id, const char *role_id,
                                           oarc_role_assignment *out);
/** GET .../{role_id}. */
oarc_status oarc_project_group_role_retrieve(oarc_client *client, const char *project_id,
                                             const char *group_id, const char *role_id,
                                             oarc_role *out);
/** DELETE .../{role_id}. */
oarc_status oarc_project_group_role_unassign(oarc_client *client, const char *project_id,
                                             const char *group_id, const char *role_id,
                                             oarc_role_unassigned *out);

#endif /* OARC_ASSIGNMENTS_H */
