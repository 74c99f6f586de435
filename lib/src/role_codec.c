/**
 * @file role_codec.c
 * @brief The Roles API's JSON: the update body written, the Role and the
 * error object read. Everything a decoder returns points into the document.
 */
#include "role_codec.h"

#include <string.h>

#include "json_field.h"
#include "text.h"


/* ------------------------------------------------------------------------ */
/* Update body                                                              */

static oarc_status check_text(oarc_field_state state, const char *s, bool single_line)
{
    oarc_span unused;

    if (state == OARC_FIELD_OMIT || state == OARC_FIELD_NULL) {
        return OARC_OK;
    }
    if (state != OARC_FIELD_SET) {
        return OARC_ERR_ARGUMENT;
    }
    return oarc_body_text_span(s, single_line, &unused);
}

/* More permissions than a decoded Role can hold would give a role this
 * library could no longer read back, so they are refused up front. */
static oarc_status check_permissions(const oarc_role_update *u)
{
    oarc_span unused;

    if (u->permissions_state == OARC_FIELD_OMIT || u->permissions_state == OARC_FIELD_NULL) {
        return OARC_OK;
    }
    if (u->permissions_state != OARC_FIELD_SET ||
        (u->permissions == NULL && u->permission_count != 0u)) {
        return OARC_ERR_ARGUMENT;
    }
    if (u->permission_count > OARC_MAX_PERMISSIONS) {
        return OARC_ERR_TOO_MANY_ITEMS;
    }
    for (size_t i = 0; i < u->permission_count; i++) {
        oarc_status status = oarc_body_text_span(u->permissions[i], true, &unused);
        if (status != OARC_OK) {
            return status;
        }
    }
    return OARC_OK;
}

/* The whole update is checked before its first byte is written, so a bad
 * field never leaves half a body behind. */
static oarc_status check_update(const oarc_role_update *u)
{
    oarc_status status = check_text(u->role_name_state, u->role_name, true);

    if (status == OARC_OK) {
        status = check_text(u->description_state, u->description, false);
    }
    if (status == OARC_OK) {
        status = check_permissions(u);
    }
    return status;
}

/* One string field, already checked: left out, null or the value. */
static void write_text_field(oarc_json_writer *w, oarc_span key, oarc_field_state state,
                             const char *s)
{
    oarc_span value = { NULL, 0 };

    if (state == OARC_FIELD_OMIT) {
        return;
    }
    oarc_json_write_key(w, key);
    if (state == OARC_FIELD_NULL) {
        oarc_json_write_null(w);
        return;
    }
    (void)oarc_body_text_span(s, false, &value); /* cannot fail: check_update() passed */
    oarc_json_write_string(w, value);
}

static void write_permissions(oarc_json_writer *w, const oarc_role_update *u)
{
    if (u->permissions_state == OARC_FIELD_OMIT) {
        return;
    }
    oarc_json_write_key(w, OARC_SPAN_LITERAL("permissions"));
    if (u->permissions_state == OARC_FIELD_NULL) {
        oarc_json_write_null(w);
        return;
    }
    oarc_json_write_begin_array(w);
    for (size_t i = 0; i < u->permission_count; i++) {
        oarc_span value = { NULL, 0 };
        (void)oarc_body_text_span(u->permissions[i], true, &value); /* checked */
        oarc_json_write_string(w, value);
    }
    oarc_json_write_end_array(w);
}

oarc_status oarc_role_update_write(oarc_json_writer *w, const oarc_role_update *update)
{
    oarc_status status;

    if (w == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = (update == NULL) ? OARC_ERR_ARGUMENT : check_update(update);
    if (status != OARC_OK) {
        return status; /* nothing written: finishing w says ARGUMENT as well */
    }
    oarc_json_write_begin_object(w);
    write_text_field(w, OARC_SPAN_LITERAL("role_name"), update->role_name_state,
                     update->role_name);
    write_text_field(w, OARC_SPAN_LITERAL("description"), update->description_state,
                     update->description);
    write_permissions(w, update);
    oarc_json_write_end_object(w);
    return oarc_json_writer_finish(w, NULL);
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                 */

/* The seven members in the schema's order, found in one walk of the object;
 * the first failure in this order wins. */
enum role_member { R_OBJECT, R_ID, R_NAME, R_DESCRIPTION, R_PERMISSIONS, R_RESOURCE_TYPE,
                   R_PREDEFINED, R_MEMBERS };

static oarc_status decode_role_members(oarc_json_doc *doc, int obj, oarc_role *out)
{
    /* On the stack: a static table of pointers would be relocated data. */
    const char *const role_keys[R_MEMBERS] = {
        "object", "id", "name", "description", "permissions", "resource_type", "predefined_role",
    };
    int found[R_MEMBERS];
    oarc_status status;

    oarc_field_find(doc, obj, role_keys, R_MEMBERS, found);
    status = oarc_field_tag_at(doc, found[R_OBJECT], "role");
    if (status == OARC_OK) {
        status = oarc_field_string_at(doc, role_keys[R_ID], found[R_ID], &out->id);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_at(doc, role_keys[R_NAME], found[R_NAME], &out->name);
    }
    if (status == OARC_OK) {
        /* Required even though it may be null. */
        status = oarc_field_string_or_null_at(doc, role_keys[R_DESCRIPTION],
                                              found[R_DESCRIPTION], &out->description);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_array_at(doc, role_keys[R_PERMISSIONS], found[R_PERMISSIONS],
                                            out->permissions, OARC_MAX_PERMISSIONS,
                                            &out->permission_count);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_at(doc, role_keys[R_RESOURCE_TYPE], found[R_RESOURCE_TYPE],
                                      &out->resource_type);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool_at(doc, role_keys[R_PREDEFINED], found[R_PREDEFINED],
                                    &out->predefined_role);
    }
    return status;
}

oarc_status oarc_role_decode(oarc_json_doc *doc, int tok, oarc_role *out)
{
    oarc_status status;

    if (doc == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    doc->bad_field = NULL;
    if (tok < 0 || tok >= doc->count || !oarc_json_is_object(doc, tok)) {
        return oarc_field_blame(doc, "role", OARC_ERR_JSON_SHAPE);
    }
    status = decode_role_members(doc, tok, out);
    if (status != OARC_OK) {
        oarc_role_keep_identity(doc, tok, out); /* no half-decoded role beyond that */
    }
    return status;
}

void oarc_role_keep_identity(oarc_json_doc *doc, int obj, oarc_role *out)
{
    memset(out, 0, sizeof *out);
    /* The failure already named stays named (bad_field is put back). A
     * member that is absent or not a string leaves its span {NULL, 0}
     * (oarc_json_string clears it); reading a string twice is harmless, as
     * unescaping in place is idempotent. */
    if (obj >= 0 && obj < doc->count && oarc_json_is_object(doc, obj)) {
        const char *blamed = doc->bad_field;
        int id = OARC_JSON_NONE;
        int name = OARC_JSON_NONE;

        /* A member given twice is no identity either: which one counts is
         * a guess. */
        (void)oarc_field_optional(doc, obj, "id", &id);
        (void)oarc_field_optional(doc, obj, "name", &name);
        doc->bad_field = blamed;
        (void)oarc_json_string(doc, id, &out->id);
        (void)oarc_json_string(doc, name, &out->name);
    }
}

oarc_status oarc_api_error_decode(oarc_json_doc *doc, oarc_api_error *out)
{
    oarc_status status;
    int err;

    if (doc == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    doc->bad_field = NULL;
    status = doc->count > 0 ? oarc_field_object(doc, 0, "error", &err) : OARC_ERR_JSON_SHAPE;
    if (status != OARC_OK) {
        return oarc_field_blame(doc, "error", status);
    }
    /* The schema requires all four, but an error report is worth reading
     * even when a server leaves some out. */
    status = oarc_field_optional_string(doc, err, "message", &out->message);
    if (status == OARC_OK) {
        status = oarc_field_optional_string(doc, err, "type", &out->type);
    }
    if (status == OARC_OK) {
        status = oarc_field_optional_string(doc, err, "param", &out->param);
    }
    if (status == OARC_OK) {
        status = oarc_field_optional_string(doc, err, "code", &out->code);
    }
    if (status != OARC_OK) {
        memset(out, 0, sizeof *out);
    }
    return status;
}
