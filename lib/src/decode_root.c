/**
 * @file decode_root.c
 * @brief The frame of every whole-answer decoder (see decode_root.h).
 */
#include "decode_root.h"

#include <string.h>

#include "json_field.h"

oarc_status oarc_decode_root_begin(oarc_json_doc *doc, void *out, size_t size, const char *name)
{
    if (doc == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, size);
    doc->bad_field = NULL;
    if (doc->count <= 0 || !oarc_json_is_object(doc, 0)) {
        return oarc_field_blame(doc, name, OARC_ERR_JSON_SHAPE);
    }
    return OARC_OK;
}

oarc_status oarc_decode_root_end(void *out, size_t size, oarc_status status)
{
    if (status != OARC_OK && out != NULL) {
        memset(out, 0, size);
    }
    return status;
}
