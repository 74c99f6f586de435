/**
 * @file text.h
 * @brief Bounded string helpers shared by the core. The two an application
 * needs too (oarc_strnlen, oarc_utf8_valid) are public, in oarc/oarc_json.h.
 */
#ifndef OARC_TEXT_H
#define OARC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "oarc/oarc_config.h"
#include "oarc/oarc_json.h" /* oarc_strnlen, oarc_utf8_valid */
#include "oarc/oarc_span.h"
#include "oarc/oarc_status.h"

/* The longest string a request body may carry. One longer than the whole
 * request buffer could never be sent, and the bound keeps an unterminated
 * string from being read any further than that. */
#define OARC_BODY_TEXT_MAX ((size_t)OARC_TX_BUFFER_SIZE)

/**
 * How many leading bytes of s[0..len) are plain: printable ASCII
 * (0x20..0x7E) other than '"' and '\\'. A plain run is valid UTF-8, needs
 * no JSON escape when written, holds none when read, and may stand in an
 * HTTP header value. Looks at whole words where it can: most of what oarc
 * reads and writes is plain, and callers check the rest byte by byte.
 */
size_t oarc_plain_prefix(const char *s, size_t len);

/** True when s[0..len) holds a control byte (below 0x20); looks at whole
 *  words where it can. */
bool oarc_has_control(const char *s, size_t len);

/** Bytes of the well-formed UTF-8 sequence (RFC 3629, as oarc_utf8_valid()
 *  judges) that starts s[0..len) (len > 0): 1..4, or 0 when none starts
 *  there (a stray or truncated byte). */
size_t oarc_utf8_sequence(const char *s, size_t len);

/**
 * The span of a caller's string for a request body, or why it cannot be
 * sent: OARC_ERR_ARGUMENT for NULL, OARC_ERR_BUFFER_TOO_SMALL past
 * OARC_BODY_TEXT_MAX bytes, and with single_line OARC_ERR_CONTROL_CHAR for
 * any control byte. Role names and permissions are single-line identifiers:
 * a control byte in one (CR/LF above all) is a caller's mistake, refused
 * rather than escaped; a description is free text, so JSON escaping (and
 * the writer's UTF-8 check) is all it needs.
 */
oarc_status oarc_body_text_span(const char *s, bool single_line, oarc_span *out);

#endif /* OARC_TEXT_H */
