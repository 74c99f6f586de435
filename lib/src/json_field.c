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

void oarc_field_find(oarc_json_doc *doc, int obj, const char *const *keys, size_t n,
                     int *found)
{
    size_t members = oarc_json_is_object(doc, obj) ? oarc_json_size(doc, obj) : 0u;
    size_t next = 0; /* the key after the last one found */
    int k = obj + 1;

    for (size_t i = 0; i < n; i++) {
        found[i] = OARC_JSON_NONE;
    }
    for (size_t m = 0; m < members && k < doc->count - 1; m++) {
        /* Members mostly come in the order the keys are listed (a server
         * writes its schema's order): try from the key after the last one
         * found, then the keys before it. */
        int i = oarc_json_key_index(doc, k, keys + next, n - next);

        i = (i != OARC_JSON_NONE) ? i + (int)next : oarc_json_key_index(doc, k, keys, next);
        if (i != OARC_JSON_NONE) {
            found[i] = (found[i] == OARC_JSON_NONE) ? k + 1 : OARC_FIELD_TWICE;
            next = (size_t)i + 1u;
        }
        /* A scalar value has no children: the next key follows it. */
        k = oarc_json_tokens(doc)[k + 1].size == 0 ? k + 2 : oarc_json_skip(doc, k + 1);
    }
}

/* What oarc_field_find finds for key alone. */
static int find_one(oarc_json_doc *doc, int obj, const char *key)
{
    int found;

    oarc_field_find(doc, obj, &key, 1u, &found);
    return found;
}

oarc_status oarc_field_take(oarc_json_doc *doc, const char *key, int found, bool required,
                            int *tok)
{
    *tok = (found < 0) ? OARC_JSON_NONE : found;
    if (found == OARC_FIELD_TWICE || (required && found == OARC_JSON_NONE)) {
        return oarc_field_blame(doc, key, OARC_ERR_JSON_SHAPE);
    }
    return OARC_OK;
}

oarc_status oarc_field_required(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    return oarc_field_take(doc, key, find_one(doc, obj, key), true, tok);
}

oarc_status oarc_field_optional(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    return oarc_field_take(doc, key, find_one(doc, obj, key), false, tok);
}

oarc_status oarc_field_string_at(oarc_json_doc *doc, const char *key, int found, oarc_span *out)
{
    int tok;
    oarc_status status = oarc_field_take(doc, key, found, true, &tok);

    if (status != OARC_OK) {
        return status;
    }
    return oarc_field_blame(doc, key, oarc_json_string(doc, tok, out));
}

oarc_status oarc_field_string(oarc_json_doc *doc, int obj, const char *key, oarc_span *out)
{
    return oarc_field_string_at(doc, key, find_one(doc, obj, key), out);
}

oarc_status oarc_field_string_or_null_at(oarc_json_doc *doc, const char *key, int found,
                                         oarc_span *out)
{
    int tok;
    oarc_status status = oarc_field_take(doc, key, found, true, &tok);

    if (status != OARC_OK) {
        return status;
    }
    return oarc_field_blame(doc, key, oarc_json_string_or_null(doc, tok, out));
}

oarc_status oarc_field_string_or_null(oarc_json_doc *doc, int obj, const char *key,
                                      oarc_span *out)
{
    return oarc_field_string_or_null_at(doc, key, find_one(doc, obj, key), out);
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

oarc_status oarc_field_bool_at(oarc_json_doc *doc, const char *key, int found, bool *out)
{
    int tok;
    oarc_status status = oarc_field_take(doc, key, found, true, &tok);

    if (status != OARC_OK) {
        return status;
    }
    return oarc_field_blame(doc, key, oarc_json_bool(doc, tok, out));
}

oarc_status oarc_field_bool(oarc_json_doc *doc, int obj, const char *key, bool *out)
{
    return oarc_field_bool_at(doc, key, find_one(doc, obj, key), out);
}

oarc_status oarc_field_object(oarc_json_doc *doc, int obj, const char *key, int *tok)
{
    oarc_status status = oarc_field_required(doc, obj, key, tok);

    if (status == OARC_OK && !oarc_json_is_object(doc, *tok)) {
        status = oarc_field_blame(doc, key, OARC_ERR_JSON_SHAPE);
    }
    return status;
}

oarc_status oarc_field_string_array_at(oarc_json_doc *doc, const char *key, int found,
                                       oarc_span *out, size_t max, size_t *count)
{
    int tok;
    oarc_status status = oarc_field_take(doc, key, found, true, &tok);

    *count = 0;
    if (status != OARC_OK) {
        return status;
    }
    /* Not an array, or an element that is not a string: JSON_SHAPE. */
    return oarc_field_blame(doc, key, oarc_json_string_array(doc, tok, out, max, count));
}

oarc_status oarc_field_tag_at(oarc_json_doc *doc, int found, const char *tag)
{
    oarc_span value = { NULL, 0 };
    oarc_status status = oarc_field_string_at(doc, "object", found, &value);
    size_t n = oarc_strnlen(tag, FIELD_TAG_MAX);

    if (status == OARC_OK && (value.len != n || memcmp(value.ptr, tag, n) != 0)) {
        status = oarc_field_blame(doc, "object", OARC_ERR_JSON_SHAPE);
    }
    return status;
}

oarc_status oarc_field_tag(oarc_json_doc *doc, int obj, const char *tag)
{
    return oarc_field_tag_at(doc, find_one(doc, obj, "object"), tag);
}
