/**
 * @file client.h
 * @brief The one entry the operations use: send the request they prepared in
 * the client and get its JSON answer back, with the session's connection
 * reuse, deadline and retry policy applied.
 */
#ifndef OARC_CLIENT_INTERNAL_H
#define OARC_CLIENT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"
#include "json_read.h"
#include "oarc/oarc_client.h"

/**
 * Send method path with the body that lies at client->tx[0..body_len) (none
 * when !has_body), and parse the 2xx answer's JSON body into doc. A non-2xx
 * answer decodes the error object into client->last and returns OARC_ERR_API.
 */
oarc_status oarc_client_call(oarc_client *client, oarc_http_method method,
                             oarc_span path, bool has_body, size_t body_len,
                             oarc_json_doc *doc);

#endif /* OARC_CLIENT_INTERNAL_H */
