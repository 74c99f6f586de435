/**
 * @file roles.c
 * @brief The Roles operations. Organization and project roles differ only
 * in their scope (the path of the collection), so each operation is written
 * once for a scope (oarc_roles_*) and the named ones fill the scope in. Every
 * input is checked before the first byte is sent.
 */
#include "oarc/oarc_roles.h"

#include "op.h"
#include "page_fetch.h"
#include "role_body.h"
#include "role_decode.h"

/* The organization's roles: one read-only scope every organization-level
 * call passes on. */
static const oarc_role_scope org_roles = { OARC_SCOPE_ORG_ROLES, NULL, NULL };

static oarc_role_scope project_scope(const char *project_id)
{
    return (oarc_role_scope){ OARC_SCOPE_PROJECT_ROLES, project_id, NULL };
}

/* ---- One operation, any scope ------------------------------------------------- */

/* Role operations address the roles of the organization or of a project. An
 * assignment collection is refused like a missing scope: oarc_op_start() then
 * clears the last call's details and answers OARC_ERR_ARGUMENT. */
static const oarc_role_scope *role_collection(const oarc_role_scope *scope)
{
    return oarc_scope_is_assignment(scope) ? NULL : scope;
}

/* Send what was prepared and decode the Role it answers with. */
static oarc_status send_for_role(oarc_client *c, oarc_http_method method, oarc_path *p,
                                 const oarc_json_writer *body, oarc_role *out)
{
    oarc_json_doc doc;
    oarc_status status = oarc_op_send(c, method, p, body, &doc);

    return status != OARC_OK ? status
                             : oarc_op_decoded(c, &doc, oarc_role_decode(&doc, 0, out));
}

oarc_status oarc_roles_create(oarc_client *c, const oarc_role_scope *scope,
                              const oarc_role_create *create, oarc_role *out)
{
    oarc_path p;
    oarc_json_writer w;
    oarc_status status;

    if (c == NULL || create == NULL || out == NULL) {
        return oarc_op_refused(c);
    }
    status = oarc_op_start(c, role_collection(scope), &p);
    if (status == OARC_OK) {
        oarc_op_body(c, &w);
        status = oarc_role_create_write(&w, create);
    }
    return status != OARC_OK ? status : send_for_role(c, OARC_HTTP_POST, &p, &w, out);
}

oarc_status oarc_roles_retrieve(oarc_client *c, const oarc_role_scope *scope,
                                const char *role_id, oarc_role *out)
{
    oarc_path p;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return oarc_op_refused(c);
    }
    status = oarc_op_start_role(c, role_collection(scope), role_id, &p);
    return status != OARC_OK ? status : send_for_role(c, OARC_HTTP_GET, &p, NULL, out);
}

oarc_status oarc_roles_update(oarc_client *c, const oarc_role_scope *scope,
                              const char *role_id, const oarc_role_update *update,
                              oarc_role *out)
{
    oarc_path p;
    oarc_json_writer w;
    oarc_status status;

    if (c == NULL || update == NULL || out == NULL) {
        return oarc_op_refused(c);
    }
    status = oarc_op_start_role(c, role_collection(scope), role_id, &p);
    if (status == OARC_OK) {
        oarc_op_body(c, &w);
        status = oarc_role_update_write(&w, update);
    }
    return status != OARC_OK ? status : send_for_role(c, OARC_HTTP_POST, &p, &w, out);
}

oarc_status oarc_roles_delete(oarc_client *c, const oarc_role_scope *scope,
                              const char *role_id, oarc_role_deleted *out)
{
    oarc_path p;
    oarc_json_doc doc;
    oarc_status status;

    if (c == NULL || out == NULL) {
        return oarc_op_refused(c);
    }
    status = oarc_op_start_role(c, role_collection(scope), role_id, &p);
    if (status == OARC_OK) {
        status = oarc_op_send(c, OARC_HTTP_DELETE, &p, NULL, &doc);
    }
    return status != OARC_OK ? status
                             : oarc_op_decoded(c, &doc, oarc_role_deleted_decode(&doc, out));
}

oarc_status oarc_roles_list(oarc_client *c, const oarc_role_scope *scope,
                            const oarc_list_params *params, oarc_role_page *page)
{
    return oarc_page_fetch(c, role_collection(scope), params, page);
}

/* ---- Organization roles --------------------------------------------------------- */

oarc_status oarc_org_role_list(oarc_client *c, const oarc_list_params *params,
                               oarc_role_page *page)
{
    return oarc_roles_list(c, &org_roles, params, page);
}

oarc_status oarc_org_role_create(oarc_client *c, const oarc_role_create *create, oarc_role *out)
{
    return oarc_roles_create(c, &org_roles, create, out);
}

oarc_status oarc_org_role_retrieve(oarc_client *c, const char *role_id, oarc_role *out)
{
    return oarc_roles_retrieve(c, &org_roles, role_id, out);
}

oarc_status oarc_org_role_update(oarc_client *c, const char *role_id,
                                 const oarc_role_update *update, oarc_role *out)
{
    return oarc_roles_update(c, &org_roles, role_id, update, out);
}

oarc_status oarc_org_role_delete(oarc_client *c, const char *role_id, oarc_role_deleted *out)
{
    return oarc_roles_delete(c, &org_roles, role_id, out);
}

/* ---- Project roles ---------------------------------------------------------------- */

oarc_status oarc_project_role_list(oarc_client *c, const char *project_id,
                                   const oarc_list_params *params, oarc_role_page *page)
{
    const oarc_role_scope scope = project_scope(project_id);
    return oarc_roles_list(c, &scope, params, page);
}

oarc_status oarc_project_role_create(oarc_client *c, const char *project_id,
                                     const oarc_role_create *create, oarc_role *out)
{
    const oarc_role_scope scope = project_scope(project_id);
    return oarc_roles_create(c, &scope, create, out);
}

oarc_status oarc_project_role_retrieve(oarc_client *c, const char *project_id,
                                       const char *role_id, oarc_role *out)
{
    const oarc_role_scope scope = project_scope(project_id);
    return oarc_roles_retrieve(c, &scope, role_id, out);
}

oarc_status oarc_project_role_update(oarc_client *c, const char *project_id,
                                     const char *role_id, const oarc_role_update *update,
                                     oarc_role *out)
{
    const oarc_role_scope scope = project_scope(project_id);
    return oarc_roles_update(c, &scope, role_id, update, out);
}

oarc_status oarc_project_role_delete(oarc_client *c, const char *project_id,
                                     const char *role_id, oarc_role_deleted *out)
{
    const oarc_role_scope scope = project_scope(project_id);
    return oarc_roles_delete(c, &scope, role_id, out);
}
