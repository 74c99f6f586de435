/**
 * @file assignment_codec.c
 * @brief Role assignments' JSON (see assignment_codec.h).
 */
#include "assignment_codec.h"

#include <string.h>

#include "json_field.h"
#include "role_codec.h"
#include "text.h"

/* ---- Assign body ---------------------------------------------------------- */

/* A role ID in a body follows the rules of one in a path (url.h), less the
 * dot-segment rule, which only matters to a path: a body is never resolved. */
static oarc_status check_role_id(const char *id, size_t *len)
{
    size_t n;

    if (id == NULL) {
        return OARC_ERR_INVALID_ID;
    }
    n = oarc_strnlen(id, OARC_MAX_ID_LEN);
    if (n > OARC_MAX_ID_LEN) {
        return OARC_ERR_ID_TOO_LONG;
    }
    if (n == 0u || !oarc_utf8_valid(id, n)) {
        return OARC_ERR_INVALID_ID;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        if (c < 0x20u || c == 0x7Fu) {
            return OARC_ERR_INVALID_ID;
        }
    }
    *len = n;
    return OARC_OK;
}

oarc_status oarc_role_assign_write(oarc_json_writer *w, const char *role_id)
{
    size_t n = 0;
    oarc_status status;

    if (w == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    status = check_role_id(role_id, &n);
    if (status != OARC_OK) {
        return status;
    }
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, OARC_SPAN_LITERAL("role_id"));
    oarc_json_write_string(w, (oarc_span){ role_id, n });
    oarc_json_write_end_object(w);
    return oarc_json_writer_finish(w, NULL);
}

/* ---- Assignment ------------------------------------------------------------- */

/* User: only id is required; name and email may be absent or null. */
static oarc_status decode_user(oarc_json_doc *doc, int obj, oarc_principal *out)
{
    oarc_status status = oarc_field_string(doc, obj, "id", &out->id);

    if (status == OARC_OK) {
        status = oarc_field_optional_string(doc, obj, "name", &out->name);
    }
    if (status == OARC_OK) {
        status = oarc_field_optional_string(doc, obj, "email", &out->email);
    }
    return status;
}

/* Group: id and name are both required strings; a group has no email. */
static oarc_status decode_group(oarc_json_doc *doc, int obj, oarc_principal *out)
{
    oarc_status status = oarc_field_string(doc, obj, "id", &out->id);

    if (status == OARC_OK) {
        status = oarc_field_string(doc, obj, "name", &out->name);
    }
    return status;
}

static oarc_status decode_principal(oarc_json_doc *doc, oarc_principal_type type,
                                    oarc_principal *out)
{
    bool user = (type == OARC_PRINCIPAL_USER);
    int obj = OARC_JSON_NONE;
    oarc_status status = oarc_field_object(doc, 0, user ? "user" : "group", &obj);

    if (status != OARC_OK) {
        return status;
    }
    return user ? decode_user(doc, obj, out) : decode_group(doc, obj, out);
}

static oarc_status decode_assignment(oarc_json_doc *doc, oarc_principal_type type,
                                     oarc_role_assignment *out)
{
    int role = OARC_JSON_NONE;
    oarc_status status =
        oarc_field_tag(doc, 0, type == OARC_PRINCIPAL_USER ? "user.role" : "group.role");

    if (status == OARC_OK) {
        status = decode_principal(doc, type, &out->principal);
    }
    if (status == OARC_OK) {
        status = oarc_field_required(doc, 0, "role", &role);
    }
    if (status == OARC_OK) {
        status = oarc_role_decode(doc, role, &out->role);
    }
    return status;
}

oarc_status oarc_role_assignment_decode(oarc_json_doc *doc, oarc_principal_type type,
                                        oarc_role_assignment *out)
{
    oarc_status status;

    if (doc == NULL || out == NULL ||
        (type != OARC_PRINCIPAL_USER && type != OARC_PRINCIPAL_GROUP)) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    doc->bad_field = NULL;
    if (doc->count <= 0 || !oarc_json_is_object(doc, 0)) {
        return oarc_field_blame(doc, type == OARC_PRINCIPAL_USER ? "user.role" : "group.role",
                                OARC_ERR_JSON_SHAPE);
    }
    status = decode_assignment(doc, type, out);
    if (status != OARC_OK) {
        memset(out, 0, sizeof *out);
    }
    return status;
}

/* ---- Unassignment ---------------------------------------------------------- */

oarc_status oarc_role_unassigned_decode(oarc_json_doc *doc, oarc_role_unassigned *out)
{
    oarc_status status;

    if (doc == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    doc->bad_field = NULL;
    if (doc->count <= 0 || !oarc_json_is_object(doc, 0)) {
        return oarc_field_blame(doc, "object", OARC_ERR_JSON_SHAPE);
    }
    status = oarc_field_string(doc, 0, "object", &out->object);
    if (status == OARC_OK) {
        status = oarc_field_bool(doc, 0, "deleted", &out->deleted);
    }
    if (status != OARC_OK) {
        memset(out, 0, sizeof *out);
    }
    return status;
}
