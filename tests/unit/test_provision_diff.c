/**
 * @file test_provision_diff.c
 * @brief The provisioner's comparison: permissions as a set, which fields
 * differ, and that an update carries exactly those fields (de-duplicated).
 */
#include "test_main.h"

#include "role_diff.h"

static oarc_span sp(const char *s)
{
    return (oarc_span){ s, strlen(s) };
}

/* A role as the API would return it. */
static oarc_role api_role(const char *name, const char *description, const char *const *perms,
                          size_t n)
{
    oarc_role r;
    memset(&r, 0, sizeof(r));
    r.id = sp("role_1");
    r.name = sp(name);
    r.description = description ? sp(description) : (oarc_span){ NULL, 0 };
    for (size_t i = 0; i < n; i++) {
        r.permissions[i] = sp(perms[i]);
    }
    r.permission_count = n;
    return r;
}

static const char *const read_write[] = { "api.groups.read", "api.groups.write" };
static const char *const write_read_dup[] = { "api.groups.write", "api.groups.read",
                                              "api.groups.write" };
static const char *const read_only[] = { "api.groups.read" };

static prov_role plan_role(oarc_field_state desc_state, const char *desc,
                           const char *const *perms, size_t n)
{
    prov_role r = {
        .scope = PROV_SCOPE_ORG, .name = "Group Admin", .description_state = desc_state,
        .description = desc, .permissions = perms, .permission_count = n,
    };
    return r;
}

static void permission_order_and_duplicates_do_not_matter(void **state)
{
    (void)state;
    oarc_role have = api_role("x", NULL, read_write, 2);
    assert_true(prov_permissions_equal(write_read_dup, 3, have.permissions, 2));
    oarc_role have_dup = api_role("x", NULL, write_read_dup, 3);
    assert_true(prov_permissions_equal(read_write, 2, have_dup.permissions, 3));
}

static void a_missing_or_extra_permission_differs(void **state)
{
    (void)state;
    oarc_role have = api_role("x", NULL, read_write, 2);
    assert_false(prov_permissions_equal(read_only, 1, have.permissions, 2));
    oarc_role have_one = api_role("x", NULL, read_only, 1);
    assert_false(prov_permissions_equal(read_write, 2, have_one.permissions, 1));
    assert_true(prov_permissions_equal(NULL, 0, have.permissions, 0));
    assert_false(prov_permissions_equal(NULL, 0, have.permissions, 2));
}

static void permissions_compare_whole_strings(void **state)
{
    (void)state;
    const char *const prefix[] = { "api.groups" };
    oarc_role have = api_role("x", NULL, read_only, 1);
    assert_false(prov_permissions_equal(prefix, 1, have.permissions, 1));
}

static void same_role_has_no_difference(void **state)
{
    (void)state;
    prov_role want = plan_role(OARC_FIELD_SET, "Manages groups", write_read_dup, 3);
    oarc_role have = api_role("Group Admin", "Manages groups", read_write, 2);
    assert_int_equal(prov_role_diff(&want, &have), 0);
}

static void unmanaged_description_is_never_compared(void **state)
{
    (void)state;
    prov_role want = plan_role(OARC_FIELD_OMIT, NULL, read_write, 2);
    oarc_role have = api_role("Group Admin", "anything", read_write, 2);
    assert_int_equal(prov_role_diff(&want, &have), 0);
}

static void null_and_empty_description_differ(void **state)
{
    (void)state;
    prov_role want_null = plan_role(OARC_FIELD_NULL, NULL, read_write, 2);
    oarc_role has_empty = api_role("Group Admin", "", read_write, 2);
    oarc_role has_null = api_role("Group Admin", NULL, read_write, 2);
    assert_int_equal(prov_role_diff(&want_null, &has_empty), PROV_FIELD_DESCRIPTION);
    assert_int_equal(prov_role_diff(&want_null, &has_null), 0);
    prov_role want_empty = plan_role(OARC_FIELD_SET, "", read_write, 2);
    assert_int_equal(prov_role_diff(&want_empty, &has_null), PROV_FIELD_DESCRIPTION);
    assert_int_equal(prov_role_diff(&want_empty, &has_empty), 0);
}

static void each_differing_field_is_flagged(void **state)
{
    (void)state;
    prov_role want = plan_role(OARC_FIELD_SET, "new text", read_only, 1);
    oarc_role have = api_role("Old Name", "old text", read_write, 2);
    assert_int_equal(prov_role_diff(&want, &have),
                     PROV_FIELD_NAME | PROV_FIELD_DESCRIPTION | PROV_FIELD_PERMISSIONS);
}

static void update_carries_only_the_differing_fields(void **state)
{
    (void)state;
    prov_role want = plan_role(OARC_FIELD_SET, "new text", write_read_dup, 3);
    const char *perms[PROVISIONER_MAX_ROLE_PERMISSIONS];
    oarc_role_update u;

    prov_update_for(&want, PROV_FIELD_DESCRIPTION, perms, &u);
    assert_int_equal(u.role_name_state, OARC_FIELD_OMIT);
    assert_int_equal(u.description_state, OARC_FIELD_SET);
    assert_string_equal(u.description, "new text");
    assert_int_equal(u.permissions_state, OARC_FIELD_OMIT);

    prov_update_for(&want, PROV_FIELD_PERMISSIONS, perms, &u);
    assert_int_equal(u.role_name_state, OARC_FIELD_OMIT);
    assert_int_equal(u.description_state, OARC_FIELD_OMIT);
    assert_int_equal(u.permissions_state, OARC_FIELD_SET);
    assert_int_equal(u.permission_count, 2); /* the duplicate is not sent */
    assert_string_equal(u.permissions[0], "api.groups.write");
    assert_string_equal(u.permissions[1], "api.groups.read");

    prov_update_for(&want, 0u, perms, &u);
    oarc_role_update none;
    memset(&none, 0, sizeof(none));
    assert_memory_equal(&u, &none, sizeof(u));
}

static void update_sends_null_description_and_empty_permissions(void **state)
{
    (void)state;
    prov_role want = plan_role(OARC_FIELD_NULL, NULL, NULL, 0);
    const char *perms[PROVISIONER_MAX_ROLE_PERMISSIONS];
    oarc_role_update u;

    prov_update_for(&want, PROV_FIELD_NAME | PROV_FIELD_DESCRIPTION | PROV_FIELD_PERMISSIONS,
                    perms, &u);
    assert_int_equal(u.role_name_state, OARC_FIELD_SET);
    assert_string_equal(u.role_name, "Group Admin");
    assert_int_equal(u.description_state, OARC_FIELD_NULL);
    assert_int_equal(u.permissions_state, OARC_FIELD_SET); /* [] : none, not null */
    assert_int_equal(u.permission_count, 0);
}

static void create_leaves_out_an_unmanaged_description(void **state)
{
    (void)state;
    prov_role want = plan_role(OARC_FIELD_OMIT, NULL, write_read_dup, 3);
    const char *perms[PROVISIONER_MAX_ROLE_PERMISSIONS];
    oarc_role_create c;

    prov_create_for(&want, perms, &c);
    assert_string_equal(c.role_name, "Group Admin");
    assert_int_equal(c.description_state, OARC_FIELD_OMIT);
    assert_int_equal(c.permission_count, 2);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(permission_order_and_duplicates_do_not_matter),
    cmocka_unit_test(a_missing_or_extra_permission_differs),
    cmocka_unit_test(permissions_compare_whole_strings),
    cmocka_unit_test(same_role_has_no_difference),
    cmocka_unit_test(unmanaged_description_is_never_compared),
    cmocka_unit_test(null_and_empty_description_differ),
    cmocka_unit_test(each_differing_field_is_flagged),
    cmocka_unit_test(update_carries_only_the_differing_fields),
    cmocka_unit_test(update_sends_null_description_and_empty_permissions),
    cmocka_unit_test(create_leaves_out_an_unmanaged_description),
};

OARC_TEST_MAIN(tests)
