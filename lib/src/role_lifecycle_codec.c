/**
 * @file role_lifecycle_codec.c
 * @brief The create body and the deletion answer (see role_lifecycle_codec.h).
 */
#include "role_lifecycle_codec.h"

#include <string.h>

#include "json_field.h"
#include "text.h"


/* ---- Create body -------------------------------------------------------------- */

static oarc_status check_permissions(const oarc_role_create *c)
{
    oarc_span unused;

    if (c->permissions == NULL && c->permission_count != 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (c->permission_count > OARC_MAX_PERMISSIONS) {
        return OARC_ERR_TOO_MANY_ITEMS;
    }
    for (size_t i = 0; i < c->permission_count; i++) {
        oarc_status status = oarc_body_text_span(c->permissions[i], true, &unused);
        if (status != OARC_OK) {
            return status;
        }
    }
    return OARC_OK;
}

static oarc_status check_description(const oarc_role_create *c)
{
    oarc_span unused;

    switch (c->description_state) {
    case OARC_FIELD_OMIT:
    case OARC_FIELD_NULL:
        return OARC_OK;
    case OARC_FIELD_SET:
        return oarc_body_text_span(c->description, false, &unused);
    default:
        return OARC_ERR_ARGUMENT;
    }
}

/* All of it before the first byte, so a bad field never leaves half a body. */
static oarc_status check_create(const oarc_role_create *c)
{
    oarc_span name = { NULL, 0 };
    oarc_status status = oarc_body_text_span(c->role_name, true, &name);

    if (status == OARC_OK && name.len == 0u) {
        status = OARC_ERR_ARGUMENT; /* the role's unique name: never empty */
    }
    if (status == OARC_OK) {
        status = check_permissions(c);
    }
    if (status == OARC_OK) {
        status = check_description(c);
    }
    return status;
}

static void write_permissions(oarc_json_writer *w, const oarc_role_create *c)
{
    oarc_json_write_key(w, OARC_SPAN_LITERAL("permissions"));
    oarc_json_write_begin_array(w);
    for (size_t i = 0; i < c->permission_count; i++) {
        oarc_span value = { NULL, 0 };
        (void)oarc_body_text_span(c->permissions[i], true, &value); /* checked */
        oarc_json_write_string(w, value);
    }
    oarc_json_write_end_array(w);
}

static void write_description(oarc_json_writer *w, const oarc_role_create *c)
{
    oarc_span value = { NULL, 0 };

    if (c->description_state == OARC_FIELD_OMIT) {
        return;
    }
    oarc_json_write_key(w, OARC_SPAN_LITERAL("description"));
    if (c->description_state == OARC_FIELD_NULL) {
        oarc_json_write_null(w);
        return;
    }
    (void)oarc_body_text_span(c->description, false, &value); /* checked */
    oarc_json_write_string(w, value);
}

oarc_status oarc_role_create_write(oarc_json_writer *w, const oarc_role_create *create)
{
    oarc_span name = { NULL, 0 };
    oarc_status status;

    if (w == NULL || create == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = check_create(create);
    if (status != OARC_OK) {
        return status;
    }
    (void)oarc_body_text_span(create->role_name, true, &name); /* checked */
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, OARC_SPAN_LITERAL("role_name"));
    oarc_json_write_string(w, name);
    write_permissions(w, create);
    write_description(w, create);
    oarc_json_write_end_object(w);
    return oarc_json_writer_finish(w, NULL);
}

/* ---- Deletion ----------------------------------------------------------------- */

oarc_status oarc_role_deleted_decode(oarc_json_doc *doc, oarc_role_deleted *out)
{
    oarc_status status;

    if (doc == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    doc->bad_field = NULL;
    if (doc->count <= 0 || !oarc_json_is_object(doc, 0)) {
        return oarc_field_blame(doc, "role.deleted", OARC_ERR_JSON_SHAPE);
    }
    status = oarc_field_tag(doc, 0, "role.deleted");
    if (status == OARC_OK) {
        status = oarc_field_string(doc, 0, "id", &out->id);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool(doc, 0, "deleted", &out->deleted);
    }
    if (status != OARC_OK) {
        memset(out, 0, sizeof *out);
    }
    return status;
}
