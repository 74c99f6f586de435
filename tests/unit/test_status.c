/**
 * @file test_status.c
 * @brief Every oarc_status has its own name, and unknown values are named too.
 */
#include "test_main.h"

#include "oarc/oarc_status.h"

static const oarc_status all[] = {
    OARC_OK, OARC_ERR_ARGUMENT, OARC_ERR_INVALID_ID, OARC_ERR_ID_TOO_LONG,
    OARC_ERR_INVALID_UTF8, OARC_ERR_HEADER_VALUE, OARC_ERR_BUFFER_TOO_SMALL, OARC_ERR_URL,
    OARC_ERR_INSECURE_URL, OARC_ERR_CONTROL_CHAR, OARC_ERR_DNS, OARC_ERR_CONNECT, OARC_ERR_TIMEOUT, OARC_ERR_IO,
    OARC_ERR_CLOSED, OARC_ERR_TLS_HANDSHAKE, OARC_ERR_TLS_CERT, OARC_ERR_TLS,
    OARC_ERR_ENTROPY, OARC_ERR_HTTP_PROTOCOL, OARC_ERR_HTTP_HEAD_TOO_LARGE,
    OARC_ERR_HTTP_BODY_TOO_LARGE, OARC_ERR_JSON_SYNTAX, OARC_ERR_JSON_TOO_MANY_TOKENS,
    OARC_ERR_JSON_SHAPE, OARC_ERR_TOO_MANY_ITEMS, OARC_ERR_API, OARC_ERR_ITEM_TOO_LARGE,
    OARC_ERR_CURSOR_REPEATED, OARC_ERR_TOO_MANY_PAGES, OARC_ERR_CA_NO_CERT,
};
#define COUNT (sizeof(all) / sizeof(all[0]))

static void every_status_has_a_distinct_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT; i++) {
        const char *name = oarc_status_str(all[i]);
        assert_non_null(name);
        assert_int_equal(strncmp(name, "OARC_", 5), 0);
        assert_string_not_equal(name, "OARC_ERR_UNKNOWN");
        for (size_t j = 0; j < i; j++) {
            assert_string_not_equal(name, oarc_status_str(all[j]));
        }
    }
}

static void failures_are_negative_and_ok_is_zero(void **state)
{
    (void)state;
    assert_int_equal(OARC_OK, 0);
    for (size_t i = 1; i < COUNT; i++) {
        assert_true(all[i] < 0);
    }
}

/* The end of an iteration is no failure: positive, named, and apart from
 * every failure's name. */
static void iter_end_is_positive_and_named(void **state)
{
    (void)state;
    assert_true(OARC_ITER_END > 0);
    assert_string_equal(oarc_status_str(OARC_ITER_END), "OARC_ITER_END");
    for (size_t i = 0; i < COUNT; i++) {
        assert_int_not_equal(all[i], OARC_ITER_END);
    }
}

static void unknown_status_is_named(void **state)
{
    (void)state;
    assert_string_equal(oarc_status_str((oarc_status)-999), "OARC_ERR_UNKNOWN");
    assert_string_equal(oarc_status_str(OARC_ERR_TIMEOUT), "OARC_ERR_TIMEOUT");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(every_status_has_a_distinct_name),
    cmocka_unit_test(failures_are_negative_and_ok_is_zero),
    cmocka_unit_test(iter_end_is_positive_and_named),
    cmocka_unit_test(unknown_status_is_named),
};

OARC_TEST_MAIN(tests)
