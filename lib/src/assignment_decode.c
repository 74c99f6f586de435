/**
 * @file assignment_decode.c
 * @brief Role assignments read from answers (see assignment_decode.h).
 */
#include "assignment_decode.h"

#include "decode_root.h"
#include "json_field.h"
#include "role_decode.h"

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

    if (type != OARC_PRINCIPAL_USER && type != OARC_PRINCIPAL_GROUP) {
        return OARC_ERR_ARGUMENT;
    }
    status = oarc_decode_root_begin(doc, out, sizeof *out,
                                    type == OARC_PRINCIPAL_USER ? "user.role" : "group.role");
    if (status != OARC_OK) {
        return status;
    }
    return oarc_decode_root_end(out, sizeof *out, decode_assignment(doc, type, out));
}

/* ---- Unassignment ---------------------------------------------------------- */

oarc_status oarc_role_unassigned_decode(oarc_json_doc *doc, oarc_role_unassigned *out)
{
    oarc_status status = oarc_decode_root_begin(doc, out, sizeof *out, "object");

    if (status == OARC_OK) {
        status = oarc_field_string(doc, 0, "object", &out->object);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool(doc, 0, "deleted", &out->deleted);
    }
    return oarc_decode_root_end(out, sizeof *out, status);
}
