/**
 * @file oarc_url.h
 * @brief A parsed base URL. Public only because the client embeds one;
 * lib/src/url.h has the functions that fill it.
 */
#ifndef OARC_URL_PUBLIC_H
#define OARC_URL_PUBLIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc_config.h"

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

#endif /* OARC_URL_PUBLIC_H */
