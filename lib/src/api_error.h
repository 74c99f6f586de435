/**
 * @file api_error.h
 * @brief The API's error object, `{"error": {"message", "type", "param",
 * "code"}}`, as the session reads it from any non-2xx answer.
 */
#ifndef OARC_API_ERROR_H
#define OARC_API_ERROR_H

#include "json_read.h"
#include "oarc/oarc_role.h"

/** Decode the error object at the root of doc; members that are absent or
 *  null are left {NULL, 0}. OARC_ERR_JSON_SHAPE (doc->bad_field names the
 *  member) when there is no error object or a member has a wrong type,
 *  OARC_ERR_JSON_SYNTAX for a string that does not unescape; out is zeroed
 *  on failure. */
oarc_status oarc_api_error_decode(oarc_json_doc *doc, oarc_api_error *out);

#endif /* OARC_API_ERROR_H */
