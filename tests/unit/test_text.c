/**
 * @file test_text.c
 * @brief oarc_strnlen and oarc_utf8_valid: every class of ill-formed UTF-8
 * from Unicode table 3-7, and the edges of each well-formed range.
 */
#include "test_main.h"

#include <stdint.h>

#include "text.h"

/* A byte string with its length, so NULs and 0x80+ bytes are spelled out. */
typedef struct {
    const char *bytes;
    size_t len;
} bytes_t;

#define B(s) { (s), sizeof(s) - 1u }

static void expect_all(const bytes_t *cases, size_t n, bool valid)
{
    for (size_t i = 0; i < n; i++) {
        if (oarc_utf8_valid(cases[i].bytes, cases[i].len) != valid) {
            fail_msg("case %zu expected %s", i, valid ? "valid" : "invalid");
        }
    }
}

static void strnlen_counts_up_to_nul(void **state)
{
    (void)state;
    assert_int_equal(oarc_strnlen("abc", 10), 3);
    assert_int_equal(oarc_strnlen("", 10), 0);
    assert_int_equal(oarc_strnlen("abc", 3), 3);
}

static void strnlen_reports_max_plus_one_when_longer(void **state)
{
    /* Not NUL-terminated within max + 1 bytes: must not read further. */
    const char four[4] = { 'a', 'b', 'c', 'd' };

    (void)state;
    assert_int_equal(oarc_strnlen(four, 3), 4);
    assert_int_equal(oarc_strnlen("abcd", 2), 3);
    assert_int_equal(oarc_strnlen("a", 0), 1);
    assert_int_equal(oarc_strnlen("", 0), 0);
}

static void strnlen_null_and_size_max(void **state)
{
    (void)state;
    assert_int_equal(oarc_strnlen(NULL, 5), 0);
    assert_int_equal(oarc_strnlen("xyz", SIZE_MAX), 3);
}

static void utf8_ascii_and_empty_valid(void **state)
{
    static const bytes_t ok[] = { B(""), B("hello"), B("\x00"), B("a\x00z"), B("\x7f") };

    (void)state;
    expect_all(ok, sizeof(ok) / sizeof(ok[0]), true);
    assert_true(oarc_utf8_valid(NULL, 0));
    assert_false(oarc_utf8_valid(NULL, 1));
}

static void utf8_two_byte_valid(void **state)
{
    static const bytes_t ok[] = { B("\xc2\x80"), B("\xc3\xa9"), B("\xdf\xbf"), B("caf\xc3\xa9") };

    (void)state;
    expect_all(ok, sizeof(ok) / sizeof(ok[0]), true);
}

static void utf8_three_byte_valid(void **state)
{
    static const bytes_t ok[] = {
        B("\xe0\xa0\x80"), /* U+0800, the first 3-byte code point */
        B("\xe2\x82\xac"), /* euro sign */
        B("\xed\x9f\xbf"), /* U+D7FF, just below the surrogates */
        B("\xee\x80\x80"), /* U+E000, just above them */
        B("\xef\xbf\xbf"), /* U+FFFF */
    };

    (void)state;
    expect_all(ok, sizeof(ok) / sizeof(ok[0]), true);
}

static void utf8_four_byte_valid(void **state)
{
    static const bytes_t ok[] = {
        B("\xf0\x90\x80\x80"), /* U+10000 */
        B("\xf0\x9f\x98\x80"), /* emoji */
        B("\xf4\x8f\xbf\xbf"), /* U+10FFFF, the last code point */
    };

    (void)state;
    expect_all(ok, sizeof(ok) / sizeof(ok[0]), true);
}

static void utf8_overlong_rejected(void **state)
{
    static const bytes_t bad[] = {
        B("\xc0\x80"), B("\xc0\xaf"), B("\xc1\xbf"),          /* 2-byte overlongs (C0, C1) */
        B("\xe0\x80\x80"), B("\xe0\x9f\xbf"),                 /* 3-byte: E0 80..9F */
        B("\xf0\x80\x80\x80"), B("\xf0\x8f\xbf\xbf"),         /* 4-byte: F0 80..8F */
    };

    (void)state;
    expect_all(bad, sizeof(bad) / sizeof(bad[0]), false);
}

static void utf8_surrogates_rejected(void **state)
{
    static const bytes_t bad[] = {
        B("\xed\xa0\x80"), /* U+D800 */
        B("\xed\xaf\xbf"), /* U+DBFF */
        B("\xed\xb0\x80"), /* U+DC00 */
        B("\xed\xbf\xbf"), /* U+DFFF */
        B("\xed\xa0\xbd\xed\xb8\x80"), /* CESU-8 pair */
    };

    (void)state;
    expect_all(bad, sizeof(bad) / sizeof(bad[0]), false);
}

static void utf8_above_max_rejected(void **state)
{
    static const bytes_t bad[] = {
        B("\xf4\x90\x80\x80"), /* U+110000 */
        B("\xf4\xbf\xbf\xbf"),
        B("\xf5\x80\x80\x80"), B("\xf7\xbf\xbf\xbf"), B("\xf8\x88\x80\x80\x80"),
        B("\xfc\x84\x80\x80\x80\x80"), B("\xfe"), B("\xff"),
    };

    (void)state;
    expect_all(bad, sizeof(bad) / sizeof(bad[0]), false);
}

static void utf8_truncated_rejected(void **state)
{
    /* Every proper prefix of a 2, 3 and 4-byte sequence, at the end of the
     * input and followed by ASCII. */
    static const bytes_t bad[] = {
        B("\xc3"), B("\xe2"), B("\xe2\x82"), B("\xf0"), B("\xf0\x9f"), B("\xf0\x9f\x98"),
        B("\xc3x"), B("\xe2x"), B("\xe2\x82x"), B("\xf0x"), B("\xf0\x9fx"), B("\xf0\x9f\x98x"),
        B("ab\xe2\x82"),
    };

    (void)state;
    expect_all(bad, sizeof(bad) / sizeof(bad[0]), false);
}

static void utf8_stray_continuation_rejected(void **state)
{
    static const bytes_t bad[] = {
        B("\x80"), B("\xbf"), B("a\x80"), B("\xc3\xa9\xa9"), B("\xe2\x82\xac\x80"),
    };

    (void)state;
    expect_all(bad, sizeof(bad) / sizeof(bad[0]), false);
}

static void utf8_bad_later_continuation_rejected(void **state)
{
    /* The 2nd, 3rd and 4th bytes must each be 80..BF. */
    static const bytes_t bad[] = {
        B("\xe2\x82\x41"), B("\xe2\x82\xc0"), B("\xf0\x9f\x41\x80"), B("\xf0\x9f\x98\xc0"),
        B("\xc3\xc3"),
    };

    (void)state;
    expect_all(bad, sizeof(bad) / sizeof(bad[0]), false);
}

static void utf8_length_bounds_the_check(void **state)
{
    /* Only s[0..len) is looked at: cutting a valid sequence makes it short. */
    (void)state;
    assert_true(oarc_utf8_valid("\xe2\x82\xac", 3));
    assert_false(oarc_utf8_valid("\xe2\x82\xac", 2));
    assert_true(oarc_utf8_valid("a\xff", 1));
}

static void body_text_span_checks(void **state)
{
    static char huge[OARC_BODY_TEXT_MAX + 2];
    oarc_span span = { NULL, 0 };

    (void)state;
    memset(huge, 'x', sizeof huge - 1u);
    assert_int_equal(oarc_body_text_span(NULL, false, &span), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_body_text_span(huge, false, &span), OARC_ERR_BUFFER_TOO_SMALL);
    huge[OARC_BODY_TEXT_MAX] = '\0'; /* exactly the maximum fits */
    assert_int_equal(oarc_body_text_span(huge, true, &span), OARC_OK);
    assert_int_equal(span.len, OARC_BODY_TEXT_MAX);
    assert_int_equal(oarc_body_text_span("a\nb", true, &span), OARC_ERR_CONTROL_CHAR);
    assert_int_equal(oarc_body_text_span("a\x1f", true, &span), OARC_ERR_CONTROL_CHAR);
    assert_int_equal(oarc_body_text_span("a\x7f", true, &span), OARC_ERR_CONTROL_CHAR);
    assert_int_equal(oarc_body_text_span("a\nb", false, &span), OARC_OK);
    assert_int_equal(span.len, 3);
    assert_int_equal(oarc_body_text_span("caf\xc3\xa9 ~", true, &span), OARC_OK);
    assert_int_equal(span.len, 7);
}

static bool plain_byte(unsigned char c)
{
    return c >= 0x20u && c < 0x7Fu && c != '"' && c != '\\';
}

/* The word-at-a-time scans against the byte rule they stand for: every byte
 * value, at every position of inputs 1..24 bytes long (shorter than a word,
 * whole words, and words with a tail), at every alignment. */
static void plain_prefix_and_has_control_follow_the_byte_rule(void **state)
{
    char buf[40];

    (void)state;
    assert_int_equal(oarc_plain_prefix("", 0), 0);
    assert_false(oarc_has_control("", 0));
    for (unsigned b = 0; b < 256u; b++) {
        for (size_t len = 1; len <= 24u; len++) {
            for (size_t pos = 0; pos < len; pos++) {
                for (size_t align = 0; align < 8u; align++) {
                    char *s = buf + align;
                    memset(buf, 'a', sizeof buf);
                    s[pos] = (char)b;
                    /* Bytes after the input that would stop a scan that
                     * read past its end. */
                    s[len] = '\x01';
                    size_t want = plain_byte((unsigned char)b) ? len : pos;
                    assert_int_equal(oarc_plain_prefix(s, len), want);
                    assert_int_equal(oarc_has_control(s, len), b < 0x20u);
                }
            }
        }
    }
}

/* The first byte that is not plain is found inside a word, after plain
 * bytes of every kind, and with more bytes that are not plain after it. */
static void plain_prefix_stops_at_the_first_special_byte(void **state)
{
    static const char *const specials[] = { "\"", "\\", "\x7f", "\x1f", "\xc3\xa9", "\n" };

    (void)state;
    const char *printable = "printable ~!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}";
    assert_int_equal(oarc_plain_prefix(printable, strlen(printable)), strlen(printable));
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
        char s[64];
        int n = snprintf(s, sizeof s, "0123456789abc%s\"\\\x01", specials[i]);
        assert_int_equal(oarc_plain_prefix(s, (size_t)n), 13);
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(strnlen_counts_up_to_nul),
    cmocka_unit_test(strnlen_reports_max_plus_one_when_longer),
    cmocka_unit_test(strnlen_null_and_size_max),
    cmocka_unit_test(utf8_ascii_and_empty_valid),
    cmocka_unit_test(utf8_two_byte_valid),
    cmocka_unit_test(utf8_three_byte_valid),
    cmocka_unit_test(utf8_four_byte_valid),
    cmocka_unit_test(utf8_overlong_rejected),
    cmocka_unit_test(utf8_surrogates_rejected),
    cmocka_unit_test(utf8_above_max_rejected),
    cmocka_unit_test(utf8_truncated_rejected),
    cmocka_unit_test(utf8_stray_continuation_rejected),
    cmocka_unit_test(utf8_bad_later_continuation_rejected),
    cmocka_unit_test(utf8_length_bounds_the_check),
    cmocka_unit_test(body_text_span_checks),
    cmocka_unit_test(plain_prefix_and_has_control_follow_the_byte_rule),
    cmocka_unit_test(plain_prefix_stops_at_the_first_special_byte),
};

OARC_TEST_MAIN(tests)
