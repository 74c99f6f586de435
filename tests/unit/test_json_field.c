/**
 * @file test_json_field.c
 * @brief Members found in one walk (oarc_field_find) and read with the _at
 * getters: absent, given twice (also through an escape), of the wrong type,
 * each failure naming its member. The getters by name are covered through
 * the codecs' tests.
 */
#include "test_main.h"

#include "json_field.h"

#define POOL 64

typedef struct {
    char text[512];
    jsmntok_t pool[POOL];
    oarc_json_doc doc;
} fixture_t;

static void parse(fixture_t *f, const char *json)
{
    size_t len = strlen(json);

    assert_true(len <= sizeof(f->text));
    memcpy(f->text, json, len);
    assert_int_equal(oarc_json_parse(&f->doc, f->text, len, f->pool, POOL), OARC_OK);
}

/* One walk finds each key's value token, over nested values and unknown
 * members; a key given twice (once escaped) is marked, a third time too. */
static void find_marks_absent_and_twice(void **state)
{
    fixture_t f;
    const char *const keys[] = { "a", "b", "c", "d" };
    int found[4];

    (void)state;
    parse(&f, "{\"a\":{\"b\":1},\"x\":[1,2],\"b\":2,\"c\":3,\"\\u0063\":4,\"c\":5}");
    oarc_field_find(&f.doc, 0, keys, 4u, found);
    assert_int_equal(found[0], 2);
    assert_int_equal(found[1], 10);
    assert_int_equal(found[2], OARC_FIELD_TWICE);
    assert_int_equal(found[3], OARC_JSON_NONE);
    /* Not an object: nothing found. */
    oarc_field_find(&f.doc, 8, keys, 4u, found); /* the array's first element */
    assert_int_equal(found[0], OARC_JSON_NONE);
    assert_int_equal(found[1], OARC_JSON_NONE);
    oarc_field_find(&f.doc, 0, keys, 0u, found);
    /* An object claiming more members than there are tokens: the walk ends
     * at the last token. */
    parse(&f, "{\"a\":1}");
    oarc_json_tokens(&f.doc)[0].size = 5;
    oarc_field_find(&f.doc, 0, keys, 4u, found);
    assert_int_equal(found[0], 2);
    assert_int_equal(found[1], OARC_JSON_NONE);
}

static void take_judges_what_was_found(void **state)
{
    fixture_t f;
    int tok = 0;

    (void)state;
    parse(&f, "{\"a\":1}");
    assert_int_equal(oarc_field_take(&f.doc, "a", 2, true, &tok), OARC_OK);
    assert_int_equal(tok, 2);
    assert_null(f.doc.bad_field);
    assert_int_equal(oarc_field_take(&f.doc, "a", OARC_JSON_NONE, false, &tok), OARC_OK);
    assert_int_equal(tok, OARC_JSON_NONE);
    assert_null(f.doc.bad_field);
    assert_int_equal(oarc_field_take(&f.doc, "b", OARC_JSON_NONE, true, &tok),
                     OARC_ERR_JSON_SHAPE);
    assert_int_equal(tok, OARC_JSON_NONE);
    assert_string_equal(f.doc.bad_field, "b");
    assert_int_equal(oarc_field_take(&f.doc, "c", OARC_FIELD_TWICE, false, &tok),
                     OARC_ERR_JSON_SHAPE);
    assert_int_equal(tok, OARC_JSON_NONE);
    assert_string_equal(f.doc.bad_field, "c");
}

/* Each _at getter: the value read, then absent, twice and the wrong type
 * refused, naming the member. */
static void at_getters_read_and_refuse(void **state)
{
    fixture_t f;
    const char *const keys[] = { "object", "s", "n", "b", "p", "z" };
    int found[6];
    oarc_span span = { NULL, 0 };
    oarc_span arr[2];
    size_t count = 9;
    bool flag = false;

    (void)state;
    parse(&f, "{\"object\":\"role\",\"s\":\"x\",\"n\":null,\"b\":true,\"p\":[\"q\"],\"z\":1,\"z\":2}");
    oarc_field_find(&f.doc, 0, keys, 6u, found);
    assert_int_equal(oarc_field_tag_at(&f.doc, found[0], "role"), OARC_OK);
    assert_int_equal(oarc_field_tag_at(&f.doc, found[0], "rol"), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "object");
    f.doc.bad_field = NULL;
    assert_int_equal(oarc_field_tag_at(&f.doc, OARC_JSON_NONE, "role"), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "object");

    assert_int_equal(oarc_field_string_at(&f.doc, "s", found[1], &span), OARC_OK);
    assert_int_equal(span.len, 1u);
    assert_memory_equal(span.ptr, "x", 1u);
    assert_int_equal(oarc_field_string_at(&f.doc, "n", found[2], &span), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "n");
    assert_int_equal(oarc_field_string_at(&f.doc, "z", found[5], &span), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "z");

    assert_int_equal(oarc_field_string_or_null_at(&f.doc, "n", found[2], &span), OARC_OK);
    assert_null(span.ptr);
    assert_int_equal(oarc_field_string_or_null_at(&f.doc, "b", found[3], &span),
                     OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "b");
    assert_int_equal(oarc_field_string_or_null_at(&f.doc, "q", OARC_JSON_NONE, &span),
                     OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "q");

    assert_int_equal(oarc_field_bool_at(&f.doc, "b", found[3], &flag), OARC_OK);
    assert_true(flag);
    assert_int_equal(oarc_field_bool_at(&f.doc, "s", found[1], &flag), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "s");
    assert_int_equal(oarc_field_bool_at(&f.doc, "z", found[5], &flag), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "z");

    assert_int_equal(oarc_field_string_array_at(&f.doc, "p", found[4], arr, 2u, &count),
                     OARC_OK);
    assert_int_equal(count, 1u);
    assert_memory_equal(arr[0].ptr, "q", 1u);
    assert_int_equal(oarc_field_string_array_at(&f.doc, "p", found[4], arr, 0u, &count),
                     OARC_ERR_TOO_MANY_ITEMS);
    assert_int_equal(count, 0u);
    assert_string_equal(f.doc.bad_field, "p");
    count = 9;
    assert_int_equal(oarc_field_string_array_at(&f.doc, "z", found[5], arr, 2u, &count),
                     OARC_ERR_JSON_SHAPE);
    assert_int_equal(count, 0u);
    assert_string_equal(f.doc.bad_field, "z");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(find_marks_absent_and_twice),
    cmocka_unit_test(take_judges_what_was_found),
    cmocka_unit_test(at_getters_read_and_refuse),
};

OARC_TEST_MAIN(tests)
