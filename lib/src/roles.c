/**
 * @file roles.c
 * @brief The Roles operations: each builds its path (IDs percent-encoded) and
 * its JSON body in the client, makes one call, and decodes the answer. Every
 * input is checked before the first byte is sent.
 */
#include "oarc/oarc_roles.h"

#include <string.h>

#include "client.h"
#include "role_codec.h"
#include "url.h"

/** Forget the previous call, so a refused input leaves no stale details. */
static void begin(oarc_client *c)
{
    memset(&c->last, 0, sizeof(c->last));
}

/** The update body, written at tx[0] where oarc_client_call expects it. */
static oarc_status write_update_body(oarc_client *c, const oarc_role_update *update,
                                     size_t *len)
{
    oarc_json_writer w;
    oarc_json_writer_init(&w, c->tx, sizeof(c->tx));
    oarc_status st = oarc_role_update_write(&w, update);
    return st == OARC_OK ? oarc_json_writer_finish(&w, len) : st;
}

/** Send the prepared request and decode the Role it answers with. */
static oarc_status call_for_role(oarc_client *c, oarc_http_method method, oarc_span path,
                                 bool has_body, size_t body_len, oarc_role *out)
{
    oarc_json_doc doc;
    oarc_status st = oarc_client_call(c, method, path, has_body, body_len, &doc);
    if (st == OARC_OK) {
        st = oarc_role_decode(&doc, 0, out);
        c->last.bad_field = doc.bad_field;
    }
    return st;
}

static oarc_status update_role(oarc_client *c, oarc_path *p, const oarc_role_update *update,
                               oarc_role *out)
{
    oarc_span path;
    size_t body_len = 0;
    oarc_status st = oarc_path_finish(p, &path);
    if (st == OARC_OK) {
        st = write_update_body(c, update, &body_len);
    }
    if (st != OARC_OK) {
        return st;
    }
    return call_for_role(c, OARC_HTTP_POST, path, true, body_len, out);
}

oarc_status oarc_org_role_update(oarc_client *c, const char *role_id,
                                 const oarc_role_update *update, oarc_role *out)
{
    if (c == NULL || update == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    begin(c);
    oarc_path p;
    oarc_path_init(&p, c->path, sizeof(c->path), &c->url);
    oarc_path_literal(&p, "/organization/roles");
    oarc_path_segment(&p, role_id);
    return update_role(c, &p, update, out);
}

oarc_status oarc_project_role_update(oarc_client *c, const char *project_id,
                                     const char *role_id, const oarc_role_update *update,
                                     oarc_role *out)
{
    if (c == NULL || update == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    begin(c);
    oarc_path p;
    oarc_path_init(&p, c->path, sizeof(c->path), &c->url);
    oarc_path_literal(&p, "/projects");
    oarc_path_segment(&p, project_id);
    oarc_path_literal(&p, "/roles");
    oarc_path_segment(&p, role_id);
    return update_role(c, &p, update, out);
}
