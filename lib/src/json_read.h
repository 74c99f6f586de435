/**
 * @file json_read.h
 * @brief Reading one JSON document with jsmn, in place and without a heap.
 *
 * oarc_json_parse() runs jsmn in strict mode over a caller's token pool and
 * then checks the shape jsmn leaves unchecked (`{"a"}`, trailing commas, bare
 * words, a second top-level value). Getters are typed; strings are unescaped
 * in place (\uXXXX and surrogate pairs to UTF-8, lone surrogates refused) and
 * NUL-terminated inside the document, so a decoded span stays valid as long
 * as the text does. Unescaping is idempotent per token.
 */
#ifndef OARC_JSON_READ_H
#define OARC_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef JSMN_H
#define JSMN_HEADER
#include <jsmn.h>
#undef JSMN_HEADER
#endif

#include "oarc/oarc_span.h"
#include "oarc/oarc_status.h"

/** No such token (member absent, end of array). */
#define OARC_JSON_NONE (-1)

typedef struct oarc_json_doc {
    char *text;          /**< the document; modified in place by getters */
    size_t len;
    jsmntok_t *tokens;
    int count;           /**< tokens in use; token 0 is the root */
    const char *bad_field; /**< set by decoders: the member that had the wrong shape */
} oarc_json_doc;

/**
 * Parse text[0..len) into pool. OARC_ERR_JSON_SYNTAX for anything that is not
 * exactly one JSON value (surrounding whitespace allowed), or a document too
 * long for jsmn's int offsets; OARC_ERR_JSON_TOO_MANY_TOKENS when pool is short.
 */
oarc_status oarc_json_parse(oarc_json_doc *doc, char *text, size_t len,
                            jsmntok_t *pool, size_t pool_len);

/** Index of the token after the whole value at tok (count at the end). */
int oarc_json_skip(const oarc_json_doc *doc, int tok);

/** Whether the token tok is a string that decodes to key (NUL-terminated),
 *  compared as oarc_json_member() compares: from the bytes as they stand
 *  while they are plain ASCII, so a key that differs in its first byte is
 *  neither decoded nor measured. For decoders that walk an object's keys
 *  themselves (a member given twice, say). */
bool oarc_json_key_is(oarc_json_doc *doc, int tok, const char *key);

/** Which of keys[0..n) (NUL-terminated, none NULL) the string token tok
 *  decodes to: the index of the first equal one, or OARC_JSON_NONE for none
 *  (and when tok is no token or keys is NULL). Compared as oarc_json_key_is()
 *  compares, so one walk of an object's members can look up several keys
 *  (json_field.c: oarc_field_find). A key that does not decode equals none. */
int oarc_json_key_index(oarc_json_doc *doc, int tok, const char *const *keys, size_t n);

/** Value token of member key (NUL-terminated) of the object at obj, or
 *  OARC_JSON_NONE when obj is not an object or has no such member. Keys are
 *  compared after unescaping; the first match wins. */
int oarc_json_member(oarc_json_doc *doc, int obj, const char *key);

/** Number of elements of the array (or members of the object) at tok; 0 for
 *  other tokens. Elements: first at tok + 1, then oarc_json_skip(). */
size_t oarc_json_size(const oarc_json_doc *doc, int tok);

bool oarc_json_is_null(const oarc_json_doc *doc, int tok);
bool oarc_json_is_object(const oarc_json_doc *doc, int tok);
bool oarc_json_is_array(const oarc_json_doc *doc, int tok);

/** A string value, unescaped and NUL-terminated in place. JSON_SHAPE when tok
 *  is not a string (or is OARC_JSON_NONE); JSON_SYNTAX for a bad escape. */
oarc_status oarc_json_string(oarc_json_doc *doc, int tok, oarc_span *out);
/** As oarc_json_string, but null gives {NULL, 0}. */
oarc_status oarc_json_string_or_null(oarc_json_doc *doc, int tok, oarc_span *out);
oarc_status oarc_json_bool(const oarc_json_doc *doc, int tok, bool *out);
/** An integer (no fraction or exponent) that fits int64_t, else JSON_SHAPE. */
oarc_status oarc_json_int64(const oarc_json_doc *doc, int tok, int64_t *out);
/** An array of strings into out[0..max); OARC_ERR_TOO_MANY_ITEMS past max.
 *  count is 0 after any failure, so it never exceeds max. */
oarc_status oarc_json_string_array(oarc_json_doc *doc, int tok, oarc_span *out,
                                   size_t max, size_t *count);

#endif /* OARC_JSON_READ_H */
