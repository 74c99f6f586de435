/**
 * @file role_decode.c
 * @brief Roles read from answers (see role_decode.h). A Role and an
 * AssignedRoleDetails share six members; one walk of the object finds them
 * all, and one reader judges them.
 */
#include "role_decode.h"

#include <string.h>

#include "decode_root.h"
#include "json_field.h"

/* The members in the Role schema's order; the AssignedRoleDetails has all
 * but the tag. */
enum role_member { R_OBJECT, R_ID, R_NAME, R_DESCRIPTION, R_PERMISSIONS, R_RESOURCE_TYPE,
                   R_PREDEFINED, R_MEMBERS };

/* The first failure in the schema's order wins: a Role's description comes
 * third, an AssignedRoleDetails' last (its schema's order). */
static oarc_status decode_members(oarc_json_doc *doc, int obj, bool assigned, oarc_role *out)
{
    /* On the stack: a static table of pointers would be relocated data. */
    const char *const keys[R_MEMBERS] = {
        "object", "id", "name", "description", "permissions", "resource_type", "predefined_role",
    };
    int found[R_MEMBERS];
    oarc_status status = OARC_OK;

    oarc_field_find(doc, obj, keys, R_MEMBERS, found);
    if (!assigned) {
        status = oarc_field_tag_at(doc, found[R_OBJECT], "role");
    }
    if (status == OARC_OK) {
        status = oarc_field_string_at(doc, keys[R_ID], found[R_ID], &out->id);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_at(doc, keys[R_NAME], found[R_NAME], &out->name);
    }
    if (status == OARC_OK && !assigned) {
        /* Required even though it may be null. */
        status = oarc_field_string_or_null_at(doc, keys[R_DESCRIPTION], found[R_DESCRIPTION],
                                              &out->description);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_array_at(doc, keys[R_PERMISSIONS], found[R_PERMISSIONS],
                                            out->permissions, OARC_MAX_PERMISSIONS,
                                            &out->permission_count);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_at(doc, keys[R_RESOURCE_TYPE], found[R_RESOURCE_TYPE],
                                      &out->resource_type);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool_at(doc, keys[R_PREDEFINED], found[R_PREDEFINED],
                                    &out->predefined_role);
    }
    if (status == OARC_OK && assigned) {
        status = oarc_field_string_or_null_at(doc, keys[R_DESCRIPTION], found[R_DESCRIPTION],
                                              &out->description);
    }
    return status;
}

static oarc_status decode(oarc_json_doc *doc, int tok, bool assigned, oarc_role *out)
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
    status = decode_members(doc, tok, assigned, out);
    if (status != OARC_OK) {
        oarc_role_keep_identity(doc, tok, out); /* no half-decoded role beyond that */
    }
    return status;
}

oarc_status oarc_role_decode(oarc_json_doc *doc, int tok, oarc_role *out)
{
    return decode(doc, tok, false, out);
}

oarc_status oarc_assigned_role_decode(oarc_json_doc *doc, int tok, oarc_role *out)
{
    return decode(doc, tok, true, out);
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

oarc_status oarc_role_deleted_decode(oarc_json_doc *doc, oarc_role_deleted *out)
{
    oarc_status status = oarc_decode_root_begin(doc, out, sizeof *out, "role.deleted");

    if (status == OARC_OK) {
        status = oarc_field_tag(doc, 0, "role.deleted");
    }
    if (status == OARC_OK) {
        status = oarc_field_string(doc, 0, "id", &out->id);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool(doc, 0, "deleted", &out->deleted);
    }
    return oarc_decode_root_end(out, sizeof *out, status);
}
