/**
 * @file api_error.c
 * @brief The API's error object (see api_error.h).
 */
#include "api_error.h"

#include "decode_root.h"
#include "json_field.h"

oarc_status oarc_api_error_decode(oarc_json_doc *doc, oarc_api_error *out)
{
    int err = OARC_JSON_NONE;
    oarc_status status = oarc_decode_root_begin(doc, out, sizeof *out, "error");

    if (status == OARC_OK) {
        status = oarc_field_object(doc, 0, "error", &err);
    }
    if (status != OARC_OK) {
        return oarc_decode_root_end(out, sizeof *out, status);
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
    return oarc_decode_root_end(out, sizeof *out, status);
}
