/**
 * @file json_write.h
 * @brief A JSON writer that cannot overflow. It writes into a caller's
 * buffer, validates UTF-8, escapes per RFC 8259 and never truncates: the
 * first failure sticks (later calls do nothing but keep counting), and
 * oarc_json_writer_finish() reports it with the bytes the whole document
 * needs. Commas and colons are placed by the writer.
 */
#ifndef OARC_JSON_WRITE_H
#define OARC_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_config.h"
#include "oarc/oarc_span.h"
#include "oarc/oarc_status.h"

typedef struct oarc_json_writer {
    char *buf;           /**< output; may be NULL with cap 0 to measure only */
    size_t cap;          /**< bytes available at buf */
    size_t len;          /**< bytes the document needs so far (may exceed cap) */
    oarc_status status;  /**< first failure, sticky */
    uint32_t has_members;/**< bit d: the container at depth d has a member */
    uint32_t in_object;  /**< bit d: the container at depth d is an object */
    uint8_t depth;       /**< open containers */
    bool after_key;      /**< a key was written, its value is due */
} oarc_json_writer;

void oarc_json_writer_init(oarc_json_writer *w, char *buf, size_t cap);
void oarc_json_write_begin_object(oarc_json_writer *w);
void oarc_json_write_end_object(oarc_json_writer *w);
void oarc_json_write_begin_array(oarc_json_writer *w);
void oarc_json_write_end_array(oarc_json_writer *w);
/** A member name; only inside an object, before its value. */
void oarc_json_write_key(oarc_json_writer *w, oarc_span key);
/** A string value: OARC_ERR_INVALID_UTF8 (sticky) when s is not UTF-8. */
void oarc_json_write_string(oarc_json_writer *w, oarc_span s);
/** A string from the network, for printing: escaped by oarc_printable_piece()
 *  (JSON style), so it never fails on bad UTF-8 and no control character
 *  passes, C1 and DEL included. Not for requests: a stray byte is written as
 *  the text \xHH, not sent as itself. */
void oarc_json_write_printable(oarc_json_writer *w, oarc_span s);
void oarc_json_write_null(oarc_json_writer *w);
void oarc_json_write_bool(oarc_json_writer *w, bool value);
void oarc_json_write_int(oarc_json_writer *w, int64_t value);

/**
 * The writer's verdict. OARC_OK when one complete document was written;
 * OARC_ERR_BUFFER_TOO_SMALL when it did not fit (needed says how many bytes
 * would); OARC_ERR_INVALID_UTF8 for a bad string; OARC_ERR_ARGUMENT for a
 * misuse (value without key in an object, unbalanced containers, too deep).
 * Writing stops at the first failure, but a misuse or a bad string outranks
 * BUFFER_TOO_SMALL, so that status always means "needed bytes would do".
 * needed (may be NULL) gets the length of the document, written or not; the
 * writer adds no NUL terminator. Measuring (buf NULL, cap 0) therefore ends
 * in BUFFER_TOO_SMALL with needed set.
 */
oarc_status oarc_json_writer_finish(const oarc_json_writer *w, size_t *needed);

#endif /* OARC_JSON_WRITE_H */
