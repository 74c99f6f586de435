/**
 * @file oarc_span.h
 * @brief A pointer and a length: how oarc passes text around instead of
 * hunting for NUL bytes. Spans the library hands out are also NUL-terminated,
 * so they can be given to printf-style code as `span.ptr`.
 */
#ifndef OARC_SPAN_H
#define OARC_SPAN_H

#include <stddef.h>

/** A run of bytes: a pointer and a length, the way every string comes out. */
typedef struct oarc_span {
    const char *ptr; /**< first byte; NULL only for an absent value */
    size_t len;      /**< bytes, not counting any NUL terminator */
} oarc_span;

/** A span over a string literal, without its NUL. */
#define OARC_SPAN_LITERAL(s) ((oarc_span){ (s), sizeof(s) - 1u })

#endif /* OARC_SPAN_H */
