/**
 * @file test_roles_family.c
 * @brief The Roles operations (list, create, retrieve, update, delete, for
 * the organization and for a project) and the list iterator, against the
 * scripted port: exact method, path and body on the wire, the query of a
 * list, bad input sending nothing, and the walk over pages: cursors, every
 * end condition, the page size halving when a page does not fit rx, a page
 * of one that still does not fit, a cursor that does not move, and the page
 * cap.
 */
#include "test_main.h"

#include <stdbool.h>

#include "fake_port.h"
#include "oarc/oarc.h"
#include "op.h"

static oarc_client client; /* large: off the stack, as users keep it */
static fake_port fake;

static void setup_client(void)
{
    fake_port_client(&fake, &client);
}

/* ---- Replies shaped like the API's: chunked, JSON bodies ------------------------- */

#define REPLY_CAP FAKE_REPLY_CAP /* a body as long as a scripted reply holds */
static size_t reply_next;          /* numbers the request ids */

/* Queue a 200 whose body arrives in two chunks, as the real API sends it. */
static void reply_json(const char *body)
{
    char request_id[32];
    snprintf(request_id, sizeof request_id, "req_%zu", ++reply_next);
    fake_reply_json(&fake, request_id, body, FAKE_KEEP);
}

/* Queue a non-2xx answer with a Content-Length body. */
static void reply_status(const char *status_line, const char *body)
{
    reply_next++;
    fake_reply_status(&fake, status_line, NULL, "req_err", body);
}

#define ROLE_JSON(id)                                                                    \
    "{\"object\":\"role\",\"id\":\"" id "\",\"name\":\"API Group Manager\","             \
    "\"description\":\"Allows managing organization groups\","                           \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"                        \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false}"

/* A Role of about `pad` bytes, with a unique id. */
static size_t put_role(char *out, size_t cap, const char *id, size_t pad)
{
    static char filler[REPLY_CAP];
    size_t fill = pad < sizeof filler - 1u ? pad : sizeof filler - 1u;
    memset(filler, 'd', fill);
    filler[fill] = '\0';
    int n = snprintf(out, cap,
                     "{\"object\":\"role\",\"id\":\"%s\",\"name\":\"Role %s\","
                     "\"description\":\"%s\",\"permissions\":[\"api.groups.read\"],"
                     "\"resource_type\":\"api.organization\",\"predefined_role\":false,"
                     "\"unknown\":{\"deep\":[null]}}",
                     id, id, filler);
    assert_true(n > 0 && (size_t)n < cap);
    return (size_t)n;
}

/* A list page of roles "<prefix>1".."<prefix>count" (each padded), and
 * has_more / next as given (next NULL: JSON null). */
static const char *page_json(const char *prefix, size_t first, size_t count, size_t pad,
                             bool has_more, const char *next)
{
    static char body[REPLY_CAP];
    size_t n = (size_t)snprintf(body, sizeof body, "{\"object\":\"list\",\"data\":[");
    for (size_t i = 0; i < count; i++) {
        char id[32];
        snprintf(id, sizeof id, "%s%zu", prefix, first + i);
        if (i > 0u) {
            body[n++] = ',';
        }
        n += put_role(body + n, sizeof body - n, id, pad);
    }
    char tail[256];
    if (next == NULL) {
        snprintf(tail, sizeof tail, "],\"has_more\":%s,\"next\":null}", has_more ? "true" : "false");
    } else {
        snprintf(tail, sizeof tail, "],\"has_more\":%s,\"next\":\"%s\"}",
                 has_more ? "true" : "false", next);
    }
    assert_true(n + strlen(tail) < sizeof body);
    strcpy(body + n, tail);
    return body;
}

static void reply_page(const char *prefix, size_t first, size_t count, size_t pad,
                       bool has_more, const char *next)
{
    reply_json(page_json(prefix, first, count, pad, has_more, next));
}

/* ---- What went on the wire ---------------------------------------------------------- */

/* The request line (without " HTTP/1.1") of request i of a run of bodiless
 * requests: each ends at its blank line. */
static const char *request_line(size_t index)
{
    static char line[1024];
    size_t start = 0;
    for (size_t seen = 0; seen < index; seen++) {
        const char *end = strstr(fake.sent + start, "\r\n\r\n");
        assert_non_null(end);
        start = (size_t)(end - fake.sent) + 4u;
    }
    const char *eol = strstr(fake.sent + start, " HTTP/1.1\r\n");
    assert_non_null(eol);
    size_t n = (size_t)(eol - (fake.sent + start));
    assert_true(n < sizeof line);
    memcpy(line, fake.sent + start, n);
    line[n] = '\0';
    return line;
}

static void sent_terminate(void)
{
    assert_true(fake.sent_len < FAKE_SENT_CAP);
    fake.sent[fake.sent_len] = '\0';
}

/* The one request sent: its request line, and its body (NULL: none at all). */
static void assert_sent(const char *line, const char *body)
{
    sent_terminate();
    assert_int_equal(fake.requests, 1);
    assert_string_equal(request_line(0), line);
    const char *head_end = strstr(fake.sent, "\r\n\r\n");
    assert_non_null(head_end);
    if (body == NULL) {
        assert_null(strstr(fake.sent, "Content-Length"));
        assert_string_equal(head_end + 4, "");
    } else {
        assert_string_equal(head_end + 4, body);
        char cl[64];
        snprintf(cl, sizeof cl, "\r\nContent-Length: %zu\r\n", strlen(body));
        assert_int_equal(fake_port_sent_count(&fake, cl), 1);
    }
}

static void assert_nothing_sent(void)
{
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);
}

/* ---- The ten role operations ------------------------------------------------------------ */

typedef enum { OP_LIST, OP_CREATE, OP_RETRIEVE, OP_UPDATE, OP_DELETE } role_op;

typedef struct {
    oarc_role_page page;
    oarc_role role;
    oarc_role_deleted deleted;
} results;

static results res;

static const char *const perms[] = { "api.groups.read", "api.groups.write" };

/* Runs one operation, at project level when project is not NULL. */
static oarc_status run_role_op(role_op op, const char *project, const char *role_id)
{
    static const oarc_list_params params = { .limit = 20, .after = "role_0", .order = OARC_ORDER_DESC };
    const oarc_role_create create = { .role_name = "API Group Manager", .permissions = perms,
                                      .permission_count = 2, .description_state = OARC_FIELD_NULL };
    const oarc_role_update update = { .description_state = OARC_FIELD_SET, .description = "New" };
    memset(&res, 0, sizeof res);
    switch (op) {
    case OP_LIST:
        return project ? oarc_project_role_list(&client, project, &params, &res.page)
                       : oarc_org_role_list(&client, &params, &res.page);
    case OP_CREATE:
        return project ? oarc_project_role_create(&client, project, &create, &res.role)
                       : oarc_org_role_create(&client, &create, &res.role);
    case OP_RETRIEVE:
        return project ? oarc_project_role_retrieve(&client, project, role_id, &res.role)
                       : oarc_org_role_retrieve(&client, role_id, &res.role);
    case OP_UPDATE:
        return project ? oarc_project_role_update(&client, project, role_id, &update, &res.role)
                       : oarc_org_role_update(&client, role_id, &update, &res.role);
    case OP_DELETE:
    default:
        return project ? oarc_project_role_delete(&client, project, role_id, &res.deleted)
                       : oarc_org_role_delete(&client, role_id, &res.deleted);
    }
}

#define CREATE_BODY                                                                      \
    "{\"role_name\":\"API Group Manager\","                                              \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],\"description\":null}"
#define DELETED_JSON "{\"object\":\"role.deleted\",\"id\":\"role_01\",\"deleted\":true}"
#define LIST_JSON "{\"object\":\"list\",\"data\":[" ROLE_JSON("role_01") "],\"has_more\":false,\"next\":null}"

static void role_ops_on_the_wire(void **state)
{
    (void)state;
    static const struct {
        role_op op;
        const char *project;
        const char *line;
        const char *body;
        const char *reply;
    } cases[] = {
        { OP_LIST, NULL, "GET /v1/organization/roles?limit=20&after=role_0&order=desc", NULL, LIST_JSON },
        { OP_CREATE, NULL, "POST /v1/organization/roles", CREATE_BODY, ROLE_JSON("role_01") },
        { OP_RETRIEVE, NULL, "GET /v1/organization/roles/role_01", NULL, ROLE_JSON("role_01") },
        { OP_UPDATE, NULL, "POST /v1/organization/roles/role_01", "{\"description\":\"New\"}",
          ROLE_JSON("role_01") },
        { OP_DELETE, NULL, "DELETE /v1/organization/roles/role_01", NULL, DELETED_JSON },
        { OP_LIST, "proj_abc", "GET /v1/projects/proj_abc/roles?limit=20&after=role_0&order=desc",
          NULL, LIST_JSON },
        { OP_CREATE, "proj_abc", "POST /v1/projects/proj_abc/roles", CREATE_BODY, ROLE_JSON("role_01") },
        { OP_RETRIEVE, "proj_abc", "GET /v1/projects/proj_abc/roles/role_01", NULL, ROLE_JSON("role_01") },
        { OP_UPDATE, "proj_abc", "POST /v1/projects/proj_abc/roles/role_01", "{\"description\":\"New\"}",
          ROLE_JSON("role_01") },
        { OP_DELETE, "proj_abc", "DELETE /v1/projects/proj_abc/roles/role_01", NULL, DELETED_JSON },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setup_client();
        reply_json(cases[i].reply);
        assert_int_equal(run_role_op(cases[i].op, cases[i].project, "role_01"), OARC_OK);
        assert_sent(cases[i].line, cases[i].body);
        assert_non_null(oarc_client_last_call(&client)->request_id.ptr);
        if (cases[i].op == OP_LIST) {
            assert_int_equal(res.page.count, 1);
            assert_int_equal(oarc_role_page_next(&res.page, &res.role), OARC_OK);
            assert_int_equal(oarc_role_page_next(&res.page, &res.role), OARC_ITER_END);
        }
        if (cases[i].op == OP_DELETE) {
            assert_string_equal(res.deleted.id.ptr, "role_01");
            assert_true(res.deleted.deleted);
        } else {
            assert_string_equal(res.role.id.ptr, "role_01");
            assert_int_equal(res.role.permission_count, 2);
        }
    }
}

static void ids_are_percent_encoded(void **state)
{
    (void)state;
    setup_client();
    reply_json(DELETED_JSON);
    assert_int_equal(oarc_project_role_delete(&client, "proj a/b", "role?#%", &res.deleted), OARC_OK);
    assert_sent("DELETE /v1/projects/proj%20a%2Fb/roles/role%3F%23%25", NULL);
}

/* Every role operation refuses a bad ID, in either place, and sends nothing. */
static void bad_ids_send_nothing(void **state)
{
    (void)state;
    char long_id[OARC_MAX_ID_LEN + 2];
    memset(long_id, 'a', sizeof long_id - 1u);
    long_id[sizeof long_id - 1u] = '\0';
    static const struct {
        const char *id;
        oarc_status st;
    } bad[] = {
        { "", OARC_ERR_INVALID_ID }, { ".", OARC_ERR_INVALID_ID }, { "..", OARC_ERR_INVALID_ID },
        { "r\r\nX: 1", OARC_ERR_INVALID_ID }, { NULL, OARC_ERR_INVALID_ID },
        { "\xC3\x28", OARC_ERR_INVALID_ID },
    };
    setup_client();
    for (role_op op = OP_LIST; op <= OP_DELETE; op++) {
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            if (op != OP_LIST && op != OP_CREATE) {
                assert_int_equal(run_role_op(op, NULL, bad[i].id), bad[i].st);
                assert_int_equal(run_role_op(op, "proj_1", bad[i].id), bad[i].st);
            }
            assert_int_equal(run_role_op(op, "", "role_1"), OARC_ERR_INVALID_ID);
            assert_int_equal(run_role_op(op, "..", "role_1"), OARC_ERR_INVALID_ID);
        }
        assert_int_equal(run_role_op(op, long_id, "role_1"), OARC_ERR_ID_TOO_LONG);
        if (op != OP_LIST && op != OP_CREATE) {
            assert_int_equal(run_role_op(op, NULL, long_id), OARC_ERR_ID_TOO_LONG);
        }
    }
    assert_nothing_sent();
}

static void null_arguments_send_nothing(void **state)
{
    (void)state;
    setup_client();
    const oarc_role_create create = { .role_name = "r" };
    assert_int_equal(oarc_org_role_list(NULL, NULL, &res.page), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_list(&client, NULL, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_create(&client, NULL, &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_create(&client, &create, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_create(NULL, &create, &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_retrieve(&client, "r", NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_delete(&client, "r", NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_project_role_delete(NULL, "p", "r", &res.deleted), OARC_ERR_ARGUMENT);
    const oarc_role_update update = { .role_name_state = OARC_FIELD_SET, .role_name = "r" };
    assert_int_equal(oarc_org_role_retrieve(NULL, "r", &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_update(NULL, "r", &update, &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_org_role_update(&client, "r", NULL, &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_project_role_update(&client, "p", "r", &update, NULL), OARC_ERR_ARGUMENT);
    assert_nothing_sent();
}

static void bad_create_sends_nothing(void **state)
{
    (void)state;
    setup_client();
    const oarc_role_create empty_name = { .role_name = "" };
    const oarc_role_create bad_utf8 = { .role_name = "ok", .permissions = (const char *const[]){ "\xFF" },
                                        .permission_count = 1 };
    static char huge[OARC_TX_BUFFER_SIZE];
    memset(huge, 'x', sizeof huge - 1u);
    const oarc_role_create too_big = { .role_name = huge };
    assert_int_equal(oarc_org_role_create(&client, &empty_name, &res.role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_project_role_create(&client, "p", &bad_utf8, &res.role),
                     OARC_ERR_INVALID_UTF8);
    assert_int_equal(oarc_org_role_create(&client, &too_big, &res.role), OARC_ERR_BUFFER_TOO_SMALL);
    assert_nothing_sent();
}

static void list_query_encoding(void **state)
{
    (void)state;
    static const struct {
        oarc_list_params params;
        const char *line;
    } cases[] = {
        { { 0, NULL, OARC_ORDER_DEFAULT }, "GET /v1/organization/roles" },
        { { 0, "", OARC_ORDER_ASC }, "GET /v1/organization/roles?order=asc" },
        { { 1, NULL, OARC_ORDER_DEFAULT }, "GET /v1/organization/roles?limit=1" },
        { { 1000, NULL, OARC_ORDER_DEFAULT }, "GET /v1/organization/roles?limit=1000" },
        { { 7, "role 1/&=?#%\xC3\xA9", OARC_ORDER_DESC },
          "GET /v1/organization/roles?limit=7&after=role%201%2F%26%3D%3F%23%25%C3%A9&order=desc" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setup_client();
        reply_json(LIST_JSON);
        assert_int_equal(oarc_org_role_list(&client, &cases[i].params, &res.page), OARC_OK);
        assert_sent(cases[i].line, NULL);
    }
    setup_client();
    reply_json(LIST_JSON);
    assert_int_equal(oarc_org_role_list(&client, NULL, &res.page), OARC_OK);
    assert_sent("GET /v1/organization/roles", NULL);
}

static void bad_list_params_send_nothing(void **state)
{
    (void)state;
    static char long_after[OARC_MAX_CURSOR_LEN + 2];
    memset(long_after, 'c', sizeof long_after - 1u);
    const struct {
        oarc_list_params params;
        oarc_status st;
    } cases[] = {
        { { 1001, NULL, OARC_ORDER_DEFAULT }, OARC_ERR_ARGUMENT },
        { { UINT32_MAX, NULL, OARC_ORDER_DEFAULT }, OARC_ERR_ARGUMENT },
        { { 0, NULL, (oarc_list_order)3 }, OARC_ERR_ARGUMENT },
        { { 0, long_after, OARC_ORDER_DEFAULT }, OARC_ERR_ARGUMENT },
        { { 0, "\xC0\xAF", OARC_ORDER_DEFAULT }, OARC_ERR_INVALID_UTF8 },
    };
    setup_client();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(oarc_org_role_list(&client, &cases[i].params, &res.page), cases[i].st);
        assert_int_equal(oarc_project_role_list(&client, "p", &cases[i].params, &res.page),
                         cases[i].st);
        assert_int_equal(res.page.count, 0);
    }
    assert_nothing_sent();
}

static void decode_failure_names_the_field(void **state)
{
    (void)state;
    setup_client();
    reply_json("{\"object\":\"role.deleted\",\"id\":\"role_01\",\"deleted\":\"yes\"}");
    assert_int_equal(oarc_org_role_delete(&client, "role_01", &res.deleted), OARC_ERR_JSON_SHAPE);
    assert_string_equal(oarc_client_last_call(&client)->bad_field, "deleted");
    reply_json("{\"object\":\"list\",\"data\":[],\"has_more\":false}");
    assert_int_equal(oarc_org_role_list(&client, NULL, &res.page), OARC_ERR_JSON_SHAPE);
    assert_string_equal(oarc_client_last_call(&client)->bad_field, "next");
    reply_json(ROLE_JSON("r"));
    assert_int_equal(oarc_org_role_retrieve(&client, "role_01", &res.role), OARC_OK);
    assert_null(oarc_client_last_call(&client)->bad_field); /* forgotten */
}

/* A call refused for a missing argument forgets the previous call's
 * details, as one refused for a bad input does: after a 404, each operation
 * with a NULL output (and a list with no page) leaves no status behind. */
static void refused_null_argument_forgets_the_last_call(void **state)
{
    static const oarc_role_scope org = { OARC_SCOPE_ORG_ROLES, NULL, NULL };
    static const oarc_principal_ref user = { OARC_PRINCIPAL_USER, "user_abc" };
    const oarc_role_update update = { .description_state = OARC_FIELD_NULL };
    const oarc_role_create create = { .role_name = "R", .permissions = perms, .permission_count = 1 };
    (void)state;
    setup_client();
    for (int i = 0; i < 9; i++) {
        oarc_status st = OARC_ERR_ARGUMENT;
        reply_status("404 Not Found", "{\"error\":{\"message\":\"No role\"}}");
        assert_int_equal(oarc_org_role_retrieve(&client, "role_01", &res.role), OARC_ERR_API);
        assert_int_equal(oarc_client_last_call(&client)->http_status, 404);
        switch (i) {
        case 0: st = oarc_roles_create(&client, &org, &create, NULL); break;
        case 1: st = oarc_roles_retrieve(&client, &org, "role_01", NULL); break;
        case 2: st = oarc_roles_update(&client, &org, "role_01", &update, NULL); break;
        case 3: st = oarc_roles_delete(&client, &org, "role_01", NULL); break;
        case 4: st = oarc_roles_list(&client, &org, NULL, NULL); break;
        case 5: st = oarc_assignments_assign(&client, &org, &user, "role_01", NULL); break;
        case 6: st = oarc_assignments_retrieve(&client, &org, &user, "role_01", NULL); break;
        case 7: st = oarc_assignments_remove(&client, &org, &user, "role_01", NULL); break;
        default: st = oarc_assignments_list(&client, &org, &user, NULL, NULL); break;
        }
        assert_int_equal(st, OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_client_last_call(&client)->http_status, 0);
    }
}

static void api_error_is_reported(void **state)
{
    (void)state;
    setup_client();
    reply_status("404 Not Found", "{\"error\":{\"message\":\"No role\",\"type\":"
                                  "\"invalid_request_error\",\"param\":null,\"code\":null}}");
    assert_int_equal(oarc_project_role_retrieve(&client, "p", "role_x", &res.role), OARC_ERR_API);
    const oarc_call_info *last = oarc_client_last_call(&client);
    assert_int_equal(last->http_status, 404);
    assert_string_equal(last->error.message.ptr, "No role");
    assert_string_equal(last->request_id.ptr, "req_err");
}

/* ---- The iterator --------------------------------------------------------------------------- */

static oarc_role_iter it;

/* Walk it to the end; the ids seen go to ids[0..*count), then the status
 * that ended the walk is returned. */
static oarc_status walk(char ids[][32], size_t max, size_t *count)
{
    oarc_role role;
    oarc_status st;
    *count = 0;
    for (size_t guard = 0; guard < 100u; guard++) {
        st = oarc_role_iter_next(&it, &role);
        if (st != OARC_OK) {
            return st;
        }
        assert_true(*count < max);
        snprintf(ids[(*count)++], 32, "%s", role.id.ptr);
    }
    fail_msg("the walk did not end");
    return OARC_ERR_ARGUMENT;
}

static const oarc_role_scope org_roles = { OARC_SCOPE_ORG_ROLES, NULL, NULL };

static void walk_three_pages_following_next(void **state)
{
    (void)state;
    setup_client();
    reply_page("role_", 1, 2, 10, true, "role_2");
    reply_page("role_", 3, 2, 10, true, "role_4");
    reply_page("role_", 5, 1, 10, false, NULL);
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    assert_int_equal(fake.sent_len, 0); /* init sends nothing */
    char ids[8][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 8, &n), OARC_ITER_END);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        char want[32];
        snprintf(want, sizeof want, "role_%zu", i + 1u);
        assert_string_equal(ids[i], want);
    }
    sent_terminate();
    assert_int_equal(fake.requests, 3);
    assert_int_equal(it.pages, 3);
    /* The default page size: what the hints say fits rx and the tokens. */
    assert_string_equal(request_line(0), "GET /v1/organization/roles?limit=6");
    assert_string_equal(request_line(1), "GET /v1/organization/roles?limit=6&after=role_2");
    assert_string_equal(request_line(2), "GET /v1/organization/roles?limit=6&after=role_4");
    assert_int_equal(fake.connects, 1); /* one kept-alive connection */
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ITER_END); /* stays ended */
    assert_int_equal(fake.requests, 3);
}

static void walk_with_caller_params(void **state)
{
    (void)state;
    setup_client();
    reply_page("p", 1, 2, 1, true, "cur sor/2");
    reply_page("p", 3, 2, 1, true, "cursor\xC3\xA9");
    reply_page("p", 5, 1, 1, false, "ignored");
    const oarc_role_scope project = { OARC_SCOPE_PROJECT_ROLES, "proj_1", NULL };
    const oarc_list_params params = { .limit = 2, .after = "start", .order = OARC_ORDER_DESC };
    assert_int_equal(oarc_role_iter_init(&it, &client, &project, &params), OARC_OK);
    char ids[8][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 8, &n), OARC_ITER_END);
    assert_int_equal(n, 5);
    sent_terminate();
    assert_string_equal(request_line(0), "GET /v1/projects/proj_1/roles?limit=2&after=start&order=desc");
    assert_string_equal(request_line(1),
                        "GET /v1/projects/proj_1/roles?limit=2&after=cur%20sor%2F2&order=desc");
    assert_string_equal(request_line(2),
                        "GET /v1/projects/proj_1/roles?limit=2&after=cursor%C3%A9&order=desc");
}

/* Each way a list ends: the page's items are yielded, then the end, after
 * one request. */
static void walk_end_conditions(void **state)
{
    (void)state;
    static const struct {
        size_t items;
        bool has_more;
        const char *next;
    } cases[] = {
        { 2, false, "role_2" }, /* has_more false, even with a cursor */
        { 2, true, NULL },      /* next null */
        { 2, true, "" },        /* next "" */
        { 0, false, NULL },     /* data empty, nothing more */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setup_client();
        reply_page("role_", 1, cases[i].items, 1, cases[i].has_more, cases[i].next);
        assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
        char ids[8][32];
        size_t n = 0;
        assert_int_equal(walk(ids, 8, &n), OARC_ITER_END);
        assert_int_equal(n, cases[i].items);
        assert_int_equal(fake.requests, 1);
    }
}

/* "data":[] with "has_more":true contradicts itself: the walk ends with its
 * own status, not as a complete list (a caller would decide "missing" on
 * it), whether or not a cursor came along, and on a later page too. */
static void empty_page_with_more_ends_the_walk(void **state)
{
    (void)state;
    static const char *const nexts[] = { "role_9", NULL };
    for (size_t i = 0; i < 2; i++) {
        setup_client();
        reply_page("role_", 1, 0, 1, true, nexts[i]);
        assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
        char ids[8][32];
        size_t n = 0;
        assert_int_equal(walk(ids, 8, &n), OARC_ERR_EMPTY_PAGE);
        assert_int_equal(n, 0);
        assert_true(oarc_role_iter_ended(&it));
        oarc_role role;
        assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_EMPTY_PAGE);
        assert_int_equal(fake.requests, 1);
    }
    setup_client();
    reply_page("role_", 1, 2, 1, true, "role_2");
    reply_page("role_", 3, 0, 1, true, "role_9");
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char ids[8][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 8, &n), OARC_ERR_EMPTY_PAGE);
    assert_int_equal(n, 2);
    assert_int_equal(fake.requests, 2);
}

/* A page that overflows rx is fetched again with half the items, from the
 * same cursor; the smaller size then stays. */
static void page_too_large_for_rx_halves_the_limit(void **state)
{
    (void)state;
    setup_client();
    reply_page("role_", 1, 2, 10, true, "role_2");
    reply_page("role_", 3, 6, 800, true, "role_8"); /* ~6 KB: rx is 4 KB */
    reply_page("role_", 3, 3, 800, true, "role_5"); /* ~3 KB: fits */
    reply_page("role_", 6, 3, 800, false, NULL);
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char ids[16][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 16, &n), OARC_ITER_END);
    assert_int_equal(n, 8);
    assert_string_equal(ids[2], "role_3");
    assert_string_equal(ids[7], "role_8");
    sent_terminate();
    assert_int_equal(fake.requests, 4);
    assert_int_equal(it.pages, 3); /* the refetch is the same page */
    assert_int_equal(it.limit, 3);
    assert_string_equal(request_line(0), "GET /v1/organization/roles?limit=6");
    assert_string_equal(request_line(1), "GET /v1/organization/roles?limit=6&after=role_2");
    assert_string_equal(request_line(2), "GET /v1/organization/roles?limit=3&after=role_2");
    assert_string_equal(request_line(3), "GET /v1/organization/roles?limit=3&after=role_5");
}

/* After a full page that used under half of rx, the size doubles back
 * towards where it started; a full page that used more stays put. */
static void page_size_grows_back_after_a_large_item(void **state)
{
    (void)state;
    setup_client();
    assert_int_equal(oarc_list_fitting_limit(), 6); /* min(4096 / 600, 256 / 36) */
    reply_page("role_", 1, 6, 10, true, "role_6");
    reply_page("role_", 7, 6, 800, true, "role_12"); /* ~6 KB: rx is 4 KB */
    reply_page("role_", 7, 3, 800, true, "role_9");  /* fits, more than half full */
    reply_page("role_", 10, 3, 10, true, "role_12"); /* full and small: grow */
    reply_page("role_", 13, 6, 10, false, NULL);
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char ids[32][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 32, &n), OARC_ITER_END);
    assert_int_equal(n, 18);
    assert_string_equal(ids[17], "role_18");
    sent_terminate();
    assert_int_equal(fake.requests, 5);
    assert_string_equal(request_line(1), "GET /v1/organization/roles?limit=6&after=role_6");
    assert_string_equal(request_line(2), "GET /v1/organization/roles?limit=3&after=role_6");
    assert_string_equal(request_line(3), "GET /v1/organization/roles?limit=3&after=role_9");
    assert_string_equal(request_line(4), "GET /v1/organization/roles?limit=6&after=role_12");
    assert_int_equal(it.limit, 6);
}

/* A page that fits rx in bytes but not the token pool halves the same way. */
static void page_with_too_many_tokens_halves_the_limit(void **state)
{
    (void)state;
    static char body[REPLY_CAP];
    size_t n = (size_t)snprintf(body, sizeof body, "{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < 6; i++) { /* 6 roles of 60 tokens: over the 256 of the pool */
        n += (size_t)snprintf(body + n, sizeof body - n,
                              "%s{\"object\":\"role\",\"id\":\"r%d\",\"name\":\"n\","
                              "\"description\":null,\"permissions\":[],\"resource_type\":\"x\","
                              "\"predefined_role\":true,\"t\":[1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,"
                              "7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2]}",
                              i ? "," : "", i);
    }
    snprintf(body + n, sizeof body - n, "],\"has_more\":false,\"next\":null}");
    assert_true(strlen(body) < OARC_RX_BUFFER_SIZE - 400u);
    setup_client();
    reply_json(body);
    reply_page("r", 0, 3, 1, false, NULL);
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char ids[8][32];
    size_t count = 0;
    assert_int_equal(walk(ids, 8, &count), OARC_ITER_END);
    assert_int_equal(count, 3);
    sent_terminate();
    assert_string_equal(request_line(1), "GET /v1/organization/roles?limit=3");
}

/* Even one item does not fit: a dedicated error, not a silent stop, and it
 * stays without another request. */
static void item_too_large_is_an_error(void **state)
{
    (void)state;
    setup_client();
    reply_page("role_", 1, 2, 3000, true, "role_2");
    reply_page("role_", 1, 1, 5000, true, "role_1");
    const oarc_list_params params = { .limit = 2 };
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, &params), OARC_OK);
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_ITEM_TOO_LARGE);
    sent_terminate();
    assert_int_equal(fake.requests, 2);
    assert_string_equal(request_line(0), "GET /v1/organization/roles?limit=2");
    assert_string_equal(request_line(1), "GET /v1/organization/roles?limit=1");
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_ITEM_TOO_LARGE);
    assert_int_equal(fake.requests, 2);
}

static void repeated_cursor_is_an_error(void **state)
{
    (void)state;
    setup_client();
    reply_page("role_", 1, 1, 1, true, "c1");
    reply_page("role_", 2, 1, 1, true, "c1"); /* the cursor just sent */
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char ids[8][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 8, &n), OARC_ERR_CURSOR_REPEATED);
    assert_int_equal(n, 1);
    assert_int_equal(fake.requests, 2);
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_CURSOR_REPEATED);
    assert_int_equal(fake.requests, 2);

    /* The caller's own starting cursor counts as well. */
    setup_client();
    reply_page("role_", 1, 1, 1, true, "start");
    const oarc_list_params params = { .after = "start" };
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, &params), OARC_OK);
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_CURSOR_REPEATED);
}

/* A loop longer than one page (A -> B -> A -> ...) is caught too, within a
 * few pages rather than at OARC_LIST_MAX_PAGES. */
static void cursor_loop_is_an_error(void **state)
{
    (void)state;
    setup_client();
    reply_page("role_", 1, 1, 1, true, "A");
    reply_page("role_", 2, 1, 1, true, "B");
    reply_page("role_", 3, 1, 1, true, "A"); /* back to a cursor already followed */
    reply_page("role_", 4, 1, 1, true, "B");
    reply_page("role_", 5, 1, 1, true, "A");
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char ids[8][32];
    size_t n = 0;
    assert_int_equal(walk(ids, 8, &n), OARC_ERR_CURSOR_REPEATED);
    assert_int_equal(fake.requests, 4);
    assert_int_equal(n, 3); /* the looping page's items are not handed out */

    /* A longer loop, entered after a few pages: still caught early. */
    setup_client();
    static const char *const nexts[] = { "p1", "p2", "p3", "c1", "c2", "c3", "c4", "c5" };
    for (size_t page = 0; page < FAKE_MAX_REPLIES; page++) {
        size_t k = page < 3 ? page : 3 + (page - 3) % 5;
        reply_page("role_", page, 1, 1, true, nexts[k]);
    }
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    char many[64][32];
    n = 0;
    assert_int_equal(walk(many, 64, &n), OARC_ERR_CURSOR_REPEATED);
    /* The mark sits on page 8's cursor (c5) when the loop of 5 comes round
     * to it again: request 13. */
    assert_int_equal(fake.requests, 13);
    assert_int_equal(n, 12);
}

/* A server that says has_more with a fresh cursor forever is cut off at
 * OARC_LIST_MAX_PAGES pages. */
static void page_cap_ends_an_endless_list(void **state)
{
    (void)state;
    setup_client();
    const oarc_list_params params = { .limit = 1 };
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, &params), OARC_OK);
    oarc_role role;
    for (size_t page = 0; page < OARC_LIST_MAX_PAGES; page++) {
        char next[32];
        snprintf(next, sizeof next, "c%zu", page);
        fake.reply_count = 0; /* one reply at a time, for ever */
        fake.next_reply = 0;
        reply_page("role_", page, 1, 1, true, next);
        assert_int_equal(oarc_role_iter_next(&it, &role), OARC_OK);
    }
    assert_int_equal(it.pages, OARC_LIST_MAX_PAGES);
    size_t requests = fake.requests;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_TOO_MANY_PAGES);
    assert_int_equal(fake.requests, requests);
}

static void server_cursor_too_long_is_an_error(void **state)
{
    (void)state;
    static char next[OARC_MAX_CURSOR_LEN + 2];
    memset(next, 'n', sizeof next - 1u);
    setup_client();
    reply_page("role_", 1, 1, 1, true, next);
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_BUFFER_TOO_SMALL);
}

static void api_error_ends_the_walk(void **state)
{
    (void)state;
    setup_client();
    reply_page("role_", 1, 1, 1, true, "role_1");
    reply_status("400 Bad Request", "{\"error\":{\"message\":\"Invalid 'after'\",\"type\":"
                                    "\"invalid_request_error\",\"param\":\"after\",\"code\":null}}");
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_OK);
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_API);
    assert_string_equal(oarc_client_last_call(&client)->error.param.ptr, "after");
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_API);
    assert_int_equal(fake.requests, 2);
}

static void bad_item_is_reported_and_passed_over(void **state)
{
    (void)state;
    setup_client();
    reply_json("{\"object\":\"list\",\"data\":[" ROLE_JSON("a") ","
               "{\"object\":\"role\",\"id\":\"b\",\"name\":7},"
               "{\"object\":\"role\",\"id\":\"\\ud800\"},7," ROLE_JSON("c") "],"
               "\"has_more\":false,\"next\":null}");
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "a");
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(oarc_client_last_call(&client)->bad_field, "name");
    assert_false(oarc_role_iter_ended(&it)); /* one item: the walk goes on */
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_JSON_SYNTAX); /* lone surrogate */
    assert_string_equal(oarc_client_last_call(&client)->bad_field, "id");
    /* An item that is not an object at all: no identity to keep. */
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_JSON_SHAPE);
    assert_null(role.id.ptr);
    assert_null(role.name.ptr);
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "c");
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ITER_END);
    assert_true(oarc_role_iter_ended(&it));
}

static void bad_page_ends_the_walk(void **state)
{
    (void)state;
    setup_client();
    reply_json("{\"object\":\"list\",\"data\":[],\"has_more\":1,\"next\":null}");
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    oarc_role role;
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(oarc_client_last_call(&client)->bad_field, "has_more");
    assert_true(oarc_role_iter_ended(&it)); /* the same status as one item, but over */
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_JSON_SHAPE);
    assert_int_equal(fake.requests, 1);
    assert_true(oarc_role_iter_ended(NULL));
}

static void iter_init_refusals_send_nothing(void **state)
{
    (void)state;
    static char long_after[OARC_MAX_CURSOR_LEN + 2];
    memset(long_after, 'c', sizeof long_after - 1u);
    const struct {
        oarc_role_scope scope;
        oarc_list_params params;
        oarc_status st;
    } cases[] = {
        { { (oarc_scope_kind)6, NULL, NULL }, { 0 }, OARC_ERR_ARGUMENT },
        { { (oarc_scope_kind)-1, NULL, NULL }, { 0 }, OARC_ERR_ARGUMENT },
        { { OARC_SCOPE_ORG_ROLES, "proj", NULL }, { 0 }, OARC_ERR_ARGUMENT },
        { { OARC_SCOPE_PROJECT_ROLES, "proj", "user" }, { 0 }, OARC_ERR_ARGUMENT },
        { { OARC_SCOPE_PROJECT_ROLES, NULL, NULL }, { 0 }, OARC_ERR_INVALID_ID },
        { { OARC_SCOPE_ORG_USER_ROLES, NULL, NULL }, { 0 }, OARC_ERR_INVALID_ID },
        { { OARC_SCOPE_ORG_GROUP_ROLES, NULL, "" }, { 0 }, OARC_ERR_INVALID_ID },
        { { OARC_SCOPE_PROJECT_USER_ROLES, "..", "user" }, { 0 }, OARC_ERR_INVALID_ID },
        { { OARC_SCOPE_PROJECT_GROUP_ROLES, "p", "g\n" }, { 0 }, OARC_ERR_INVALID_ID },
        { { OARC_SCOPE_ORG_ROLES, NULL, NULL }, { 1001, NULL, OARC_ORDER_DEFAULT }, OARC_ERR_ARGUMENT },
        { { OARC_SCOPE_ORG_ROLES, NULL, NULL }, { 0, NULL, (oarc_list_order)5 }, OARC_ERR_ARGUMENT },
        { { OARC_SCOPE_ORG_ROLES, NULL, NULL }, { 0, long_after, OARC_ORDER_DEFAULT }, OARC_ERR_ARGUMENT },
        { { OARC_SCOPE_ORG_ROLES, NULL, NULL }, { 0, "\xED\xA0\x80", OARC_ORDER_DEFAULT },
          OARC_ERR_INVALID_UTF8 },
    };
    setup_client();
    oarc_role role;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(oarc_role_iter_init(&it, &client, &cases[i].scope, &cases[i].params),
                         cases[i].st);
        assert_int_equal(oarc_role_iter_next(&it, &role), cases[i].st); /* stays refused */
    }
    assert_int_equal(oarc_role_iter_init(NULL, &client, &org_roles, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_iter_init(&it, NULL, &org_roles, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_iter_next(&it, &role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_iter_init(&it, &client, NULL, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_iter_next(NULL, &role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_iter_init(&it, &client, &org_roles, NULL), OARC_OK);
    assert_int_equal(oarc_role_iter_next(&it, NULL), OARC_ERR_ARGUMENT);
    assert_nothing_sent();
}

/* The scope table behind every operation: a kind past the table, or no
 * scope, is no scope at all (refused, never indexed), and the path is only
 * started with a client and a path to fill. */
static void op_scope_helpers_refuse_what_they_cannot_index(void **state)
{
    (void)state;
    static const oarc_role_scope past_end = { (oarc_scope_kind)99, NULL, NULL };
    static const oarc_role_scope group = { OARC_SCOPE_PROJECT_GROUP_ROLES, "p", "g" };
    oarc_path p;
    assert_false(oarc_scope_is_assignment(NULL));
    assert_false(oarc_scope_is_assignment(&past_end));
    assert_false(oarc_scope_is_assignment(&org_roles));
    assert_true(oarc_scope_is_assignment(&group));
    assert_int_equal(oarc_scope_principal(NULL), OARC_PRINCIPAL_USER);
    assert_int_equal(oarc_scope_principal(&group), OARC_PRINCIPAL_GROUP);
    setup_client();
    assert_int_equal(oarc_op_start(NULL, &org_roles, &p), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_op_start(&client, &org_roles, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_op_start(&client, &past_end, &p), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_op_start_role(&client, NULL, "r", &p), OARC_ERR_ARGUMENT);
    assert_nothing_sent();
}

/* oarc_op_send is the last check before the wire: a path or a body that
 * failed is returned as it failed, and nothing is sent. */
static void op_send_refuses_a_failed_path_or_body(void **state)
{
    (void)state;
    oarc_path p;
    oarc_json_writer w;
    oarc_json_doc doc;
    setup_client();
    assert_int_equal(oarc_op_start_role(&client, &org_roles, "", &p), OARC_ERR_INVALID_ID);
    assert_int_equal(oarc_op_send(&client, OARC_HTTP_GET, &p, NULL, &doc), OARC_ERR_INVALID_ID);
    assert_int_equal(oarc_op_start(&client, &org_roles, &p), OARC_OK);
    oarc_op_body(&client, &w);
    oarc_json_write_begin_object(&w); /* never closed */
    assert_int_equal(oarc_op_send(&client, OARC_HTTP_POST, &p, &w, &doc), OARC_ERR_ARGUMENT);
    assert_nothing_sent();
}

/* ---- The scope API: oarc_roles_* --------------------------------------------------------- */

/* Each of the five refuses a scope that is not the organization's or a
 * project's roles (an assignment collection, an unknown kind, an ID the kind
 * does not use, no scope) with OARC_ERR_ARGUMENT, and sends nothing. */
static void roles_scope_api_refuses_other_scopes(void **state)
{
    (void)state;
    static const oarc_role_scope bad[] = {
        { OARC_SCOPE_ORG_USER_ROLES, NULL, "user_abc" },
        { OARC_SCOPE_ORG_GROUP_ROLES, NULL, "group_01" },
        { OARC_SCOPE_PROJECT_USER_ROLES, "proj_abc", "user_abc" },
        { OARC_SCOPE_PROJECT_GROUP_ROLES, "proj_abc", "group_01" },
        { (oarc_scope_kind)42, NULL, NULL },
        { OARC_SCOPE_ORG_ROLES, "proj_abc", NULL },
        { OARC_SCOPE_ORG_ROLES, NULL, "user_abc" },
        { OARC_SCOPE_PROJECT_ROLES, "proj_abc", "user_abc" },
    };
    const oarc_role_create create = { .role_name = "R", .permissions = perms, .permission_count = 1 };
    const oarc_role_update update = { .description_state = OARC_FIELD_NULL };
    setup_client();
    for (size_t i = 0; i <= sizeof bad / sizeof bad[0]; i++) {
        const oarc_role_scope *scope = i < sizeof bad / sizeof bad[0] ? &bad[i] : NULL;
        memset(&res, 0, sizeof res);
        assert_int_equal(oarc_roles_list(&client, scope, NULL, &res.page), OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_roles_create(&client, scope, &create, &res.role), OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_roles_retrieve(&client, scope, "role_01", &res.role),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_roles_update(&client, scope, "role_01", &update, &res.role),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_roles_delete(&client, scope, "role_01", &res.deleted),
                         OARC_ERR_ARGUMENT);
        assert_int_equal(oarc_client_last_call(&client)->http_status, 0);
    }
    assert_nothing_sent();
}

/* The scope API on the wire: the requests of the named functions. */
static void roles_scope_api_on_the_wire(void **state)
{
    (void)state;
    const oarc_role_scope project = { OARC_SCOPE_PROJECT_ROLES, "proj_abc", NULL };
    const oarc_role_create create = { .role_name = "API Group Manager", .permissions = perms,
                                      .permission_count = 2, .description_state = OARC_FIELD_NULL };
    const oarc_role_update update = { .description_state = OARC_FIELD_SET, .description = "New" };

    setup_client();
    reply_json(LIST_JSON);
    assert_int_equal(oarc_roles_list(&client, &project, NULL, &res.page), OARC_OK);
    assert_sent("GET /v1/projects/proj_abc/roles", NULL);
    setup_client();
    reply_json(ROLE_JSON("role_01"));
    assert_int_equal(oarc_roles_create(&client, &project, &create, &res.role), OARC_OK);
    assert_sent("POST /v1/projects/proj_abc/roles", CREATE_BODY);
    setup_client();
    reply_json(ROLE_JSON("role_01"));
    assert_int_equal(oarc_roles_retrieve(&client, &org_roles, "role_01", &res.role), OARC_OK);
    assert_sent("GET /v1/organization/roles/role_01", NULL);
    setup_client();
    reply_json(ROLE_JSON("role_01"));
    assert_int_equal(oarc_roles_update(&client, &project, "role_01", &update, &res.role), OARC_OK);
    assert_sent("POST /v1/projects/proj_abc/roles/role_01", "{\"description\":\"New\"}");
    setup_client();
    reply_json(DELETED_JSON);
    assert_int_equal(oarc_roles_delete(&client, &org_roles, "role_01", &res.deleted), OARC_OK);
    assert_sent("DELETE /v1/organization/roles/role_01", NULL);
    assert_true(res.deleted.deleted);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(role_ops_on_the_wire),
    cmocka_unit_test(op_send_refuses_a_failed_path_or_body),
    cmocka_unit_test(ids_are_percent_encoded),
    cmocka_unit_test(bad_ids_send_nothing),
    cmocka_unit_test(null_arguments_send_nothing),
    cmocka_unit_test(bad_create_sends_nothing),
    cmocka_unit_test(list_query_encoding),
    cmocka_unit_test(bad_list_params_send_nothing),
    cmocka_unit_test(decode_failure_names_the_field),
    cmocka_unit_test(refused_null_argument_forgets_the_last_call),
    cmocka_unit_test(api_error_is_reported),
    cmocka_unit_test(walk_three_pages_following_next),
    cmocka_unit_test(walk_with_caller_params),
    cmocka_unit_test(walk_end_conditions),
    cmocka_unit_test(empty_page_with_more_ends_the_walk),
    cmocka_unit_test(page_too_large_for_rx_halves_the_limit),
    cmocka_unit_test(page_size_grows_back_after_a_large_item),
    cmocka_unit_test(page_with_too_many_tokens_halves_the_limit),
    cmocka_unit_test(item_too_large_is_an_error),
    cmocka_unit_test(repeated_cursor_is_an_error),
    cmocka_unit_test(cursor_loop_is_an_error),
    cmocka_unit_test(page_cap_ends_an_endless_list),
    cmocka_unit_test(server_cursor_too_long_is_an_error),
    cmocka_unit_test(api_error_ends_the_walk),
    cmocka_unit_test(bad_item_is_reported_and_passed_over),
    cmocka_unit_test(bad_page_ends_the_walk),
    cmocka_unit_test(iter_init_refusals_send_nothing),
    cmocka_unit_test(op_scope_helpers_refuse_what_they_cannot_index),
    cmocka_unit_test(roles_scope_api_refuses_other_scopes),
    cmocka_unit_test(roles_scope_api_on_the_wire),
};

OARC_TEST_MAIN(tests)
