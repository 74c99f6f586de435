/**
 * @file test_json_write.c
 * @brief The bounded JSON writer: exact output bytes, every escape, UTF-8
 * refusal, buffer edges, measuring, sticky failures and misuse.
 */
#include "test_main.h"

#include <stdint.h>

#include "json_write.h"

#define S(lit) OARC_SPAN_LITERAL(lit)

typedef struct {
    oarc_json_writer w;
    char buf[256];
} fixture_t;

static oarc_json_writer *start(fixture_t *f)
{
    memset(f->buf, '#', sizeof(f->buf));
    oarc_json_writer_init(&f->w, f->buf, sizeof(f->buf));
    return &f->w;
}

/* finish() must give OK and exactly `expected`, and nothing past it written. */
static void expect_doc(fixture_t *f, const char *expected)
{
    size_t needed = 0;
    size_t n = strlen(expected);

    assert_int_equal(oarc_json_writer_finish(&f->w, &needed), OARC_OK);
    assert_int_equal(needed, n);
    assert_memory_equal(f->buf, expected, n);
    assert_int_equal(f->buf[n], '#');
}

/* The document for one string value written with `s`. */
static void expect_written(oarc_span s, const char *expected)
{
    fixture_t f;

    oarc_json_write_string(start(&f), s);
    expect_doc(&f, expected);
}

static void writes_compact_object(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, S("a"));
    oarc_json_write_int(w, 1);
    oarc_json_write_key(w, S("b"));
    oarc_json_write_begin_array(w);
    oarc_json_write_null(w);
    oarc_json_write_bool(w, true);
    oarc_json_write_end_array(w);
    oarc_json_write_end_object(w);
    expect_doc(&f, "{\"a\":1,\"b\":[null,true]}");
}

static void writes_nested_and_empty_containers(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_array(w);
    oarc_json_write_begin_object(w);
    oarc_json_write_end_object(w);
    oarc_json_write_begin_array(w);
    oarc_json_write_end_array(w);
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, S("k"));
    oarc_json_write_begin_array(w);
    oarc_json_write_string(w, S("x"));
    oarc_json_write_bool(w, false);
    oarc_json_write_end_array(w);
    oarc_json_write_end_object(w);
    oarc_json_write_end_array(w);
    expect_doc(&f, "[{},[],{\"k\":[\"x\",false]}]");
}

static void writes_role_update_body(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, S("role_name"));
    oarc_json_write_string(w, S("Ops"));
    oarc_json_write_key(w, S("description"));
    oarc_json_write_null(w);
    oarc_json_write_key(w, S("permissions"));
    oarc_json_write_begin_array(w);
    oarc_json_write_string(w, S("api.read"));
    oarc_json_write_string(w, S("api.write"));
    oarc_json_write_end_array(w);
    oarc_json_write_end_object(w);
    expect_doc(&f, "{\"role_name\":\"Ops\",\"description\":null,"
                   "\"permissions\":[\"api.read\",\"api.write\"]}");
}

static void writes_top_level_scalars(void **state)
{
    fixture_t f;

    (void)state;
    oarc_json_write_null(start(&f));
    expect_doc(&f, "null");
    oarc_json_write_bool(start(&f), false);
    expect_doc(&f, "false");
    oarc_json_write_string(start(&f), S(""));
    expect_doc(&f, "\"\"");
}

static void writes_int_limits(void **state)
{
    fixture_t f;

    (void)state;
    oarc_json_write_int(start(&f), 0);
    expect_doc(&f, "0");
    oarc_json_write_int(start(&f), -7);
    expect_doc(&f, "-7");
    oarc_json_write_int(start(&f), INT64_MAX);
    expect_doc(&f, "9223372036854775807");
    oarc_json_write_int(start(&f), INT64_MIN);
    expect_doc(&f, "-9223372036854775808");
}

static void escapes_quote_and_backslash(void **state)
{
    (void)state;
    expect_written(S("a\"b"), "\"a\\\"b\"");
    expect_written(S("a\\b"), "\"a\\\\b\"");
    expect_written(S("\"\\"), "\"\\\"\\\\\"");
}

static void escapes_short_control_forms(void **state)
{
    (void)state;
    expect_written(S("\b"), "\"\\b\"");
    expect_written(S("\f"), "\"\\f\"");
    expect_written(S("\n"), "\"\\n\"");
    expect_written(S("\r"), "\"\\r\"");
    expect_written(S("\t"), "\"\\t\"");
    expect_written(S("x\ty\nz"), "\"x\\ty\\nz\"");
}

static void escapes_every_other_control_char_as_u00xx(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 0x20u; c++) {
        char in[1] = { (char)c };
        char expected[16];
        fixture_t f;

        if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        }
        snprintf(expected, sizeof(expected), "\"\\u%04x\"", c);
        oarc_json_write_string(start(&f), (oarc_span){ in, 1u });
        expect_doc(&f, expected);
    }
}

static void escapes_nul_inside_span(void **state)
{
    (void)state;
    expect_written((oarc_span){ "a\0b", 3u }, "\"a\\u0000b\"");
}

static void leaves_slash_del_and_utf8_alone(void **state)
{
    (void)state;
    expect_written(S("a/b"), "\"a/b\"");
    expect_written(S("\x7f"), "\"\x7f\"");
    expect_written(S("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
                  "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

static void null_span_is_empty_string(void **state)
{
    (void)state;
    expect_written((oarc_span){ NULL, 0u }, "\"\"");
}

static void null_span_with_length_is_argument(void **state)
{
    fixture_t f;

    (void)state;
    oarc_json_write_string(start(&f), (oarc_span){ NULL, 3u });
    assert_int_equal(oarc_json_writer_finish(&f.w, NULL), OARC_ERR_ARGUMENT);
}

static void rejects_invalid_utf8_values(void **state)
{
    static const oarc_span bad[] = {
        { "\xc0\xaf", 2 },         /* overlong '/' */
        { "\xc1\xbf", 2 },         /* C1 overlong */
        { "\xe0\x80\xaf", 3 },     /* 3-byte overlong */
        { "\xf0\x80\x80\xaf", 4 }, /* 4-byte overlong */
        { "\xed\xa0\x80", 3 },     /* surrogate */
        { "\xf4\x90\x80\x80", 4 }, /* above U+10FFFF */
        { "\xe2\x82", 2 },         /* truncated */
        { "a\x80", 2 },            /* stray continuation */
        { "\xff", 1 },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        fixture_t f;
        size_t needed = 0;

        oarc_json_write_string(start(&f), bad[i]);
        assert_int_equal(oarc_json_writer_finish(&f.w, &needed), OARC_ERR_INVALID_UTF8);
        /* Still counted, as if the bytes had been written between quotes. */
        assert_int_equal(needed, bad[i].len + 2u);
    }
}

static void rejects_invalid_utf8_key(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, (oarc_span){ "\xed\xbf\xbf", 3u });
    oarc_json_write_int(w, 1);
    oarc_json_write_end_object(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_INVALID_UTF8);
}

/* Writes {"k":"v\n"} (11 bytes) into a buffer of cap bytes. */
static oarc_status write_small(char *buf, size_t cap, size_t *needed)
{
    oarc_json_writer w;

    oarc_json_writer_init(&w, buf, cap);
    oarc_json_write_begin_object(&w);
    oarc_json_write_key(&w, S("k"));
    oarc_json_write_string(&w, S("v\n"));
    oarc_json_write_end_object(&w);
    return oarc_json_writer_finish(&w, needed);
}

static void buffer_exactly_full_is_ok(void **state)
{
    char buf[12];
    size_t needed = 0;

    (void)state;
    memset(buf, '#', sizeof(buf));
    assert_int_equal(write_small(buf, 11, &needed), OARC_OK);
    assert_int_equal(needed, 11);
    assert_memory_equal(buf, "{\"k\":\"v\\n\"}", 11);
    assert_int_equal(buf[11], '#');
}

static void buffer_one_byte_short_fails_with_needed(void **state)
{
    char buf[11];
    size_t needed = 0;

    (void)state;
    memset(buf, '#', sizeof(buf));
    assert_int_equal(write_small(buf, 10, &needed), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(needed, 11);
    assert_int_equal(buf[10], '#'); /* nothing past cap */
}

static void buffer_short_inside_an_escape(void **state)
{
    /* Every cap from 0 to 10 fails cleanly and reports 11, wherever the end
     * falls (inside "\n" too); nothing is written past cap. */
    (void)state;
    for (size_t cap = 0; cap < 11u; cap++) {
        char buf[16];
        size_t needed = 0;

        memset(buf, '#', sizeof(buf));
        assert_int_equal(write_small(buf, cap, &needed), OARC_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(needed, 11);
        assert_int_equal(buf[cap], '#');
    }
}

static void measure_only_counts_whole_document(void **state)
{
    size_t needed = 0;

    (void)state;
    assert_int_equal(write_small(NULL, 0, &needed), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(needed, 11);
}

static void null_buffer_with_capacity_is_argument(void **state)
{
    oarc_json_writer w;

    (void)state;
    oarc_json_writer_init(&w, NULL, 10);
    oarc_json_write_null(&w);
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_ARGUMENT);
}

static void first_failure_sticks(void **state)
{
    /* After a bad string nothing more is written, but len keeps counting. */
    fixture_t f;
    oarc_json_writer *w = start(&f);
    size_t needed = 0;

    (void)state;
    oarc_json_write_begin_array(w);
    oarc_json_write_string(w, (oarc_span){ "\xff", 1u });
    oarc_json_write_string(w, S("ok"));
    oarc_json_write_end_array(w);
    assert_int_equal(oarc_json_writer_finish(w, &needed), OARC_ERR_INVALID_UTF8);
    assert_int_equal(needed, 10); /* ["\xff","ok"] */
    assert_int_equal(f.buf[1], '#'); /* the bad string never reached the buffer */
}

static void misuse_outranks_buffer_too_small(void **state)
{
    /* BUFFER_TOO_SMALL promises that `needed` bytes would do; a document
     * that is wrong anyway must not get that promise. */
    char buf[2];
    oarc_json_writer w;

    (void)state;
    oarc_json_writer_init(&w, buf, sizeof(buf));
    oarc_json_write_begin_array(&w);
    oarc_json_write_string(&w, S("long enough"));
    oarc_json_write_key(&w, S("k")); /* a key in an array */
    oarc_json_write_end_array(&w);
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_value_without_key(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_int(w, 1);
    oarc_json_write_end_object(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_key_outside_object(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_key(w, S("top"));
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);

    w = start(&f);
    oarc_json_write_begin_array(w);
    oarc_json_write_key(w, S("in array"));
    oarc_json_write_end_array(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_two_keys_in_a_row(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, S("a"));
    oarc_json_write_key(w, S("b"));
    oarc_json_write_null(w);
    oarc_json_write_end_object(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_key_without_value(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, S("a"));
    oarc_json_write_end_object(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_end_at_depth_zero(void **state)
{
    fixture_t f;

    (void)state;
    oarc_json_write_end_object(start(&f));
    assert_int_equal(oarc_json_writer_finish(&f.w, NULL), OARC_ERR_ARGUMENT);
    oarc_json_write_end_array(start(&f));
    assert_int_equal(oarc_json_writer_finish(&f.w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_mismatched_end(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_array(w);
    oarc_json_write_end_object(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_unbalanced(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);
    size_t needed = 0;

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_key(w, S("a"));
    oarc_json_write_begin_array(w);
    oarc_json_write_end_array(w);
    assert_int_equal(oarc_json_writer_finish(w, &needed), OARC_ERR_ARGUMENT);
    assert_int_equal(needed, 7);
}

static void misuse_nothing_written(void **state)
{
    fixture_t f;

    (void)state;
    start(&f);
    assert_int_equal(oarc_json_writer_finish(&f.w, NULL), OARC_ERR_ARGUMENT);
}

/* A container where a key is due is a misuse, as a scalar there is. */
static void misuse_container_without_key(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_begin_array(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

/* A misuse after the buffer ran out still outranks BUFFER_TOO_SMALL. */
static void misuse_after_too_small_is_argument(void **state)
{
    oarc_json_writer w;
    char small[4];

    (void)state;
    oarc_json_writer_init(&w, small, sizeof small);
    oarc_json_write_begin_object(&w);
    oarc_json_write_key(&w, S("longer than four"));
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_ARGUMENT); /* value due */
    oarc_json_write_null(&w);
    oarc_json_write_end_object(&w);
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_BUFFER_TOO_SMALL);
    oarc_json_write_end_array(&w);
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_ARGUMENT);
}

static void misuse_second_top_level_value(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_object(w);
    oarc_json_write_end_object(w);
    oarc_json_write_null(w);
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void max_depth_ok_one_deeper_fails(void **state)
{
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    for (unsigned i = 0; i < OARC_JSON_MAX_DEPTH; i++) {
        oarc_json_write_begin_array(w);
    }
    for (unsigned i = 0; i < OARC_JSON_MAX_DEPTH; i++) {
        oarc_json_write_end_array(w);
    }
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_OK);

    w = start(&f);
    for (unsigned i = 0; i <= OARC_JSON_MAX_DEPTH; i++) {
        oarc_json_write_begin_array(w);
    }
    assert_int_equal(oarc_json_writer_finish(w, NULL), OARC_ERR_ARGUMENT);
}

static void commas_restart_at_each_level(void **state)
{
    /* has_members is per level: a fresh container at a level that had
     * members before must not start with a comma. */
    fixture_t f;
    oarc_json_writer *w = start(&f);

    (void)state;
    oarc_json_write_begin_array(w);
    oarc_json_write_begin_array(w);
    oarc_json_write_int(w, 1);
    oarc_json_write_int(w, 2);
    oarc_json_write_end_array(w);
    oarc_json_write_begin_array(w);
    oarc_json_write_int(w, 3);
    oarc_json_write_end_array(w);
    oarc_json_write_end_array(w);
    expect_doc(&f, "[[1,2],[3]]");
}

static void null_writer_is_harmless(void **state)
{
    (void)state;
    oarc_json_writer_init(NULL, NULL, 0);
    oarc_json_write_begin_object(NULL);
    oarc_json_write_key(NULL, S("a"));
    oarc_json_write_string(NULL, S("a"));
    oarc_json_write_int(NULL, 1);
    oarc_json_write_end_object(NULL);
    assert_int_equal(oarc_json_writer_finish(NULL, NULL), OARC_ERR_ARGUMENT);
}

/* The length a writer counts never wraps: at the top of size_t it sticks at
 * SIZE_MAX and reports BUFFER_TOO_SMALL (no memory is that large, so only a
 * writer set up this way gets there). */
static void length_never_wraps(void **state)
{
    (void)state;
    oarc_json_writer w;
    size_t needed = 0;
    oarc_json_writer_init(&w, NULL, 0);
    oarc_json_write_begin_array(&w);
    w.len = SIZE_MAX - 1u;
    oarc_json_write_string(&w, OARC_SPAN_LITERAL("abc"));
    assert_int_equal(w.len, SIZE_MAX);
    oarc_json_write_end_array(&w);
    assert_int_equal(w.len, SIZE_MAX);
    assert_int_equal(oarc_json_writer_finish(&w, &needed), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(needed, SIZE_MAX);
}

/* Every call takes a NULL writer quietly, and a value where a key is due is
 * a misuse, whichever kind of value it is. */
static void null_writer_and_values_without_key(void **state)
{
    (void)state;
    oarc_json_write_begin_object(NULL);
    oarc_json_write_end_object(NULL);
    oarc_json_write_begin_array(NULL);
    oarc_json_write_end_array(NULL);
    oarc_json_write_key(NULL, OARC_SPAN_LITERAL("k"));
    oarc_json_write_string(NULL, OARC_SPAN_LITERAL("s"));
    oarc_json_write_printable(NULL, OARC_SPAN_LITERAL("s"));
    oarc_json_write_null(NULL);
    oarc_json_write_bool(NULL, true);
    oarc_json_write_int(NULL, 1);
    assert_int_equal(oarc_json_writer_finish(NULL, NULL), OARC_ERR_ARGUMENT);

    for (int kind = 0; kind < 5; kind++) {
        char buf[32];
        oarc_json_writer w;
        oarc_json_writer_init(&w, buf, sizeof buf);
        oarc_json_write_begin_object(&w);
        switch (kind) {
        case 0: oarc_json_write_string(&w, OARC_SPAN_LITERAL("v")); break;
        case 1: oarc_json_write_printable(&w, OARC_SPAN_LITERAL("v")); break;
        case 2: oarc_json_write_null(&w); break;
        case 3: oarc_json_write_bool(&w, false); break;
        default: oarc_json_write_int(&w, 7); break;
        }
        oarc_json_write_end_object(&w);
        assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_ARGUMENT);
    }

    /* A printable {NULL, 0} is the empty string. */
    char buf[8];
    oarc_json_writer w;
    size_t len = 0;
    oarc_json_writer_init(&w, buf, sizeof buf);
    oarc_json_write_printable(&w, (oarc_span){ NULL, 0 });
    assert_int_equal(oarc_json_writer_finish(&w, &len), OARC_OK);
    assert_int_equal(len, 2u);
    assert_memory_equal(buf, "\"\"", 2u);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(null_writer_and_values_without_key),
    cmocka_unit_test(length_never_wraps),
    cmocka_unit_test(misuse_container_without_key),
    cmocka_unit_test(misuse_after_too_small_is_argument),
    cmocka_unit_test(writes_compact_object),
    cmocka_unit_test(writes_nested_and_empty_containers),
    cmocka_unit_test(writes_role_update_body),
    cmocka_unit_test(writes_top_level_scalars),
    cmocka_unit_test(writes_int_limits),
    cmocka_unit_test(escapes_quote_and_backslash),
    cmocka_unit_test(escapes_short_control_forms),
    cmocka_unit_test(escapes_every_other_control_char_as_u00xx),
    cmocka_unit_test(escapes_nul_inside_span),
    cmocka_unit_test(leaves_slash_del_and_utf8_alone),
    cmocka_unit_test(null_span_is_empty_string),
    cmocka_unit_test(null_span_with_length_is_argument),
    cmocka_unit_test(rejects_invalid_utf8_values),
    cmocka_unit_test(rejects_invalid_utf8_key),
    cmocka_unit_test(buffer_exactly_full_is_ok),
    cmocka_unit_test(buffer_one_byte_short_fails_with_needed),
    cmocka_unit_test(buffer_short_inside_an_escape),
    cmocka_unit_test(measure_only_counts_whole_document),
    cmocka_unit_test(null_buffer_with_capacity_is_argument),
    cmocka_unit_test(first_failure_sticks),
    cmocka_unit_test(misuse_outranks_buffer_too_small),
    cmocka_unit_test(misuse_value_without_key),
    cmocka_unit_test(misuse_key_outside_object),
    cmocka_unit_test(misuse_two_keys_in_a_row),
    cmocka_unit_test(misuse_key_without_value),
    cmocka_unit_test(misuse_end_at_depth_zero),
    cmocka_unit_test(misuse_mismatched_end),
    cmocka_unit_test(misuse_unbalanced),
    cmocka_unit_test(misuse_nothing_written),
    cmocka_unit_test(misuse_second_top_level_value),
    cmocka_unit_test(max_depth_ok_one_deeper_fails),
    cmocka_unit_test(commas_restart_at_each_level),
    cmocka_unit_test(null_writer_is_harmless),
};

OARC_TEST_MAIN(tests)
