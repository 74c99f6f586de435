/**
 * @file test_json_read.c
 * @brief The JSON reader: the shape check after jsmn, in-place unescaping
 * (idempotent), typed getters, member lookup over unknown fields, limits.
 */
#include "test_main.h"

#include <limits.h>
#include <stdint.h>

#include "json_read.h"

#define POOL 64

typedef struct {
    char text[512];
    jsmntok_t pool[POOL];
    oarc_json_doc doc;
} fixture_t;

/* Parses a copy of json[0..len) with pool_len tokens. */
static oarc_status parse_n(fixture_t *f, const char *json, size_t len, size_t pool_len)
{
    assert_true(len <= sizeof(f->text));
    assert_true(pool_len <= POOL);
    memcpy(f->text, json, len);
    return oarc_json_parse(&f->doc, f->text, len, f->pool, pool_len);
}

static oarc_status parse(fixture_t *f, const char *json)
{
    return parse_n(f, json, strlen(json), POOL);
}

/* Every document in the list must be refused as JSON_SYNTAX. */
static void expect_syntax_errors(const char *const *docs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fixture_t f;
        oarc_status st = parse(&f, docs[i]);

        if (st != OARC_ERR_JSON_SYNTAX) {
            fail_msg("'%s' gave %s, expected OARC_ERR_JSON_SYNTAX", docs[i], oarc_status_str(st));
        }
        assert_int_equal(f.doc.count, 0);
    }
}

/* The string at tok must decode to exactly expected[0..len). */
static void expect_decoded(fixture_t *f, int tok, const char *expected, size_t len)
{
    oarc_span s = { NULL, 0 };

    assert_int_equal(oarc_json_string(&f->doc, tok, &s), OARC_OK);
    assert_int_equal(s.len, len);
    assert_memory_equal(s.ptr, expected, len);
    assert_int_equal(s.ptr[len], '\0');
    /* In place: the span points into the document. */
    assert_true(s.ptr > f->text && s.ptr < f->text + f->doc.len);
}

/* ---- Accepted documents and getters ------------------------------------- */

static void reads_role_object(void **state)
{
    fixture_t f;
    oarc_span s;
    bool b = false;
    int64_t n = 0;

    (void)state;
    assert_int_equal(parse(&f, "{\"object\":\"role\",\"id\":\"role_1\",\"n\":5,"
                               "\"predefined_role\":true,\"description\":null}"),
                     OARC_OK);
    assert_int_equal(f.doc.count, 11);
    assert_int_equal(oarc_json_string(&f.doc, oarc_json_member(&f.doc, 0, "id"), &s), OARC_OK);
    assert_int_equal(s.len, 6);
    assert_string_equal(s.ptr, "role_1");
    assert_int_equal(oarc_json_int64(&f.doc, oarc_json_member(&f.doc, 0, "n"), &n), OARC_OK);
    assert_int_equal(n, 5);
    assert_int_equal(oarc_json_bool(&f.doc, oarc_json_member(&f.doc, 0, "predefined_role"), &b),
                     OARC_OK);
    assert_true(b);
    assert_true(oarc_json_is_null(&f.doc, oarc_json_member(&f.doc, 0, "description")));
    assert_true(oarc_json_is_object(&f.doc, 0));
    assert_false(oarc_json_is_array(&f.doc, 0));
}

static void accepts_valid_documents(void **state)
{
    static const char *const ok[] = {
        "{}", "[]", "1", "0", "-0", "true", "false", "null", "\"\"", "\"x\"",
        " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\n ", "-12.5E+10", "0.5e-3", "1E2",
        "[null,false,true,-1,\"s\",[],{}]", "{\"\":\"\"}", "  7  ", "[[[[]]]]",
        "\"\\u00e9\\n\"", "{\"a\":{\"b\":{\"c\":[{\"d\":null}]}}}",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        fixture_t f;
        oarc_status st = parse(&f, ok[i]);

        if (st != OARC_OK) {
            fail_msg("'%s' gave %s", ok[i], oarc_status_str(st));
        }
        assert_int_equal(oarc_json_skip(&f.doc, 0), f.doc.count);
    }
}

static void top_level_scalar_is_one_token(void **state)
{
    fixture_t f;
    int64_t n = 0;
    bool b = true;

    (void)state;
    assert_int_equal(parse(&f, " 42 "), OARC_OK);
    assert_int_equal(f.doc.count, 1);
    assert_int_equal(oarc_json_int64(&f.doc, 0, &n), OARC_OK);
    assert_int_equal(n, 42);
    assert_int_equal(parse(&f, "false"), OARC_OK);
    assert_int_equal(oarc_json_bool(&f.doc, 0, &b), OARC_OK);
    assert_false(b);
}

static void decodes_every_short_escape(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]"), OARC_OK);
    expect_decoded(&f, 1, "\"\\/\b\f\n\r\t", 8);
}

static void decodes_u_escapes_to_utf8(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "[\"\\u0041\\u00e9\\u07FF\\u0800\\u20AC\\uffff\"]"), OARC_OK);
    expect_decoded(&f, 1, "A\xc3\xa9\xdf\xbf\xe0\xa0\x80\xe2\x82\xac\xef\xbf\xbf", 14);
}

static void decodes_u0000_and_keeps_length(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "[\"a\\u0000b\\u001f\"]"), OARC_OK);
    expect_decoded(&f, 1, "a\0b\x1f", 4);
}

static void decodes_surrogate_pairs(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "[\"\\uD83D\\uDE00\",\"\\ud800\\udc00\",\"\\uDBFF\\uDFFF!\"]"),
                     OARC_OK);
    expect_decoded(&f, 1, "\xf0\x9f\x98\x80", 4);
    expect_decoded(&f, 2, "\xf0\x90\x80\x80", 4);
    expect_decoded(&f, 3, "\xf4\x8f\xbf\xbf!", 5);
}

static void refuses_lone_high_surrogate(void **state)
{
    static const char *const docs[] = {
        "[\"\\uD800\"]", "[\"\\uD800x\"]", "[\"\\uDBFF\\u0041\"]", "[\"\\uD800\\uD800\"]",
        "[\"\\uD800\\n\"]", "[\"\\uDBFF\\uE000\"]", /* E000: past the low range */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
        fixture_t f;
        oarc_span s;

        assert_int_equal(parse(&f, docs[i]), OARC_OK);
        assert_int_equal(oarc_json_string(&f.doc, 1, &s), OARC_ERR_JSON_SYNTAX);
    }
}

static void refuses_lone_low_surrogate(void **state)
{
    static const char *const docs[] = {
        "[\"\\uDC00\"]", "[\"a\\uDFFF\"]", "[\"\\uDC00\\uD800\"]", /* reversed pair */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
        fixture_t f;
        oarc_span s;

        assert_int_equal(parse(&f, docs[i]), OARC_OK);
        assert_int_equal(oarc_json_string(&f.doc, 1, &s), OARC_ERR_JSON_SYNTAX);
    }
}

static void refused_string_is_left_untouched(void **state)
{
    /* Checked before written: a bad string must not be half-decoded, or a
     * second call could see different (even valid) text. */
    static const char json[] = "[\"\\\\u0041\\n\\uDC00\"]";
    fixture_t f;
    oarc_span s;

    (void)state;
    assert_int_equal(parse(&f, json), OARC_OK);
    assert_int_equal(oarc_json_string(&f.doc, 1, &s), OARC_ERR_JSON_SYNTAX);
    assert_memory_equal(f.text, json, sizeof(json) - 1u);
    assert_int_equal(oarc_json_string(&f.doc, 1, &s), OARC_ERR_JSON_SYNTAX);
}

static void second_get_does_not_unescape_again(void **state)
{
    /* "\\u0041" decodes to the six characters \u0041; decoding those again
     * would give "A". */
    fixture_t f;
    oarc_span first;
    oarc_span second;

    (void)state;
    assert_int_equal(parse(&f, "{\"k\\\\u0041\":\"v\\\\u0041\"}"), OARC_OK);
    expect_decoded(&f, 2, "v\\u0041", 7);
    expect_decoded(&f, 2, "v\\u0041", 7);
    assert_int_equal(oarc_json_string(&f.doc, 2, &first), OARC_OK);
    assert_int_equal(oarc_json_string_or_null(&f.doc, 2, &second), OARC_OK);
    assert_ptr_equal(first.ptr, second.ptr);
    assert_int_equal(first.len, second.len);
    /* The key, decoded by member(), stays decoded the same way. */
    assert_int_equal(oarc_json_member(&f.doc, 0, "k\\u0041"), 2);
    assert_int_equal(oarc_json_member(&f.doc, 0, "k\\u0041"), 2);
    assert_int_equal(oarc_json_member(&f.doc, 0, "kA"), OARC_JSON_NONE);
    expect_decoded(&f, 1, "k\\u0041", 7);
}

static void raw_utf8_passes_through(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "[\"caf\xc3\xa9 \xf0\x9f\x98\x80\"]"), OARC_OK);
    expect_decoded(&f, 1, "caf\xc3\xa9 \xf0\x9f\x98\x80", 10);
}

static void raw_invalid_utf8_refused(void **state)
{
    static const char *const docs[] = {
        "[\"\xff\"]", "[\"\xc0\xaf\"]", "[\"\xed\xa0\x80\"]", "[\"\xe2\x82\"]",
        "[\"\xc3\\u00e9\"]", /* truncated sequence cut by an escape */
        "[\"\\u00e9\xa9\"]", /* stray continuation after an escape */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
        fixture_t f;
        oarc_span s;

        assert_int_equal(parse(&f, docs[i]), OARC_OK);
        assert_int_equal(oarc_json_string(&f.doc, 1, &s), OARC_ERR_JSON_SYNTAX);
    }
}

/* ---- Members ------------------------------------------------------------ */

static void member_absent_is_none(void **state)
{
    fixture_t f;
    oarc_span s;

    (void)state;
    assert_int_equal(parse(&f, "{\"a\":1,\"ab\":2}"), OARC_OK);
    assert_int_equal(oarc_json_member(&f.doc, 0, "b"), OARC_JSON_NONE);
    assert_int_equal(oarc_json_member(&f.doc, 0, "a"), 2);
    assert_int_equal(oarc_json_member(&f.doc, 0, "ab"), 4);
    assert_int_equal(oarc_json_member(&f.doc, 0, "abc"), OARC_JSON_NONE);
    assert_int_equal(oarc_json_member(&f.doc, 0, ""), OARC_JSON_NONE);
    assert_int_equal(oarc_json_member(&f.doc, 2, "a"), OARC_JSON_NONE); /* not an object */
    assert_int_equal(oarc_json_member(&f.doc, OARC_JSON_NONE, "a"), OARC_JSON_NONE);
    assert_int_equal(oarc_json_member(&f.doc, 0, NULL), OARC_JSON_NONE);
    assert_int_equal(oarc_json_string(&f.doc, OARC_JSON_NONE, &s), OARC_ERR_JSON_SHAPE);
}

static void member_compares_unescaped_keys(void **state)
{
    fixture_t f;
    int64_t n = 0;

    (void)state;
    assert_int_equal(parse(&f, "{\"r\\u006fle\":1,\"q\\\"t\":2,\"\":3}"), OARC_OK);
    assert_int_equal(oarc_json_int64(&f.doc, oarc_json_member(&f.doc, 0, "role"), &n), OARC_OK);
    assert_int_equal(n, 1);
    assert_int_equal(oarc_json_int64(&f.doc, oarc_json_member(&f.doc, 0, "q\"t"), &n), OARC_OK);
    assert_int_equal(n, 2);
    assert_int_equal(oarc_json_int64(&f.doc, oarc_json_member(&f.doc, 0, ""), &n), OARC_OK);
    assert_int_equal(n, 3);
}

/* oarc_json_key_is() decides as oarc_json_member() does: plain keys from
 * their bytes (equal, longer, shorter, differing late), escaped and UTF-8
 * keys by decoding, a key that does not decode and a non-string never. */
static void key_is_compares_like_member(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "{\"permissions\":1,\"i\\u0064\":2,\"caf\u00e9\":3,"
                               "\"\\ud800\":4,\"\":5,\"p\":[6]}"),
                     OARC_OK);
    assert_true(oarc_json_key_is(&f.doc, 1, "permissions"));
    assert_false(oarc_json_key_is(&f.doc, 1, "permission"));
    assert_false(oarc_json_key_is(&f.doc, 1, "permissionsX"));
    assert_false(oarc_json_key_is(&f.doc, 1, "permissionz"));
    assert_false(oarc_json_key_is(&f.doc, 1, "predefined_role"));
    assert_true(oarc_json_key_is(&f.doc, 3, "id"));
    assert_false(oarc_json_key_is(&f.doc, 3, "i\\u0064"));
    assert_true(oarc_json_key_is(&f.doc, 5, "caf\u00e9"));
    assert_false(oarc_json_key_is(&f.doc, 5, "cafe"));
    assert_false(oarc_json_key_is(&f.doc, 7, "\xed\xa0\x80")); /* a lone surrogate */
    assert_true(oarc_json_key_is(&f.doc, 9, ""));
    assert_false(oarc_json_key_is(&f.doc, 9, "p"));
    assert_false(oarc_json_key_is(&f.doc, 12, "p"));  /* the array, not a string */
    assert_false(oarc_json_key_is(&f.doc, 99, "p"));
    assert_false(oarc_json_key_is(&f.doc, 1, NULL));
    assert_false(oarc_json_key_is(NULL, 1, "p"));
}

/* oarc_json_key_index() names the first of several keys the token equals,
 * compared as oarc_json_key_is() compares (plain, escaped, undecodable). */
static void key_index_finds_the_equal_key(void **state)
{
    fixture_t f;
    const char *const keys[] = { "object", "id", "name" };

    (void)state;
    assert_int_equal(parse(&f, "{\"name\":1,\"i\\u0064\":2,\"x\":3,\"\\ud800\":4,\"p\":[5]}"),
                     OARC_OK);
    assert_int_equal(oarc_json_key_index(&f.doc, 1, keys, 3u), 2);
    assert_int_equal(oarc_json_key_index(&f.doc, 3, keys, 3u), 1);
    assert_int_equal(oarc_json_key_index(&f.doc, 3, keys, 1u), OARC_JSON_NONE); /* "id" left out */
    assert_int_equal(oarc_json_key_index(&f.doc, 5, keys, 3u), OARC_JSON_NONE);
    assert_int_equal(oarc_json_key_index(&f.doc, 7, keys, 3u), OARC_JSON_NONE); /* lone surrogate */
    assert_int_equal(oarc_json_key_index(&f.doc, 10, keys, 3u), OARC_JSON_NONE); /* the array */
    assert_int_equal(oarc_json_key_index(&f.doc, 1, keys, 0u), OARC_JSON_NONE);
    assert_int_equal(oarc_json_key_index(&f.doc, 1, NULL, 3u), OARC_JSON_NONE);
    assert_int_equal(oarc_json_key_index(&f.doc, -1, keys, 3u), OARC_JSON_NONE);
    assert_int_equal(oarc_json_key_index(&f.doc, 99, keys, 3u), OARC_JSON_NONE);
    assert_int_equal(oarc_json_key_index(NULL, 1, keys, 3u), OARC_JSON_NONE);
    /* A token that would end past the text equals no key. */
    f.doc.len = (size_t)oarc_json_tokens(&f.doc)[1].end;
    assert_int_equal(oarc_json_key_index(&f.doc, 1, keys, 3u), OARC_JSON_NONE);

    /* A decoded key holding a control byte is compared by decoding again. */
    const char *const ctl[] = { "a\x01" };
    oarc_span name;
    assert_int_equal(parse(&f, "{\"a\\u0001\":1}"), OARC_OK);
    assert_int_equal(oarc_json_string(&f.doc, 1, &name), OARC_OK);
    assert_int_equal(oarc_json_key_index(&f.doc, 1, ctl, 1u), 0);
}

static void member_first_match_wins(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "{\"a\":1,\"a\":2}"), OARC_OK);
    assert_int_equal(oarc_json_member(&f.doc, 0, "a"), 2);
}

static void member_skips_key_that_does_not_decode(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse(&f, "{\"\\uD800\":1,\"id\":2}"), OARC_OK);
    assert_int_equal(oarc_json_member(&f.doc, 0, "id"), 4);
}

static void unknown_nested_fields_skipped(void **state)
{
    fixture_t f;
    oarc_span s;

    (void)state;
    assert_int_equal(parse(&f, "{\"x\":[{\"y\":{\"z\":[1,2,{\"w\":\"v\"}]}},[[]],{}],"
                               "\"id\":\"r\",\"t\":{\"id\":\"inner\"}}"),
                     OARC_OK);
    assert_int_equal(oarc_json_string(&f.doc, oarc_json_member(&f.doc, 0, "id"), &s), OARC_OK);
    assert_string_equal(s.ptr, "r");
    assert_int_equal(oarc_json_member(&f.doc, 0, "w"), OARC_JSON_NONE); /* not at depth 1 */
    assert_int_equal(oarc_json_string(&f.doc,
                                      oarc_json_member(&f.doc, oarc_json_member(&f.doc, 0, "t"), "id"),
                                      &s),
                     OARC_OK);
    assert_string_equal(s.ptr, "inner");
}

static void size_and_skip_walk_elements(void **state)
{
    fixture_t f;
    int tok;

    (void)state;
    /* tokens: 0 {, 1 "a", 2 [, 3 1, 4 {, 5 "b", 6 2, 7 "c", 8 3 */
    assert_int_equal(parse(&f, "{\"a\":[1,{\"b\":2}],\"c\":3}"), OARC_OK);
    assert_int_equal(f.doc.count, 9);
    assert_int_equal(oarc_json_size(&f.doc, 0), 2);
    assert_int_equal(oarc_json_size(&f.doc, 2), 2);
    assert_int_equal(oarc_json_size(&f.doc, 3), 0);
    assert_int_equal(oarc_json_size(&f.doc, 1), 0); /* a key is not a container */
    assert_int_equal(oarc_json_skip(&f.doc, 2), 7);
    assert_int_equal(oarc_json_skip(&f.doc, 1), 7); /* a key with its value */
    assert_int_equal(oarc_json_skip(&f.doc, 4), 7);
    assert_int_equal(oarc_json_skip(&f.doc, 8), 9);
    assert_int_equal(oarc_json_skip(&f.doc, 0), 9);
    assert_int_equal(oarc_json_skip(&f.doc, OARC_JSON_NONE), 9);
    tok = 3;
    tok = oarc_json_skip(&f.doc, tok);
    assert_int_equal(tok, 4);
}

/* ---- Types -------------------------------------------------------------- */

static void wrong_types_are_shape_errors(void **state)
{
    /* tokens: 0 [, 1 1, 2 "s", 3 null, 4 true, 5 {, 6 [ */
    fixture_t f;
    oarc_span s;
    bool b;
    int64_t n;
    size_t count;

    (void)state;
    assert_int_equal(parse(&f, "[1,\"s\",null,true,{},[]]"), OARC_OK);
    for (int tok = 0; tok < 7; tok++) {
        if (tok != 2) {
            assert_int_equal(oarc_json_string(&f.doc, tok, &s), OARC_ERR_JSON_SHAPE);
        }
        if (tok != 4) {
            assert_int_equal(oarc_json_bool(&f.doc, tok, &b), OARC_ERR_JSON_SHAPE);
        }
        if (tok != 1) {
            assert_int_equal(oarc_json_int64(&f.doc, tok, &n), OARC_ERR_JSON_SHAPE);
        }
        if (tok != 0 && tok != 6) {
            assert_int_equal(oarc_json_string_array(&f.doc, tok, &s, 1, &count),
                             OARC_ERR_JSON_SHAPE);
        }
        assert_int_equal(oarc_json_is_null(&f.doc, tok), tok == 3);
    }
    assert_int_equal(oarc_json_string_or_null(&f.doc, 1, &s), OARC_ERR_JSON_SHAPE);
    assert_int_equal(oarc_json_int64(&f.doc, 99, &n), OARC_ERR_JSON_SHAPE);
}

static void string_or_null_reads_both(void **state)
{
    fixture_t f;
    oarc_span s = { "junk", 4 };

    (void)state;
    assert_int_equal(parse(&f, "[null,\"d\"]"), OARC_OK);
    assert_int_equal(oarc_json_string_or_null(&f.doc, 1, &s), OARC_OK);
    assert_null(s.ptr);
    assert_int_equal(s.len, 0);
    assert_int_equal(oarc_json_string_or_null(&f.doc, 2, &s), OARC_OK);
    assert_string_equal(s.ptr, "d");
}

static void int64_bounds(void **state)
{
    static const struct {
        const char *json;
        oarc_status st;
        int64_t value;
    } cases[] = {
        { "9223372036854775807", OARC_OK, INT64_MAX },
        { "-9223372036854775808", OARC_OK, INT64_MIN },
        { "9223372036854775808", OARC_ERR_JSON_SHAPE, 0 },
        { "-9223372036854775809", OARC_ERR_JSON_SHAPE, 0 },
        { "18446744073709551616", OARC_ERR_JSON_SHAPE, 0 },
        { "99999999999999999999999", OARC_ERR_JSON_SHAPE, 0 },
        { "-0", OARC_OK, 0 },
        { "0", OARC_OK, 0 },
        { "-1", OARC_OK, -1 },
        { "1.5", OARC_ERR_JSON_SHAPE, 0 },
        { "1.0", OARC_ERR_JSON_SHAPE, 0 },
        { "1e3", OARC_ERR_JSON_SHAPE, 0 },
        { "true", OARC_ERR_JSON_SHAPE, 0 },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fixture_t f;
        int64_t n = 12345;

        assert_int_equal(parse(&f, cases[i].json), OARC_OK);
        assert_int_equal(oarc_json_int64(&f.doc, 0, &n), cases[i].st);
        assert_true(n == (cases[i].st == OARC_OK ? cases[i].value : 12345));
    }
}

static void string_array_reads_all(void **state)
{
    fixture_t f;
    oarc_span out[3];
    size_t count = 99;

    (void)state;
    assert_int_equal(parse(&f, "{\"p\":[\"api.read\",\"a\\nb\",\"\"],\"e\":[]}"), OARC_OK);
    assert_int_equal(oarc_json_string_array(&f.doc, oarc_json_member(&f.doc, 0, "p"), out, 3, &count),
                     OARC_OK);
    assert_int_equal(count, 3);
    assert_string_equal(out[0].ptr, "api.read");
    assert_int_equal(out[1].len, 3);
    assert_memory_equal(out[1].ptr, "a\nb", 3);
    assert_int_equal(out[2].len, 0);
    assert_non_null(out[2].ptr);
    assert_int_equal(oarc_json_string_array(&f.doc, oarc_json_member(&f.doc, 0, "e"), NULL, 0, &count),
                     OARC_OK);
    assert_int_equal(count, 0);
}

static void string_array_too_many_items(void **state)
{
    fixture_t f;
    oarc_span out[2];
    size_t count = 0;

    (void)state;
    assert_int_equal(parse(&f, "[\"a\",\"b\",\"c\"]"), OARC_OK);
    count = 7;
    assert_int_equal(oarc_json_string_array(&f.doc, 0, out, 2, &count), OARC_ERR_TOO_MANY_ITEMS);
    assert_int_equal(count, 0); /* never more than out holds */
    assert_int_equal(oarc_json_string_array(&f.doc, 0, out, 2, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(parse(&f, "[\"a\",\"b\"]"), OARC_OK);
    assert_int_equal(oarc_json_string_array(&f.doc, 0, out, 2, &count), OARC_OK); /* exactly max */
    assert_int_equal(count, 2);
}

static void string_array_non_string_element(void **state)
{
    fixture_t f;
    oarc_span out[4];
    size_t count = 9;

    (void)state;
    assert_int_equal(parse(&f, "[\"a\",[\"b\"],\"c\"]"), OARC_OK);
    assert_int_equal(oarc_json_string_array(&f.doc, 0, out, 4, &count), OARC_ERR_JSON_SHAPE);
    assert_int_equal(count, 0);
    assert_int_equal(parse(&f, "[\"a\",\"\\uDC00\"]"), OARC_OK);
    assert_int_equal(oarc_json_string_array(&f.doc, 0, out, 4, &count), OARC_ERR_JSON_SYNTAX);
}

/* ---- Limits and arguments ----------------------------------------------- */

static void token_pool_too_small(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse_n(&f, "[1,2,3]", 7, 3), OARC_ERR_JSON_TOO_MANY_TOKENS);
    assert_int_equal(f.doc.count, 0);
    assert_int_equal(parse_n(&f, "[1,2,3]", 7, 4), OARC_OK);
    assert_int_equal(parse_n(&f, "1", 1, 0), OARC_ERR_JSON_TOO_MANY_TOKENS);
    assert_int_equal(parse_n(&f, "1", 1, 1), OARC_OK);
}

static void deep_nesting_hits_pool_not_stack(void **state)
{
    static char text[10000];
    jsmntok_t pool[POOL];
    oarc_json_doc doc;

    (void)state;
    memset(text, '[', sizeof(text));
    assert_int_equal(oarc_json_parse(&doc, text, sizeof(text), pool, POOL),
                     OARC_ERR_JSON_TOO_MANY_TOKENS);
}

static void deep_nesting_within_pool_parses(void **state)
{
    enum { DEPTH = 2000 };
    static char text[2 * DEPTH];
    static jsmntok_t pool[DEPTH];
    oarc_json_doc doc;

    (void)state;
    memset(text, '[', DEPTH);
    memset(text + DEPTH, ']', DEPTH);
    assert_int_equal(oarc_json_parse(&doc, text, sizeof(text), pool, DEPTH), OARC_OK);
    assert_int_equal(doc.count, DEPTH);
    assert_int_equal(oarc_json_skip(&doc, 0), DEPTH);
    text[DEPTH] = '}'; /* mismatched close deep inside */
    assert_int_equal(oarc_json_parse(&doc, text, sizeof(text), pool, DEPTH), OARC_ERR_JSON_SYNTAX);
}

static void too_long_for_int_offsets(void **state)
{
    /* Refused on length alone, before any byte is read. */
    char text[1] = { '1' };
    jsmntok_t pool[1];
    oarc_json_doc doc;

    (void)state;
    assert_int_equal(oarc_json_parse(&doc, text, (size_t)INT_MAX + 1u, pool, 1),
                     OARC_ERR_JSON_SYNTAX);
}

static void argument_errors(void **state)
{
    fixture_t f;
    oarc_span s;
    size_t count;

    (void)state;
    memcpy(f.text, "[\"a\"]", 5);
    assert_int_equal(oarc_json_parse(NULL, f.text, 5, f.pool, POOL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_parse(&f.doc, NULL, 5, f.pool, POOL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_parse(&f.doc, f.text, 5, NULL, POOL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_parse(&f.doc, f.text, 5, f.pool, POOL), OARC_OK);
    assert_int_equal(oarc_json_string(&f.doc, 1, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_bool(&f.doc, 1, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_int64(&f.doc, 1, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_string_array(&f.doc, 0, NULL, 1, &count), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_string_array(&f.doc, 0, &s, 1, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_string(NULL, 1, &s), OARC_ERR_JSON_SHAPE);
    assert_int_equal(oarc_json_skip(NULL, 0), 0);
    assert_int_equal(oarc_json_size(NULL, 0), 0);
}

static void failed_parse_leaves_empty_doc(void **state)
{
    fixture_t f;
    oarc_span s;

    (void)state;
    assert_int_equal(parse(&f, "[\"a\",]"), OARC_ERR_JSON_SYNTAX);
    assert_int_equal(f.doc.count, 0);
    assert_int_equal(oarc_json_string(&f.doc, 1, &s), OARC_ERR_JSON_SHAPE);
    assert_false(oarc_json_is_array(&f.doc, 0));
    assert_int_equal(oarc_json_skip(&f.doc, 0), 0);
}

/* ---- Shape check: what jsmn lets through -------------------------------- */

static void rejects_empty_and_whitespace(void **state)
{
    static const char *const docs[] = { "", " ", " \t\r\n " };
    fixture_t f;

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
    assert_int_equal(oarc_json_parse(&f.doc, NULL, 0, f.pool, POOL), OARC_ERR_JSON_SYNTAX);
}

static void rejects_member_without_value(void **state)
{
    static const char *const docs[] = {
        "{\"a\"}", "{\"a\":}", "{\"a\":1,\"b\"}", "{\"a\" 1}", "{\"a\"::1}", "{\"a\":1:2}",
        "{:1}", "{\"a\":\"b\":1}", "{\"a\":[1] : 2}",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_misplaced_commas(void **state)
{
    static const char *const docs[] = {
        "{\"a\":1,}", "[1,]", "[,1]", "{,}", "[,]", "[1,,2]", "{\"a\":1,,\"b\":2}", "[1 2]",
        "{\"a\":1 \"b\":2}", "[\"a\"1]", "{\"a\":{} \"b\":1}", "[[] []]", ",[1]", "[1],",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_non_string_keys(void **state)
{
    static const char *const docs[] = {
        "{1:2}", "{null:1}", "{true:1}", "{[]:1}", "{{}:1}", "{\"a\":1,2:3}", "[\"a\":1]",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_bare_words(void **state)
{
    static const char *const docs[] = {
        "tru", "nul", "fals", "truex", "nulll", "True", "NULL", "[tru]", "{\"a\":nul}", "x",
        "[undefined]", "'a'", "[NaN]", "Infinity",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_bad_numbers(void **state)
{
    static const char *const docs[] = {
        "1.2.3", "01", "-", "1e", "+1", ".5", "1.", "-.5", "1e+", "--1", "0x10", "1e1.5",
        "[01]", "[-]", "[1.]", "[1:2]", "00", "-01", "1ee2", "[1\"a\"]",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_two_top_level_values(void **state)
{
    static const char *const docs[] = {
        "{} {}", "1 2", "[] 1", "\"a\" \"b\"", "\"a\":1", "{}}", "[]]", "{}x", "true false",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_unclosed_and_mismatched(void **state)
{
    static const char *const docs[] = {
        "{", "[", "[1", "{\"a\":1", "\"abc", "[}", "{]", "[1}", "]", "}", "{\"a\":[}",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_bad_string_content(void **state)
{
    static const char *const docs[] = {
        "[\"a\tb\"]", "[\"\x01\"]", "[\"line\nbreak\"]", "[\"\\x\"]", "[\"\\u12\"]",
        "[\"\\u12g4\"]", "[\"\\'\"]",
    };

    (void)state;
    expect_syntax_errors(docs, sizeof(docs) / sizeof(docs[0]));
}

static void rejects_nul_bytes_outside_strings(void **state)
{
    fixture_t f;

    (void)state;
    assert_int_equal(parse_n(&f, "{}\0", 3, POOL), OARC_ERR_JSON_SYNTAX);
    assert_int_equal(parse_n(&f, "[1,\0 2]", 7, POOL), OARC_ERR_JSON_SYNTAX);
    assert_int_equal(parse_n(&f, "1\0", 2, POOL), OARC_ERR_JSON_SYNTAX);
    assert_int_equal(parse_n(&f, "[\"a\0\"]", 6, POOL), OARC_ERR_JSON_SYNTAX);
    assert_int_equal(parse_n(&f, "\0", 1, POOL), OARC_ERR_JSON_SYNTAX);
}

/* A token index outside the document, a NULL or never-parsed document: every
 * getter answers "not that shape" (or false) instead of reading out of
 * bounds, so a decoder handed a stale index fails cleanly. */
static void getters_outside_the_document_are_shape_errors(void **state)
{
    fixture_t f;
    oarc_span s;
    bool b;
    int64_t v;
    size_t count;
    oarc_json_doc never_parsed;

    (void)state;
    memset(&never_parsed, 0, sizeof never_parsed);
    assert_int_equal(parse(&f, "[null,\"x\"]"), OARC_OK);
    const struct {
        oarc_json_doc *doc;
        int tok;
    } outside[] = { { &f.doc, -1 }, { &f.doc, 3 }, { &f.doc, INT_MAX }, { NULL, 0 },
                    { &never_parsed, 0 } };
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        oarc_json_doc *d = outside[i].doc;
        int tok = outside[i].tok;
        assert_int_equal(oarc_json_string(d, tok, &s), OARC_ERR_JSON_SHAPE);
        assert_null(s.ptr);
        assert_int_equal(oarc_json_string_or_null(d, tok, &s), OARC_ERR_JSON_SHAPE);
        assert_int_equal(oarc_json_bool(d, tok, &b), OARC_ERR_JSON_SHAPE);
        assert_int_equal(oarc_json_int64(d, tok, &v), OARC_ERR_JSON_SHAPE);
        assert_int_equal(oarc_json_string_array(d, tok, &s, 1, &count), OARC_ERR_JSON_SHAPE);
        assert_int_equal(count, 0);
        assert_false(oarc_json_is_null(d, tok));
        assert_false(oarc_json_is_object(d, tok));
        assert_false(oarc_json_is_array(d, tok));
    }
    /* A null with nowhere to put the answer is the caller's mistake. */
    assert_int_equal(oarc_json_string_or_null(&f.doc, 1, NULL), OARC_ERR_ARGUMENT);
}

/* Tokens that do not describe the text (a caller's or a bug's): getters
 * and skip stay inside the document and say "not there". */
static void getters_refuse_tokens_outside_the_text(void **state)
{
    (void)state;
    fixture_t f;
    oarc_span out;
    assert_int_equal(parse(&f, "[\"ab\",[1]]"), OARC_OK);
    f.pool[1].start = 3; /* start after end */
    f.pool[1].end = 2;
    assert_int_equal(oarc_json_string(&f.doc, 1, &out), OARC_ERR_JSON_SHAPE);
    f.pool[1].start = 2;
    f.pool[1].end = 100; /* past the text */
    assert_int_equal(oarc_json_string(&f.doc, 1, &out), OARC_ERR_JSON_SHAPE);
    f.pool[2].size = -1; /* a negative child count ends the walk */
    assert_int_equal(oarc_json_skip(&f.doc, 2), f.doc.count);
    f.pool[0].size = 99; /* more children than tokens */
    assert_int_equal(oarc_json_skip(&f.doc, 0), f.doc.count);
}

/* A \u escape with a byte that is no hex digit, in every position. */
static void u_escape_with_non_hex_digit(void **state)
{
    (void)state;
    static const char *const docs[] = { "[\"\\uG041\"]", "[\"\\u0G41\"]", "[\"\\u00G1\"]",
                                        "[\"\\u004G\"]", "[\"\\u004g\"]", "[\"\\u00@1\"]" };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        fixture_t f;
        oarc_span out;
        oarc_status st = parse(&f, docs[i]);
        if (st == OARC_OK) {
            st = oarc_json_string(&f.doc, 1, &out);
        }
        assert_int_equal(st, OARC_ERR_JSON_SYNTAX);
    }
}

/*
 * The getters decode lazily, from the text as it stands: bytes changed after
 * oarc_json_parse() (the text is the caller's), or tokens changed, are
 * checked again, never trusted. These reach the checks that jsmn's own
 * (escapes, hex digits, number shapes) make unreachable through parsing.
 */
static void getters_recheck_text_changed_after_parse(void **state)
{
    (void)state;
    static const struct {
        const char *doc;
        size_t at;
        char byte;
    } edits[] = {
        { "[\"\\u0041\"]", 6, 'G' }, /* no hex digit, upper case */
        { "[\"\\u0041\"]", 6, 'g' }, /* no hex digit, lower case */
        { "[\"\\u0041\"]", 6, '@' }, /* no hex digit, below the letters */
        { "[\"\\n\"]", 3, 'q' },     /* no such escape */
        { "[\"ab\"]", 3, '\\' },     /* a backslash that ends the string */
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        fixture_t f;
        oarc_span out;

        assert_int_equal(parse(&f, edits[i].doc), OARC_OK);
        f.text[edits[i].at] = edits[i].byte;
        assert_int_equal(oarc_json_string(&f.doc, 1, &out), OARC_ERR_JSON_SYNTAX);
    }

    /* A \u escape cut short by its token's end. */
    fixture_t f;
    oarc_span out;
    assert_int_equal(parse(&f, "[\"\\u0041\"]"), OARC_OK);
    oarc_json_tokens(&f.doc)[1].end -= 2;
    assert_int_equal(oarc_json_string(&f.doc, 1, &out), OARC_ERR_JSON_SYNTAX);

    /* A number token cut to its sign, or to nothing. */
    int64_t n = 0;
    assert_int_equal(parse(&f, "[-1]"), OARC_OK);
    oarc_json_tokens(&f.doc)[1].end -= 1;
    assert_int_equal(oarc_json_int64(&f.doc, 1, &n), OARC_ERR_JSON_SHAPE);
    oarc_json_tokens(&f.doc)[1].end -= 1;
    assert_int_equal(oarc_json_int64(&f.doc, 1, &n), OARC_ERR_JSON_SHAPE);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(getters_recheck_text_changed_after_parse),
    cmocka_unit_test(getters_refuse_tokens_outside_the_text),
    cmocka_unit_test(u_escape_with_non_hex_digit),
    cmocka_unit_test(reads_role_object),
    cmocka_unit_test(accepts_valid_documents),
    cmocka_unit_test(top_level_scalar_is_one_token),
    cmocka_unit_test(decodes_every_short_escape),
    cmocka_unit_test(decodes_u_escapes_to_utf8),
    cmocka_unit_test(decodes_u0000_and_keeps_length),
    cmocka_unit_test(decodes_surrogate_pairs),
    cmocka_unit_test(refuses_lone_high_surrogate),
    cmocka_unit_test(refuses_lone_low_surrogate),
    cmocka_unit_test(refused_string_is_left_untouched),
    cmocka_unit_test(second_get_does_not_unescape_again),
    cmocka_unit_test(raw_utf8_passes_through),
    cmocka_unit_test(raw_invalid_utf8_refused),
    cmocka_unit_test(member_absent_is_none),
    cmocka_unit_test(member_compares_unescaped_keys),
    cmocka_unit_test(member_first_match_wins),
    cmocka_unit_test(key_is_compares_like_member),
    cmocka_unit_test(member_skips_key_that_does_not_decode),
    cmocka_unit_test(unknown_nested_fields_skipped),
    cmocka_unit_test(size_and_skip_walk_elements),
    cmocka_unit_test(wrong_types_are_shape_errors),
    cmocka_unit_test(string_or_null_reads_both),
    cmocka_unit_test(int64_bounds),
    cmocka_unit_test(string_array_reads_all),
    cmocka_unit_test(string_array_too_many_items),
    cmocka_unit_test(string_array_non_string_element),
    cmocka_unit_test(token_pool_too_small),
    cmocka_unit_test(deep_nesting_hits_pool_not_stack),
    cmocka_unit_test(deep_nesting_within_pool_parses),
    cmocka_unit_test(too_long_for_int_offsets),
    cmocka_unit_test(argument_errors),
    cmocka_unit_test(getters_outside_the_document_are_shape_errors),
    cmocka_unit_test(failed_parse_leaves_empty_doc),
    cmocka_unit_test(rejects_empty_and_whitespace),
    cmocka_unit_test(rejects_member_without_value),
    cmocka_unit_test(rejects_misplaced_commas),
    cmocka_unit_test(rejects_non_string_keys),
    cmocka_unit_test(rejects_bare_words),
    cmocka_unit_test(rejects_bad_numbers),
    cmocka_unit_test(rejects_two_top_level_values),
    cmocka_unit_test(rejects_unclosed_and_mismatched),
    cmocka_unit_test(rejects_bad_string_content),
    cmocka_unit_test(rejects_nul_bytes_outside_strings),
    cmocka_unit_test(key_index_finds_the_equal_key),
};

OARC_TEST_MAIN(tests)
