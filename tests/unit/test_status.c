/**
 * @file test_status.c
 * @brief Every oarc_status has its own name, and unknown values are named too.
 */
#include <stdbool.h>

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
    OARC_ERR_CURSOR_REPEATED, OARC_ERR_TOO_MANY_PAGES, OARC_ERR_EMPTY_PAGE, OARC_ERR_CA_NO_CERT,
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

/* What each status is about, written out here apart from status.c's table.
 * Bad input exits 2 (a limit too, when no answer came), a handshake failure
 * is a transport problem. */
static const struct {
    oarc_status status;
    oarc_status_class cls;
} expected[] = {
    { OARC_OK, OARC_CLASS_OK },
    { OARC_ITER_END, OARC_CLASS_OK },
    { OARC_ERR_ARGUMENT, OARC_CLASS_INPUT },
    { OARC_ERR_INVALID_ID, OARC_CLASS_INPUT },
    { OARC_ERR_ID_TOO_LONG, OARC_CLASS_INPUT },
    { OARC_ERR_INVALID_UTF8, OARC_CLASS_INPUT },
    { OARC_ERR_HEADER_VALUE, OARC_CLASS_INPUT },
    { OARC_ERR_BUFFER_TOO_SMALL, OARC_CLASS_LIMIT },
    { OARC_ERR_URL, OARC_CLASS_INPUT },
    { OARC_ERR_INSECURE_URL, OARC_CLASS_INPUT },
    { OARC_ERR_CONTROL_CHAR, OARC_CLASS_INPUT },
    { OARC_ERR_DNS, OARC_CLASS_TRANSPORT },
    { OARC_ERR_CONNECT, OARC_CLASS_TRANSPORT },
    { OARC_ERR_TIMEOUT, OARC_CLASS_TRANSPORT },
    { OARC_ERR_IO, OARC_CLASS_TRANSPORT },
    { OARC_ERR_CLOSED, OARC_CLASS_TRANSPORT },
    { OARC_ERR_TLS_HANDSHAKE, OARC_CLASS_TRANSPORT },
    { OARC_ERR_TLS_CERT, OARC_CLASS_TRANSPORT },
    { OARC_ERR_TLS, OARC_CLASS_TRANSPORT },
    { OARC_ERR_ENTROPY, OARC_CLASS_TRANSPORT },
    { OARC_ERR_HTTP_PROTOCOL, OARC_CLASS_RESPONSE },
    { OARC_ERR_HTTP_HEAD_TOO_LARGE, OARC_CLASS_RESPONSE },
    { OARC_ERR_HTTP_BODY_TOO_LARGE, OARC_CLASS_RESPONSE },
    { OARC_ERR_JSON_SYNTAX, OARC_CLASS_RESPONSE },
    { OARC_ERR_JSON_TOO_MANY_TOKENS, OARC_CLASS_RESPONSE },
    { OARC_ERR_JSON_SHAPE, OARC_CLASS_RESPONSE },
    { OARC_ERR_TOO_MANY_ITEMS, OARC_CLASS_LIMIT },
    { OARC_ERR_API, OARC_CLASS_API },
    { OARC_ERR_ITEM_TOO_LARGE, OARC_CLASS_RESPONSE },
    { OARC_ERR_CURSOR_REPEATED, OARC_CLASS_RESPONSE },
    { OARC_ERR_TOO_MANY_PAGES, OARC_CLASS_RESPONSE },
    { OARC_ERR_EMPTY_PAGE, OARC_CLASS_RESPONSE },
    { OARC_ERR_CA_NO_CERT, OARC_CLASS_INPUT },
};
#define EXPECTED_COUNT (sizeof(expected) / sizeof(expected[0]))

/* Every value the enum could hold: a status the table names has a class,
 * and is in the list above with that class; a status added to the enum and
 * the name table but not to this list fails here (and one without a row in
 * status.c does not compile: its switch has no default). */
static void every_status_has_one_class(void **state)
{
    (void)state;
    size_t named = 0;
    for (int v = -256; v <= 256; v++) {
        oarc_status st = (oarc_status)v;
        bool known = strcmp(oarc_status_str(st), "OARC_ERR_UNKNOWN") != 0;
        oarc_status_class cls = oarc_status_class_of(st);
        assert_int_equal(known, cls != OARC_CLASS_UNKNOWN);
        if (!known) {
            continue;
        }
        named++;
        size_t found = 0;
        for (size_t i = 0; i < EXPECTED_COUNT; i++) {
            if (expected[i].status == st) {
                found++;
                assert_int_equal(cls, expected[i].cls);
            }
        }
        if (found != 1u) {
            fail_msg("%s has no single row in the expected classes", oarc_status_str(st));
        }
        assert_string_not_equal(oarc_status_class_str(cls), "unknown");
    }
    assert_int_equal(named, EXPECTED_COUNT);
    assert_int_equal(named, COUNT + 1u); /* all[] and OARC_ITER_END */
}

/* A limit of the build is the caller's input when no answer came (33
 * permissions in a request: nothing sent), the answer's when one did (a role
 * the API sent with too many); every other class stays as it is. */
static void a_limit_is_input_before_an_answer_and_response_after(void **state)
{
    (void)state;
    assert_int_equal(oarc_status_class_after(OARC_ERR_TOO_MANY_ITEMS, 0), OARC_CLASS_INPUT);
    assert_int_equal(oarc_status_class_after(OARC_ERR_TOO_MANY_ITEMS, 200), OARC_CLASS_RESPONSE);
    assert_int_equal(oarc_status_class_after(OARC_ERR_BUFFER_TOO_SMALL, 0), OARC_CLASS_INPUT);
    assert_int_equal(oarc_status_class_after(OARC_ERR_BUFFER_TOO_SMALL, 200), OARC_CLASS_RESPONSE);
    assert_int_equal(oarc_status_class_after(OARC_ERR_TLS_HANDSHAKE, 0), OARC_CLASS_TRANSPORT);
    assert_int_equal(oarc_status_class_after(OARC_ERR_JSON_SHAPE, 200), OARC_CLASS_RESPONSE);
    assert_int_equal(oarc_status_class_after(OARC_ERR_ARGUMENT, 200), OARC_CLASS_INPUT);
    assert_int_equal(oarc_status_class_after((oarc_status)-999, 0), OARC_CLASS_UNKNOWN);
}

static void class_labels(void **state)
{
    (void)state;
    assert_string_equal(oarc_status_class_str(OARC_CLASS_OK), "ok");
    assert_string_equal(oarc_status_class_str(OARC_CLASS_INPUT), "invalid_input");
    assert_string_equal(oarc_status_class_str(OARC_CLASS_TRANSPORT), "transport");
    assert_string_equal(oarc_status_class_str(OARC_CLASS_RESPONSE), "response");
    assert_string_equal(oarc_status_class_str(OARC_CLASS_API), "api");
    assert_string_equal(oarc_status_class_str(OARC_CLASS_LIMIT), "limit");
    assert_string_equal(oarc_status_class_str(OARC_CLASS_UNKNOWN), "unknown");
    assert_string_equal(oarc_status_class_str((oarc_status_class)99), "unknown");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(every_status_has_one_class),
    cmocka_unit_test(a_limit_is_input_before_an_answer_and_response_after),
    cmocka_unit_test(class_labels),
    cmocka_unit_test(every_status_has_a_distinct_name),
    cmocka_unit_test(failures_are_negative_and_ok_is_zero),
    cmocka_unit_test(iter_end_is_positive_and_named),
    cmocka_unit_test(unknown_status_is_named),
};

OARC_TEST_MAIN(tests)
