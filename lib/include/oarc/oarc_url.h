/**
 * @file oarc_url.h
 * @brief A parsed base URL (public because the client embeds one;
 * lib/src/url.h has the functions that fill it), and the one check every ID
 * passes before it goes into a request.
 */
#ifndef OARC_URL_PUBLIC_H
#define OARC_URL_PUBLIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc_config.h"
#include "oarc_status.h"

/** The base URL's parts, as the client uses them. */
typedef struct oarc_url {
    bool tls;                                   /**< https */
    char host[OARC_MAX_HOST_LEN + 1];           /**< NUL-terminated, IPv6 without brackets */
    size_t host_len;                            /**< bytes of host */
    uint16_t port;                              /**< explicit, or 443 / 80 */
    bool default_port;                          /**< port is the scheme's default */
    char prefix[OARC_MAX_PATH_PREFIX_LEN + 1];  /**< "" or "/v1": no trailing slash */
    size_t prefix_len;                          /**< bytes of prefix */
} oarc_url;

/**
 * The rules an ID (of a role, project, user or group) must pass to go into a
 * request, in a path or in a body: OARC_ERR_INVALID_ID for NULL, empty, "."
 * or ".." (a path would resolve them away), a control byte or DEL, or bytes
 * that are not UTF-8; OARC_ERR_ID_TOO_LONG past OARC_MAX_ID_LEN bytes (the
 * string is never read further). On OARC_OK, *len (when len is not NULL) is
 * its length. Every operation checks its IDs this way before anything is
 * sent; a caller may check a stored plan's IDs the same way beforehand.
 */
oarc_status oarc_id_check(const char *id, size_t *len);

#endif /* OARC_URL_PUBLIC_H */
