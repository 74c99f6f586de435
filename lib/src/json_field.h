/**
 * @file json_field.h
 * @brief Members of a decoded object, read by name, each failure naming the
 * member at fault in doc->bad_field. The decoders of the Roles family's
 * lists, assignments and deletions are written with these.
 */
#ifndef OARC_JSON_FIELD_H
#define OARC_JSON_FIELD_H

#include <stdbool.h>

#include "json_read.h"

/** Sets doc->bad_field to field (a string literal) when status is a failure;
 *  returns status. */
oarc_status oarc_field_blame(oarc_json_doc *doc, const char *field, oarc_status status);

/** In oarc_field_find's found[]: a member given twice. */
#define OARC_FIELD_TWICE (-2)

/** Looks keys[0..n) (distinct, NUL-terminated) up in the object at obj in one
 *  walk of its members, comparing keys as oarc_json_key_index() does:
 *  found[i] is the value token of keys[i], OARC_JSON_NONE when absent (or obj
 *  is no object) and OARC_FIELD_TWICE when given twice. A decoder that reads
 *  several members finds them all this way, then reads each with the _at
 *  getters below, which judge found[i] as the getters by name judge a
 *  lookup of their own. */
void oarc_field_find(oarc_json_doc *doc, int obj, const char *const *keys, size_t n,
                     int *found);

/** What oarc_field_find found for key, as a token into *tok (OARC_JSON_NONE
 *  when absent or twice): OARC_ERR_JSON_SHAPE blaming key when it was given
 *  twice, or absent and required; else OARC_OK. */
oarc_status oarc_field_take(oarc_json_doc *doc, const char *key, int found, bool required,
                            int *tok);

/** oarc_field_string, oarc_field_string_or_null, oarc_field_bool,
 *  oarc_field_tag, and a string array, for a member already found
 *  (found: its entry of oarc_field_find's found[]); key is the member's name,
 *  blamed on failure ("object" for the tag). */
oarc_status oarc_field_string_at(oarc_json_doc *doc, const char *key, int found, oarc_span *out);
oarc_status oarc_field_string_or_null_at(oarc_json_doc *doc, const char *key, int found,
                                         oarc_span *out);
oarc_status oarc_field_bool_at(oarc_json_doc *doc, const char *key, int found, bool *out);
oarc_status oarc_field_string_array_at(oarc_json_doc *doc, const char *key, int found,
                                       oarc_span *out, size_t max, size_t *count);
oarc_status oarc_field_tag_at(oarc_json_doc *doc, int found, const char *tag);

/** The value token of member key of the object at obj into *tok;
 *  OARC_ERR_JSON_SHAPE blaming key when it is absent or given twice (which
 *  of two values counts is where parsers differ: neither is guessed). Every
 *  oarc_field_* getter looks members up this way. */
oarc_status oarc_field_required(oarc_json_doc *doc, int obj, const char *key, int *tok);

/** As oarc_field_required, but absent is OARC_OK with *tok OARC_JSON_NONE. */
oarc_status oarc_field_optional(oarc_json_doc *doc, int obj, const char *key, int *tok);

/** A member that must be a string. */
oarc_status oarc_field_string(oarc_json_doc *doc, int obj, const char *key, oarc_span *out);

/** A member that must be there and be a string or null (null: {NULL, 0}). */
oarc_status oarc_field_string_or_null(oarc_json_doc *doc, int obj, const char *key,
                                      oarc_span *out);

/** A member that may be absent, null or a string (absent and null: {NULL, 0}). */
oarc_status oarc_field_optional_string(oarc_json_doc *doc, int obj, const char *key,
                                       oarc_span *out);

/** A member that must be true or false. */
oarc_status oarc_field_bool(oarc_json_doc *doc, int obj, const char *key, bool *out);

/** A member that must be an object; *tok is its token. */
oarc_status oarc_field_object(oarc_json_doc *doc, int obj, const char *key, int *tok);

/** Member "object" must be the string tag, exactly: anything else is another
 *  resource (OARC_ERR_JSON_SHAPE blaming "object"). */
oarc_status oarc_field_tag(oarc_json_doc *doc, int obj, const char *tag);

#endif /* OARC_JSON_FIELD_H */
