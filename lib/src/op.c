/**
 * @file op.c
 * @brief Scopes, paths and the call every Roles-family operation makes (see
 * op.h).
 */
#include "op.h"

#include <stdint.h>
#include <string.h>

/* How a scope's collection path is made: "/organization" or "/projects" and
 * the project's ID, then the principal's collection and ID when there is
 * one, then "/roles". One byte of flags per kind. */
enum { IN_PROJECT = 1u, OF_USER = 2u, OF_GROUP = 4u, NO_SHAPE = 0xFFu };

static const uint8_t shapes[] = {
    [OARC_SCOPE_ORG_ROLES] = 0u,
    [OARC_SCOPE_PROJECT_ROLES] = IN_PROJECT,
    [OARC_SCOPE_ORG_USER_ROLES] = OF_USER,
    [OARC_SCOPE_ORG_GROUP_ROLES] = OF_GROUP,
    [OARC_SCOPE_PROJECT_USER_ROLES] = IN_PROJECT | OF_USER,
    [OARC_SCOPE_PROJECT_GROUP_ROLES] = IN_PROJECT | OF_GROUP,
};

#define SHAPE_COUNT (sizeof shapes / sizeof shapes[0])

/* The shape of a scope whose IDs match it, or NO_SHAPE. An ID the scope does
 * not use is refused rather than ignored: it means the caller meant another
 * one. */
static unsigned shape_of(const oarc_role_scope *scope)
{
    unsigned s;

    if (scope == NULL || (unsigned)scope->kind >= SHAPE_COUNT) {
        return NO_SHAPE;
    }
    s = shapes[scope->kind];
    if (((s & IN_PROJECT) == 0u && scope->project_id != NULL) ||
        ((s & (OF_USER | OF_GROUP)) == 0u && scope->principal_id != NULL)) {
        return NO_SHAPE;
    }
    return s;
}

bool oarc_scope_is_assignment(const oarc_role_scope *scope)
{
    unsigned s = shape_of(scope);

    return s != NO_SHAPE && (s & (OF_USER | OF_GROUP)) != 0u;
}

oarc_principal_type oarc_scope_principal(const oarc_role_scope *scope)
{
    unsigned s = shape_of(scope);

    return s != NO_SHAPE && (s & OF_GROUP) != 0u ? OARC_PRINCIPAL_GROUP : OARC_PRINCIPAL_USER;
}

oarc_status oarc_op_refused(oarc_client *c)
{
    if (c != NULL) {
        memset(&c->last, 0, sizeof c->last);
    }
    return OARC_ERR_ARGUMENT;
}

oarc_status oarc_op_start(oarc_client *c, const oarc_role_scope *scope, oarc_path *p)
{
    unsigned s = shape_of(scope);
    oarc_span so_far;

    if (c == NULL || p == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    /* A refused input must not leave the previous call's details behind. */
    memset(&c->last, 0, sizeof c->last);
    if (s == NO_SHAPE) {
        return OARC_ERR_ARGUMENT;
    }
    oarc_path_init(p, c->path, sizeof c->path, &c->url);
    if ((s & IN_PROJECT) != 0u) {
        oarc_path_literal(p, "/projects");
        oarc_path_segment(p, scope->project_id);
    } else {
        oarc_path_literal(p, "/organization");
    }
    if ((s & (OF_USER | OF_GROUP)) != 0u) {
        oarc_path_literal(p, (s & OF_USER) != 0u ? "/users" : "/groups");
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
