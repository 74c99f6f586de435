/**
 * @file op.c
 * @brief Scopes, paths and the call every Roles-family operation makes (see
 * op.h).
 */
#include "op.h"

#include <string.h>

/* How a scope's collection path is made: head, then the project's ID when
 * there is one, then the principal's collection and ID, then "/roles".
 * Arrays rather than pointers, so the table is plain read-only data. */
typedef struct scope_shape {
    char head[14];     /* "/organization" or "/projects" */
    char principal[8]; /* "", "/users" or "/groups" */
    bool project;      /* the next segment is project_id */
} scope_shape;

static const scope_shape shapes[] = {
    [OARC_SCOPE_ORG_ROLES] = { "/organization", "", false },
    [OARC_SCOPE_PROJECT_ROLES] = { "/projects", "", true },
    [OARC_SCOPE_ORG_USER_ROLES] = { "/organization", "/users", false },
    [OARC_SCOPE_ORG_GROUP_ROLES] = { "/organization", "/groups", false },
    [OARC_SCOPE_PROJECT_USER_ROLES] = { "/projects", "/users", true },
    [OARC_SCOPE_PROJECT_GROUP_ROLES] = { "/projects", "/groups", true },
};

#define SHAPE_COUNT (sizeof shapes / sizeof shapes[0])

/* The shape of a scope whose IDs match it, or NULL. An ID the scope does not
 * use is refused rather than ignored: it means the caller meant another one. */
static const scope_shape *shape_of(const oarc_role_scope *scope)
{
    const scope_shape *s;

    if (scope == NULL || (unsigned)scope->kind >= SHAPE_COUNT) {
        return NULL;
    }
    s = &shapes[scope->kind];
    if ((!s->project && scope->project_id != NULL) ||
        (s->principal[0] == '\0' && scope->principal_id != NULL)) {
        return NULL;
    }
    return s;
}

bool oarc_scope_is_assignment(const oarc_role_scope *scope)
{
    const scope_shape *s = shape_of(scope);

    return s != NULL && s->principal[0] != '\0';
}

oarc_principal_type oarc_scope_principal(const oarc_role_scope *scope)
{
    bool group = scope != NULL && (scope->kind == OARC_SCOPE_ORG_GROUP_ROLES ||
                                   scope->kind == OARC_SCOPE_PROJECT_GROUP_ROLES);

    return group ? OARC_PRINCIPAL_GROUP : OARC_PRINCIPAL_USER;
}

oarc_status oarc_op_start(oarc_client *c, const oarc_role_scope *scope, oarc_path *p)
{
    const scope_shape *s = shape_of(scope);
    oarc_span so_far;

    if (c == NULL || p == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    /* A refused input must not leave the previous call's details behind. */
    memset(&c->last, 0, sizeof c->last);
    if (s == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    oarc_path_init(p, c->path, sizeof c->path, &c->url);
    oarc_path_literal(p, s->head);
    if (s->project) {
        oarc_path_segment(p, scope->project_id);
    }
    if (s->principal[0] != '\0') {
        oarc_path_literal(p, s->principal);
        oarc_path_segment(p, scope->principal_id);
    }
    oarc_path_literal(p, "/roles");
    return oarc_path_finish(p, &so_far); /* the verdict; p stays open */
}

oarc_status oarc_op_start_role(oarc_client *c, const oarc_role_scope *scope,
                               const char *role_id, oarc_path *p)
{
    oarc_span so_far;
    oarc_status status = oarc_op_start(c, scope, p);

    if (status != OARC_OK) {
        return status;
    }
    oarc_path_segment(p, role_id);
    return oarc_path_finish(p, &so_far);
}

void oarc_op_body(oarc_client *c, oarc_json_writer *w)
{
    oarc_json_writer_init(w, c->tx, sizeof c->tx);
}

oarc_status oarc_op_send(oarc_client *c, oarc_http_method method, oarc_path *p,
                         const oarc_json_writer *body, oarc_json_doc *doc)
{
    oarc_span path = { NULL, 0 };
    size_t body_len = 0;
    oarc_status status = oarc_path_finish(p, &path);

    if (status == OARC_OK && body != NULL) {
        status = oarc_json_writer_finish(body, &body_len);
    }
    if (status != OARC_OK) {
        return status;
    }
    return oarc_client_call(c, method, path, body != NULL, body_len, doc);
}

oarc_status oarc_op_decoded(oarc_client *c, const oarc_json_doc *doc, oarc_status status)
{
    c->last.bad_field = doc->bad_field;
    return status;
}
