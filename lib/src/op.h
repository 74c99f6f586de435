/**
 * @file op.h
 * @brief What every operation of the Roles family does around its one call:
 * forget the last call, address its scope (the path of a collection of
 * roles, and of one role in it), send, and record the member a decoder
 * blamed. Inputs are checked before anything is sent.
 */
#ifndef OARC_OP_H
#define OARC_OP_H

#include <stdbool.h>

#include "client.h"
#include "json_write.h"
#include "oarc/oarc_client.h"
#include "oarc/oarc_role.h"
#include "url.h"

/** True for the four scopes of role assignments (a user's or a group's roles). */
bool oarc_scope_is_assignment(const oarc_role_scope *scope);

/** Whose roles an assignment scope holds. */
oarc_principal_type oarc_scope_principal(const oarc_role_scope *scope);

/**
 * A call refused for a missing argument: OARC_ERR_ARGUMENT, with the previous
 * call's details cleared first when there is a client, as oarc_op_start()
 * does for any input it refuses.
 */
oarc_status oarc_op_refused(oarc_client *c);

/**
 * Forget the last call, then start c->path with the scope's collection:
 * "/organization/roles", "/projects/{id}/users/{id}/roles", ... Returns the
 * verdict so far: OARC_ERR_ARGUMENT for a NULL client or scope, an unknown
 * kind or an ID the scope does not use; OARC_ERR_INVALID_ID /
 * OARC_ERR_ID_TOO_LONG for a bad ID; OARC_ERR_BUFFER_TOO_SMALL. Queries may
 * be appended to p afterwards.
 */
oarc_status oarc_op_start(oarc_client *c, const oarc_role_scope *scope, oarc_path *p);

/** As oarc_op_start, then "/{role_id}": one role of the collection. A NULL
 *  role_id is OARC_ERR_INVALID_ID, never the collection itself. */
oarc_status oarc_op_start_role(oarc_client *c, const oarc_role_scope *scope,
                               const char *role_id, oarc_path *p);

/** A JSON writer over c->tx, where oarc_client_call expects the body. */
void oarc_op_body(oarc_client *c, oarc_json_writer *w);

/**
 * Finish the path (and the body, unless body is NULL: no body) and make the
 * call. Any failure of either is returned before a byte is sent.
 */
oarc_status oarc_op_send(oarc_client *c, oarc_http_method method, oarc_path *p,
                         const oarc_json_writer *body, oarc_json_doc *doc);

/** Record the member doc's decoder blamed in the last call; returns status. */
oarc_status oarc_op_decoded(oarc_client *c, const oarc_json_doc *doc, oarc_status status);

#endif /* OARC_OP_H */
