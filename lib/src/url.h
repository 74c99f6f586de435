/**
 * @file url.h
 * @brief The base URL (scheme, host, port, path prefix) and the request path
 * built on it, with IDs percent-encoded as single path segments.
 */
#ifndef OARC_URL_H
#define OARC_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_config.h"
#include "oarc/oarc_span.h"
#include "oarc/oarc_status.h"
#include "oarc/oarc_url.h"


/**
 * Parse "https://host[:port][/prefix]". http:// only when allow_http. Refuses
 * userinfo, query, fragment, an empty host, a bad or zero port, control bytes,
 * spaces and anything over the size limits (OARC_ERR_URL; OARC_ERR_INSECURE_URL
 * for http:// without the opt-in).
 */
oarc_status oarc_url_parse(oarc_url *url, oarc_span text, bool allow_http);

/** Builds one request path; the first failure sticks. */
typedef struct oarc_path {
    char *buf;
    size_t cap;
    size_t len;
    bool has_query;
    oarc_status status;
} oarc_path;

/** Start a path with the URL's prefix. */
void oarc_path_init(oarc_path *p, char *buf, size_t cap, const oarc_url *url);
/** Append a fixed piece such as "/organization/roles" (trusted, not encoded). */
void oarc_path_literal(oarc_path *p, const char *literal);
/**
 * Append "/" and the percent-encoded ID (unreserved bytes pass, all else %XX).
 * OARC_ERR_INVALID_ID for NULL, empty, ".", "..", a control byte or bad UTF-8;
 * OARC_ERR_ID_TOO_LONG past OARC_MAX_ID_LEN bytes.
 */
void oarc_path_segment(oarc_path *p, const char *id);
/** Append "?name=value" or "&name=value", value percent-encoded. */
void oarc_path_query(oarc_path *p, const char *name, oarc_span value);
/** The verdict, and the NUL-terminated path. */
oarc_status oarc_path_finish(oarc_path *p, oarc_span *out);

#endif /* OARC_URL_H */
