/**
 * @file test_host_cli.c
 * @brief The nearest valid word to a mistyped one (tools/common/host_cli.c):
 * a few edits away, or the only candidate it starts; nothing when two are
 * as near or none is near enough.
 */
#include "test_main.h"

#include "host_cli.h"

static const char *const options[] = { "--limit", "--after", "--order", "--all",
                                       "--description", "--null-description", "--name" };
#define N (sizeof(options) / sizeof(options[0]))

static void one_edit_away(void **state)
{
    (void)state;
    assert_string_equal(host_cli_nearest("--limt", options, N), "--limit");    /* delete */
    assert_string_equal(host_cli_nearest("--limmit", options, N), "--limit");  /* insert */
    assert_string_equal(host_cli_nearest("--ordr", options, N), "--order");
    assert_string_equal(host_cli_nearest("--lmiit", options, N), "--limit");   /* swap */
    assert_string_equal(host_cli_nearest("--descripton", options, N), "--description");
}

static void only_prefix_of_one(void **state)
{
    (void)state;
    assert_string_equal(host_cli_nearest("--null-d", options, N), "--null-description");
    assert_null(host_cli_nearest("--", options, N)); /* a prefix of them all */
}

static void too_far_or_tied_gives_none(void **state)
{
    (void)state;
    assert_null(host_cli_nearest("--frobnicate", options, N));
    static const char *const tie[] = { "get", "set" };
    assert_null(host_cli_nearest("xet", tie, 2));
    assert_null(host_cli_nearest("", options, N));
    char longword[HOST_CLI_MAX_WORD + 2u];
    memset(longword, 'a', sizeof longword - 1u);
    longword[sizeof longword - 1u] = '\0';
    assert_null(host_cli_nearest(longword, options, N));
}

static void short_words_allow_one_edit_only(void **state)
{
    (void)state;
    static const char *const verbs[] = { "list", "create", "get", "update", "delete" };
    assert_string_equal(host_cli_nearest("lst", verbs, 5), "list");
    assert_null(host_cli_nearest("gxx", verbs, 5));           /* two edits, 3 letters */
    assert_string_equal(host_cli_nearest("updtae", verbs, 5), "update");
    assert_string_equal(host_cli_nearest("dlete", verbs, 5), "delete");
}

static void unknown_line_names_word_and_suggestion(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(host_cli_unknown(buf, sizeof buf, "option", "--limt", "--limit"),
                        "unknown option '--limt' (did you mean '--limit'?)");
    assert_string_equal(host_cli_unknown(buf, sizeof buf, "command", "x", NULL),
                        "unknown command 'x'");
    char small[16];
    host_cli_unknown(small, sizeof small, "option", "--limt", "--limit");
    assert_int_equal(strlen(small), sizeof small - 1u); /* cut, still terminated */
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(one_edit_away),
    cmocka_unit_test(only_prefix_of_one),
    cmocka_unit_test(too_far_or_tied_gives_none),
    cmocka_unit_test(short_words_allow_one_edit_only),
    cmocka_unit_test(unknown_line_names_word_and_suggestion),
};

OARC_TEST_MAIN(tests)
