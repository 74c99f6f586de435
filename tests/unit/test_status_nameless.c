/**
 * @file test_status_nameless.c
 * @brief status.c built as a device builds it, with OARC_STATUS_STRINGS 0
 * (tests/size measures that build): no names, one fixed text for every
 * status, and every class as the named build has it.
 */
#include <stdbool.h>

#include "test_main.h"

/* This file's own copy of the table, compiled without the names: only
 * status.c's functions are called, so the library's copy is not linked. */
#define OARC_STATUS_STRINGS 0
#include "status.c"

/* Classes written out again, from oarc_status.h's comments: the nameless
 * build must keep each one. */
static const struct {
    oarc_status status;
    oarc_status_class cls;
} rows[] = {
    { OARC_OK, OARC_CLASS_OK },
    { OARC_ITER_END, OARC_CLASS_OK },
    { OARC_ERR_ARGUMENT, OARC_CLASS_INPUT },
    { OARC_ERR_CONTROL_CHAR, OARC_CLASS_INPUT },
    { OARC_ERR_BUFFER_TOO_SMALL, OARC_CLASS_LIMIT },
    { OARC_ERR_TIMEOUT, OARC_CLASS_TRANSPORT },
    { OARC_ERR_TLS_CERT, OARC_CLASS_TRANSPORT },
    { OARC_ERR_HTTP_PROTOCOL, OARC_CLASS_RESPONSE },
    { OARC_ERR_JSON_SHAPE, OARC_CLASS_RESPONSE },
    { OARC_ERR_TOO_MANY_ITEMS, OARC_CLASS_LIMIT },
    { OARC_ERR_API, OARC_CLASS_API },
    { OARC_ERR_EMPTY_PAGE, OARC_CLASS_RESPONSE },
    { OARC_ERR_CA_NO_CERT, OARC_CLASS_INPUT },
    { (oarc_status)-999, OARC_CLASS_UNKNOWN },
};

static void every_status_has_the_one_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        assert_string_equal(oarc_status_str(rows[i].status), "oarc_status");
    }
}

static void classes_are_kept(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        assert_int_equal(oarc_status_class_of(rows[i].status), rows[i].cls);
    }
    assert_int_equal(oarc_status_class_after(OARC_ERR_TOO_MANY_ITEMS, 200), OARC_CLASS_RESPONSE);
    assert_int_equal(oarc_status_class_after(OARC_ERR_TOO_MANY_ITEMS, 0), OARC_CLASS_INPUT);
    assert_string_equal(oarc_status_class_str(OARC_CLASS_TRANSPORT), "transport");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(every_status_has_the_one_text),
    cmocka_unit_test(classes_are_kept),
};

OARC_TEST_MAIN(tests)
