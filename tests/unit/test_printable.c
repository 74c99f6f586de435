/**
 * @file test_printable.c
 * @brief The shared escaping of network text: nothing a server sends can
 * drive a terminal or break a line or a JSON document.
 */
#include "test_main.h"

#include "json_read.h"
#include "json_write.h"
#include "oarc/oarc_printable.h"

static void assert_escaped(const char *in, size_t len, oarc_printable_style style,
                           const char *expected)
{
    char out[256];
    size_t need = oarc_printable(out, sizeof out, (oarc_span){ in, len }, style);
    assert_string_equal(out, expected);
    assert_int_equal(need, strlen(expected));
}

#define TEXT(in, expected) assert_escaped(in, sizeof(in) - 1u, OARC_PRINTABLE_TEXT, expected)
#define JSON(in, expected) assert_escaped(in, sizeof(in) - 1u, OARC_PRINTABLE_JSON, expected)

static void controls_are_escaped(void **state)
{
    (void)state;
    TEXT("\x1b[2J", "\\u001b[2J");
    TEXT("a\r\nerror: forged", "a\\u000d\\u000aerror: forged");
    TEXT("nul\0x", "nul\\u0000x");
    TEXT("\t\x7f", "\\u0009\\u007f");
    TEXT("\xc2\x9b" "31m", "\\u009b31m");   /* C1 CSI */
    TEXT("\xc2\x80\xc2\x9f", "\\u0080\\u009f");
    JSON("\x1b[2J\n", "\\u001b[2J\\u000a");
}

static void invalid_utf8_bytes_are_escaped(void **state)
{
    (void)state;
    TEXT("\xff", "\\xff");
    TEXT("a\xfe\x80z", "a\\xfe\\x80z");
    TEXT("\xc0\x80", "\\xc0\\x80");          /* overlong NUL */
    TEXT("\xed\xa0\x80", "\\xed\\xa0\\x80"); /* surrogate */
    TEXT("\xe2\x82", "\\xe2\\x82");          /* cut short at the end */
    TEXT("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"); /* above U+10FFFF */
    TEXT("\xf5", "\\xf5");
    JSON("\xff", "\\\\xff");
}

static void text_and_utf8_pass(void **state)
{
    (void)state;
    TEXT("plain text, 100%", "plain text, 100%");
    TEXT("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xc2\xa0", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xc2\xa0");
    TEXT("say \"hi\"", "say \"hi\"");
    TEXT("back\\slash", "back\\\\slash");
    JSON("say \"hi\" \\", "say \\\"hi\\\" \\\\");
    TEXT("", "");
}

/* Cut only between whole escapes, ending in "..."; the result says what the
 * whole needs; NULL output measures. */
static void cut_copies_end_in_dots(void **state)
{
    (void)state;
    char out[8];
    oarc_span s = OARC_SPAN_LITERAL("ab\x1b" "cdefgh");
    assert_int_equal(oarc_printable(out, sizeof out, s, OARC_PRINTABLE_TEXT), 14u);
    assert_string_equal(out, "ab...");
    s = OARC_SPAN_LITERAL("abcdefgh");
    assert_int_equal(oarc_printable(out, sizeof out, s, OARC_PRINTABLE_TEXT), 8u);
    assert_string_equal(out, "abcd...");
    assert_int_equal(oarc_printable(out, 3, s, OARC_PRINTABLE_TEXT), 8u);
    assert_string_equal(out, "ab");
    assert_int_equal(oarc_printable(NULL, 0, s, OARC_PRINTABLE_TEXT), 8u);
    assert_int_equal(oarc_printable(out, sizeof out, (oarc_span){ NULL, 0 }, OARC_PRINTABLE_TEXT), 0u);
    assert_string_equal(out, "");
    s = OARC_SPAN_LITERAL("abcdefg");
    assert_int_equal(oarc_printable(out, sizeof out, s, OARC_PRINTABLE_TEXT), 7u);
    assert_string_equal(out, "abcdefg"); /* exactly fits: no cut */
}

static void piece_arguments(void **state)
{
    (void)state;
    char piece[OARC_PRINTABLE_PIECE_MAX];
    size_t used = 9;
    assert_int_equal(oarc_printable_piece(NULL, 1, OARC_PRINTABLE_TEXT, piece, &used), 0u);
    assert_int_equal(used, 0u);
    assert_int_equal(oarc_printable_piece("a", 0, OARC_PRINTABLE_TEXT, piece, &used), 0u);
    assert_int_equal(oarc_printable_piece("a", 1, OARC_PRINTABLE_TEXT, NULL, &used), 0u);
    assert_int_equal(oarc_printable_piece("a", 1, OARC_PRINTABLE_TEXT, piece, NULL), 0u);
    assert_int_equal(oarc_printable_piece("\xf0\x9f\x98\x80", 4, OARC_PRINTABLE_TEXT, piece, &used), 4u);
    assert_int_equal(used, 4u);
}

/* Every byte string, written by the JSON writer's printable string, is one
 * valid JSON document, and our reader gives back the escaped text. */
static void json_writer_output_is_always_valid(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "\x1b[2J", "a\r\nerror: 1 forged", "\xff\xfe", "\"quoted\\\"", "\302\2331m",
        "caf\xc3\xa9", "\xed\xa0\x80", "",
    };
    static const char *const decoded[] = {
        "\x1b[2J", "a\r\nerror: 1 forged", "\\xff\\xfe", "\"quoted\\\"", "\302\2331m",
        "caf\xc3\xa9", "\\xed\\xa0\\x80", "",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char buf[128];
        oarc_json_writer w;
        size_t len = 0;
        oarc_json_writer_init(&w, buf, sizeof buf);
        oarc_json_write_begin_array(&w);
        oarc_json_write_printable(&w, (oarc_span){ inputs[i], strlen(inputs[i]) });
        oarc_json_write_end_array(&w);
        assert_int_equal(oarc_json_writer_finish(&w, &len), OARC_OK);
        for (size_t j = 0; j < len; j++) {
            assert_true((unsigned char)buf[j] >= 0x20u && buf[j] != 0x7f);
        }
        jsmntok_t pool[8];
        oarc_json_doc doc;
        oarc_span s;
        assert_int_equal(oarc_json_parse(&doc, buf, len, pool, 8), OARC_OK);
        assert_int_equal(oarc_json_string(&doc, 1, &s), OARC_OK);
        assert_int_equal(s.len, strlen(decoded[i]));
        assert_memory_equal(s.ptr, decoded[i], s.len);
    }
    oarc_json_write_printable(NULL, OARC_SPAN_LITERAL("x")); /* no crash */
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(controls_are_escaped),
    cmocka_unit_test(invalid_utf8_bytes_are_escaped),
    cmocka_unit_test(text_and_utf8_pass),
    cmocka_unit_test(cut_copies_end_in_dots),
    cmocka_unit_test(piece_arguments),
    cmocka_unit_test(json_writer_output_is_always_valid),
};

OARC_TEST_MAIN(tests)
