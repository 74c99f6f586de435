/**
 * @file test_assignments.c
 * @brief The sixteen role-assignment operations against the scripted port,
 * from one table: each one's exact method, path and body on the wire and
 * what it decodes; bad IDs (principal, project or role) sending nothing; a
 * principal's roles walked over three pages; answers that do not decode
 * naming the member.
 */
#include "test_main.h"

#include <stdbool.h>

#include "fake_port.h"
#include "oarc/oarc.h"

static oarc_client client; /* large: off the stack */
static fake_port fake;

static void setup_client(void)
{
    fake_port_client(&fake, &client);
}

/* Queue a 200 whose JSON body arrives in two chunks, as the API sends it. */
static void reply_json(const char *body)
{
    fake_reply_json(&fake, NULL, body, FAKE_KEEP);
}

/* ---- Bodies as the API answers them ---------------------------------------------------- */

#define ROLE_JSON                                                                        \
    "{\"object\":\"role\",\"id\":\"role_01\",\"name\":\"API Group Manager\","            \
    "\"description\":\"Allows managing organization groups\","                           \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"                        \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false}"

#define ASSIGNED_JSON(id)                                                                \
    "{\"id\":\"" id "\",\"name\":\"API Group Manager\","                                 \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"                        \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false,"                 \
    "\"description\":null,\"created_at\":1711471533,\"updated_at\":1711472599,"          \
    "\"created_by\":\"user_abc123\",\"created_by_user_obj\":{\"id\":\"user_abc123\","     \
    "\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},\"metadata\":{},"          \
    "\"assignment_sources\":null}"

#define USER_ROLE_JSON                                                                   \
    "{\"object\":\"user.role\",\"user\":{\"object\":\"organization.user\","             \
    "\"id\":\"user_abc\",\"name\":null,\"email\":\"ada@example.com\",\"role\":\"owner\"," \
    "\"added_at\":1711470000},\"role\":" ROLE_JSON "}"

#define GROUP_ROLE_JSON                                                                  \
    "{\"object\":\"group.role\",\"group\":{\"object\":\"group\",\"id\":\"group_01\","    \
    "\"name\":\"Support Team\",\"created_at\":1711471533,\"scim_managed\":false},"        \
    "\"role\":" ROLE_JSON "}"

#define LIST_JSON                                                                        \
    "{\"object\":\"list\",\"data\":[" ASSIGNED_JSON("role_01") "],"                      \
    "\"has_more\":false,\"next\":null}"

/* ---- The sixteen operations ------------------------------------------------------------- */

typedef enum { OP_LIST, OP_ASSIGN, OP_RETRIEVE, OP_UNASSIGN } assignment_op;
typedef enum { ORG_USER, ORG_GROUP, PROJECT_USER, PROJECT_GROUP } principal;

typedef struct {
    oarc_role_page page;
    oarc_role_assignment assignment;
    oarc_role role;
    oarc_role_unassigned unassigned;
} results;

static results res;

/* Calls the operation for (op, who) through the scope API; project is
 * ignored at organization level. */
static oarc_status run(assignment_op op, principal who, const char *project, const char *id,
                       const char *role_id)
{
    static const oarc_list_params params = { .limit = 5, .after = "role_00" };
    const bool in_project = who == PROJECT_USER || who == PROJECT_GROUP;
    const oarc_role_scope scope = { in_project ? OARC_SCOPE_PROJECT_ROLES : OARC_SCOPE_ORG_ROLES,
                                    in_project ? project : NULL, NULL };
    const oarc_principal_ref p = {
        who == ORG_GROUP || who == PROJECT_GROUP ? OARC_PRINCIPAL_GROUP : OARC_PRINCIPAL_USER, id
    };
    memset(&res, 0, sizeof res);
    switch (op) {
    case OP_LIST:
        return oarc_assignments_list(&client, &scope, &p, &params, &res.page);
    case OP_ASSIGN:
        return oarc_assignments_assign(&client, &scope, &p, role_id, &res.assignment);
    case OP_RETRIEVE:
        return oarc_assignments_retrieve(&client, &scope, &p, role_id, &res.role);
    case OP_UNASSIGN:
    default:
        return oarc_assignments_remove(&client, &scope, &p, role_id, &res.unassigned);
    }
}

typedef struct {
    assignment_op op;
    principal who;
    const char *id;
    const char *line;  /* request line without " HTTP/1.1" */
    const char *body;  /* NULL: no body at all */
    const char *reply;
} wire_case;

#define ASSIGN_BODY "{\"role_id\":\"role_01\"}"
#define UNASSIGNED(kind) "{\"object\":\"" kind ".role.deleted\",\"deleted\":true}"

static const wire_case wire[] = {
    { OP_LIST, ORG_USER, "user_abc", "GET /v1/organization/users/user_abc/roles?limit=5&after=role_00",
      NULL, LIST_JSON },
    { OP_ASSIGN, ORG_USER, "user_abc", "POST /v1/organization/users/user_abc/roles", ASSIGN_BODY,
      USER_ROLE_JSON },
    { OP_RETRIEVE, ORG_USER, "user_abc", "GET /v1/organization/users/user_abc/roles/role_01", NULL,
      ASSIGNED_JSON("role_01") },
    { OP_UNASSIGN, ORG_USER, "user_abc", "DELETE /v1/organization/users/user_abc/roles/role_01", NULL,
      UNASSIGNED("user") },
    { OP_LIST, ORG_GROUP, "group_01", "GET /v1/organization/groups/group_01/roles?limit=5&after=role_00",
      NULL, LIST_JSON },
    { OP_ASSIGN, ORG_GROUP, "group_01", "POST /v1/organization/groups/group_01/roles", ASSIGN_BODY,
      GROUP_ROLE_JSON },
    { OP_RETRIEVE, ORG_GROUP, "group_01", "GET /v1/organization/groups/group_01/roles/role_01", NULL,
      ASSIGNED_JSON("role_01") },
    { OP_UNASSIGN, ORG_GROUP, "group_01", "DELETE /v1/organization/groups/group_01/roles/role_01",
      NULL, UNASSIGNED("group") },
    { OP_LIST, PROJECT_USER, "user_abc",
      "GET /v1/projects/proj_abc/users/user_abc/roles?limit=5&after=role_00", NULL, LIST_JSON },
    { OP_ASSIGN, PROJECT_USER, "user_abc", "POST /v1/projects/proj_abc/users/user_abc/roles",
      ASSIGN_BODY, USER_ROLE_JSON },
    { OP_RETRIEVE, PROJECT_USER, "user_abc", "GET /v1/projects/proj_abc/users/user_abc/roles/role_01",
      NULL, ASSIGNED_JSON("role_01") },
    { OP_UNASSIGN, PROJECT_USER, "user_abc",
      "DELETE /v1/projects/proj_abc/users/user_abc/roles/role_01", NULL, UNASSIGNED("user") },
    { OP_LIST, PROJECT_GROUP, "group_01",
      "GET /v1/projects/proj_abc/groups/group_01/roles?limit=5&after=role_00", NULL, LIST_JSON },
    { OP_ASSIGN, PROJECT_GROUP, "group_01", "POST /v1/projects/proj_abc/groups/group_01/roles",
      ASSIGN_BODY, GROUP_ROLE_JSON },
    { OP_RETRIEVE, PROJECT_GROUP, "group_01",
      "GET /v1/projects/proj_abc/groups/group_01/roles/role_01", NULL, ASSIGNED_JSON("role_01") },
    { OP_UNASSIGN, PROJECT_GROUP, "group_01",
      "DELETE /v1/projects/proj_abc/groups/group_01/roles/role_01", NULL, UNASSIGNED("group") },
};

/* The one request sent: request line and body (NULL: no body, no length). */
static void assert_sent(const char *line, const char *body)
{
    assert_true(fake.sent_len < FAKE_SENT_CAP);
    fake.sent[fake.sent_len] = '\0';
    assert_int_equal(fake.requests, 1);
    size_t n = strlen(line);
    assert_memory_equal(fake.sent, line, n);
    assert_memory_equal(fake.sent + n, " HTTP/1.1\r\n", 11);
    const char *head_end = strstr(fake.sent, "\r\n\r\n");
    assert_non_null(head_end);
    if (body == NULL) {
        assert_null(strstr(fake.sent, "Content-Length"));
        assert_string_equal(head_end + 4, "");
    } else {
        assert_string_equal(head_end + 4, body);
        assert_int_equal(fake_port_sent_count(&fake, "\r\nContent-Type: application/json\r\n"), 1);
    }
}

/* What each kind of operation decoded from its reply. */
static void assert_decoded(const wire_case *c)
{
    bool group = c->who == ORG_GROUP || c->who == PROJECT_GROUP;
    switch (c->op) {
    case OP_LIST:
        assert_int_equal(res.page.count, 1);
        assert_false(res.page.has_more);
        assert_null(res.page.next.ptr);
        assert_int_equal(oarc_role_page_next(&res.page, &res.role), OARC_OK);
        assert_string_equal(res.role.id.ptr, "role_01");
        assert_null(res.role.description.ptr);
        assert_int_equal(oarc_role_page_next(&res.page, &res.role), OARC_ITER_END);
        break;
    case OP_ASSIGN:
        assert_string_equal(res.assignment.principal.id.ptr, group ? "group_01" : "user_abc");
        if (group) {
            assert_string_equal(res.assignment.principal.name.ptr, "Support Team");
            assert_null(res.assignment.principal.email.ptr);
        } else {
            assert_null(res.assignment.principal.name.ptr);
            assert_string_equal(res.assignment.principal.email.ptr, "ada@example.com");
        }
        assert_string_equal(res.assignment.role.id.ptr, "role_01");
        assert_int_equal(res.assignment.role.permission_count, 2);
        break;
    case OP_RETRIEVE:
        assert_string_equal(res.role.id.ptr, "role_01");
        assert_string_equal(res.role.permissions[1].ptr, "api.groups.write");
        assert_string_equal(res.role.resource_type.ptr, "api.organization");
        break;
    case OP_UNASSIGN:
    default:
        assert_string_equal(res.unassigned.object.ptr,
                            group ? "group.role.deleted" : "user.role.deleted");
        assert_true(res.unassigned.deleted);
        break;
    }
}

static void sixteen_operations_on_the_wire(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof wire / sizeof wire[0]; i++) {
        setup_client();
        reply_json(wire[i].reply);
        assert_int_equal(run(wire[i].op, wire[i].who, "proj_abc", wire[i].id, "role_01"), OARC_OK);
        assert_sent(wire[i].line, wire[i].body);
        assert_decoded(&wire[i]);
    }
}

static void ids_are_percent_encoded(void **state)
{
    (void)state;
    setup_client();
    reply_json(USER_ROLE_JSON);
    assert_int_equal(run(OP_ASSIGN, PROJECT_USER, "proj/1", "user 1", "role \"1\""), OARC_OK);
    assert_sent("POST /v1/projects/proj%2F1/users/user%201/roles", "{\"role_id\":\"role \\\"1\\\"\"}");
}

/* Each of the sixteen refuses a bad principal, project or role ID, and sends
 * nothing; an ID is never skipped to leave an empty segment. */
static void bad_ids_send_nothing(void **state)
{
    (void)state;
    char long_id[OARC_MAX_ID_LEN + 2];
    memset(long_id, 'a', sizeof long_id - 1u);
    long_id[sizeof long_id - 1u] = '\0';
    static const char *const bad[] = { "", NULL, "..", "a\r\nb", "\xF0\x28\x8C\x28" };
    setup_client();
    for (principal who = ORG_USER; who <= PROJECT_GROUP; who++) {
        bool project = who == PROJECT_USER || who == PROJECT_GROUP;
        for (assignment_op op = OP_LIST; op <= OP_UNASSIGN; op++) {
            bool has_role = op != OP_LIST;
            for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                assert_int_equal(run(op, who, "p", bad[i], "r"), OARC_ERR_INVALID_ID);
                if (project) {
                    assert_int_equal(run(op, who, bad[i], "u", "r"), OARC_ERR_INVALID_ID);
                }
                if (has_role && !(op == OP_ASSIGN && i == 2u)) { /* ".." is a fine body */
                    assert_int_equal(run(op, who, "p", "u", bad[i]), OARC_ERR_INVALID_ID);
                }
            }
            assert_int_equal(run(op, who, "p", long_id, "r"), OARC_ERR_ID_TOO_LONG);
            if (has_role) {
                assert_int_equal(run(op, who, "p", "u", long_id), OARC_ERR_ID_TOO_LONG);
            }
        }
    }
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);
}

static void null_outputs_send_nothing(void **state)
{
    (void)state;
    setup_client();
    static const oarc_role_scope org = { OARC_SCOPE_ORG_ROLES, NULL, NULL };
    static const oarc_role_scope project = { OARC_SCOPE_PROJECT_ROLES, "p", NULL };
    static const oarc_principal_ref user = { OARC_PRINCIPAL_USER, "u" };
    static const oarc_principal_ref group = { OARC_PRINCIPAL_GROUP, "g" };
    assert_int_equal(oarc_assignments_assign(&client, &org, &user, "r", NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_retrieve(&client, &org, &group, "r", NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_remove(&client, &project, &user, "r", NULL),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_list(&client, &project, &group, NULL, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_list(NULL, &org, &user, NULL, &res.page), OARC_ERR_ARGUMENT);
    /* No client, for each kind of operation. */
    assert_int_equal(oarc_assignments_assign(NULL, &org, &user, "r", &res.assignment), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_retrieve(NULL, &org, &group, "r", &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_remove(NULL, &project, &user, "r", &res.unassigned),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(fake.sent_len, 0);
}

/* A group's project roles, walked over three pages: AssignedRoleDetails
 * items, each page asked for after the previous one's next. */
static void walk_a_principals_roles(void **state)
{
    (void)state;
    setup_client();
    reply_json("{\"object\":\"list\",\"data\":[" ASSIGNED_JSON("role_1") "," ASSIGNED_JSON("role_2")
               "],\"has_more\":true,\"next\":\"role_2\"}");
    reply_json("{\"object\":\"list\",\"data\":[" ASSIGNED_JSON("role_3") "],"
               "\"has_more\":true,\"next\":\"role_3\"}");
    reply_json("{\"object\":\"list\",\"data\":[" ASSIGNED_JSON("role_4") "],"
               "\"has_more\":false,\"next\":null}");
    static oarc_role_iter it;
    const oarc_role_scope scope = { OARC_SCOPE_PROJECT_GROUP_ROLES, "proj_abc", "group_01" };
    const oarc_list_params params = { .limit = 2, .order = OARC_ORDER_ASC };
    assert_int_equal(oarc_role_iter_init(&it, &client, &scope, &params), OARC_OK);
    oarc_role role;
    for (int i = 1; i <= 4; i++) {
        char want[16];
        snprintf(want, sizeof want, "role_%d", i);
        assert_int_equal(oarc_role_iter_next(&it, &role), OARC_OK);
        assert_string_equal(role.id.ptr, want);
        assert_string_equal(role.name.ptr, "API Group Manager");
    }
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ITER_END);
    assert_int_equal(fake.requests, 3);
    fake.sent[fake.sent_len] = '\0';
    const char *base = "GET /v1/projects/proj_abc/groups/group_01/roles?limit=2";
    char line[256];
    assert_int_equal(fake_port_sent_count(&fake, base), 3);
    snprintf(line, sizeof line, "%s&order=asc HTTP/1.1\r\n", base);
    assert_int_equal(fake_port_sent_count(&fake, line), 1);
    snprintf(line, sizeof line, "%s&after=role_2&order=asc HTTP/1.1\r\n", base);
    assert_int_equal(fake_port_sent_count(&fake, line), 1);
    snprintf(line, sizeof line, "%s&after=role_3&order=asc HTTP/1.1\r\n", base);
    assert_int_equal(fake_port_sent_count(&fake, line), 1);
}

static void answers_that_do_not_decode_name_the_member(void **state)
{
    (void)state;
    static const struct {
        assignment_op op;
        principal who;
        const char *reply;
        const char *field;
    } cases[] = {
        { OP_ASSIGN, ORG_USER, GROUP_ROLE_JSON, "object" },      /* a group answered for a user */
        { OP_ASSIGN, PROJECT_GROUP, "{\"object\":\"group.role\",\"group\":{\"id\":\"g\"},"
                                    "\"role\":" ROLE_JSON "}", "name" },
        { OP_ASSIGN, ORG_GROUP, "{\"object\":\"group.role\",\"group\":{\"name\":\"n\"},"
                                "\"role\":" ROLE_JSON "}", "id" },
        { OP_RETRIEVE, ORG_GROUP, "{\"id\":\"r\",\"name\":\"n\",\"permissions\":[],"
                                  "\"resource_type\":\"x\",\"predefined_role\":false}",
          "description" },
        { OP_UNASSIGN, PROJECT_USER, "{\"object\":\"user.role.deleted\"}", "deleted" },
        { OP_LIST, ORG_USER, "{\"object\":\"list\",\"data\":null,\"has_more\":false,\"next\":null}",
          "data" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setup_client();
        reply_json(cases[i].reply);
        assert_int_equal(run(cases[i].op, cases[i].who, "p", "u", "r"), OARC_ERR_JSON_SHAPE);
        assert_string_equal(oarc_client_last_call(&client)->bad_field, cases[i].field);
    }
}

static void api_error_on_assign(void **state)
{
    (void)state;
    setup_client();
    fake_port_reply(&fake,
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 92\r\n\r\n"
                    "{\"error\":{\"message\":\"No such user\",\"type\":\"invalid_request_error\","
                    "\"param\":null,\"code\":null}}",
                    FAKE_KEEP);
    assert_int_equal(run(OP_ASSIGN, ORG_USER, NULL, "user_x", "role_01"), OARC_ERR_API);
    assert_int_equal(oarc_client_last_call(&client)->http_status, 404);
    assert_string_equal(oarc_client_last_call(&client)->error.message.ptr, "No such user");
    assert_null(res.assignment.principal.id.ptr);
}

/* ---- The scope API: oarc_assignments_* and oarc_assignments_scope ------------------------ */

/* Every way a (scope, principal) pair can be wrong: each of the four
 * operations refuses it with OARC_ERR_ARGUMENT and sends nothing. */
static void scope_api_refuses_bad_pairs_and_sends_nothing(void **state)
{
    (void)state;
    const oarc_role_scope org = { OARC_SCOPE_ORG_ROLES, NULL, NULL };
    const oarc_principal_ref user = { OARC_PRINCIPAL_USER, "user_abc" };
    const oarc_principal_ref bad_type = { (oarc_principal_type)7, "user_abc" };
    static const oarc_role_scope bad_scopes[] = {
        { OARC_SCOPE_ORG_USER_ROLES, NULL, "user_abc" },      /* already an assignment scope */
        { OARC_SCOPE_PROJECT_GROUP_ROLES, "p", "g" },
        { OARC_SCOPE_ORG_ROLES, NULL, "user_abc" },            /* principal_id set */
        { OARC_SCOPE_PROJECT_ROLES, "proj_abc", "user_abc" },
        { (oarc_scope_kind)42, NULL, NULL },                   /* no such kind */
        { OARC_SCOPE_ORG_ROLES, "proj_abc", NULL },            /* an ID the kind does not use */
    };
    setup_client();
    for (size_t i = 0; i <= sizeof bad_scopes / sizeof bad_scopes[0] + 2u; i++) {
        const oarc_role_scope *scope = i < 6u ? &bad_scopes[i] : i == 6u ? NULL : &org;
        const oarc_principal_ref *who = i < 7u ? &user : i == 7u ? NULL : &bad_type;
        oarc_role_scope out = { OARC_SCOPE_PROJECT_ROLES, "kept", NULL };
        if (i == 6u) {
            continue; /* a NULL scope: below */
        }
        memset(&res, 0, sizeof res);
        assert_int_equal(oarc_assignments_list(&client, scope, who, NULL, &res.page),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_assignments_assign(&client, scope, who, "role_01", &res.assignment),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_assignments_retrieve(&client, scope, who, "role_01", &res.role),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_assignments_remove(&client, scope, who, "role_01", &res.unassigned),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_assignments_scope(scope, who, &out), OARC_ERR_ARGUMENT);
        assert_int_equal(out.kind, OARC_SCOPE_PROJECT_ROLES); /* left as it was */
        assert_string_equal(out.project_id, "kept");
    }
    assert_int_equal(oarc_assignments_list(&client, NULL, &user, NULL, &res.page), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_assign(&client, NULL, &user, "r", &res.assignment),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_retrieve(&client, NULL, &user, "r", &res.role),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_remove(&client, NULL, &user, "r", &res.unassigned),
                     OARC_ERR_ARGUMENT);
    oarc_role_scope out;
    assert_int_equal(oarc_assignments_scope(NULL, &user, &out), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assignments_scope(&org, &user, NULL), OARC_ERR_ARGUMENT);
    /* A refused pair leaves no details of an earlier call behind. */
    assert_int_equal(oarc_client_last_call(&client)->http_status, 0);
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);
}

/* The four (scope, principal) combinations and the collection each names;
 * the IDs are pointed to, not copied. */
static void scope_api_maps_every_pair(void **state)
{
    (void)state;
    static const char project[] = "proj_abc";
    static const char who_id[] = "who_1";
    static const struct {
        oarc_scope_kind where;
        oarc_principal_type type;
        oarc_scope_kind expect;
    } map[] = {
        { OARC_SCOPE_ORG_ROLES, OARC_PRINCIPAL_USER, OARC_SCOPE_ORG_USER_ROLES },
        { OARC_SCOPE_ORG_ROLES, OARC_PRINCIPAL_GROUP, OARC_SCOPE_ORG_GROUP_ROLES },
        { OARC_SCOPE_PROJECT_ROLES, OARC_PRINCIPAL_USER, OARC_SCOPE_PROJECT_USER_ROLES },
        { OARC_SCOPE_PROJECT_ROLES, OARC_PRINCIPAL_GROUP, OARC_SCOPE_PROJECT_GROUP_ROLES },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        bool in_project = map[i].where == OARC_SCOPE_PROJECT_ROLES;
        const oarc_role_scope scope = { map[i].where, in_project ? project : NULL, NULL };
        const oarc_principal_ref who = { map[i].type, who_id };
        oarc_role_scope out;
        memset(&out, 0xA5, sizeof out);
        assert_int_equal(oarc_assignments_scope(&scope, &who, &out), OARC_OK);
        assert_int_equal(out.kind, map[i].expect);
        assert_ptr_equal(out.project_id, in_project ? project : NULL);
        assert_ptr_equal(out.principal_id, who_id);
    }
}

/* The scope API on the wire: the same requests as the named functions. */
static void scope_api_on_the_wire(void **state)
{
    (void)state;
    const oarc_role_scope project = { OARC_SCOPE_PROJECT_ROLES, "proj_abc", NULL };
    const oarc_principal_ref group = { OARC_PRINCIPAL_GROUP, "group_01" };
    const oarc_list_params params = { .limit = 5, .after = "role_00" };

    setup_client();
    reply_json(LIST_JSON);
    memset(&res, 0, sizeof res);
    assert_int_equal(oarc_assignments_list(&client, &project, &group, &params, &res.page), OARC_OK);
    assert_sent("GET /v1/projects/proj_abc/groups/group_01/roles?limit=5&after=role_00", NULL);
    assert_int_equal(res.page.count, 1);

    setup_client();
    reply_json(GROUP_ROLE_JSON);
    assert_int_equal(oarc_assignments_assign(&client, &project, &group, "role_01", &res.assignment),
                     OARC_OK);
    assert_sent("POST /v1/projects/proj_abc/groups/group_01/roles", ASSIGN_BODY);
    assert_string_equal(res.assignment.principal.name.ptr, "Support Team");

    setup_client();
    reply_json(ASSIGNED_JSON("role_01"));
    assert_int_equal(oarc_assignments_retrieve(&client, &project, &group, "role_01", &res.role),
                     OARC_OK);
    assert_sent("GET /v1/projects/proj_abc/groups/group_01/roles/role_01", NULL);

    setup_client();
    reply_json(UNASSIGNED("group"));
    assert_int_equal(oarc_assignments_remove(&client, &project, &group, "role_01", &res.unassigned),
                     OARC_OK);
    assert_sent("DELETE /v1/projects/proj_abc/groups/group_01/roles/role_01", NULL);
    assert_true(res.unassigned.deleted);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(sixteen_operations_on_the_wire),
    cmocka_unit_test(ids_are_percent_encoded),
    cmocka_unit_test(bad_ids_send_nothing),
    cmocka_unit_test(null_outputs_send_nothing),
    cmocka_unit_test(walk_a_principals_roles),
    cmocka_unit_test(answers_that_do_not_decode_name_the_member),
    cmocka_unit_test(api_error_on_assign),
    cmocka_unit_test(scope_api_refuses_bad_pairs_and_sends_nothing),
    cmocka_unit_test(scope_api_maps_every_pair),
    cmocka_unit_test(scope_api_on_the_wire),
};

OARC_TEST_MAIN(tests)
