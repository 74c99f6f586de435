/**
 * @file json_read.h
 * @brief The JSON reader as lib/'s decoders use it: the public reader
 * (oarc/oarc_json.h, which has its contract), jsmn's token type behind its
 * pool, and the key comparisons a decoder that walks an object's members
 * itself needs.
 */
#ifndef OARC_JSON_READ_H
#define OARC_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#ifndef JSMN_H
#define JSMN_HEADER
#include <jsmn.h>
#undef JSMN_HEADER
#endif

#include "oarc/oarc_json.h"

/** The document's tokens, as jsmn wrote them. */
static inline jsmntok_t *oarc_json_tokens(const oarc_json_doc *doc)
{
    return (jsmntok_t *)doc->tokens;
}

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

#endif /* OARC_JSON_READ_H */
