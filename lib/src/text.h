/**
 * @file text.h
 * @brief Bounded string helpers shared by the core: length with a ceiling and
 * a strict UTF-8 check (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF, no truncated sequence).
 */
#ifndef OARC_TEXT_H
#define OARC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/** Length of s, looking at no more than max + 1 bytes; returns max + 1 when
 *  s is longer than max (so callers can tell "too long" apart). s NULL gives
 *  0; max SIZE_MAX is taken as SIZE_MAX - 1 so that max + 1 cannot wrap. */
size_t oarc_strnlen(const char *s, size_t max);

/** True when s[0..len) is well-formed UTF-8 (NUL bytes included, they are
 *  U+0000). s NULL is valid only with len 0. */
bool oarc_utf8_valid(const char *s, size_t len);

#endif /* OARC_TEXT_H */
