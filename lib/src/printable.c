/**
 * @file printable.c
 * @brief Escaping of network text for printing (see oarc_printable.h). One
 * character at a time, so the JSON writer and the plain-text callers share
 * the classification.
 */
#include "oarc/oarc_printable.h"

#include <stdbool.h>
#include <string.h>

#include "text.h"

static const char hex_digits[] = "0123456789abcdef";

/* \u00XX for a control character c (below 0x100). */
static size_t control_escape(unsigned c, char piece[OARC_PRINTABLE_PIECE_MAX])
{
    memcpy(piece, "\\u00", 4u);
    piece[4] = hex_digits[(c >> 4) & 0x0Fu];
    piece[5] = hex_digits[c & 0x0Fu];
    return 6u;
}

/* \xHH (text) or \\xHH (JSON, where a lone backslash would start an escape)
 * for a byte that is not well-formed UTF-8. */
static size_t byte_escape(unsigned char b, oarc_printable_style style,
                          char piece[OARC_PRINTABLE_PIECE_MAX])
{
    size_t n = 0;

    piece[n++] = '\\';
    if (style == OARC_PRINTABLE_JSON) {
        piece[n++] = '\\';
    }
    piece[n++] = 'x';
    piece[n++] = hex_digits[b >> 4];
    piece[n++] = hex_digits[b & 0x0Fu];
    return n;
}

/* One ASCII byte: itself, or escaped when it is a control, a backslash, or
 * (JSON) a quote. */
static size_t ascii_piece(unsigned char c, oarc_printable_style style,
                          char piece[OARC_PRINTABLE_PIECE_MAX])
{
    if (c < 0x20u || c == 0x7Fu) {
        return control_escape(c, piece);
    }
    if (c == '\\' || (c == '"' && style == OARC_PRINTABLE_JSON)) {
        piece[0] = '\\';
        piece[1] = (char)c;
        return 2u;
    }
    piece[0] = (char)c;
    return 1u;
}

size_t oarc_printable_piece(const char *s, size_t len, oarc_printable_style style,
                            char piece[OARC_PRINTABLE_PIECE_MAX], size_t *used)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n;

    if (used != NULL) {
        *used = 0;
    }
    if (s == NULL || len == 0u || piece == NULL || used == NULL) {
        return 0u;
    }
    *used = 1u;
    if (p[0] < 0x80u) {
        return ascii_piece(p[0], style, piece);
    }
    n = oarc_utf8_sequence(s, len);
    if (n == 0u) {
        return byte_escape(p[0], style, piece);
    }
    *used = n;
    if (n == 2u && p[0] == 0xC2u && p[1] <= 0x9Fu) {
        return control_escape(p[1], piece); /* C1: U+0080..U+009F */
    }
    memcpy(piece, s, n);
    return n;
}

/* The cut copy's marker. */
#define CUT_MARK "..."
#define CUT_MARK_LEN 3u

size_t oarc_printable(char *out, size_t cap, oarc_span s, oarc_printable_style style)
{
    size_t need = 0;
    size_t written = 0;
    size_t mark = 0; /* written, at the last piece that left room for CUT_MARK */
    size_t i = 0;
    bool cut = false;

    if (out == NULL) {
        cap = 0;
    }
    /* Each round consumes at least one byte of s: bounded by s.len. */
    while (s.ptr != NULL && i < s.len) {
        char piece[OARC_PRINTABLE_PIECE_MAX];
        size_t used = 0;
        size_t n = oarc_printable_piece(s.ptr + i, s.len - i, style, piece, &used);

        if (!cut && cap > 0u && n <= cap - 1u - written) {
            memcpy(out + written, piece, n);
            written += n;
            mark = (written + CUT_MARK_LEN < cap) ? written : mark;
        } else {
            cut = true;
        }
        need += n;
        i += used;
    }
    if (cut && cap > CUT_MARK_LEN) {
        memcpy(out + mark, CUT_MARK, CUT_MARK_LEN);
        written = mark + CUT_MARK_LEN;
    }
    if (cap > 0u) {
        out[written] = '\0';
    }
    return need;
}
