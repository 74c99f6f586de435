/**
 * @file assignments.c
 * @brief Role assignments. The four principals (a user or a group, in the
 * organization or in a project) differ only in their scope, which gives the
 * path and, for assign, whether a user or a group answers; so the four
 * operations are written once for a scope, and the sixteen public ones only
 * name their scope.
 */
#include "oarc/oarc_assignments.h"

#include "assignment_codec.h"
#include "list_codec.h"
#include "op.h"
#include "page.h"

/* ---- One operation, any principal ------------------------------------------------ */

static oarc_status assign_role(oarc_client *c, const oarc_role_scope *scope,
                               const char *role_id, oarc_role_assignment *out)
{
    oarc_path p;
    oarc_json_writer w;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = oarc_op_start(c, scope, &p);
    if (status == OARC_OK) {
        oarc_op_body(c, &w);
        status = oarc_role_assign_write(&w, role_id);
    }
    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_POST, &p, &w, &doc);
    }
    if (status != OARC_OK) {
        return status;
    }
    status = oarc_role_assignment_decode(&doc, oarc_scope_principal(scope), out);
    return oarc_op_decoded(c, &doc, status);
}

static oarc_status retrieve_assigned(oarc_client *c, const oarc_role_scope *scope,
                                     const char *role_id, oarc_role *out)
{
    oarc_path p;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = oarc_op_start_role(c, scope, role_id, &p);
    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_GET, &p, NULL, &doc);
    }
    return status != OARC_OK ? status
                             : oarc_op_decoded(c, &doc, oarc_assigned_role_decode(&doc, 0, out));
}

static oarc_status unassign_role(oarc_client *c, const oarc_role_scope *scope,
                                 const char *role_id, oarc_role_unassigned *out)
{
    oarc_path p;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = oarc_op_start_role(c, scope, role_id, &p);
    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_DELETE, &p, NULL, &doc);
    }
    return status != OARC_OK ? status
                             : oarc_op_decoded(c, &doc, oarc_role_unassigned_decode(&doc, out));
}

/* The scope of each principal. */
#define ORG_USER(user) { OARC_SCOPE_ORG_USER_ROLES, NULL, (user) }
#define ORG_GROUP(group) { OARC_SCOPE_ORG_GROUP_ROLES, NULL, (group) }
#define PROJECT_USER(project, user) { OARC_SCOPE_PROJECT_USER_ROLES, (project), (user) }
#define PROJECT_GROUP(project, group) { OARC_SCOPE_PROJECT_GROUP_ROLES, (project), (group) }

/* ---- A user's organization roles ------------------------------------------------- */

oarc_status oarc_org_user_role_list(oarc_client *c, const char *user_id,
                                    const oarc_list_params *params, oarc_role_page *page)
{
    const oarc_role_scope scope = ORG_USER(user_id);
    return oarc_page_fetch(c, &scope, params, page);
}

oarc_status oarc_org_user_role_assign(oarc_client *c, const char *user_id, const char *role_id,
                                      oarc_role_assignment *out)
{
    const oarc_role_scope scope = ORG_USER(user_id);
    return assign_role(c, &scope, role_id, out);
}

oarc_status oarc_org_user_role_retrieve(oarc_client *c, const char *user_id,
                                        const char *role_id, oarc_role *out)
{
    const oarc_role_scope scope = ORG_USER(user_id);
    return retrieve_assigned(c, &scope, role_id, out);
}

oarc_status oarc_org_user_role_unassign(oarc_client *c, const char *user_id,
                                        const char *role_id, oarc_role_unassigned *out)
{
    const oarc_role_scope scope = ORG_USER(user_id);
    return unassign_role(c, &scope, role_id, out);
}

/* ---- A group's organization roles ------------------------------------------------ */

oarc_status oarc_org_group_role_list(oarc_client *c, const char *group_id,
                                     const oarc_list_params *params, oarc_role_page *page)
{
    const oarc_role_scope scope = ORG_GROUP(group_id);
    return oarc_page_fetch(c, &scope, params, page);
}

oarc_status oarc_org_group_role_assign(oarc_client *c, const char *group_id,
                                       const char *role_id, oarc_role_assignment *out)
{
    const oarc_role_scope scope = ORG_GROUP(group_id);
    return assign_role(c, &scope, role_id, out);
}

oarc_status oarc_org_group_role_retrieve(oarc_client *c, const char *group_id,
                                         const char *role_id, oarc_role *out)
{
    const oarc_role_scope scope = ORG_GROUP(group_id);
    return retrieve_assigned(c, &scope, role_id, out);
}

oarc_status oarc_org_group_role_unassign(oarc_client *c, const char *group_id,
                                         const char *role_id, oarc_role_unassigned *out)
{
    const oarc_role_scope scope = ORG_GROUP(group_id);
    return unassign_role(c, &scope, role_id, out);
}

/* ---- A user's project roles ------------------------------------------------------ */

oarc_status oarc_project_user_role_list(oarc_client *c, const char *project_id,
                                        const char *user_id, const oarc_list_params *params,
                                        oarc_role_page *page)
{
    const oarc_role_scope scope = PROJECT_USER(project_id, user_id);
    return oarc_page_fetch(c, &scope, params, page);
}

oarc_status oarc_project_user_role_assign(oarc_client *c, const char *project_id,
                                          const char *user_id, const char *role_id,
                                          oarc_role_assignment *out)
{
    const oarc_role_scope scope = PROJECT_USER(project_id, user_id);
    return assign_role(c, &scope, role_id, out);
}

oarc_status oarc_project_user_role_retrieve(oarc_client *c, const char *project_id,
                                            const char *user_id, const char *role_id,
                                            oarc_role *out)
{
    const oarc_role_scope scope = PROJECT_USER(project_id, user_id);
    return retrieve_assigned(c, &scope, role_id, out);
}

oarc_status oarc_project_user_role_unassign(oarc_client *c, const char *project_id,
                                            const char *user_id, const char *role_id,
                                            oarc_role_unassigned *out)
{
    const oarc_role_scope scope = PROJECT_USER(project_id, user_id);
    return unassign_role(c, &scope, role_id, out);
}

/* ---- A group's project roles ----------------------------------------------------- */

oarc_status oarc_project_group_role_list(oarc_client *c, const char *project_id,
                                         const char *group_id, const oarc_list_params *params,
                                         oarc_role_page *page)
{
    const oarc_role_scope scope = PROJECT_GROUP(project_id, group_id);
    return oarc_page_fetch(c, &scope, params, page);
}

oarc_status oarc_project_group_role_assign(oarc_client *c, const char *project_id,
                                           const char *group_id, const char *role_id,
                                           oarc_role_assignment *out)
{
    const oarc_role_scope scope = PROJECT_GROUP(project_id, group_id);
    return assign_role(c, &scope, role_id, out);
}

oarc_status oarc_project_group_role_retrieve(oarc_client *c, const char *project_id,
                                             const char *group_id, const char *role_id,
                                             oarc_role *out)
{
    const oarc_role_scope scope = PROJECT_GROUP(project_id, group_id);
    return retrieve_assigned(c, &scope, role_id, out);
}

oarc_status oarc_project_group_role_unassign(oarc_client *c, const char *project_id,
                                             const char *group_id, const char *role_id,
                                             oarc_role_unassigned *out)
{
    const oarc_role_scope scope = PROJECT_GROUP(project_id, group_id);
    return unassign_role(c, &scope, role_id, out);
}
