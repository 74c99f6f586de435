/**
 * @file json_write.c
 * @brief The bounded JSON writer (see json_write.h).
 *
 * Every byte goes through put(), the one place that checks the buffer. Once
 * something fails, put() stops writing but keeps counting, and the structure
 * (depth, commas) keeps being tracked, so `len` ends up as the size of the
 * whole document and the caller can size a buffer from one measuring pass.
 */
#include "json_write.h"

#include <string.h>

#include "oarc/oarc_printable.h"
#include "text.h"

#if OARC_JSON_MAX_DEPTH < 1 || OARC_JSON_MAX_DEPTH > 32
#error "OARC_JSON_MAX_DEPTH must be 1..32: the writer keeps one bit per level"
#endif

/*
 * Records a failure. Writing stops at the first one, but a misuse or a bad
 * string outranks "buffer too small": BUFFER_TOO_SMALL promises that `needed`
 * bytes would be enough, which is only true of a document that is otherwise
 * correct.
 */
static void fail(oarc_json_writer *w, oarc_status status)
{
    if (w->status == OARC_OK ||
        (w->status == OARC_ERR_BUFFER_TOO_SMALL && status != OARC_ERR_BUFFER_TOO_SMALL)) {
        w->status = status;
    }
}

static void put(oarc_json_writer *w, const char *s, size_t n)
{
    if (n > SIZE_MAX - w->len) {
        /* Cannot happen with real memory, but len must never wrap. */
        fail(w, OARC_ERR_BUFFER_TOO_SMALL);
        w->len = SIZE_MAX;
        return;
    }
    /* While status is OK, len <= cap holds, so cap - len cannot wrap. */
    if (w->status == OARC_OK) {
        if (n > w->cap - w->len) {
            fail(w, OARC_ERR_BUFFER_TOO_SMALL);
        } else if (n == 1u) {
            w->buf[w->len] = s[0]; /* the punctuation: no call for one byte */
        } else if (n > 0u) {
            memcpy(w->buf + w->len, s, n);
        }
    }
    w->len += n;
}

static uint32_t top_bit(const oarc_json_writer *w)
{
    return (uint32_t)1u << (w->depth - 1u);
}

static bool in_object(const oarc_json_writer *w)
{
    return w->depth > 0u && (w->in_object & top_bit(w)) != 0u;
}

/* Writes the comma that separates this member or element from the previous
 * one, and notes that the container now has one. */
static void separate(oarc_json_writer *w)
{
    if ((w->has_members & top_bit(w)) != 0u) {
        put(w, ",", 1u);
    }
    w->has_members |= top_bit(w);
}

/*
 * Checks that a value may come here and writes what must precede it. At the
 * top level only one value may be written (len is 0 until it is); in an
 * object the key, already written with its colon, must come first.
 */
static bool begin_value(oarc_json_writer *w)
{
    if (w->depth == 0u) {
        if (w->len != 0u) {
            fail(w, OARC_ERR_ARGUMENT);
            return false;
        }
    } else if (in_object(w)) {
        if (!w->after_key) {
            fail(w, OARC_ERR_ARGUMENT);
            return false;
        }
        w->after_key = false;
    } else {
        separate(w);
    }
    return true;
}

/* One byte that needs escaping: an RFC 8259 short form or \u00XX. */
static void put_escape(oarc_json_writer *w, unsigned char c)
{
    static const char bytes[] = "\"\\\b\f\n\r\t";
    static const char names[] = "\"\\bfnrt";
    static const char hex[] = "0123456789abcdef";
    /* Not NUL: the search stops short of the terminator. */
    const char *at = memchr(bytes, c, sizeof bytes - 1u);
    char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0x0Fu] };

    if (at != NULL) {
        e[1] = names[at - bytes];
        put(w, e, 2u);
    } else {
        put(w, e, 6u);
    }
}

/*
 * A quoted string. Runs of bytes that need no escape are copied in one put();
 * non-ASCII bytes and '/' pass through. An invalid string is still counted,
 * as if escaped, so that len stays meaningful.
 */
static void put_string(oarc_json_writer *w, oarc_span s)
{
    const unsigned char *p;
    size_t run = 0; /* start of the bytes not yet put */
    size_t plain;

    if (s.ptr == NULL) {
        if (s.len != 0u) {
            fail(w, OARC_ERR_ARGUMENT);
            return;
        }
        s.ptr = ""; /* {NULL, 0} is the empty string; NULL + 0 is not C */
    }
    p = (const unsigned char *)s.ptr;
    /* A plain prefix is valid UTF-8 and needs no escape: the checks and the
     * escape scan start after it (for most strings, at their end). */
    plain = oarc_plain_prefix(s.ptr, s.len);
    /* While status is OK, len <= cap, so cap - len cannot wrap. */
    if (plain == s.len && w->status == OARC_OK && w->cap - w->len >= 2u &&
        s.len <= w->cap - w->len - 2u) {
        /* All plain and room for it: the quotes and the bytes in one go
         * (what the puts below would write, without a check per piece). */
        w->buf[w->len] = '"';
        memcpy(w->buf + w->len + 1u, s.ptr, s.len);
        w->buf[w->len + 1u + s.len] = '"';
        w->len += s.len + 2u;
        return;
    }
    if (plain < s.len && !oarc_utf8_valid(s.ptr + plain, s.len - plain)) {
        fail(w, OARC_ERR_INVALID_UTF8);
    }
    put(w, "\"", 1u);
    for (size_t i = plain; i < s.len; i++) {
        if (p[i] >= 0x20u && p[i] != '"' && p[i] != '\\') {
            continue;
        }
        put(w, s.ptr + run, i - run);
        put_escape(w, p[i]);
        run = i + 1u;
    }
    put(w, s.ptr + run, s.len - run);
    put(w, "\"", 1u);
}

void oarc_json_writer_init(oarc_json_writer *w, char *buf, size_t cap)
{
    if (w == NULL) {
        return;
    }
    memset(w, 0, sizeof(*w));
    w->buf = buf;
    w->cap = cap;
    w->status = (buf == NULL && cap != 0u) ? OARC_ERR_ARGUMENT : OARC_OK;
}

static void begin_container(oarc_json_writer *w, bool object)
{
    if (w == NULL || !begin_value(w)) {
        return;
    }
    if (w->depth >= OARC_JSON_MAX_DEPTH) {
        fail(w, OARC_ERR_ARGUMENT);
        return;
    }
    put(w, object ? "{" : "[", 1u);
    w->depth++;
    w->has_members &= ~top_bit(w);
    if (object) {
        w->in_object |= top_bit(w);
    } else {
        w->in_object &= ~top_bit(w);
    }
}

static void end_container(oarc_json_writer *w, bool object)
{
    if (w == NULL) {
        return;
    }
    if (w->depth == 0u || in_object(w) != object || w->after_key) {
        fail(w, OARC_ERR_ARGUMENT);
        return;
    }
    put(w, object ? "}" : "]", 1u);
    w->depth--;
}

void oarc_json_write_begin_object(oarc_json_writer *w)
{
    begin_container(w, true);
}

void oarc_json_write_end_object(oarc_json_writer *w)
{
    end_container(w, true);
}

void oarc_json_write_begin_array(oarc_json_writer *w)
{
    begin_container(w, false);
}

void oarc_json_write_end_array(oarc_json_writer *w)
{
    end_container(w, false);
}

void oarc_json_write_key(oarc_json_writer *w, oarc_span key)
{
    if (w == NULL) {
        return;
    }
    if (!in_object(w) || w->after_key) {
        fail(w, OARC_ERR_ARGUMENT);
        return;
    }
    separate(w);
    put_string(w, key);
    put(w, ":", 1u);
    w->after_key = true;
}

void oarc_json_write_string(oarc_json_writer *w, oarc_span s)
{
    if (w != NULL && begin_value(w)) {
        put_string(w, s);
    }
}

void oarc_json_write_printable(oarc_json_writer *w, oarc_span s)
{
    size_t i = 0;

    if (w == NULL || !begin_value(w)) {
        return;
    }
    put(w, "\"", 1u);
    /* Each round consumes at least one byte of s: bounded by s.len. */
    while (s.ptr != NULL && i < s.len) {
        char piece[OARC_PRINTABLE_PIECE_MAX];
        size_t used = 0;
        size_t n = oarc_printable_piece(s.ptr + i, s.len - i, OARC_PRINTABLE_JSON, piece, &used);

        put(w, piece, n);
        i += used;
    }
    put(w, "\"", 1u);
}

void oarc_json_write_null(oarc_json_writer *w)
{
    if (w != NULL && begin_value(w)) {
        put(w, "null", 4u);
    }
}

void oarc_json_write_bool(oarc_json_writer *w, bool value)
{
    if (w != NULL && begin_value(w)) {
        put(w, value ? "true" : "false", value ? 4u : 5u);
    }
}

void oarc_json_write_int(oarc_json_writer *w, int64_t value)
{
    /* The magnitude as unsigned, so that INT64_MIN needs no special case. */
    uint64_t mag = (value < 0) ? 0u - (uint64_t)value : (uint64_t)value;
    char digits[20]; /* 2^64 has 20 decimal digits */
    size_t at = sizeof(digits);

    if (w == NULL || !begin_value(w)) {
        return;
    }
    do {
        digits[--at] = (char)('0' + (int)(mag % 10u));
        mag /= 10u;
    } while (mag != 0u);
    if (value < 0) {
        put(w, "-", 1u);
    }
    put(w, digits + at, sizeof(digits) - at);
}

oarc_status oarc_json_writer_finish(const oarc_json_writer *w, size_t *needed)
{
    if (w == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    if (needed != NULL) {
        *needed = w->len;
    }
    if (w->status == OARC_OK || w->status == OARC_ERR_BUFFER_TOO_SMALL) {
        /* Nothing written, a container left open or a key without value. */
        if (w->len == 0u || w->depth != 0u || w->after_key) {
            return OARC_ERR_ARGUMENT;
        }
    }
    return w->status;
}
