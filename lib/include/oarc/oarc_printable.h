/**
 * @file oarc_printable.h
 * @brief Text that came from the network, made safe to print: the one
 * escaping routine every output of a server's strings goes through (the
 * CLI's error line and JSON, the provisioner's lines), so that no byte a
 * server chose can drive a terminal and one failure stays one line.
 *
 * Kept as they are: printable ASCII and well-formed UTF-8 (RFC 3629) above
 * U+009F. Escaped: C0 controls (CR and LF included), DEL and the C1 controls
 * U+0080..U+009F as `\u00XX`; a byte that is not part of well-formed UTF-8
 * as `\xHH`; a backslash as `\\`, so the escaped text reads back to one
 * string only. In JSON style the result is also the content of a valid JSON
 * string: `"` becomes `\"`, and a stray byte (which JSON cannot carry) is
 * written as the text `\xHH` (JSON `\\xHH`).
 */
#ifndef OARC_PRINTABLE_H
#define OARC_PRINTABLE_H

#include <stddef.h>

#include "oarc/oarc_span.h"

/** Where the escaped text goes. */
typedef enum oarc_printable_style {
    OARC_PRINTABLE_TEXT, /**< for a terminal line */
    OARC_PRINTABLE_JSON  /**< for the inside of a JSON string */
} oarc_printable_style;

/** The longest escaped form of one character (`\u009b`). */
#define OARC_PRINTABLE_PIECE_MAX 6u

/**
 * The first character of s[0..len) (len > 0, s not NULL), escaped: writes
 * its bytes into piece and returns how many (1..OARC_PRINTABLE_PIECE_MAX);
 * *used gets how many bytes of s it stands for (1..4). A NULL argument or
 * len 0 writes nothing and returns 0 with *used 0 (when used is not NULL).
 */
size_t oarc_printable_piece(const char *s, size_t len, oarc_printable_style style,
                            char piece[OARC_PRINTABLE_PIECE_MAX], size_t *used);

/**
 * s escaped (see above) into out[0..cap), NUL-terminated. When it does not
 * fit, the copy is cut between whole escapes and ends in "..." (cap >= 4).
 * Returns the length the whole escape needs, without the NUL: a result
 * >= cap means out holds a cut copy. s
 * {NULL, 0} is the empty string; out NULL with cap 0 only measures.
 */
size_t oarc_printable(char *out, size_t cap, oarc_span s, oarc_printable_style style);

#endif /* OARC_PRINTABLE_H */
