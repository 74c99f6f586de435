/**
 * @file json_field.c
 * @brief Typed members of a JSON object, with the member at fault recorded
 * (see json_field.h).
 */
#include "json_field.h"

#include <string.h>

#include "text.h"

/* Tags are short literals; the bound only keeps strnlen honest. */
#define FIELD_TAG_MAX 64u

oarc_status oarc_field_blame(oarc_json_doc *doc, const char *field, oarc_status status)
{
    if (status != OARC_OK) {
        doc->bad_field = field;
    }
    return status;
}

oarc_status oarc_field_required(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    *tok = oarc_json_member(doc, obj, key);
    return oarc_field_blame(doc, key, *tok == OARC_JSON_NONE ? OARC_ERR_JSON_SHAPE : OARC_OK);
}

oarc_status oarc_field_string(oarc_json_doc *doc, int obj, const char *key, oarc_span *out)
{
    int tok;
    oarc_status status = oarc_field_required(doc, obj, key, &tok);

    if (status != OARC_OK) {
        return status;
    }
    return oarc_field_blame(doc, key, oarc_json_string(doc, tok, out));
}

oarc_status oarc_field_string_or_null(oarc_json_doc *doc, int obj, const char *key,
                                      oarc_span *out)
{
    int tok;
    oarc_status status = oarc_field_required(doc, obj, key, &tok);

    if (status != OARC_OK) {
        return status;
    }
    return oarc_field_blame(doc, key, oarc_json_string_or_null(doc, tok, out));
}

oarc_status oarc_field_optional_string(oarc_json_doc *doc, int obj, const char *key,
                                       oarc_span *out)
{
    int tok = oarc_json_member(doc, obj, key);

    out->ptr = NULL;
    out->len = 0;
    if (tok == OARC_JSON_NONE) {
        return OARC_OK;
    }
    return oarc_field_blame(doc, key, oarc_json_string_or_null(doc, tok, out));
}

oarc_status oarc_field_bool(oarc_json_doc *doc, int obj, const char *key, bool *out)
{
    int tok;
    oarc_status status = oarc_field_required(doc, obj, key, &tok);

    if (status != OARC_OK) {
        return status;
    }
    return oarc_field_blame(doc, key, oarc_json_bool(doc, tok, out));
}

oarc_status oarc_field_object(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    oarc_status status = oarc_field_required(doc, obj, key, tok);

    if (status == OARC_OK && !oarc_json_is_object(doc, *tok)) {
        status = oarc_field_blame(doc, key, OARC_ERR_JSON_SHAPE);
    }
    return status;
}

oarc_status oarc_field_string_array(oarc_json_doc *doc, int obj, const char *key,
                                    oarc_span *out, size_t max, size_t *count)
{
    int tok;
    oarc_status status = oarc_field_required(doc, obj, key, &tok);

    *count = 0;
    if (status != OARC_OK) {
        return status;
    }
    /* Not an array, or an element that is not a string: JSON_SHAPE. */
    return oarc_field_blame(doc, key, oarc_json_string_array(doc, tok, out, max, count));
}

oarc_status oarc_field_tag(oarc_json_doc *doc, int obj, const char *tag)
{
    oarc_span value = { NULL, 0 };
    oarc_status status = oarc_field_string(doc, obj, "object", &value);
    size_t n = oarc_strnlen(tag, FIELD_TAG_MAX);

    if (status == OARC_OK && (value.len != n || memcmp(value.ptr, tag, n) != 0)) {
        status = oarc_field_blame(doc, "object", OARC_ERR_JSON_SHAPE);
    }
    return status;
}
