/**
 * @file role_body.c
 * @brief The Roles family's request bodies (see role_body.h).
 *
 * A body is checked whole before its first byte is written (a refusal leaves
 * w empty), and each string is read twice at most: the check measures it
 * and looks for control bytes once, keeping its span, and the writer copies
 * that span, validating UTF-8 as it escapes. No string is measured again.
 */
#include "role_body.h"

#include "oarc/oarc_url.h"
#include "text.h"

/* The spans the check found, for the write that follows it. */
typedef struct body_spans {
    oarc_span name;
    oarc_span description;
    oarc_span permissions[OARC_MAX_PERMISSIONS];
} body_spans;

/* A string field: left out or null (nothing to check), or set: its span. */
static oarc_status check_field(oarc_field_state state, const char *s, bool single_line,
                               oarc_span *out)
{
    if (state == OARC_FIELD_OMIT || state == OARC_FIELD_NULL) {
        return OARC_OK;
    }
    if (state != OARC_FIELD_SET) {
        return OARC_ERR_ARGUMENT;
    }
    return oarc_body_text_span(s, single_line, out);
}

/* More permissions than a decoded Role can hold would give a role this
 * library could no longer read back, so they are refused up front. */
static oarc_status check_permissions(const char *const *permissions, size_t count,
                                     oarc_span *out)
{
    oarc_status status = OARC_OK;

    if (permissions == NULL && count != 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (count > OARC_MAX_PERMISSIONS) {
        return OARC_ERR_TOO_MANY_ITEMS;
    }
    for (size_t i = 0; i < count && status == OARC_OK; i++) {
        status = oarc_body_text_span(permissions[i], true, &out[i]);
    }
    return status;
}

/* A member left out, null or set to its checked span. */
static void write_field(oarc_json_writer *w, oarc_span key, oarc_field_state state,
                        oarc_span value)
{
    if (state == OARC_FIELD_OMIT) {
        return;
    }
    oarc_json_write_key(w, key);
    if (state == OARC_FIELD_NULL) {
        oarc_json_write_null(w);
    } else {
        oarc_json_write_string(w, value);
    }
}

static void write_permissions(oarc_json_writer *w, const oarc_span *spans, size_t count)
{
    oarc_json_write_key(w, OARC_SPAN_LITERAL("permissions"));
    oarc_json_write_begin_array(w);
    for (size_t i = 0; i < count; i++) {
        oarc_json_write_string(w, spans[i]);
    }
    oarc_json_write_end_array(w);
}

/* ---- Create -------------------------------------------------------------------- */

static oarc_status check_create(const oarc_role_create *c, body_spans *s)
{
    oarc_status status = oarc_body_text_span(c->role_name, true, &s->name);

    if (status == OARC_OK && s->name.len == 0u) {
        status = OARC_ERR_ARGUMENT; /* the role's unique name: never empty */
    }
    if (status == OARC_OK) {
        status = check_permissions(c->permissions, c->permission_count, s->permissions);
    }
    if (status == OARC_OK) {
        status = check_field(c->description_state, c->description, false, &s->description);
    }
    return status;
}

oarc_status oarc_role_create_write(oarc_json_writer *w, const oarc_role_create *create)
{
    body_spans s;
    oarc_status status;

    if (w == NULL || create == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = check_create(create, &s);
    if (status != OARC_OK) {
        return status; /* nothing written: finishing w says ARGUMENT as well */
    }
    oarc_json_write_begin_object(w);
    write_field(w, OARC_SPAN_LITERAL("role_name"), OARC_FIELD_SET, s.name);
    write_permissions(w, s.permissions, create->permission_count);
    write_field(w, OARC_SPAN_LITERAL("description"), create->description_state, s.description);
    oarc_json_write_end_object(w);
    return oarc_json_writer_finish(w, NULL);
}

/* ---- Update -------------------------------------------------------------------- */

static oarc_status check_update(const oarc_role_update *u, body_spans *s)
{
    oarc_status status = check_field(u->role_name_state, u->role_name, true, &s->name);

    if (status == OARC_OK) {
        status = check_field(u->description_state, u->description, false, &s->description);
    }
    if (status == OARC_OK && u->permissions_state == OARC_FIELD_SET) {
        status = check_permissions(u->permissions, u->permission_count, s->permissions);
    } else if (status == OARC_OK && u->permissions_state != OARC_FIELD_OMIT &&
               u->permissions_state != OARC_FIELD_NULL) {
        status = OARC_ERR_ARGUMENT;
    }
    return status;
}

oarc_status oarc_role_update_write(oarc_json_writer *w, const oarc_role_update *update)
{
    body_spans s;
    oarc_status status;

    if (w == NULL || update == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = check_update(update, &s);
    if (status != OARC_OK) {
        return status; /* nothing written: finishing w says ARGUMENT as well */
    }
    oarc_json_write_begin_object(w);
    write_field(w, OARC_SPAN_LITERAL("role_name"), update->role_name_state, s.name);
    write_field(w, OARC_SPAN_LITERAL("description"), update->description_state, s.description);
    if (update->permissions_state == OARC_FIELD_SET) {
        write_permissions(w, s.permissions, update->permission_count);
    } else {
        write_field(w, OARC_SPAN_LITERAL("permissions"), update->permissions_state, s.name);
    }
    oarc_json_write_end_object(w);
    return oarc_json_writer_finish(w, NULL);
}

/* ---- Assign -------------------------------------------------------------------- */

oarc_status oarc_role_assign_write(oarc_json_writer *w, const char *role_id)
{
    size_t n = 0;
    oarc_status status;

    if (w == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = oarc_id_check(role_id, &n);
    if (status != OARC_OK) {
        return status;
    }
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, OARC_SPAN_LITERAL("role_id"));
    oarc_json_write_string(w, (oarc_span){ role_id, n });
    oarc_json_write_end_object(w);
    return oarc_json_writer_finish(w, NULL);
}
