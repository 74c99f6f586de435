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

/*
 * The value token of member key, looked up as oarc_json_member() does but
 * through every member: absent gives OARC_OK with *tok OARC_JSON_NONE, and a
 * member given twice is OARC_ERR_JSON_SHAPE, since parsers differ on which
 * one counts (first or last) and either answer would be a guess. Keys are
 * compared as oarc_json_key_is() compares (after unescaping, so "i\u0064"
 * repeats "id"; a plain key that differs in its first byte is neither
 * decoded nor measured). Bounded by the object's member count and by the
 * token count.
 */
static oarc_status member_once(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    size_t members = oarc_json_is_object(doc, obj) ? oarc_json_size(doc, obj) : 0u;
    int k = obj + 1;

    *tok = OARC_JSON_NONE;
    for (size_t m = 0; m < members && k < doc->count - 1; m++) {
        if (oarc_json_key_is(doc, k, key)) {
            if (*tok != OARC_JSON_NONE) {
                *tok = OARC_JSON_NONE;
                return OARC_ERR_JSON_SHAPE;
            }
            *tok = k + 1;
        }
        /* A scalar value has no children: the next key follows it. */
        k = doc->tokens[k + 1].size == 0 ? k + 2 : oarc_json_skip(doc, k + 1);
    }
    return OARC_OK;
}

oarc_status oarc_field_required(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    oarc_status status = member_once(doc, obj, key, tok);

    if (status == OARC_OK && *tok == OARC_JSON_NONE) {
        status = OARC_ERR_JSON_SHAPE;
    }
    return oarc_field_blame(doc, key, status);
}

oarc_status oarc_field_optional(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    return oarc_field_blame(doc, key, member_once(doc, obj, key, tok));
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
    int tok;
    oarc_status status = oarc_field_optional(doc, obj, key, &tok);

    out->ptr = NULL;
    out->len = 0;
    if (status != OARC_OK || tok == OARC_JSON_NONE) {
        return status;
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
