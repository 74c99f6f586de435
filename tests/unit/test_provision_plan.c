/**
 * @file test_provision_plan.c
 * @brief The provisioner's plans: the JSON parser reads a good plan into the
 * fixed arrays, refuses each kind of bad one with the member's path, and the
 * plan check holds the built-in table too.
 */
#include "test_main.h"

#include "plan_builtin.h"
#include "plan_check.h"
#include "plan_json.h"

static prov_plan_json parsed;   /* large (the token pool): not on the stack */
static char text[64 * 1024];
static prov_plan_error err;

static oarc_status parse(const char *json)
{
    size_t n = strlen(json);
    assert_true(n < sizeof(text));
    memcpy(text, json, n + 1u);
    return prov_plan_json_parse(&parsed, text, n, &err);
}

/* The parse fails with status at path. */
static void refused(const char *json, oarc_status status, const char *path)
{
    assert_int_equal(parse(json), status);
    assert_int_equal(err.status, status);
    assert_string_equal(err.path, path);
    assert_true(err.reason != NULL && err.reason[0] != '\0');
    assert_int_equal(parsed.plan.role_count + parsed.plan.assignment_count, 0);
}

#define ORG_ROLE(extra) "{\"scope\":\"organization\",\"name\":\"R\",\"permissions\":[]" extra "}"

static void a_good_plan_is_read_whole(void **state)
{
    (void)state;
    assert_int_equal(parse(
        "{\"roles\":["
        "{\"scope\":\"organization\",\"name\":\"Deployer\",\"description\":\"Ships \\u00e9\","
        " \"permissions\":[\"a.b\",\"c.d\"],\"create_if_missing\":true},"
        "{\"scope\":\"project\",\"project_id\":\"proj_1\",\"name\":\"Caller\","
        " \"description\":null,\"permissions\":[],\"id\":\"role_9\"}],"
        "\"assignments\":["
        "{\"principal\":\"group\",\"principal_id\":\"g_1\",\"scope\":\"organization\","
        " \"role\":\"Deployer\"},"
        "{\"principal\":\"user\",\"principal_id\":\"u_1\",\"scope\":\"project\","
        " \"project_id\":\"proj_1\",\"role_id\":\"role_x\"}]}"), OARC_OK);
    const prov_plan *p = &parsed.plan;
    assert_int_equal(p->role_count, 2);
    assert_int_equal(p->assignment_count, 2);
    assert_int_equal(p->roles[0].scope, PROV_SCOPE_ORG);
    assert_null(p->roles[0].project_id);
    assert_string_equal(p->roles[0].description, "Ships \xc3\xa9");
    assert_int_equal(p->roles[0].description_state, OARC_FIELD_SET);
    assert_int_equal(p->roles[0].permission_count, 2);
    assert_string_equal(p->roles[0].permissions[1], "c.d");
    assert_true(p->roles[0].create_if_missing);
    assert_int_equal(p->roles[1].scope, PROV_SCOPE_PROJECT);
    assert_string_equal(p->roles[1].project_id, "proj_1");
    assert_int_equal(p->roles[1].description_state, OARC_FIELD_NULL);
    assert_false(p->roles[1].create_if_missing);
    assert_string_equal(p->roles[1].id, "role_9");
    assert_int_equal(p->assignments[0].principal, PROV_PRINCIPAL_GROUP);
    assert_string_equal(p->assignments[0].role_name, "Deployer");
    assert_null(p->assignments[0].role_id);
    assert_int_equal(p->assignments[1].principal, PROV_PRINCIPAL_USER);
    assert_string_equal(p->assignments[1].role_id, "role_x");
}

static void an_absent_description_is_not_managed(void **state)
{
    (void)state;
    assert_int_equal(parse("{\"roles\":[" ORG_ROLE("") "]}"), OARC_OK);
    assert_int_equal(parsed.plan.roles[0].description_state, OARC_FIELD_OMIT);
}

static void not_json_is_refused(void **state)
{
    (void)state;
    refused("{\"roles\": [", OARC_ERR_JSON_SYNTAX, "");
    refused("[]", OARC_ERR_JSON_SHAPE, "");
}

static void an_unknown_member_is_refused_with_its_path(void **state)
{
    (void)state;
    refused("{\"roles\":[" ORG_ROLE("") "," ORG_ROLE(",\"colour\":1") "]}",
            OARC_ERR_JSON_SHAPE, "roles[1].colour");
    refused("{\"role\":[]}", OARC_ERR_JSON_SHAPE, "role");
}

static void a_member_given_twice_is_refused(void **state)
{
    (void)state;
    refused("{\"roles\":[" ORG_ROLE(",\"name\":\"S\"") "]}", OARC_ERR_JSON_SHAPE,
            "roles[0].name");
}

static void wrong_types_are_refused_with_their_path(void **state)
{
    (void)state;
    refused("{\"roles\":[{\"scope\":\"organization\",\"name\":\"R\",\"permissions\":[\"a\",2]}]}",
            OARC_ERR_JSON_SHAPE, "roles[0].permissions[1]");
    refused("{\"roles\":[" ORG_ROLE(",\"description\":5") "]}", OARC_ERR_JSON_SHAPE,
            "roles[0].description");
    assert_string_equal(err.reason, "must be a string or null");
    refused("{\"roles\":[" ORG_ROLE(",\"create_if_missing\":\"yes\"") "]}",
            OARC_ERR_JSON_SHAPE, "roles[0].create_if_missing");
    refused("{\"roles\":{}}", OARC_ERR_JSON_SHAPE, "roles");
    refused("{\"roles\":[7]}", OARC_ERR_JSON_SHAPE, "roles[0]");
    refused("{\"roles\":[{\"scope\":\"org\",\"name\":\"R\",\"permissions\":[]}]}",
            OARC_ERR_JSON_SHAPE, "roles[0].scope");
}

static void required_members_are_required(void **state)
{
    (void)state;
    refused("{\"roles\":[{\"scope\":\"organization\",\"permissions\":[]}]}",
            OARC_ERR_JSON_SHAPE, "roles[0].name");
    refused("{\"roles\":[{\"scope\":\"organization\",\"name\":\"R\"}]}",
            OARC_ERR_JSON_SHAPE, "roles[0].permissions");
    refused("{\"roles\":[{\"scope\":\"project\",\"name\":\"R\",\"permissions\":[]}]}",
            OARC_ERR_ARGUMENT, "roles[0].project_id");
    refused("{\"roles\":[" ORG_ROLE(",\"project_id\":\"p\"") "]}", OARC_ERR_ARGUMENT,
            "roles[0].project_id");
}

static void too_many_items_are_refused(void **state)
{
    (void)state;
    static char big[32 * 1024];
    size_t n = 0;
    n += (size_t)snprintf(big + n, sizeof(big) - n, "{\"roles\":[");
    for (unsigned i = 0; i <= PROVISIONER_MAX_ROLES; i++) {
        n += (size_t)snprintf(big + n, sizeof(big) - n,
                              "%s{\"scope\":\"organization\",\"name\":\"R%u\",\"permissions\":[]}",
                              i ? "," : "", i);
    }
    snprintf(big + n, sizeof(big) - n, "]}");
    refused(big, OARC_ERR_TOO_MANY_ITEMS, "roles");

    n = (size_t)snprintf(big, sizeof(big), "{\"roles\":[{\"scope\":\"organization\","
                         "\"name\":\"R\",\"permissions\":[");
    for (unsigned i = 0; i <= PROVISIONER_MAX_ROLE_PERMISSIONS; i++) {
        n += (size_t)snprintf(big + n, sizeof(big) - n, "%s\"p%u\"", i ? "," : "", i);
    }
    snprintf(big + n, sizeof(big) - n, "]}]}");
    refused(big, OARC_ERR_TOO_MANY_ITEMS, "roles[0].permissions");
}

/* The permission limit counts the list as written: duplicates count (the
 * plan holds the raw list), and the refusal says so. At the limit, with
 * duplicates, it is read. */
static void duplicate_permissions_count_against_the_limit(void **state)
{
    (void)state;
    static char big[4096];
    for (unsigned over = 0; over <= 1u; over++) {
        size_t n = (size_t)snprintf(big, sizeof(big), "{\"roles\":[{\"scope\":\"organization\","
                                    "\"name\":\"R\",\"permissions\":[");
        for (unsigned i = 0; i < PROVISIONER_MAX_ROLE_PERMISSIONS + over; i++) {
            n += (size_t)snprintf(big + n, sizeof(big) - n, "%s\"p%u\"", i ? "," : "", i % 2u);
        }
        snprintf(big + n, sizeof(big) - n, "]}]}");
        if (over == 0u) {
            assert_int_equal(parse(big), OARC_OK);
            assert_int_equal(parsed.plan.roles[0].permission_count,
                             PROVISIONER_MAX_ROLE_PERMISSIONS);
        } else {
            refused(big, OARC_ERR_TOO_MANY_ITEMS, "roles[0].permissions");
            assert_non_null(strstr(err.reason, "duplicates count"));
        }
    }
}

static void over_long_and_bad_strings_are_refused(void **state)
{
    (void)state;
    static char big[4096];
    char name[PROVISIONER_MAX_NAME_LEN + 2];
    memset(name, 'n', sizeof(name) - 1u);
    name[sizeof(name) - 1u] = '\0';
    snprintf(big, sizeof(big), "{\"roles\":[{\"scope\":\"organization\",\"name\":\"%s\","
             "\"permissions\":[]}]}", name);
    refused(big, OARC_ERR_BUFFER_TOO_SMALL, "roles[0].name");
    refused("{\"roles\":[{\"scope\":\"organization\",\"name\":\"a\\nb\",\"permissions\":[]}]}",
            OARC_ERR_CONTROL_CHAR, "roles[0].name");
    refused("{\"roles\":[{\"scope\":\"organization\",\"name\":\"a\\u0000b\",\"permissions\":[]}]}",
            OARC_ERR_JSON_SHAPE, "roles[0].name");
    refused("{\"roles\":[" ORG_ROLE(",\"id\":\"..\"") "]}", OARC_ERR_INVALID_ID, "roles[0].id");
    refused("{\"roles\":[{\"scope\":\"organization\",\"name\":\"R\",\"permissions\":[\"\"]}]}",
            OARC_ERR_ARGUMENT, "roles[0].permissions[0]");
}

static void duplicate_roles_and_assignments_are_refused(void **state)
{
    (void)state;
    refused("{\"roles\":[" ORG_ROLE("") "," ORG_ROLE("") "]}", OARC_ERR_ARGUMENT,
            "roles[1].name");
    assert_int_equal(parse("{\"roles\":[" ORG_ROLE("") ",{\"scope\":\"project\","
                           "\"project_id\":\"p\",\"name\":\"R\",\"permissions\":[]}]}"),
                     OARC_OK); /* the same name in another scope is another role */
    refused("{\"roles\":[" ORG_ROLE("") "],\"assignments\":["
            "{\"principal\":\"user\",\"principal_id\":\"u\",\"scope\":\"organization\","
            "\"role\":\"R\"},"
            "{\"principal\":\"user\",\"principal_id\":\"u\",\"scope\":\"organization\","
            "\"role\":\"R\"}]}", OARC_ERR_ARGUMENT, "assignments[1]");
}

static void an_assignment_names_one_plan_role_of_its_scope(void **state)
{
    (void)state;
    refused("{\"roles\":[" ORG_ROLE("") "],\"assignments\":["
            "{\"principal\":\"user\",\"principal_id\":\"u\",\"scope\":\"project\","
            "\"project_id\":\"p\",\"role\":\"R\"}]}", OARC_ERR_ARGUMENT, "assignments[0].role");
    refused("{\"assignments\":[{\"principal\":\"user\",\"principal_id\":\"u\","
            "\"scope\":\"organization\"}]}", OARC_ERR_ARGUMENT, "assignments[0].role");
    refused("{\"roles\":[" ORG_ROLE("") "],\"assignments\":["
            "{\"principal\":\"user\",\"principal_id\":\"u\",\"scope\":\"organization\","
            "\"role\":\"R\",\"role_id\":\"role_1\"}]}", OARC_ERR_ARGUMENT, "assignments[0].role");
    refused("{\"assignments\":[{\"principal\":\"robot\",\"principal_id\":\"u\","
            "\"scope\":\"organization\",\"role_id\":\"r\"}]}", OARC_ERR_JSON_SHAPE,
            "assignments[0].principal");
}

static void the_builtin_plan_passes_the_check(void **state)
{
    (void)state;
    const prov_plan *plan = prov_builtin_plan();
    assert_int_equal(prov_plan_check(plan, &err), OARC_OK);
    assert_true(plan->role_count > 0 && plan->assignment_count > 0);
}

static void the_check_refuses_a_table_over_its_maxima(void **state)
{
    (void)state;
    prov_plan plan = *prov_builtin_plan();
    plan.role_count = PROVISIONER_MAX_ROLES + 1u;
    assert_int_equal(prov_plan_check(&plan, &err), OARC_ERR_TOO_MANY_ITEMS);
    assert_string_equal(err.path, "roles");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(a_good_plan_is_read_whole),
    cmocka_unit_test(an_absent_description_is_not_managed),
    cmocka_unit_test(not_json_is_refused),
    cmocka_unit_test(an_unknown_member_is_refused_with_its_path),
    cmocka_unit_test(a_member_given_twice_is_refused),
    cmocka_unit_test(wrong_types_are_refused_with_their_path),
    cmocka_unit_test(required_members_are_required),
    cmocka_unit_test(too_many_items_are_refused),
    cmocka_unit_test(duplicate_permissions_count_against_the_limit),
    cmocka_unit_test(over_long_and_bad_strings_are_refused),
    cmocka_unit_test(duplicate_roles_and_assignments_are_refused),
    cmocka_unit_test(an_assignment_names_one_plan_role_of_its_scope),
    cmocka_unit_test(the_builtin_plan_passes_the_check),
    cmocka_unit_test(the_check_refuses_a_table_over_its_maxima),
};

OARC_TEST_MAIN(tests)
