/**
 * @file text.c
 * @brief Bounded length and strict UTF-8 validation (see text.h).
 */
#include "text.h"

#include <stdint.h>
#include <string.h>

size_t oarc_strnlen(const char *s, size_t max)
{
    if (s == NULL) {
        return 0;
    }
    /* max + 1 must not wrap to 0: a ceiling of SIZE_MAX means "no ceiling",
     * and no object can be that long anyway. */
    if (max == SIZE_MAX) {
        max = SIZE_MAX - 1u;
    }
    /* memchr stops at the first NUL (C11 7.24.5.1: as if reading byte by
     * byte), so it reads no further than the byte loop it replaces. */
    const char *nul = memchr(s, '\0', max + 1u);
    return nul != NULL ? (size_t)(nul - s) : max + 1u;
}

/* A word with every byte equal to b: (all ones / 0xFF) is 0x0101...01. */
#define WORD_OF(b) ((SIZE_MAX / 0xFFu) * (size_t)(b))
#define HIGH_BITS WORD_OF(0x80u)

/*
 * The top bit of each byte of v that is not plain, and no other bit. Each
 * test sets the top bit of every byte first ((v | HIGH_BITS) - ...), so no
 * byte's subtraction borrows from its neighbour: the flags are exact per
 * byte, and the first flagged byte in memory is the first one not plain.
 */
static size_t not_plain(size_t v)
{
    size_t lo = WORD_OF(0x01u);
    size_t ge_space = (v | HIGH_BITS) - WORD_OF(0x20u);            /* top bit: byte >= 0x20 */
    size_t not_quote = ((v ^ WORD_OF('"')) | HIGH_BITS) - lo;      /* top bit: byte != '"' */
    size_t not_backslash = ((v ^ WORD_OF('\\')) | HIGH_BITS) - lo; /* top bit: byte != '\\' */
    size_t not_del = ((v ^ WORD_OF(0x7Fu)) | HIGH_BITS) - lo;      /* top bit: byte != DEL */

    return (v | ~(ge_space & not_quote & not_backslash & not_del)) & HIGH_BITS;
}

/* Which byte of a word, in memory order, is the first with a flag set:
 * copied out, a word's bytes are in memory order whatever the machine's
 * byte order. flags is not 0. */
static size_t first_flagged(size_t flags)
{
    unsigned char b[sizeof flags];
    size_t k = 0;

    memcpy(b, &flags, sizeof b);
    while (k < sizeof b - 1u && b[k] == 0u) {
        k++;
    }
    return k;
}

/* The word at p, any alignment: compilers make the memcpy one load. */
static size_t load_word(const unsigned char *p)
{
    size_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

size_t oarc_plain_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    /* Whole words while every byte is plain; only an input shorter than a
     * word goes byte by byte. */
    for (; len - i >= sizeof(size_t); i += sizeof(size_t)) {
        size_t flags = not_plain(load_word(p + i));
        if (flags != 0u) {
            return i + first_flagged(flags);
        }
    }
    /* A tail after plain words: the last whole word of s overlaps bytes
     * already passed (never flagged: the flags are exact per byte). */
    if (i < len && i >= sizeof(size_t)) {
        size_t flags = not_plain(load_word(p + len - sizeof(size_t)));
        return flags != 0u ? len - sizeof(size_t) + first_flagged(flags) : len;
    }
    while (i < len && p[i] >= 0x20u && p[i] < 0x7Fu && p[i] != '"' && p[i] != '\\') {
        i++;
    }
    return i;
}

/* Non-zero when some byte of v is below 0x20: (v | HIGH_BITS) - 0x20..20
 * borrows within no byte, and a byte >= 0x80 is no control byte (~v). */
static size_t control_bytes(size_t v)
{
    return ~((v | HIGH_BITS) - WORD_OF(0x20u)) & ~v & HIGH_BITS;
}

bool oarc_has_control(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;

    if (len < sizeof(size_t)) {
        for (size_t i = 0; i < len; i++) {
            if (p[i] < 0x20u) {
                return true;
            }
        }
        return false;
    }
    /* Whole words, the last one overlapping its predecessor when len is
     * not a multiple of the word: every byte is looked at, none twice
     * but those. */
    size_t last = len - sizeof(size_t);
    for (size_t i = 0; i < last; i += sizeof(size_t)) {
        if (control_bytes(load_word(p + i)) != 0u) {
            return true;
        }
    }
    return control_bytes(load_word(p + last)) != 0u;
}

/*
 * The well-formed byte sequences of Unicode 15, table 3-7. The lead byte says
 * how many continuation bytes follow; only the first continuation byte has a
 * range other than 80..BF, and narrowing that one range is what rules out
 * overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points
 * above U+10FFFF (F4 90..BF). C0, C1 and F5..FF are never lead bytes.
 */
size_t oarc_utf8_sequence(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned lead = p[0];
    unsigned lo = 0x80u;
    unsigned hi = 0xBFu;
    size_t more;

    if (lead < 0x80u) {
        return 1u;
    }
    if (lead >= 0xC2u && lead <= 0xDFu) {
        more = 1u;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        more = 2u;
        lo = (lead == 0xE0u) ? 0xA0u : lo;
        hi = (lead == 0xEDu) ? 0x9Fu : hi;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        more = 3u;
        lo = (lead == 0xF0u) ? 0x90u : lo;
        hi = (lead == 0xF4u) ? 0x8Fu : hi;
    } else {
        return 0u; /* continuation byte, C0, C1 or F5..FF */
    }
    if (more > len - 1u || p[1] < lo || p[1] > hi) {
        return 0u; /* truncated at the end of the input, or out of range */
    }
    for (size_t k = 2u; k <= more; k++) {
        if ((p[k] & 0xC0u) != 0x80u) {
            return 0u;
        }
    }
    return more + 1u;
}

bool oarc_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;

    if (s == NULL) {
        return len == 0u;
    }
    while (i < len) {
        size_t n = oarc_utf8_sequence(s + i, len - i);

        if (n == 0u) {
            return false;
        }
        i += n;
    }
    return true;
}

oarc_status oarc_body_text_span(const char *s, bool single_line, oarc_span *out)
{
    if (s == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    size_t n = oarc_strnlen(s, OARC_BODY_TEXT_MAX);
    if (n > OARC_BODY_TEXT_MAX) {
        return OARC_ERR_BUFFER_TOO_SMALL;
    }
    for (size_t i = single_line ? oarc_plain_prefix(s, n) : n; i < n; i++) {
        if ((unsigned char)s[i] < 0x20u || s[i] == 0x7F) {
            return OARC_ERR_CONTROL_CHAR;
        }
    }
    out->ptr = s;
    out->len = n;
    return OARC_OK;
}
