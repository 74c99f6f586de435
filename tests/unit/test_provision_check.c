/**
 * @file test_provision_check.c
 * @brief The plan check on compiled-in tables (prov_plan_check), which no JSON
 * parser screens first: every kind of bad field is refused with its status
 * and the path of the member at fault, so a device build that ships a bad
 * table sends nothing. Also the error record itself: the first refusal
 * wins, a NULL record is allowed, an over-long path is cut, not overrun.
 */
#include "test_main.h"

#include "plan_check.h"

static const char *const one_perm[] = { "api.usage.read" };
static const char *const empty_perm[] = { "api.usage.read", "" };

static char long_id[OARC_MAX_ID_LEN + 2];
static char long_name[PROVISIONER_MAX_NAME_LEN + 2];
static char long_description[PROVISIONER_MAX_DESCRIPTION_LEN + 2];

static void fill(char *s, size_t size)
{
    memset(s, 'x', size - 1u);
    s[size - 1u] = '\0';
}

/* One bad field, as a change to a plan that is otherwise good. */
typedef enum {
    ROLE_ID_TOO_LONG, ROLE_ID_EMPTY, ROLE_ID_DOT, ROLE_ID_DOTDOT, ROLE_ID_CONTROL, ROLE_ID_DEL,
    ROLE_ID_BAD_UTF8, NAME_NULL, NAME_TOO_LONG, NAME_BAD_UTF8, NAME_DEL, SCOPE_UNKNOWN,
    ORG_WITH_PROJECT, PROJECT_WITHOUT_ID, PERMISSIONS_TOO_MANY, PERMISSIONS_NULL,
    PERMISSION_EMPTY, DESCRIPTION_NULL, DESCRIPTION_TOO_LONG, DESCRIPTION_BAD_UTF8,
    DESCRIPTION_STATE_UNKNOWN, PRINCIPAL_UNKNOWN, PRINCIPAL_ID_DOTDOT, ROLE_AND_ROLE_ID,
    NEITHER_ROLE, ROLE_ID_OF_ASSIGNMENT_TOO_LONG, ROLE_OF_OTHER_SCOPE, CASE_COUNT
} bad_case;

static const struct {
    bad_case c;
    oarc_status status;
    const char *path;
} cases[] = {
    { ROLE_ID_TOO_LONG, OARC_ERR_ID_TOO_LONG, "roles[1].id" },
    { ROLE_ID_EMPTY, OARC_ERR_INVALID_ID, "roles[1].id" },
    { ROLE_ID_DOT, OARC_ERR_INVALID_ID, "roles[1].id" },
    { ROLE_ID_DOTDOT, OARC_ERR_INVALID_ID, "roles[1].id" },
    { ROLE_ID_CONTROL, OARC_ERR_INVALID_ID, "roles[1].id" },
    { ROLE_ID_DEL, OARC_ERR_INVALID_ID, "roles[1].id" },
    { ROLE_ID_BAD_UTF8, OARC_ERR_INVALID_ID, "roles[1].id" },
    { NAME_NULL, OARC_ERR_ARGUMENT, "roles[1].name" },
    { NAME_TOO_LONG, OARC_ERR_BUFFER_TOO_SMALL, "roles[1].name" },
    { NAME_BAD_UTF8, OARC_ERR_INVALID_UTF8, "roles[1].name" },
    { NAME_DEL, OARC_ERR_CONTROL_CHAR, "roles[1].name" },
    { SCOPE_UNKNOWN, OARC_ERR_ARGUMENT, "roles[1].scope" },
    { ORG_WITH_PROJECT, OARC_ERR_ARGUMENT, "roles[1].project_id" },
    { PROJECT_WITHOUT_ID, OARC_ERR_ARGUMENT, "roles[1].project_id" },
    { PERMISSIONS_TOO_MANY, OARC_ERR_TOO_MANY_ITEMS, "roles[1].permissions" },
    { PERMISSIONS_NULL, OARC_ERR_ARGUMENT, "roles[1].permissions" },
    { PERMISSION_EMPTY, OARC_ERR_ARGUMENT, "roles[1].permissions[1]" },
    { DESCRIPTION_NULL, OARC_ERR_ARGUMENT, "roles[1].description" },
    { DESCRIPTION_TOO_LONG, OARC_ERR_BUFFER_TOO_SMALL, "roles[1].description" },
    { DESCRIPTION_BAD_UTF8, OARC_ERR_INVALID_UTF8, "roles[1].description" },
    { DESCRIPTION_STATE_UNKNOWN, OARC_ERR_ARGUMENT, "roles[1].description" },
    { PRINCIPAL_UNKNOWN, OARC_ERR_ARGUMENT, "assignments[1].principal" },
    { PRINCIPAL_ID_DOTDOT, OARC_ERR_INVALID_ID, "assignments[1].principal_id" },
    { ROLE_AND_ROLE_ID, OARC_ERR_ARGUMENT, "assignments[1].role" },
    { NEITHER_ROLE, OARC_ERR_ARGUMENT, "assignments[1].role" },
    { ROLE_ID_OF_ASSIGNMENT_TOO_LONG, OARC_ERR_ID_TOO_LONG, "assignments[1].role_id" },
    { ROLE_OF_OTHER_SCOPE, OARC_ERR_ARGUMENT, "assignments[1].role" },
};

/* A good plan of two roles and two assignments, then the one change. */
static void make_plan(bad_case c, prov_role roles[2], prov_assignment as[2])
{
    for (size_t i = 0; i < 2; i++) {
        roles[i] = (prov_role){ .scope = PROV_SCOPE_PROJECT, .project_id = "proj_1",
                                .name = i == 0 ? "First" : "Second",
                                .description_state = OARC_FIELD_SET, .description = "Text",
                                .permissions = one_perm, .permission_count = 1,
                                .id = "role_1" };
        as[i] = (prov_assignment){ .principal = PROV_PRINCIPAL_USER,
                                   .principal_id = i == 0 ? "user_0" : "user_1",
                                   .scope = PROV_SCOPE_PROJECT, .project_id = "proj_1",
                                   .role_name = "First" };
    }
    prov_role *r = &roles[1];
    prov_assignment *a = &as[1];
    switch (c) {
    case ROLE_ID_TOO_LONG: r->id = long_id; break;
    case ROLE_ID_EMPTY: r->id = ""; break;
    case ROLE_ID_DOT: r->id = "."; break;
    case ROLE_ID_DOTDOT: r->id = ".."; break;
    case ROLE_ID_CONTROL: r->id = "role\n1"; break;
    case ROLE_ID_DEL: r->id = "role\x7F"; break;
    case ROLE_ID_BAD_UTF8: r->id = "role\xC3\x28"; break;
    case NAME_NULL: r->name = NULL; break;
    case NAME_TOO_LONG: r->name = long_name; break;
    case NAME_BAD_UTF8: r->name = "Na\xFFme"; break;
    case NAME_DEL: r->name = "Na\x7Fme"; break;
    case SCOPE_UNKNOWN: r->scope = (prov_scope)7; break;
    case ORG_WITH_PROJECT: r->scope = PROV_SCOPE_ORG; break;
    case PROJECT_WITHOUT_ID: r->project_id = NULL; break;
    case PERMISSIONS_TOO_MANY: r->permission_count = PROVISIONER_MAX_ROLE_PERMISSIONS + 1u; break;
    case PERMISSIONS_NULL: r->permissions = NULL; break;
    case PERMISSION_EMPTY: r->permissions = empty_perm; r->permission_count = 2; break;
    case DESCRIPTION_NULL: r->description = NULL; break;
    case DESCRIPTION_TOO_LONG: r->description = long_description; break;
    case DESCRIPTION_BAD_UTF8: r->description = "caf\xC3"; break;
    case DESCRIPTION_STATE_UNKNOWN: r->description_state = (oarc_field_state)9; break;
    case PRINCIPAL_UNKNOWN: a->principal = (prov_principal)5; break;
    case PRINCIPAL_ID_DOTDOT: a->principal_id = ".."; break;
    case ROLE_AND_ROLE_ID: a->role_id = "role_1"; break;
    case NEITHER_ROLE: a->role_name = NULL; break;
    case ROLE_ID_OF_ASSIGNMENT_TOO_LONG: a->role_name = NULL; a->role_id = long_id; break;
    case ROLE_OF_OTHER_SCOPE: a->scope = PROV_SCOPE_ORG; a->project_id = NULL; break;
    default: break;
    }
}

static void each_bad_field_is_refused_with_its_path(void **state)
{
    (void)state;
    fill(long_id, sizeof long_id);
    fill(long_name, sizeof long_name);
    fill(long_description, sizeof long_description);
    assert_int_equal(sizeof cases / sizeof cases[0], CASE_COUNT);
    prov_role roles[2];
    prov_assignment as[2];
    const prov_plan plan = { roles, 2, as, 2 };
    prov_plan_error err;
    make_plan(CASE_COUNT, roles, as); /* no change: the plan is good */
    assert_int_equal(prov_plan_check(&plan, &err), OARC_OK);
    assert_int_equal(err.status, OARC_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        make_plan(cases[i].c, roles, as);
        oarc_status st = prov_plan_check(&plan, &err);
        if (st != cases[i].status || strcmp(err.path, cases[i].path) != 0) {
            fail_msg("case %zu: %s at '%s', expected %s at '%s'", i, oarc_status_str(st),
                     err.path, oarc_status_str(cases[i].status), cases[i].path);
        }
        assert_int_equal(err.status, st);
        assert_true(err.reason != NULL && err.reason[0] != '\0');
    }
}

/* The plan's own arrays: missing while counted, or over the maxima. */
static void arrays_missing_or_over_the_maxima(void **state)
{
    (void)state;
    static const prov_role role = { .scope = PROV_SCOPE_ORG, .name = "R",
                                    .description_state = OARC_FIELD_OMIT };
    static const prov_assignment a = { .principal = PROV_PRINCIPAL_GROUP, .principal_id = "g",
                                       .scope = PROV_SCOPE_ORG, .role_id = "role_1" };
    prov_plan_error err;
    const prov_plan no_roles = { NULL, 1, &a, 1 };
    const prov_plan no_assignments = { &role, 1, NULL, 1 };
    const prov_plan too_many = { &role, 1, &a, PROVISIONER_MAX_ASSIGNMENTS + 1u };
    const prov_plan empty = { NULL, 0, NULL, 0 };
    assert_int_equal(prov_plan_check(&no_roles, &err), OARC_ERR_ARGUMENT);
    assert_string_equal(err.path, "");
    assert_int_equal(prov_plan_check(&no_assignments, &err), OARC_ERR_ARGUMENT);
    assert_int_equal(prov_plan_check(&too_many, &err), OARC_ERR_TOO_MANY_ITEMS);
    assert_string_equal(err.path, "assignments");
    assert_int_equal(prov_plan_check(&empty, &err), OARC_OK); /* nothing to do is a plan */
    /* An assignment with no role_name names no plan role. */
    const prov_plan one = { &role, 1, &a, 1 };
    assert_int_equal(prov_plan_find_role(&one, &a), PROV_NO_INDEX);
}

/* The record keeps the first refusal, takes a NULL record, and cuts a path
 * too long for its buffer instead of overrunning it; indices of any size
 * are written whole. */
static void the_error_record(void **state)
{
    (void)state;
    prov_plan_error err;
    assert_int_equal(prov_plan_error_set(NULL, OARC_ERR_ARGUMENT, "r", "roles", 1, NULL,
                                         PROV_NO_INDEX),
                     OARC_ERR_ARGUMENT);
    prov_plan_error_clear(&err);
    assert_int_equal(prov_plan_error_set(&err, OARC_ERR_INVALID_ID, "first", "roles", 0, "id",
                                         PROV_NO_INDEX),
                     OARC_ERR_INVALID_ID);
    assert_int_equal(prov_plan_error_set(&err, OARC_ERR_ARGUMENT, "second", "assignments", 3,
                                         NULL, PROV_NO_INDEX),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(err.status, OARC_ERR_INVALID_ID);
    assert_string_equal(err.reason, "first");
    assert_string_equal(err.path, "roles[0].id");

    char member[2 * PROV_PLAN_PATH_SIZE];
    fill(member, sizeof member);
    prov_plan_error_clear(&err);
    /* SIZE_MAX is PROV_NO_INDEX: the largest index is one less, 20 digits. */
    prov_plan_error_set(&err, OARC_ERR_ARGUMENT, "long", "roles", SIZE_MAX - 1u, member, 7);
    assert_int_equal(strlen(err.path), PROV_PLAN_PATH_SIZE - 1u);
    char want[PROV_PLAN_PATH_SIZE];
    int n = snprintf(want, sizeof want, "roles[%zu].%s", (size_t)SIZE_MAX - 1u, member);
    assert_true(n > 0);
    assert_string_equal(err.path, want); /* the same text, cut to fit */
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(each_bad_field_is_refused_with_its_path),
    cmocka_unit_test(arrays_missing_or_over_the_maxima),
    cmocka_unit_test(the_error_record),
};

OARC_TEST_MAIN(tests)
