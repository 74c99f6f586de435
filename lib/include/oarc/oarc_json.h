/**
 * @file oarc_json.h
 * @brief oarc's JSON, for applications of the library: the bounded writer
 * that builds every request body, and the strict reader that reads every
 * response, with the two string checks they rest on. The CLI prints its JSON
 * output and the provisioner reads its plan with these; no heap, no global.
 *
 * Writer: writes into a caller's buffer, validates UTF-8, escapes per RFC
 * 8259 and never truncates: the first failure sticks (later calls do nothing
 * but keep counting), and oarc_json_writer_finish() reports it with the bytes
 * the whole document needs. Commas and colons are placed by the writer.
 *
 * Reader: oarc_json_parse() tokenizes one document (jsmn, strict) into a
 * caller's token pool and checks the grammar jsmn leaves unchecked (`{"a"}`,
 * trailing commas, bare words, a second top-level value). Getters are typed;
 * strings are unescaped in place (\\uXXXX and surrogate pairs to UTF-8, lone
 * surrogates refused) and NUL-terminated inside the document, so a decoded
 * span stays valid as long as the text does. Unescaping is idempotent per
 * token. A token is an index: the root is 0, an array's first element or an
 * object's first key follows its container, a member's value follows its
 * key, and oarc_json_skip() steps over a whole value.
 */
#ifndef OARC_JSON_H
#define OARC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc_config.h"
#include "oarc_span.h"
#include "oarc_status.h"

/* ---- Writer ---------------------------------------------------------------- */

/** A document being written. Fields are private: set up by
 *  oarc_json_writer_init(), read through oarc_json_writer_finish(). */
typedef struct oarc_json_writer {
    char *buf;           /**< output; may be NULL with cap 0 to measure only */
    size_t cap;          /**< bytes available at buf */
    size_t len;          /**< bytes the document needs so far (may exceed cap) */
    oarc_status status;  /**< first failure, sticky */
    uint32_t has_members;/**< bit d: the container at depth d has a member */
    uint32_t in_object;  /**< bit d: the container at depth d is an object */
    uint8_t depth;       /**< open containers (at most OARC_JSON_MAX_DEPTH) */
    bool after_key;      /**< a key was written, its value is due */
} oarc_json_writer;

/** Start a document in buf[0..cap); buf NULL with cap 0 only measures. A NULL
 *  buf with cap > 0 makes the document fail with OARC_ERR_ARGUMENT. */
void oarc_json_writer_init(oarc_json_writer *w, char *buf, size_t cap);
/** `{`: a value (after a key in an object). Deeper than OARC_JSON_MAX_DEPTH
 *  is OARC_ERR_ARGUMENT. */
void oarc_json_write_begin_object(oarc_json_writer *w);
/** `}`: closes the innermost container, which must be an object with no
 *  key left waiting for its value (else OARC_ERR_ARGUMENT). */
void oarc_json_write_end_object(oarc_json_writer *w);
/** `[`: a value, as oarc_json_write_begin_object(). */
void oarc_json_write_begin_array(oarc_json_writer *w);
/** `]`: closes the innermost container, which must be an array. */
void oarc_json_write_end_array(oarc_json_writer *w);
/** A member name; only inside an object, before its value. */
void oarc_json_write_key(oarc_json_writer *w, oarc_span key);
/** A string value: OARC_ERR_INVALID_UTF8 (sticky) when s is not UTF-8.
 *  {NULL, 0} is the empty string. */
void oarc_json_write_string(oarc_json_writer *w, oarc_span s);
/** A string from the network, for printing: escaped by oarc_printable_piece()
 *  (JSON style), so it never fails on bad UTF-8 and no control character
 *  passes, C1 and DEL included. Not for requests: a stray byte is written as
 *  the text \\xHH, not sent as itself. */
void oarc_json_write_printable(oarc_json_writer *w, oarc_span s);
/** `null` as a value. */
void oarc_json_write_null(oarc_json_writer *w);
/** `true` or `false` as a value. */
void oarc_json_write_bool(oarc_json_writer *w, bool value);
/** A decimal integer as a value, INT64_MIN included. */
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

/* ---- Reader ---------------------------------------------------------------- */

/** No such token (member absent, end of array). */
#define OARC_JSON_NONE (-1)

/** Storage for one token of a reader's pool: jsmn's token (a type and three
 *  ints), which this header does not expose; the library checks the size
 *  against jsmn.h. Declare an array of them and pass it to
 *  oarc_json_parse(); its contents are private. */
typedef struct oarc_json_token {
    int reserved[4]; /**< private to the reader */
} oarc_json_token;

/** A parsed document. Fields are read-only to callers but for bad_field,
 *  which decoders built on the reader may set. */
typedef struct oarc_json_doc {
    char *text;          /**< the document; modified in place by getters */
    size_t len;          /**< bytes of text */
    void *tokens;        /**< the pool (oarc_json_token[]): private */
    int count;           /**< tokens in use; token 0 is the root */
    const char *bad_field; /**< set by decoders: the member that had the wrong shape */
} oarc_json_doc;

/**
 * Parse text[0..len) into pool, an array of pool_len oarc_json_token (the
 * library's own pools, jsmn tokens, are the same storage). OARC_ERR_JSON_SYNTAX
 * for anything that is not exactly one JSON value (surrounding whitespace
 * allowed), or a document too long for jsmn's int offsets;
 * OARC_ERR_JSON_TOO_MANY_TOKENS when the pool is short; OARC_ERR_ARGUMENT for
 * a NULL doc, or a NULL text or pool with a non-zero length. The document
 * is empty (count 0) after any failure.
 */
oarc_status oarc_json_parse(oarc_json_doc *doc, char *text, size_t len, void *pool,
                            size_t pool_len);

/** Index of the token after the whole value at tok (count at the end). */
int oarc_json_skip(const oarc_json_doc *doc, int tok);

/** Value token of member key (NUL-terminated) of the object at obj, or
 *  OARC_JSON_NONE when obj is not an object or has no such member. Keys are
 *  compared after unescaping; the first match wins. */
int oarc_json_member(oarc_json_doc *doc, int obj, const char *key);

/** Number of elements of the array (or members of the object) at tok; 0 for
 *  other tokens. Elements: first at tok + 1, then oarc_json_skip(). */
size_t oarc_json_size(const oarc_json_doc *doc, int tok);

/** Whether tok is `null` (false for OARC_JSON_NONE and other tokens). */
bool oarc_json_is_null(const oarc_json_doc *doc, int tok);
/** Whether tok is an object. */
bool oarc_json_is_object(const oarc_json_doc *doc, int tok);
/** Whether tok is an array. */
bool oarc_json_is_array(const oarc_json_doc *doc, int tok);

/** A string value, unescaped and NUL-terminated in place. JSON_SHAPE when tok
 *  is not a string (or is OARC_JSON_NONE); JSON_SYNTAX for a bad escape or
 *  invalid UTF-8; OARC_ERR_ARGUMENT when out is NULL. */
oarc_status oarc_json_string(oarc_json_doc *doc, int tok, oarc_span *out);
/** As oarc_json_string, but null gives {NULL, 0}. */
oarc_status oarc_json_string_or_null(oarc_json_doc *doc, int tok, oarc_span *out);
/** `true` or `false`, else JSON_SHAPE; OARC_ERR_ARGUMENT when out is NULL. */
oarc_status oarc_json_bool(const oarc_json_doc *doc, int tok, bool *out);
/** An integer (no fraction or exponent) that fits int64_t, else JSON_SHAPE;
 *  OARC_ERR_ARGUMENT when out is NULL. The reader's number getter: counts
 *  and timestamps of a caller's documents (the API's `created_at`). */
oarc_status oarc_json_int64(const oarc_json_doc *doc, int tok, int64_t *out);
/** An array of strings into out[0..max); OARC_ERR_TOO_MANY_ITEMS past max.
 *  count is 0 after any failure, so it never exceeds max. */
oarc_status oarc_json_string_array(oarc_json_doc *doc, int tok, oarc_span *out,
                                   size_t max, size_t *count);

/* ---- Strings --------------------------------------------------------------- */

/** Length of s, looking at no more than max + 1 bytes; returns max + 1 when
 *  s is longer than max (so callers can tell "too long" apart). s NULL gives
 *  0; max SIZE_MAX is taken as SIZE_MAX - 1 so that max + 1 cannot wrap. */
size_t oarc_strnlen(const char *s, size_t max);

/** True when s[0..len) is well-formed UTF-8 (RFC 3629: no overlongs, no
 *  surrogates, nothing above U+10FFFF, no truncated sequence; NUL bytes are
 *  U+0000): what oarc_json_write_string() accepts. s NULL is valid only with
 *  len 0. */
bool oarc_utf8_valid(const char *s, size_t len);

#endif /* OARC_JSON_H */
