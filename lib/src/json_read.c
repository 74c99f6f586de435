/**
 * @file json_read.c
 * @brief jsmn plus the checks it leaves out, and typed getters (see
 * json_read.h).
 *
 * jsmn in strict mode tokenizes but does not check the grammar between
 * tokens: it accepts `{"a"}`, `[1,]`, `[1 2]`, `{"a"::1}`, bare words such as
 * `tru` or `01`, raw control bytes in strings and two top-level values. So
 * after jsmn, shape_ok() checks every container: the bytes between its
 * children must be whitespace around exactly the right separator, keys must
 * be strings with one value, and every primitive must be true, false, null
 * or an RFC 8259 number. All of it is loops bounded by the token count; no
 * recursion, so a deeply nested document costs time, never stack.
 *
 * String contents are checked lazily, by the getters: escapes, surrogate
 * pairs and UTF-8. A field nobody reads cannot fail a response that way,
 * which suits an API that may add fields at any time.
 */
#define JSMN_STATIC
#define JSMN_STRICT
#include <jsmn.h>

#include "json_read.h"

#include <limits.h>
#include <string.h>

#include "text.h"

/* ---- Tokens --------------------------------------------------------------- */

/* The token at tok if it exists and lies inside the text, else NULL. */
static jsmntok_t *token_at(const oarc_json_doc *doc, int tok)
{
    jsmntok_t *t;

    if (doc == NULL || doc->tokens == NULL || tok < 0 || tok >= doc->count) {
        return NULL;
    }
    t = &oarc_json_tokens(doc)[tok];
    if (t->start < 0 || t->start > t->end || (size_t)t->end > doc->len) {
        return NULL;
    }
    return t;
}

static bool is_container(const jsmntok_t *t)
{
    return t->type == JSMN_OBJECT || t->type == JSMN_ARRAY;
}

/* Where the token's text starts and ends, quotes included: jsmn's string
 * tokens cover only what is between the quotes. */
static int text_start(const jsmntok_t *t)
{
    return t->type == JSMN_STRING ? t->start - 1 : t->start;
}

static int text_end(const jsmntok_t *t)
{
    return t->type == JSMN_STRING ? t->end + 1 : t->end;
}

int oarc_json_skip(const oarc_json_doc *doc, int tok)
{
    int pending = 1; /* tokens still to visit: this one, then children */

    if (doc == NULL) {
        return 0;
    }
    if (tok < 0 || tok >= doc->count) {
        return doc->count;
    }
    /* Each token adds its children (a key has one: its value). pending never
     * exceeds the tokens left, so it cannot overflow, and sizes that claim
     * more children than there are tokens end the walk at count. */
    while (pending > 0 && tok < doc->count) {
        int size = oarc_json_tokens(doc)[tok].size;
        int left = doc->count - tok - 1;

        pending--;
        if (size < 0 || size > left - pending) {
            return doc->count;
        }
        pending += size;
        tok++;
    }
    return tok;
}

/* The token after tok and all its children (tok < count): a scalar has
 * none, and needs no walk. */
static int next_sibling(const oarc_json_doc *doc, int tok)
{
    return oarc_json_tokens(doc)[tok].size == 0 ? tok + 1 : oarc_json_skip(doc, tok);
}

/* ---- Shape check ---------------------------------------------------------- */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
/* Past the whitespace at text[i..to). */
static int skip_ws(const char *text, int i, int to)
{
    while (i < to && is_ws(text[i])) {
        i++;
    }
    return i;
}

/* True when text[from..to) is whitespace around exactly one sep, or only
 * whitespace when sep is '\0'. from > to (tokens that overlap) is false:
 * i never comes back below from. */
static bool gap_ok(const char *text, int from, int to, char sep)
{
    int i = skip_ws(text, from, to);

    if (sep != '\0') {
        if (i >= to || text[i] != sep) {
            return false;
        }
        i = skip_ws(text, i + 1, to);
    }
    return i == to;
}

static size_t skip_digits(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        i++;
    }
    return i;
}

/* RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static bool number_ok(const char *s, size_t n)
{
    size_t i = (n > 0u && s[0] == '-') ? 1u : 0u;
    size_t j;

    if (i < n && s[i] == '0') {
        i++;
    } else if (i < n && s[i] >= '1' && s[i] <= '9') {
        i = skip_digits(s, n, i);
    } else {
        return false;
    }
    if (i < n && s[i] == '.') {
        j = skip_digits(s, n, i + 1u);
        if (j == i + 1u) {
            return false;
        }
        i = j;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        j = skip_digits(s, n, i);
        if (j == i) {
            return false;
        }
        i = j;
    }
    return i == n;
}

static bool primitive_ok(const char *s, size_t n)
{
    return (n == 4u && memcmp(s, "true", 4u) == 0) ||
           (n == 5u && memcmp(s, "false", 5u) == 0) ||
           (n == 4u && memcmp(s, "null", 4u) == 0) || number_ok(s, n);
}

/* RFC 8259 lets no byte below 0x20 into a string unescaped; jsmn does. */
static bool raw_string_ok(const char *s, size_t n)
{
    return !oarc_has_control(s, n);
}

/*
 * One container: walks its direct children (a key and a value per member of
 * an object) and checks the bytes before, between and after them. Children
 * are found with oarc_json_skip(), which is bounded even over sizes not yet
 * checked (those of deeper containers are checked on their own turn). The
 * size checks keep that child walk exact; the gap checks alone would also
 * catch every case. Cost: each token is skipped over once per enclosing
 * container, O(tokens x depth), with no stack.
 */
static bool container_ok(const oarc_json_doc *doc, int c)
{
    const jsmntok_t *t = &oarc_json_tokens(doc)[c];
    bool object = (t->type == JSMN_OBJECT);
    int pos = t->start + 1; /* after the opening bracket */
    int child = c + 1;

    for (int k = 0; k < t->size; k++) {
        const jsmntok_t *v;
        char sep = (k == 0) ? '\0' : ',';

        if (object) {
            const jsmntok_t *key;

            if (child >= doc->count - 1) {
                return false; /* no room for a key and its value */
            }
            key = &oarc_json_tokens(doc)[child];
            if (key->type != JSMN_STRING || key->size != 1 ||
                !gap_ok(doc->text, pos, text_start(key), sep)) {
                return false;
            }
            pos = text_end(key);
            sep = ':';
            child++;
        }
        /* child < count: shape_ok() checked first that the sizes add up
         * (oarc_json_skip(doc, 0) == count), so each child a size claims
         * exists, and a key's one value follows it. */
        v = &oarc_json_tokens(doc)[child];
        /* Only containers and keys have children; jsmn gives a value some
         * after a stray ':' (`{"a":"b":1}`, `[1:2]`). */
        if ((!is_container(v) && v->size != 0) || !gap_ok(doc->text, pos, text_start(v), sep)) {
            return false;
        }
        pos = text_end(v);
        child = next_sibling(doc, child);
    }
    return gap_ok(doc->text, pos, t->end - 1, '\0');
}

static bool token_ok(const oarc_json_doc *doc, int i)
{
    const jsmntok_t *t = &oarc_json_tokens(doc)[i];
    const char *s = doc->text + t->start;
    size_t n = (size_t)(t->end - t->start);

    if (is_container(t)) {
        return container_ok(doc, i);
    }
    if (t->type == JSMN_STRING) {
        return raw_string_ok(s, n);
    }
    /* jsmn types every token it returns; no fifth type passes. */
    return t->type == JSMN_PRIMITIVE && primitive_ok(s, n);
}

/* The whole document: one value, whitespace around it, every token sound. */
static bool shape_ok(const oarc_json_doc *doc)
{
    const jsmntok_t *root = &oarc_json_tokens(doc)[0];

    if ((!is_container(root) && root->size != 0) ||
        !gap_ok(doc->text, 0, text_start(root), '\0') ||
        !gap_ok(doc->text, text_end(root), (int)doc->len, '\0') ||
        oarc_json_skip(doc, 0) != doc->count) {
        return false;
    }
    for (int i = 0; i < doc->count; i++) {
        if (!token_ok(doc, i)) {
            return false;
        }
    }
    return true;
}

/* Tokenizes with jsmn; returns the token count or a negative status. */
static int tokenize(char *text, size_t len, size_t first, jsmntok_t *pool, size_t pool_len)
{
    jsmn_parser parser;
    int r;

    if (text[first] != '{' && text[first] != '[' && text[first] != '"') {
        /* A lone top-level scalar: strict jsmn wants a delimiter after a
         * primitive and refuses a plain `1`. It is one token; place it here
         * and let shape_ok() judge it. */
        size_t end = first;

        while (end < len && !is_ws(text[end])) {
            end++;
        }
        pool[0].type = JSMN_PRIMITIVE;
        pool[0].start = (int)first;
        pool[0].end = (int)end;
        pool[0].size = 0;
        return 1;
    }
    jsmn_init(&parser);
    r = jsmn_parse(&parser, text, len, pool, (unsigned int)pool_len);
    if (r == JSMN_ERROR_NOMEM) {
        return (int)OARC_ERR_JSON_TOO_MANY_TOKENS;
    }
    return (r <= 0) ? (int)OARC_ERR_JSON_SYNTAX : r;
}

_Static_assert(sizeof(jsmntok_t) == sizeof(oarc_json_token), "oarc_json_token is not jsmn's");
_Static_assert(_Alignof(jsmntok_t) <= _Alignof(oarc_json_token), "jsmntok_t is aligned beyond int");

oarc_status oarc_json_parse(oarc_json_doc *doc, char *text, size_t len, void *pool,
                            size_t pool_len)
{
    size_t first = 0;
    int r;

    if (doc == NULL || (text == NULL && len != 0u) || (pool == NULL && pool_len != 0u)) {
        return OARC_ERR_ARGUMENT;
    }
    doc->text = text;
    doc->len = len;
    doc->tokens = pool;
    doc->count = 0; /* getters see an empty document until parsing succeeds */
    doc->bad_field = NULL;
    if (len > (size_t)INT_MAX) {
        return OARC_ERR_JSON_SYNTAX; /* jsmn keeps offsets in int */
    }
    while (first < len && is_ws(text[first])) {
        first++;
    }
    if (first == len) {
        return OARC_ERR_JSON_SYNTAX;
    }
    if (pool_len == 0u) {
        return OARC_ERR_JSON_TOO_MANY_TOKENS;
    }
    r = tokenize(text, len, first, pool, pool_len > (size_t)INT_MAX ? (size_t)INT_MAX : pool_len);
    if (r < 0) {
        return (oarc_status)r;
    }
    doc->count = r;
    if (!shape_ok(doc)) {
        doc->count = 0;
        return OARC_ERR_JSON_SYNTAX;
    }
    return OARC_OK;
}

/* ---- Strings -------------------------------------------------------------- */

static bool hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;

    for (int i = 0; i < 4; i++) {
        uint32_t d = (uint32_t)(unsigned char)s[i] - '0';
        uint32_t letter = ((uint32_t)(unsigned char)s[i] | 0x20u) - 'a'; /* either case */

        if (d > 9u) {
            if (letter > 5u) {
                return false;
            }
            d = letter + 10u;
        }
        v = (v << 4) | d;
    }
    *out = v;
    return true;
}

/*
 * The code point of the \u escape at s[0..n), joining a surrogate pair
 * (12 bytes) into one. A low surrogate first, or a high one not followed by
 * a low one, has no code point: JSON_SYNTAX.
 */
static oarc_status read_u_escape(const char *s, size_t n, uint32_t *cp, size_t *used)
{
    uint32_t hi;
    uint32_t lo;

    if (n < 6u || !hex4(s + 2, &hi) || (hi >= 0xDC00u && hi <= 0xDFFFu)) {
        return OARC_ERR_JSON_SYNTAX;
    }
    if (hi < 0xD800u || hi > 0xDBFFu) {
        *cp = hi;
        *used = 6u;
        return OARC_OK;
    }
    if (n < 12u || s[6] != '\\' || s[7] != 'u' || !hex4(s + 8, &lo) || lo < 0xDC00u ||
        lo > 0xDFFFu) {
        return OARC_ERR_JSON_SYNTAX;
    }
    *cp = 0x10000u + ((hi - 0xD800u) << 10) + (lo - 0xDC00u);
    *used = 12u;
    return OARC_OK;
}

/* UTF-8 of a code point (not a surrogate, at most U+10FFFF); returns bytes.
 * Continuation bytes carry 6 bits each, filled from the end; the lead byte
 * takes what is left under its length marker. */
static size_t utf8_encode(uint32_t cp, char out[4])
{
    static const uint8_t marker[5] = { 0, 0x00u, 0xC0u, 0xE0u, 0xF0u };
    size_t n = (cp < 0x80u) ? 1u : (cp < 0x800u) ? 2u : (cp < 0x10000u) ? 3u : 4u;

    for (size_t i = n - 1u; i > 0u; i--) {
        out[i] = (char)(0x80u | (cp & 0x3Fu));
        cp >>= 6;
    }
    out[0] = (char)(marker[n] | cp);
    return n;
}

/* The byte a two-character escape stands for, or 0 for none. */
static char short_unescape(char e)
{
    static const char names[] = "\"\\/bfnrt";
    static const char bytes[] = "\"\\/\b\f\n\r\t";
    /* Not NUL: the search stops short of the terminator. */
    const char *at = memchr(names, e, sizeof names - 1u);

    return at != NULL ? bytes[at - names] : '\0';
}

/*
 * Decodes the escapes of s[0..n) into s itself (when write) or only checks
 * them. In place is safe: every escape (2, 6 or 12 bytes) decodes to fewer
 * bytes (1 to 4), so the output never overtakes the input. The caller checks
 * first and writes second, so a bad string is never left half-decoded.
 */
static oarc_status unescape(char *s, size_t n, bool write, size_t *out_len)
{
    size_t i = 0;
    size_t o = 0;

    while (i < n) {
        char dec[4];
        size_t k = 1;

        if ((unsigned char)s[i] < 0x20u) {
            return OARC_ERR_JSON_SYNTAX;
        }
        if (s[i] != '\\') {
            dec[0] = s[i++];
        } else if (i + 1u < n && s[i + 1u] == 'u') {
            uint32_t cp;
            size_t used;

            if (read_u_escape(s + i, n - i, &cp, &used) != OARC_OK) {
                return OARC_ERR_JSON_SYNTAX;
            }
            k = utf8_encode(cp, dec);
            i += used;
        } else {
            /* A backslash that ends the string escapes nothing: '\0'. */
            dec[0] = short_unescape(i + 1u < n ? s[i + 1u] : '\0');
            if (dec[0] == '\0') {
                return OARC_ERR_JSON_SYNTAX;
            }
            i += 2u;
        }
        if (write) {
            memcpy(s + o, dec, k);
        }
        o += k;
    }
    *out_len = o;
    return OARC_OK;
}

oarc_status oarc_json_string(oarc_json_doc *doc, int tok, oarc_span *out)
{
    jsmntok_t *t = token_at(doc, tok);
    char *s;
    size_t n;
    size_t dec;

    if (out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    out->ptr = NULL;
    out->len = 0;
    /* A string token always ends before the closing quote, inside the text. */
    if (t == NULL || t->type != JSMN_STRING || (size_t)t->end >= doc->len) {
        return OARC_ERR_JSON_SHAPE;
    }
    s = doc->text + t->start;
    n = (size_t)(t->end - t->start);
    /* Idempotence: a raw string is followed by its closing quote, a decoded
     * one by the NUL we put there (a raw string cannot hold a NUL: jsmn stops
     * at one). Decoding shrinks the token's end to the decoded length. */
    if (s[n] != '\0') {
        /* Most strings are plain printable ASCII: already valid UTF-8 and
         * their own decoding. Only what follows the plain prefix is checked
         * and decoded (in place; the prefix stays where it is). */
        size_t plain = oarc_plain_prefix(s, n);
        char *rest = s + plain;

        dec = n - plain;
        if (plain < n) {
            if (!oarc_utf8_valid(rest, n - plain) ||
                unescape(rest, n - plain, false, &dec) != OARC_OK) {
                return OARC_ERR_JSON_SYNTAX;
            }
            (void)unescape(rest, n - plain, true, &dec);
        }
        dec += plain;
        s[dec] = '\0';
        t->end = t->start + (int)dec;
    }
    out->ptr = s;
    out->len = (size_t)(t->end - t->start);
    return OARC_OK;
}

oarc_status oarc_json_string_or_null(oarc_json_doc *doc, int tok, oarc_span *out)
{
    if (out != NULL && oarc_json_is_null(doc, tok)) {
        out->ptr = NULL;
        out->len = 0;
        return OARC_OK;
    }
    return oarc_json_string(doc, tok, out);
}

oarc_status oarc_json_string_array(oarc_json_doc *doc, int tok, oarc_span *out,
                                   size_t max, size_t *count)
{
    const jsmntok_t *t = token_at(doc, tok);
    size_t n;

    if (count == NULL || (out == NULL && max != 0u)) {
        return OARC_ERR_ARGUMENT;
    }
    *count = 0;
    if (t == NULL || t->type != JSMN_ARRAY) {
        return OARC_ERR_JSON_SHAPE;
    }
    /* count stays 0 on any failure, never above max: callers loop over it. */
    n = (size_t)t->size;
    if (n > max) {
        return OARC_ERR_TOO_MANY_ITEMS;
    }
    for (size_t i = 0; i < n; i++) {
        /* Strings have no children, so while every element so far was one,
         * element i is token tok + 1 + i. */
        oarc_status st = oarc_json_string(doc, tok + 1 + (int)i, &out[i]);

        if (st != OARC_OK) {
            return st;
        }
    }
    *count = n;
    return OARC_OK;
}

/* ---- Members and scalars -------------------------------------------------- */

/* How a member's key compares with the key looked for. */
typedef enum key_match {
    KEY_DIFFERS,
    KEY_EQUALS,
    KEY_DECODE_FIRST /* only its decoding can tell */
} key_match;

/*
 * Compares a key's bytes as they stand, s[0..n) (raw, or decoded by an
 * earlier getter), with key. Printable ASCII other than a backslash stands
 * for itself, so up to the first other byte the comparison is exact without
 * decoding: most keys differ in their first byte, and a key that equals a
 * plain literal needs no decoding to be found. Any other byte (an escape,
 * UTF-8 to validate, a control byte) leaves it to decoding.
 */
static inline key_match match_key(const char *s, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20u || c >= 0x7Fu || c == '\\') {
            return KEY_DECODE_FIRST;
        }
        if ((unsigned char)key[i] != c) {
            return KEY_DIFFERS; /* key's NUL included: key is shorter */
        }
    }
    return key[n] == '\0' ? KEY_EQUALS : KEY_DIFFERS;
}

/* The slow path of match_key: decode token k (it may not decode) and compare. */
static bool decoded_key_is(oarc_json_doc *doc, int k, const char *key)
{
    oarc_span name;

    return oarc_json_string(doc, k, &name) == OARC_OK &&
           oarc_strnlen(key, name.len) == name.len && memcmp(name.ptr, key, name.len) == 0;
}

int oarc_json_key_index(oarc_json_doc *doc, int tok, const char *const *keys, size_t n)
{
    const jsmntok_t *t = token_at(doc, tok);
    const char *s;
    size_t len;

    /* What oarc_json_string() would refuse equals no key. */
    if (t == NULL || t->type != JSMN_STRING || (size_t)t->end >= doc->len || keys == NULL) {
        return OARC_JSON_NONE;
    }
    s = doc->text + t->start;
    len = (size_t)(t->end - t->start);
    for (size_t i = 0; i < n; i++) {
        key_match match = match_key(s, len, keys[i]);

        if (match == KEY_EQUALS ||
            (match == KEY_DECODE_FIRST && decoded_key_is(doc, tok, keys[i]))) {
            return (int)i;
        }
    }
    return OARC_JSON_NONE;
}

bool oarc_json_key_is(oarc_json_doc *doc, int tok, const char *key)
{
    return key != NULL && oarc_json_key_index(doc, tok, &key, 1u) == 0;
}

int oarc_json_member(oarc_json_doc *doc, int obj, const char *key)
{
    const jsmntok_t *t = token_at(doc, obj);
    int k = obj + 1;

    if (t == NULL || t->type != JSMN_OBJECT || key == NULL) {
        return OARC_JSON_NONE;
    }
    /* A key that does not decode cannot equal key; it is skipped like any
     * other member. */
    for (int m = 0; m < t->size && k < doc->count - 1; m++) {
        if (oarc_json_key_index(doc, k, &key, 1u) == 0) {
            return k + 1;
        }
        k = next_sibling(doc, k + 1);
    }
    return OARC_JSON_NONE;
}

size_t oarc_json_size(const oarc_json_doc *doc, int tok)
{
    const jsmntok_t *t = token_at(doc, tok);

    return (t != NULL && is_container(t) && t->size > 0) ? (size_t)t->size : 0u;
}

/* The first byte of a primitive token (shape_ok() made it true, false, null
 * or a number), or '\0' for any other token. */
static char primitive_lead(const oarc_json_doc *doc, int tok)
{
    const jsmntok_t *t = token_at(doc, tok);

    return (t != NULL && t->type == JSMN_PRIMITIVE && t->end > t->start) ? doc->text[t->start]
                                                                           : '\0';
}

bool oarc_json_is_null(const oarc_json_doc *doc, int tok)
{
    return primitive_lead(doc, tok) == 'n';
}

bool oarc_json_is_object(const oarc_json_doc *doc, int tok)
{
    const jsmntok_t *t = token_at(doc, tok);

    return t != NULL && t->type == JSMN_OBJECT;
}

bool oarc_json_is_array(const oarc_json_doc *doc, int tok)
{
    const jsmntok_t *t = token_at(doc, tok);

    return t != NULL && t->type == JSMN_ARRAY;
}

oarc_status oarc_json_bool(const oarc_json_doc *doc, int tok, bool *out)
{
    char lead = primitive_lead(doc, tok);

    if (out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    if (lead != 't' && lead != 'f') {
        return OARC_ERR_JSON_SHAPE;
    }
    *out = (lead == 't');
    return OARC_OK;
}

oarc_status oarc_json_int64(const oarc_json_doc *doc, int tok, int64_t *out)
{
    const jsmntok_t *t = token_at(doc, tok);
    const char *s;
    const char *end;
    bool negative;
    uint64_t v = 0;

    if (out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    if (t == NULL || t->type != JSMN_PRIMITIVE || t->end == t->start) {
        return OARC_ERR_JSON_SHAPE;
    }
    s = doc->text + t->start;
    end = doc->text + t->end;
    negative = (s[0] == '-');
    s += negative ? 1 : 0;
    if (s == end) {
        return OARC_ERR_JSON_SHAPE;
    }
    for (; s < end; s++) {
        uint64_t d = (uint64_t)(unsigned char)*s - (uint64_t)'0';

        /* A fraction, an exponent or a word is not an integer. The magnitude
         * may reach INT64_MAX, or INT64_MAX + 1 when negative: compared with
         * constants, so no 64-bit division is needed. */
        if (d > 9u || v > (uint64_t)INT64_MAX / 10u ||
            (v == (uint64_t)INT64_MAX / 10u && d > 7u + (negative ? 1u : 0u))) {
            return OARC_ERR_JSON_SHAPE;
        }
        v = v * 10u + d;
    }
    *out = (negative && v != 0u) ? -(int64_t)(v - 1u) - 1 : (int64_t)v;
    return OARC_OK;
}
