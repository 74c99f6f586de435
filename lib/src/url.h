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
 * Parse "https://host[:port][/prefix]" (scheme in any case). http:// only when
 * allow_http, else OARC_ERR_INSECURE_URL. host is a DNS name or IPv4 address
 * (letters, digits, '-', '.', '_') or a bracketed IPv6 literal, stored without
 * brackets; port is 1..65535 in at most five digits; trailing slashes of the
 * prefix are dropped ("/" alone is no prefix). default_port is true when the
 * port is the scheme's, even if given explicitly.
 *
 * OARC_ERR_URL for userinfo, query, fragment, an empty host, a bad port, any
 * space, control or non-ASCII byte, a prefix segment that is empty, "." or
 * ".." or holds anything but unreserved characters (so no '%'), and a host
 * or prefix over OARC_MAX_HOST_LEN / OARC_MAX_PATH_PREFIX_LEN.
 * OARC_ERR_ARGUMENT for a NULL url or text.ptr. On failure *url is zeroed.
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

/** Start a path with the URL's prefix. OARC_ERR_ARGUMENT (sticky) for a NULL
 *  buf or url; OARC_ERR_BUFFER_TOO_SMALL when the prefix and its NUL do not
 *  fit cap. */
void oarc_path_init(oarc_path *p, char *buf, size_t cap, const oarc_url *url);
/** Append a fixed piece such as "/organization/roles" (trusted, not encoded).
 *  OARC_ERR_ARGUMENT for NULL or after a query. */
void oarc_path_literal(oarc_path *p, const char *literal);
/**
 * Append "/" and the percent-encoded ID (unreserved bytes pass, all else %XX).
 * The ID must pass oarc_id_check() (oarc_url.h): OARC_ERR_INVALID_ID for NULL,
 * empty, ".", "..", a control byte or bad UTF-8;
 * OARC_ERR_ID_TOO_LONG past OARC_MAX_ID_LEN bytes (never read further);
 * OARC_ERR_ARGUMENT after a query.
 */
void oarc_path_segment(oarc_path *p, const char *id);
/** Append "?name=value" or "&name=value", value percent-encoded like an ID
 *  (name is a trusted literal). OARC_ERR_INVALID_UTF8 for a value that is not
 *  UTF-8; OARC_ERR_ARGUMENT for a NULL name or a NULL value with a length. */
void oarc_path_query(oarc_path *p, const char *name, oarc_span value);
/** The verdict, and the NUL-terminated path; out is {NULL, 0} on failure.
 *  Every append fails with OARC_ERR_BUFFER_TOO_SMALL rather than truncate. */
oarc_status oarc_path_finish(oarc_path *p, oarc_span *out);

#endif /* OARC_URL_H */
