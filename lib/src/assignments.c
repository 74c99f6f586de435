/**
 * @file assignments.c
 * @brief Role assignments. The four principals (a user or a group, in the
 * organization or in a project) differ only in their scope, which gives the
 * path and, for assign, whether a user or a group answers; so the four
 * operations are written once (oarc_assignments_*, for a scope and a
 * principal). The sixteen per-principal names of earlier versions are gone:
 * each was one of these with its scope filled in.
 */
#include "oarc/oarc_assignments.h"

#include "assignment_decode.h"
#include "op.h"
#include "page_fetch.h"
#include "role_body.h"
#include "role_decode.h"

/* ---- One operation, any principal ------------------------------------------------ */

static const oarc_scope_kind user_kind[] = { OARC_SCOPE_ORG_USER_ROLES,
                                             OARC_SCOPE_PROJECT_USER_ROLES };
static const oarc_scope_kind group_kind[] = { OARC_SCOPE_ORG_GROUP_ROLES,
                                              OARC_SCOPE_PROJECT_GROUP_ROLES };

oarc_status oarc_assignments_scope(const oarc_role_scope *scope,
                                   const oarc_principal_ref *principal, oarc_role_scope *out)
{
    bool project;

    /* The organization's roles name no project: a project ID there means the
     * caller meant another scope (as oarc_roles_* refuse it too). */
    if (scope == NULL || principal == NULL || out == NULL || scope->principal_id != NULL ||
        (scope->kind != OARC_SCOPE_PROJECT_ROLES &&
         (scope->kind != OARC_SCOPE_ORG_ROLES || scope->project_id != NULL)) ||
        (principal->type != OARC_PRINCIPAL_USER && principal->type != OARC_PRINCIPAL_GROUP)) {
        return OARC_ERR_ARGUMENT;
    }
    project = scope->kind == OARC_SCOPE_PROJECT_ROLES;
    *out = (oarc_role_scope){
        principal->type == OARC_PRINCIPAL_USER ? user_kind[project] : group_kind[project],
        scope->project_id, principal->id
    };
    return OARC_OK;
}

/* The assignment collection of (scope, principal); NULL when either is bad,
 * which oarc_op_start() refuses as OARC_ERR_ARGUMENT after clearing the last
 * call's details, like any bad scope. */
static const oarc_role_scope *collection(const oarc_role_scope *scope,
                                         const oarc_principal_ref *principal,
                                         oarc_role_scope *out)
{
    return oarc_assignments_scope(scope, principal, out) == OARC_OK ? out : NULL;
}

static oarc_status assign_in(oarc_client *c, const oarc_role_scope *scope,
                             const char *role_id, oarc_role_assignment *out)
{
    oarc_path p;
    oarc_json_writer w;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return oarc_op_refused(c);
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

static oarc_status retrieve_in(oarc_client *c, const oarc_role_scope *scope,
                               const char *role_id, oarc_role *out)
{
    oarc_path p;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return oarc_op_refused(c);
    }
    status = oarc_op_start_role(c, scope, role_id, &p);
    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_GET, &p, NULL, &doc);
    }
    return status != OARC_OK ? status
                             : oarc_op_decoded(c, &doc, oarc_assigned_role_decode(&doc, 0, out));
}

static oarc_status remove_in(oarc_client *c, const oarc_role_scope *scope,
                             const char *role_id, oarc_role_unassigned *out)
{
    oarc_path p;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return oarc_op_refused(c);
    }
    status = oarc_op_start_role(c, scope, role_id, &p);
    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_DELETE, &p, NULL, &doc);
    }
    return status != OARC_OK ? status
                             : oarc_op_decoded(c, &doc, oarc_role_unassigned_decode(&doc, out));
}

oarc_status oarc_assignments_list(oarc_client *c, const oarc_role_scope *scope,
                                  const oarc_principal_ref *principal,
                                  const oarc_list_params *params, oarc_role_page *page)
{
    oarc_role_scope where;
    return oarc_page_fetch(c, collection(scope, principal, &where), params, page);
}

oarc_status oarc_assignments_assign(oarc_client *c, const oarc_role_scope *scope,
                                    const oarc_principal_ref *principal, const char *role_id,
                                    oarc_role_assignment *out)
{
    oarc_role_scope where;
    return assign_in(c, collection(scope, principal, &where), role_id, out);
}

oarc_status oarc_assignments_retrieve(oarc_client *c, const oarc_role_scope *scope,
                                      const oarc_principal_ref *principal,
                                      const char *role_id, oarc_role *out)
{
    oarc_role_scope where;
    return retrieve_in(c, collection(scope, principal, &where), role_id, out);
}

oarc_status oarc_assignments_remove(oarc_client *c, const oarc_role_scope *scope,
                                    const oarc_principal_ref *principal, const char *role_id,
                                    oarc_role_unassigned *out)
{
    oarc_role_scope where;
    return remove_in(c, collection(scope, principal, &where), role_id, out);
}
