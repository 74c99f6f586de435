/**
 * @file fake_port.h
 * @brief A scripted oarc_port for unit tests: a virtual clock, replies queued
 * per request (delivered a few bytes at a time, then kept open, closed, reset
 * or stalled), and a record of everything the client did.
 */
#ifndef OARC_FAKE_PORT_H
#define OARC_FAKE_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_client.h"
#include "oarc/oarc_port.h"

typedef enum fake_after {
    FAKE_KEEP = 0,  /**< connection stays open after the reply */
    FAKE_CLOSE,     /**< recv returns 0 after the reply's bytes */
    FAKE_RESET,     /**< recv returns OARC_ERR_IO after the reply's bytes */
    FAKE_STALL      /**< recv waits out its whole timeout, then OARC_ERR_TIMEOUT */
} fake_after;

typedef struct fake_reply {
    const char *bytes; /**< what the server answers (may be "") */
    fake_after after;
} fake_reply;

#define FAKE_MAX_REPLIES 16
#define FAKE_MAX_CONNECTS 16
#define FAKE_SENT_CAP 16384
#define FAKE_REPLY_CAP 16384 /**< the longest reply fake_reply_* writes */

typedef struct fake_port {
    uint32_t now;                               /**< virtual milliseconds */
    size_t chunk;                               /**< bytes per recv (0: all) */
    oarc_status connect_result[FAKE_MAX_CONNECTS]; /**< per connect attempt; default OK */
    fake_reply replies[FAKE_MAX_REPLIES];
    size_t reply_count;
    char reply_text[FAKE_MAX_REPLIES][FAKE_REPLY_CAP]; /**< fake_reply_*'s, by slot */

    /* What happened. */
    size_t connects;
    uint32_t last_connect_ms;                   /**< timeout given to the last connect */
    size_t closes;
    bool open;
    size_t next_reply;                          /**< replies handed out */
    const fake_reply *current;                  /**< reply being delivered */
    size_t offset;                              /**< bytes of current delivered */
    size_t requests;                            /**< sends that began a request */
    bool awaiting_request;                      /**< the next send starts a request */
    char sent[FAKE_SENT_CAP];                   /**< every byte sent, in order */
    size_t sent_len;
    uint32_t sleeps[32];
    size_t sleep_count;
    uint8_t entropy_byte;                       /**< every entropy byte */
    oarc_port port;                             /**< the port fake_port_client gives */
} fake_port;

/** Zero f and fill port with the fake's functions. */
void fake_port_init(fake_port *f, oarc_port *port);

/** fake_port_init(f, &f->port), then client initialised over it as the API
 *  tests use it: base URL http://api.test/v1 (plain HTTP allowed), admin key
 *  sk-admin-test-key, no retries (each scripted answer is final). Fails the
 *  running test if the client refuses. */
void fake_port_client(fake_port *f, oarc_client *client);

/** Queue a reply for the next request. */
void fake_port_reply(fake_port *f, const char *bytes, fake_after after);

/** Queue a 200 whose JSON body arrives in two chunks, as the API sends it
 *  (Content-Type: application/json, Transfer-Encoding: chunked), with an
 *  x-request-id header unless request_id is NULL. The text is kept in f.
 *  Fails the running test if body is shorter than 2 bytes or the reply does
 *  not fit FAKE_REPLY_CAP; queues nothing once FAKE_MAX_REPLIES are queued,
 *  as fake_port_reply. */
void fake_reply_json(fake_port *f, const char *request_id, const char *body, fake_after after);

/** Queue "HTTP/1.1 <status_line>" with a Content-Length body, and the headers
 *  Content-Type and x-request-id, each unless NULL; the connection stays
 *  open. Fails the running test as fake_reply_json does. */
void fake_reply_status(fake_port *f, const char *status_line, const char *content_type,
                       const char *request_id, const char *body);

/** Count of occurrences of needle in everything sent. */
size_t fake_port_sent_count(const fake_port *f, const char *needle);

#endif /* OARC_FAKE_PORT_H */
