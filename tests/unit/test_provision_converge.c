/**
 * @file test_provision_converge.c
 * @brief The provisioner's converge logic (prov_run_plan) against the
 * scripted port, without a network: for small plans and scripted API
 * answers, the exact requests sent (method, path, body) and each item's
 * reported outcome, request id and reason. Covers a role left unchanged (no
 * write), updates that carry only the differing fields, create when missing
 * and allowed, refusal when missing and not allowed, a known id that 404s,
 * an API error on one item while the rest are applied, a list walk failing
 * for its scope only, an unreachable API (the rest "not tried"), answers
 * that do not decode or are too long, the assignments phase, and a dry run.
 */
#include "test_main.h"

#include <stdbool.h>
#include <stdlib.h>

#include "fake_port.h"
#include "oarc/oarc.h"
#include "provision.h"
#include "role_diff.h"

static oarc_client client; /* large: off the stack, as users keep it */
static fake_port fake;
static prov_run run;       /* a few KB: static, as on a device */

static void setup_client(void)
{
    fake_port_client(&fake, &client);
}

/* ---- Answers shaped like the API's ------------------------------------------------ */

/* A 200 with a chunked JSON body (as the API sends it) and request id req. */
static void reply_ok(const char *req, const char *body, fake_after after)
{
    fake_reply_json(&fake, req, body, after);
}

static void reply_json(const char *req, const char *body)
{
    reply_ok(req, body, FAKE_KEEP);
}

/* An API error: status line, request id, the error object's message. */
static void reply_error(const char *status_line, const char *req, const char *message)
{
    char body[512];
    int b = snprintf(body, sizeof body,
                     "{\"error\":{\"message\":\"%s\",\"type\":\"invalid_request_error\","
                     "\"param\":null,\"code\":null}}",
                     message);
    assert_true(b > 0 && (size_t)b < sizeof body);
    fake_reply_status(&fake, status_line, "application/json", req, body);
}

#define TEXT(s) "\"" s "\""
#define ROLE(id, name, desc, perms)                                                      \
    "{\"object\":\"role\",\"id\":\"" id "\",\"name\":\"" name "\",\"description\":" desc \
    ",\"permissions\":" perms ",\"resource_type\":\"api.organization\","                 \
    "\"predefined_role\":false}"
#define PAGE(items) "{\"object\":\"list\",\"data\":[" items "],\"has_more\":false,\"next\":null}"
#define PAGE_MORE(items, next)                                                           \
    "{\"object\":\"list\",\"data\":[" items "],\"has_more\":true,\"next\":\"" next "\"}"
#define EMPTY_PAGE PAGE("")
#define USER_ROLE(user, role)                                                            \
    "{\"object\":\"user.role\",\"user\":{\"object\":\"organization.user\",\"id\":\"" user \
    "\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"role\":\"owner\","              \
    "\"added_at\":1711470000},\"role\":" role "}"
#define GROUP_ROLE(group, role)                                                          \
    "{\"object\":\"group.role\",\"group\":{\"object\":\"group\",\"id\":\"" group        \
    "\",\"name\":\"Engineering\",\"created_at\":1711471533,\"scim_managed\":false},"     \
    "\"role\":" role "}"

/* ---- What went on the wire --------------------------------------------------------- */

typedef struct {
    char line[512]; /* "METHOD /path?query" */
    char body[1024];
    bool has_body;
} sent_request;

#define MAX_SENT 16
static sent_request sent[MAX_SENT];
static size_t sent_count;

/* Splits everything the client sent into requests: each is a head up to its
 * blank line, then Content-Length bytes of body when the head names one. */
static void parse_sent(void)
{
    assert_true(fake.sent_len < FAKE_SENT_CAP);
    fake.sent[fake.sent_len] = '\0';
    memset(sent, 0, sizeof sent);
    sent_count = 0;
    size_t pos = 0;
    while (pos < fake.sent_len) {
        assert_true(sent_count < MAX_SENT);
        sent_request *q = &sent[sent_count++];
        const char *start = fake.sent + pos;
        const char *head_end = strstr(start, "\r\n\r\n");
        const char *eol = strstr(start, " HTTP/1.1\r\n");
        assert_non_null(head_end);
        assert_true(eol != NULL && eol < head_end);
        size_t n = (size_t)(eol - start);
        assert_true(n < sizeof q->line);
        memcpy(q->line, start, n);
        size_t body_len = 0;
        const char *cl = strstr(start, "\r\nContent-Length: ");
        if (cl != NULL && cl < head_end) {
            q->has_body = true;
            body_len = (size_t)strtoul(cl + 18, NULL, 10);
            assert_true(body_len < sizeof q->body);
            memcpy(q->body, head_end + 4, body_len);
        }
        pos = (size_t)(head_end + 4 - fake.sent) + body_len;
    }
    assert_int_equal(pos, fake.sent_len);
}

/* Request i was `line` with `body` (NULL: no body). A line without '?' names
 * a list's first page: the path must match and the query, whatever page size
 * the iterator chose, must carry no cursor. */
static void assert_request(size_t i, const char *line, const char *body)
{
    assert_true(i < sent_count);
    const sent_request *q = &sent[i];
    if (strchr(line, '?') == NULL && strchr(q->line, '?') != NULL) {
        const char *query = strchr(q->line, '?');
        assert_int_equal((size_t)(query - q->line), strlen(line));
        assert_memory_equal(q->line, line, strlen(line));
        assert_null(strstr(query, "after="));
    } else {
        assert_string_equal(q->line, line);
    }
    if (body == NULL) {
        assert_false(q->has_body);
    } else {
        assert_true(q->has_body);
        assert_string_equal(q->body, body);
    }
}

/* Every request of the run was a read. */
static void assert_only_reads(void)
{
    for (size_t i = 0; i < sent_count; i++) {
        assert_memory_equal(sent[i].line, "GET ", 4);
        assert_false(sent[i].has_body);
    }
}

/* ---- What the run reported ------------------------------------------------------------ */

#define NONE "(none)" /* a span the report left NULL */

typedef struct {
    prov_item_kind kind;
    size_t index;
    prov_outcome outcome;
    unsigned fields;
    oarc_status status;
    int http_status;
    const char *reason; /* NULL, or reason_text */
    char reason_text[256];
    bool dry_run;
    char role_id[OARC_MAX_ID_LEN + 1];
    char request_id[PROVISIONER_REQUEST_ID_SIZE];
    char message[256];
} seen_report;

#define MAX_SEEN 16
static seen_report seen[MAX_SEEN];
static size_t seen_count;

static void copy_span(char *dst, size_t cap, oarc_span s)
{
    if (s.ptr == NULL) {
        snprintf(dst, cap, "%s", NONE);
    } else {
        snprintf(dst, cap, "%.*s", (int)s.len, s.ptr);
    }
}

/* Spans are valid only during the callback: copied at once. */
static void record(void *ctx, const prov_report *r)
{
    assert_ptr_equal(ctx, &seen);
    assert_true(seen_count < MAX_SEEN);
    seen_report *s = &seen[seen_count++];
    s->kind = r->kind;
    s->index = r->index;
    s->outcome = r->outcome;
    s->fields = r->fields;
    s->status = r->status;
    s->http_status = r->http_status;
    /* A worded reason lives in the run only until the next report. */
    s->reason = NULL;
    if (r->reason != NULL) {
        assert_true(strlen(r->reason) < sizeof s->reason_text);
        snprintf(s->reason_text, sizeof s->reason_text, "%s", r->reason);
        s->reason = s->reason_text;
    }
    s->dry_run = r->dry_run;
    copy_span(s->role_id, sizeof s->role_id, r->role_id);
    copy_span(s->request_id, sizeof s->request_id, r->request_id);
    copy_span(s->message, sizeof s->message, r->message);
    /* The plan item handed back is the plan's own. */
    if (r->kind == PROV_ITEM_ROLE) {
        assert_non_null(r->role);
        assert_null(r->assignment);
    } else {
        assert_non_null(r->assignment);
        assert_null(r->role);
    }
}

/* Runs plan over the scripted port and splits what was sent. */
static void converge(const prov_plan *plan, bool dry_run)
{
    const prov_options options = { record, &seen, dry_run };
    prov_plan_error err;
    memset(seen, 0, sizeof seen);
    seen_count = 0;
    assert_int_equal(prov_run_plan(&run, &client, plan, &options, &err), OARC_OK);
    parse_sent();
}

static const seen_report *report(size_t i, prov_item_kind kind, size_t index,
                                 prov_outcome outcome)
{
    assert_true(i < seen_count);
    const seen_report *s = &seen[i];
    assert_int_equal(s->kind, kind);
    assert_int_equal(s->index, index);
    assert_string_equal(prov_outcome_str(s->outcome), prov_outcome_str(outcome));
    return s;
}

/* Item i succeeded (or was left alone) as decided by request `req`. */
static void assert_done(size_t i, prov_item_kind kind, size_t index, prov_outcome outcome,
                        const char *role_id, const char *req)
{
    const seen_report *s = report(i, kind, index, outcome);
    assert_string_equal(s->role_id, role_id);
    assert_string_equal(s->request_id, req);
    assert_int_equal(s->status, OARC_OK);
    assert_null(s->reason);
    assert_string_equal(s->message, NONE);
}

/* Item i failed on the API's answer: its status, message and request id. */
static void assert_api_failed(size_t i, prov_item_kind kind, size_t index, int http_status,
                              const char *message, const char *req)
{
    const seen_report *s = report(i, kind, index, PROV_FAILED);
    assert_int_equal(s->status, OARC_ERR_API);
    assert_int_equal(s->http_status, http_status);
    assert_string_equal(s->message, message);
    assert_string_equal(s->request_id, req);
    assert_null(s->reason);
}

/* Item i failed for a reason of the provisioner's, without a call of its own. */
static void assert_refused(size_t i, prov_item_kind kind, size_t index, oarc_status status,
                           const char *reason)
{
    const seen_report *s = report(i, kind, index, PROV_FAILED);
    assert_int_equal(s->status, status);
    assert_non_null(s->reason);
    assert_string_equal(s->reason, reason);
    assert_int_equal(s->http_status, 0);
    assert_string_equal(s->message, NONE);
}

static void assert_summary(size_t unchanged, size_t updated, size_t created, size_t assigned,
                           size_t failed)
{
    assert_int_equal(run.summary.unchanged, unchanged);
    assert_int_equal(run.summary.updated, updated);
    assert_int_equal(run.summary.created, created);
    assert_int_equal(run.summary.assigned, assigned);
    assert_int_equal(run.summary.failed, failed);
    assert_int_equal(seen_count, unchanged + updated + created + assigned + failed);
}

/* ---- Plans ------------------------------------------------------------------------------ */

static const char *const files_rw[] = { "api.files.write", "api.files.read" };
static const char *const files_rw_dup[] = { "api.files.read", "api.files.write",
                                            "api.files.read" };
static const char *const usage_read[] = { "api.usage.read" };

#define ORG_ROLE(nm, dstate, desc, perms, n)                                             \
    { .scope = PROV_SCOPE_ORG, .name = nm, .description_state = dstate,                  \
      .description = desc, .permissions = perms, .permission_count = n }

/* An organization-level assignment of an explicit role id. */
#define ORG_ASSIGN(who, pid, rid)                                                        \
    { .principal = who, .principal_id = pid, .scope = PROV_SCOPE_ORG, .role_id = rid }

static prov_plan plan_of(const prov_role *roles, size_t nroles, const prov_assignment *as,
                         size_t nas)
{
    return (prov_plan){ roles, nroles, as, nas };
}

/* ---- Roles ------------------------------------------------------------------------------- */

/* A role that matches (permissions in another order, the API repeating one)
 * is left alone: only the list is read, on two pages, and the outcome names
 * the id found and the page it was read on. */
static void matching_role_is_unchanged_and_nothing_is_written(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Deployer", OARC_FIELD_SET, "Ships models", files_rw, 2),
    };
    const prov_plan plan = plan_of(roles, 1, NULL, 0);
    setup_client();
    reply_json("req_page1", PAGE_MORE(ROLE("role_a", "Auditor", "null", "[]"), "role_a"));
    reply_json("req_page2",
               PAGE(ROLE("role_dep", "Deployer", TEXT("Ships models"),
                         "[\"api.files.read\",\"api.files.write\",\"api.files.read\"]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 2);
    assert_request(0, "GET /v1/organization/roles", NULL);
    assert_true(strstr(sent[1].line, "after=role_a") != NULL);
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_UNCHANGED, "role_dep", "req_page2");
    assert_int_equal(seen[0].fields, 0u);
    assert_summary(1, 0, 0, 0, 0);
    assert_int_equal(run.summary.unreachable, OARC_OK);
}

/* Each difference alone: the update carries that field only, permissions
 * de-duplicated in the plan's order; a description the plan does not
 * manage is never compared nor sent. */
static void update_carries_only_the_differing_fields(void **state)
{
    (void)state;
    static const struct {
        prov_role want;
        const char *have;     /* the role the API lists */
        const char *body;     /* the update sent; NULL: none */
        unsigned fields;
    } cases[] = {
        { ORG_ROLE("Deployer", OARC_FIELD_SET, "Ships", files_rw, 2),
          ROLE("role_1", "Deployer", TEXT("Ships"), "[\"api.files.read\"]"),
          "{\"permissions\":[\"api.files.write\",\"api.files.read\"]}", PROV_FIELD_PERMISSIONS },
        { ORG_ROLE("Deployer", OARC_FIELD_SET, "Ships", files_rw_dup, 3),
          ROLE("role_1", "Deployer", TEXT("Ships"), "[\"api.files.write\",\"api.usage.read\"]"),
          "{\"permissions\":[\"api.files.read\",\"api.files.write\"]}", PROV_FIELD_PERMISSIONS },
        { ORG_ROLE("Deployer", OARC_FIELD_NULL, NULL, files_rw, 2),
          ROLE("role_1", "Deployer", TEXT("Ships"), "[\"api.files.read\",\"api.files.write\"]"),
          "{\"description\":null}", PROV_FIELD_DESCRIPTION },
        { ORG_ROLE("Deployer", OARC_FIELD_SET, "Ships", files_rw, 2),
          ROLE("role_1", "Deployer", "null", "[\"api.files.read\",\"api.files.write\"]"),
          "{\"description\":\"Ships\"}", PROV_FIELD_DESCRIPTION },
        { ORG_ROLE("Deployer", OARC_FIELD_SET, "", files_rw, 2), /* "" is not null */
          ROLE("role_1", "Deployer", "null", "[\"api.files.read\",\"api.files.write\"]"),
          "{\"description\":\"\"}", PROV_FIELD_DESCRIPTION },
        { ORG_ROLE("Deployer", OARC_FIELD_OMIT, NULL, files_rw, 2),
          ROLE("role_1", "Deployer", TEXT("anything"), "[\"api.files.write\",\"api.files.read\"]"),
          NULL, 0u },
        { ORG_ROLE("Deployer", OARC_FIELD_NULL, NULL, NULL, 0),
          ROLE("role_1", "Deployer", TEXT("old"), "[\"api.files.read\"]"),
          "{\"description\":null,\"permissions\":[]}",
          PROV_FIELD_DESCRIPTION | PROV_FIELD_PERMISSIONS },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const prov_plan plan = plan_of(&cases[i].want, 1, NULL, 0);
        char page[4096];
        snprintf(page, sizeof page, PAGE("%s"), cases[i].have);
        setup_client();
        reply_json("req_list", page);
        reply_json("req_update", ROLE("role_1", "Deployer", "null", "[]"));
        converge(&plan, false);

        assert_request(0, "GET /v1/organization/roles", NULL);
        if (cases[i].body == NULL) {
            assert_int_equal(sent_count, 1);
            assert_done(0, PROV_ITEM_ROLE, 0, PROV_UNCHANGED, "role_1", "req_list");
            assert_summary(1, 0, 0, 0, 0);
        } else {
            assert_int_equal(sent_count, 2);
            assert_request(1, "POST /v1/organization/roles/role_1", cases[i].body);
            assert_done(0, PROV_ITEM_ROLE, 0, PROV_UPDATED, "role_1", "req_update");
            assert_int_equal(seen[0].fields, cases[i].fields);
            assert_summary(0, 1, 0, 0, 0);
        }
    }
}

/* A known id is retrieved, not searched for, and its name compared like any
 * field: a different name is a rename that sends the name alone. */
static void known_id_renames_with_the_name_only(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Model Caller",
          .description_state = OARC_FIELD_NULL, .permissions = usage_read,
          .permission_count = 1, .id = "role_known" },
    };
    const prov_plan plan = plan_of(roles, 1, NULL, 0);
    setup_client();
    reply_json("req_get", ROLE("role_known", "Old Name", "null", "[\"api.usage.read\"]"));
    reply_json("req_put", ROLE("role_known", "Model Caller", "null", "[\"api.usage.read\"]"));
    converge(&plan, false);

    assert_int_equal(sent_count, 2);
    assert_request(0, "GET /v1/projects/proj_abc/roles/role_known", NULL);
    assert_request(1, "POST /v1/projects/proj_abc/roles/role_known",
                   "{\"role_name\":\"Model Caller\"}");
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_UPDATED, "role_known", "req_put");
    assert_int_equal(seen[0].fields, PROV_FIELD_NAME);
    assert_summary(0, 1, 0, 0, 0);
}

/* A missing role the plan allows to create is created (description only
 * when managed, permissions de-duplicated), and an assignment naming it
 * takes the new id. */
static void missing_role_is_created_when_allowed(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Deployer",
          .description_state = OARC_FIELD_SET, .description = "Ships",
          .permissions = files_rw_dup, .permission_count = 3, .create_if_missing = true },
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Reader",
          .description_state = OARC_FIELD_OMIT, .permissions = usage_read,
          .permission_count = 1, .create_if_missing = true },
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_PROJECT,
          .project_id = "proj_abc", .role_name = "Deployer" },
    };
    const prov_plan plan = plan_of(roles, 2, as, 1);
    setup_client();
    reply_json("req_list", PAGE(ROLE("role_other", "Other", "null", "[]")));
    reply_json("req_create1", ROLE("role_new", "Deployer", TEXT("Ships"),
                                   "[\"api.files.read\",\"api.files.write\"]"));
    reply_json("req_create2", ROLE("role_new2", "Reader", "null", "[\"api.usage.read\"]"));
    reply_json("req_held", EMPTY_PAGE);
    reply_json("req_assign", USER_ROLE("user_1", ROLE("role_new", "Deployer", "null", "[]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 5);
    assert_request(0, "GET /v1/projects/proj_abc/roles", NULL); /* one walk for both */
    assert_request(1, "POST /v1/projects/proj_abc/roles",
                   "{\"role_name\":\"Deployer\",\"permissions\":[\"api.files.read\","
                   "\"api.files.write\"],\"description\":\"Ships\"}");
    assert_request(2, "POST /v1/projects/proj_abc/roles",
                   "{\"role_name\":\"Reader\",\"permissions\":[\"api.usage.read\"]}");
    assert_request(3, "GET /v1/projects/proj_abc/users/user_1/roles", NULL);
    assert_request(4, "POST /v1/projects/proj_abc/users/user_1/roles", "{\"role_id\":\"role_new\"}");
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_CREATED, "role_new", "req_create1");
    assert_done(1, PROV_ITEM_ROLE, 1, PROV_CREATED, "role_new2", "req_create2");
    assert_done(2, PROV_ITEM_ASSIGNMENT, 0, PROV_ASSIGNED, "role_new", "req_assign");
    assert_summary(0, 0, 2, 1, 0);
}

/* Missing and not allowed: failed with the reason, nothing written, and the
 * assignment naming it fails without a call. */
static void missing_role_is_refused_when_not_allowed(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Nobody Yet", OARC_FIELD_OMIT, NULL, usage_read, 1),
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_GROUP, .principal_id = "group_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Nobody Yet" },
    };
    const prov_plan plan = plan_of(roles, 1, as, 1);
    setup_client();
    reply_json("req_list", PAGE(ROLE("role_x", "Nobody Yet 2", "null", "[\"api.usage.read\"]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 1);
    assert_request(0, "GET /v1/organization/roles", NULL);
    assert_refused(0, PROV_ITEM_ROLE, 0, OARC_OK, "missing, and create_if_missing is false");
    assert_string_equal(seen[0].role_id, NONE);
    assert_refused(1, PROV_ITEM_ASSIGNMENT, 0, OARC_OK, "its role has no id (the role failed)");
    assert_string_equal(seen[1].request_id, NONE);
    assert_summary(0, 0, 0, 0, 2);
}

/* A known id the API does not have (404) fails and is never re-created,
 * even with create_if_missing; the 404 that decided it is named. */
static void known_id_that_404s_fails_and_is_not_created(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_ORG, .name = "Deployer", .description_state = OARC_FIELD_OMIT,
          .permissions = usage_read, .permission_count = 1, .create_if_missing = true,
          .id = "role_gone" },
        ORG_ROLE("Reader", OARC_FIELD_OMIT, NULL, usage_read, 1),
    };
    const prov_plan plan = plan_of(roles, 2, NULL, 0);
    setup_client();
    reply_error("404 Not Found", "req_404", "No such role");
    reply_json("req_list", PAGE(ROLE("role_r", "Reader", "null", "[\"api.usage.read\"]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 2);
    assert_request(0, "GET /v1/organization/roles/role_gone", NULL);
    assert_request(1, "GET /v1/organization/roles", NULL);
    assert_refused(0, PROV_ITEM_ROLE, 0, OARC_OK, "no role has this id");
    assert_string_equal(seen[0].request_id, "req_404");
    assert_done(1, PROV_ITEM_ROLE, 1, PROV_UNCHANGED, "role_r", "req_list");
    assert_summary(1, 0, 0, 0, 1);
}

/* Any other failure of a known id's retrieve is that item's failure, with
 * the API's answer. */
static void known_id_retrieve_error_is_reported(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_ORG, .name = "Deployer", .description_state = OARC_FIELD_OMIT,
          .permissions = usage_read, .permission_count = 1, .id = "role_1" },
    };
    const prov_plan plan = plan_of(roles, 1, NULL, 0);
    setup_client();
    reply_error("403 Forbidden", "req_403", "Not allowed");
    converge(&plan, false);
    assert_int_equal(sent_count, 1);
    assert_api_failed(0, PROV_ITEM_ROLE, 0, 403, "Not allowed", "req_403");
    assert_summary(0, 0, 0, 0, 1);
    assert_int_equal(run.summary.unreachable, OARC_OK);
}

/* The API refuses one update: that role fails with the answer's status,
 * message and request id; the roles after it are still applied. */
static void api_error_fails_one_item_and_the_rest_are_applied(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("First", OARC_FIELD_NULL, NULL, usage_read, 1),
        ORG_ROLE("Second", OARC_FIELD_NULL, NULL, usage_read, 1),
        ORG_ROLE("Third", OARC_FIELD_NULL, NULL, usage_read, 1),
    };
    const prov_plan plan = plan_of(roles, 3, NULL, 0);
    setup_client();
    reply_json("req_list", PAGE(ROLE("role_1", "First", "null", "[]") ","
                                ROLE("role_2", "Second", "null", "[]") ","
                                ROLE("role_3", "Third", "null", "[\"api.usage.read\"]")));
    reply_error("400 Bad Request", "req_refused", "Unknown permission");
    reply_json("req_ok", ROLE("role_2", "Second", "null", "[\"api.usage.read\"]"));
    converge(&plan, false);

    assert_int_equal(sent_count, 3);
    assert_request(1, "POST /v1/organization/roles/role_1", "{\"permissions\":[\"api.usage.read\"]}");
    assert_request(2, "POST /v1/organization/roles/role_2", "{\"permissions\":[\"api.usage.read\"]}");
    assert_api_failed(0, PROV_ITEM_ROLE, 0, 400, "Unknown permission", "req_refused");
    assert_done(1, PROV_ITEM_ROLE, 1, PROV_UPDATED, "role_2", "req_ok");
    assert_done(2, PROV_ITEM_ROLE, 2, PROV_UNCHANGED, "role_3", "req_list");
    assert_summary(1, 1, 0, 0, 1);
    assert_int_equal(run.summary.unreachable, OARC_OK);
}

/* The organization's list is refused: each organization role fails with
 * that answer, and the assignment naming one of them fails without a call;
 * the project's roles and an assignment by explicit id are applied. */
static void failed_list_walk_fails_only_its_scope(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Org A", OARC_FIELD_OMIT, NULL, usage_read, 1),
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Proj B",
          .description_state = OARC_FIELD_OMIT, .permissions = usage_read,
          .permission_count = 1 },
        ORG_ROLE("Org C", OARC_FIELD_OMIT, NULL, usage_read, 1),
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Org A" },
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_id = "role_explicit" },
    };
    const prov_plan plan = plan_of(roles, 3, as, 2);
    setup_client();
    reply_error("403 Forbidden", "req_no_list", "Missing scope");
    reply_json("req_proj", PAGE(ROLE("role_b", "Proj B", "null", "[\"api.usage.read\"]")));
    reply_json("req_held", PAGE(ROLE("role_explicit", "X", "null", "[]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 3);
    assert_request(0, "GET /v1/organization/roles", NULL);
    assert_request(1, "GET /v1/projects/proj_abc/roles", NULL);
    assert_request(2, "GET /v1/organization/users/user_1/roles", NULL);
    /* Roles of one scope are reported together: Org A, Org C, then Proj B. */
    assert_api_failed(0, PROV_ITEM_ROLE, 0, 403, "Missing scope", "req_no_list");
    assert_api_failed(1, PROV_ITEM_ROLE, 2, 403, "Missing scope", "req_no_list");
    assert_done(2, PROV_ITEM_ROLE, 1, PROV_UNCHANGED, "role_b", "req_proj");
    assert_refused(3, PROV_ITEM_ASSIGNMENT, 0, OARC_OK, "its role has no id (the role failed)");
    assert_done(4, PROV_ITEM_ASSIGNMENT, 1, PROV_UNCHANGED, "role_explicit", "req_held");
    assert_summary(2, 0, 0, 0, 3);
}

/* The API cannot be reached at all: the first item fails with the transport
 * status, every other one is "not tried", and nothing more is attempted. */
static void unreachable_api_leaves_the_rest_not_tried(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Org A", OARC_FIELD_OMIT, NULL, usage_read, 1),
        ORG_ROLE("Org B", OARC_FIELD_OMIT, NULL, usage_read, 1),
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Proj C",
          .description_state = OARC_FIELD_OMIT, .permissions = usage_read,
          .permission_count = 1, .id = "role_c" },
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_GROUP, .principal_id = "group_1", .scope = PROV_SCOPE_ORG,
          .role_id = "role_x" },
    };
    const prov_plan plan = plan_of(roles, 3, as, 1);
    setup_client();
    for (size_t i = 0; i < FAKE_MAX_CONNECTS; i++) {
        fake.connect_result[i] = OARC_ERR_CONNECT;
    }
    converge(&plan, false);

    assert_int_equal(fake.connects, 1); /* no further attempt once unreachable */
    assert_int_equal(sent_count, 0);
    const seen_report *first = report(0, PROV_ITEM_ROLE, 0, PROV_FAILED);
    assert_int_equal(first->status, OARC_ERR_CONNECT);
    assert_null(first->reason);
    assert_refused(1, PROV_ITEM_ROLE, 1, OARC_ERR_CONNECT, "not tried: the API could not be reached");
    assert_refused(2, PROV_ITEM_ROLE, 2, OARC_ERR_CONNECT, "not tried: the API could not be reached");
    assert_refused(3, PROV_ITEM_ASSIGNMENT, 0, OARC_ERR_CONNECT,
                   "not tried: the API could not be reached");
    assert_summary(0, 0, 0, 0, 4);
    assert_int_equal(run.summary.unreachable, OARC_ERR_CONNECT);
}

/* The API goes away part-way: items decided before stay as they were, the
 * write that met the loss fails with it, and the rest are not tried. */
static void api_lost_part_way_stops_the_run(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Same", OARC_FIELD_OMIT, NULL, usage_read, 1),
        ORG_ROLE("Differs", OARC_FIELD_OMIT, NULL, usage_read, 1),
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Proj",
          .description_state = OARC_FIELD_OMIT, .permissions = usage_read,
          .permission_count = 1 },
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Same" },
    };
    const prov_plan plan = plan_of(roles, 3, as, 1);
    setup_client();
    /* The server closes after the list; reconnecting for the update fails. */
    reply_ok("req_list",
             PAGE(ROLE("role_s", "Same", "null", "[\"api.usage.read\"]") ","
                  ROLE("role_d", "Differs", "null", "[]")),
             FAKE_CLOSE);
    for (size_t i = 1; i < FAKE_MAX_CONNECTS; i++) {
        fake.connect_result[i] = OARC_ERR_TIMEOUT;
    }
    converge(&plan, false);

    assert_int_equal(fake.connects, 2);
    assert_int_equal(sent_count, 2); /* the update was sent on the closed connection */
    assert_request(1, "POST /v1/organization/roles/role_d", "{\"permissions\":[\"api.usage.read\"]}");
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_UNCHANGED, "role_s", "req_list");
    const seen_report *lost = report(1, PROV_ITEM_ROLE, 1, PROV_FAILED);
    assert_int_equal(lost->status, OARC_ERR_TIMEOUT);
    assert_int_equal(lost->http_status, 0);
    assert_refused(2, PROV_ITEM_ROLE, 2, OARC_ERR_TIMEOUT, "not tried: the API could not be reached");
    assert_refused(3, PROV_ITEM_ASSIGNMENT, 0, OARC_ERR_TIMEOUT,
                   "not tried: the API could not be reached");
    assert_summary(1, 0, 0, 0, 3);
    assert_int_equal(run.summary.unreachable, OARC_ERR_TIMEOUT);
}

/* Answers the provisioner must not trip over: a list item that does not
 * decode, named so that it is none of the plan's, is passed over and the
 * walk goes on; a role whose id the API gives
 * longer than any id oarc sends fails without a write; a request id longer
 * than the run keeps is cut, not overflowed; a refused create fails with its
 * answer. */
static void odd_answers_are_handled_per_item(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Deployer", OARC_FIELD_OMIT, NULL, usage_read, 1),
        ORG_ROLE("Long", OARC_FIELD_OMIT, NULL, NULL, 0),
        { .scope = PROV_SCOPE_ORG, .name = "New", .description_state = OARC_FIELD_NULL,
          .permissions = usage_read, .permission_count = 1, .create_if_missing = true },
    };
    const prov_plan plan = plan_of(roles, 3, NULL, 0);
    /* 65 bytes: one over OARC_MAX_ID_LEN. */
#define LONG_ID "role_" "0123456789" "0123456789" "0123456789" "0123456789" "0123456789" \
                "0123456789"
    /* 96 bytes: over PROVISIONER_REQUEST_ID_SIZE - 1. */
#define LONG_REQ "req_" "0123456789abcdef" "0123456789abcdef" "0123456789abcdef" \
                 "0123456789abcdef" "0123456789abcdef" "0123456789ab"
    assert_int_equal(strlen(LONG_ID), OARC_MAX_ID_LEN + 1u);
    assert_true(strlen(LONG_REQ) >= PROVISIONER_REQUEST_ID_SIZE);
    setup_client();
    reply_json(LONG_REQ, PAGE("{\"object\":\"role\",\"id\":\"role_bad\",\"name\":\"Other\","
                              "\"description\":7},"
                              ROLE(LONG_ID, "Long", "null", "[]") ","
                              ROLE("role_dep", "Deployer", "null", "[\"api.usage.read\"]")));
    reply_error("403 Forbidden", "req_no_create", "Cannot create roles");
    converge(&plan, false);

    assert_int_equal(sent_count, 2);
    assert_request(1, "POST /v1/organization/roles",
                   "{\"role_name\":\"New\",\"permissions\":[\"api.usage.read\"],"
                   "\"description\":null}");
    char cut[PROVISIONER_REQUEST_ID_SIZE];
    memcpy(cut, LONG_REQ, sizeof cut - 1u); /* what the run keeps of it */
    cut[sizeof cut - 1u] = '\0';
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_UNCHANGED, "role_dep", cut);
    assert_refused(1, PROV_ITEM_ROLE, 1, OARC_OK, "the API's id for it is too long");
    assert_api_failed(2, PROV_ITEM_ROLE, 2, 403, "Cannot create roles", "req_no_create");
    assert_summary(1, 0, 0, 0, 2);
#undef LONG_ID
#undef LONG_REQ
}

/* Every outcome has its own name, and a value out of range still has one. */
static void outcome_names(void **state)
{
    (void)state;
    assert_string_equal(prov_outcome_str(PROV_UNCHANGED), "unchanged");
    assert_string_equal(prov_outcome_str(PROV_UPDATED), "updated");
    assert_string_equal(prov_outcome_str(PROV_CREATED), "created");
    assert_string_equal(prov_outcome_str(PROV_ASSIGNED), "assigned");
    assert_string_equal(prov_outcome_str(PROV_FAILED), "failed");
    assert_string_equal(prov_outcome_str((prov_outcome)42), "unknown");
}

/* ---- Assignments ------------------------------------------------------------------------ */

/* One walk per principal and scope: a held role is left alone, a missing one
 * is assigned, and a refused assign fails with the API's answer. */
static void assignments_present_missing_and_refused(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Deployer", OARC_FIELD_OMIT, NULL, usage_read, 1),
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Deployer" },
        { .principal = PROV_PRINCIPAL_GROUP, .principal_id = "group_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Deployer" },
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_id = "role_x" },
        { .principal = PROV_PRINCIPAL_GROUP, .principal_id = "group_1",
          .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .role_id = "role_p" },
    };
    const prov_plan plan = plan_of(roles, 1, as, 4);
    setup_client();
    reply_json("req_roles", PAGE(ROLE("role_dep", "Deployer", "null", "[\"api.usage.read\"]")));
    reply_json("req_user", PAGE(ROLE("role_other", "Other", "null", "[]") ","
                                ROLE("role_dep", "Deployer", "null", "[]")));
    reply_json("req_assign_x", USER_ROLE("user_1", ROLE("role_x", "X", "null", "[]")));
    reply_json("req_group", EMPTY_PAGE);
    reply_error("400 Bad Request", "req_assign_refused", "Group is SCIM managed");
    reply_json("req_pgroup", EMPTY_PAGE);
    reply_json("req_assign_p", GROUP_ROLE("group_1", ROLE("role_p", "P", "null", "[]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 7);
    assert_request(1, "GET /v1/organization/users/user_1/roles", NULL);
    assert_request(2, "POST /v1/organization/users/user_1/roles", "{\"role_id\":\"role_x\"}");
    assert_request(3, "GET /v1/organization/groups/group_1/roles", NULL);
    assert_request(4, "POST /v1/organization/groups/group_1/roles", "{\"role_id\":\"role_dep\"}");
    assert_request(5, "GET /v1/projects/proj_abc/groups/group_1/roles", NULL);
    assert_request(6, "POST /v1/projects/proj_abc/groups/group_1/roles", "{\"role_id\":\"role_p\"}");
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_UNCHANGED, "role_dep", "req_roles");
    /* Those of one principal together: user_1's two, then group_1's. An
     * unchanged one is decided by the principal's list page that showed it. */
    assert_done(1, PROV_ITEM_ASSIGNMENT, 0, PROV_UNCHANGED, "role_dep", "req_user");
    assert_done(2, PROV_ITEM_ASSIGNMENT, 2, PROV_ASSIGNED, "role_x", "req_assign_x");
    assert_api_failed(3, PROV_ITEM_ASSIGNMENT, 1, 400, "Group is SCIM managed",
                      "req_assign_refused");
    assert_done(4, PROV_ITEM_ASSIGNMENT, 3, PROV_ASSIGNED, "role_p", "req_assign_p");
    assert_summary(2, 0, 0, 2, 1);
}

/* A principal's list that cannot be read fails that principal's items only. */
static void failed_principal_walk_fails_its_items_only(void **state)
{
    (void)state;
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_id = "role_a" },
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_2", .scope = PROV_SCOPE_ORG,
          .role_id = "role_a" },
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_id = "role_b" },
    };
    const prov_plan plan = plan_of(NULL, 0, as, 3);
    setup_client();
    reply_error("404 Not Found", "req_no_user", "No such user");
    reply_json("req_user2", EMPTY_PAGE);
    reply_json("req_assign", USER_ROLE("user_2", ROLE("role_a", "A", "null", "[]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 3);
    assert_request(0, "GET /v1/organization/users/user_1/roles", NULL);
    assert_request(1, "GET /v1/organization/users/user_2/roles", NULL);
    assert_request(2, "POST /v1/organization/users/user_2/roles", "{\"role_id\":\"role_a\"}");
    assert_api_failed(0, PROV_ITEM_ASSIGNMENT, 0, 404, "No such user", "req_no_user");
    assert_api_failed(1, PROV_ITEM_ASSIGNMENT, 2, 404, "No such user", "req_no_user");
    assert_done(2, PROV_ITEM_ASSIGNMENT, 1, PROV_ASSIGNED, "role_a", "req_assign");
    assert_summary(0, 0, 0, 1, 2);
}

/* ---- Items that do not decode here ------------------------------------------------------ */

/* 33 permissions: one past OARC_MAX_PERMISSIONS, so a role holding them
 * does not decode (duplicates are the API's business: they count). */
#define P4 "\"p\",\"p\",\"p\",\"p\""
#define PERMS_33 "[" P4 "," P4 "," P4 "," P4 "," P4 "," P4 "," P4 "," P4 ",\"p\"]"
#define REASON_TOO_MANY \
    "the API's role does not decode here: bad field permissions; raise OARC_MAX_PERMISSIONS"

/* A role the API has but that does not decode here is neither created
 * (the name is taken: a real API might even accept a duplicate) nor said to
 * be missing nor updated: it fails with its own reason, the status it
 * failed with, its id and the page that showed it; an assignment naming it
 * fails without a call; the other roles of the walk go on. */
static void role_that_does_not_decode_fails_and_is_not_created(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_ORG, .name = "Reader", .description_state = OARC_FIELD_OMIT,
          .permissions = usage_read, .permission_count = 1, .create_if_missing = true },
        ORG_ROLE("Odd", OARC_FIELD_OMIT, NULL, usage_read, 1),
        ORG_ROLE("Fine", OARC_FIELD_OMIT, NULL, usage_read, 1),
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Reader" },
    };
    assert_true(OARC_MAX_PERMISSIONS < 33u);
    for (int dry = 0; dry <= 1; dry++) {
        const prov_plan plan = plan_of(roles, 3, as, 1);
        setup_client();
        reply_json("req_p1", PAGE_MORE(ROLE("role_fine", "Fine", "null", "[\"api.usage.read\"]")
                                       "," ROLE("role_big", "Reader", "null", PERMS_33),
                                       "role_big"));
        reply_json("req_p2", PAGE(ROLE("role_odd", "Odd", "7", "[]")));
        converge(&plan, dry != 0);

        assert_int_equal(sent_count, 2);
        assert_only_reads();
        const seen_report *big = report(0, PROV_ITEM_ROLE, 0, PROV_FAILED);
        assert_int_equal(big->status, OARC_ERR_TOO_MANY_ITEMS);
        assert_string_equal(big->reason, REASON_TOO_MANY);
        assert_string_equal(big->role_id, "role_big");
        assert_string_equal(big->request_id, "req_p1");
        assert_int_equal(big->http_status, 0);
        const seen_report *odd = report(1, PROV_ITEM_ROLE, 1, PROV_FAILED);
        assert_int_equal(odd->status, OARC_ERR_JSON_SHAPE);
        assert_string_equal(odd->reason, "the API's role does not decode here: bad field "
                                         "description; a member is missing or of the wrong type");
        assert_string_equal(odd->request_id, "req_p2");
        assert_done(2, PROV_ITEM_ROLE, 2, PROV_UNCHANGED, "role_fine", "req_p1");
        assert_refused(3, PROV_ITEM_ASSIGNMENT, 0, OARC_OK, "its role has no id (the role failed)");
        assert_summary(1, 0, 0, 0, 3);
    }
}

/* A known id whose retrieve answers a role that does not decode: failed
 * with the same reason, and no update. */
static void known_id_that_does_not_decode_is_not_updated(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_ORG, .name = "Reader", .description_state = OARC_FIELD_OMIT,
          .permissions = usage_read, .permission_count = 1, .id = "role_big" },
    };
    const prov_plan plan = plan_of(roles, 1, NULL, 0);
    setup_client();
    reply_json("req_get", ROLE("role_big", "Reader", "null", PERMS_33));
    converge(&plan, false);

    assert_int_equal(sent_count, 1);
    assert_request(0, "GET /v1/organization/roles/role_big", NULL);
    const seen_report *big = report(0, PROV_ITEM_ROLE, 0, PROV_FAILED);
    assert_int_equal(big->status, OARC_ERR_TOO_MANY_ITEMS);
    assert_string_equal(big->reason, REASON_TOO_MANY);
    assert_string_equal(big->role_id, "role_big");
    assert_string_equal(big->request_id, "req_get");
    assert_summary(0, 0, 0, 0, 1);
}

/* An item whose name cannot be read could be any plan role: those the walk
 * found go on, those it did not fail rather than be created, in a dry run
 * too (it says what a real run would do). */
static void unreadable_name_fails_the_roles_not_found(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_ORG, .name = "New", .description_state = OARC_FIELD_OMIT,
          .permissions = usage_read, .permission_count = 1, .create_if_missing = true },
        ORG_ROLE("Fine", OARC_FIELD_OMIT, NULL, usage_read, 1),
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "Elsewhere",
          .description_state = OARC_FIELD_OMIT, .permissions = usage_read,
          .permission_count = 1, .create_if_missing = true },
    };
    for (int dry = 0; dry <= 1; dry++) {
        const prov_plan plan = plan_of(roles, 3, NULL, 0);
        setup_client();
        reply_json("req_org", PAGE("{\"object\":\"role\",\"id\":\"role_x\",\"name\":7},"
                                   ROLE("role_fine", "Fine", "null", "[\"api.usage.read\"]")));
        reply_json("req_proj", EMPTY_PAGE);
        reply_json("req_create", ROLE("role_new", "Elsewhere", "null", "[\"api.usage.read\"]"));
        converge(&plan, dry != 0);

        /* Only the project's walk, which read everything, may create. */
        assert_int_equal(sent_count, dry ? 2u : 3u);
        assert_request(0, "GET /v1/organization/roles", NULL);
        assert_request(1, "GET /v1/projects/proj_abc/roles", NULL);
        assert_refused(0, PROV_ITEM_ROLE, 0, OARC_OK, "the list has an item that cannot be read");
        assert_done(1, PROV_ITEM_ROLE, 1, PROV_UNCHANGED, "role_fine", "req_org");
        if (!dry) {
            assert_request(2, "POST /v1/projects/proj_abc/roles",
                           "{\"role_name\":\"Elsewhere\",\"permissions\":[\"api.usage.read\"]}");
        }
        assert_done(2, PROV_ITEM_ROLE, 2, PROV_CREATED, dry ? NONE : "role_new",
                    dry ? NONE : "req_create");
        assert_summary(1, 0, 1, 0, 1);
    }
}

/* A page that does not decode (a 2xx that is no list) ends the walk: its
 * roles fail with it, none is created; it is not one bad item to pass over. */
static void list_page_that_does_not_decode_fails_the_walk(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        { .scope = PROV_SCOPE_ORG, .name = "New", .description_state = OARC_FIELD_OMIT,
          .permissions = usage_read, .permission_count = 1, .create_if_missing = true },
    };
    static const char *const bodies[] = {
        "{\"object\":\"not a list\",\"data\":[],\"has_more\":false,\"next\":null}",
        "{\"object\":\"list\",\"data\":[],\"has_more\":\"no\",\"next\":null}",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        const prov_plan plan = plan_of(roles, 1, NULL, 0);
        setup_client();
        reply_json("req_bad", bodies[i]);
        converge(&plan, false);

        assert_int_equal(sent_count, 1);
        const seen_report *s = report(0, PROV_ITEM_ROLE, 0, PROV_FAILED);
        assert_int_equal(s->status, OARC_ERR_JSON_SHAPE);
        assert_int_equal(s->http_status, 200);
        assert_string_equal(s->request_id, "req_bad");
        assert_summary(0, 0, 0, 0, 1);
    }
}

/* Assignments match on the role's id only: a held role that does not
 * decode is held (no write, on every run), named by the page that showed
 * it; a held item whose id cannot be read fails the assignments not found
 * in that walk, not those found, and not another principal's. */
static void held_roles_that_do_not_decode(void **state)
{
    (void)state;
    static const prov_assignment as[] = {
        ORG_ASSIGN(PROV_PRINCIPAL_USER, "user_1", "role_big"),
        ORG_ASSIGN(PROV_PRINCIPAL_GROUP, "group_1", "role_a"),
        ORG_ASSIGN(PROV_PRINCIPAL_GROUP, "group_1", "role_b"),
        ORG_ASSIGN(PROV_PRINCIPAL_USER, "user_2", "role_c"),
    };
    const prov_plan plan = plan_of(NULL, 0, as, 4);
    setup_client();
    reply_json("req_u1p1", PAGE_MORE(ROLE("role_other", "Other", "null", "[]"), "role_other"));
    reply_json("req_u1p2", PAGE(ROLE("role_big", "Reader", "null", PERMS_33)));
    reply_json("req_g1", PAGE("{\"id\":7,\"name\":\"Mystery\"},"
                              ROLE("role_a", "A", "null", "[]")));
    reply_json("req_u2", EMPTY_PAGE);
    reply_json("req_assign", USER_ROLE("user_2", ROLE("role_c", "C", "null", "[]")));
    converge(&plan, false);

    assert_int_equal(sent_count, 5);
    assert_request(0, "GET /v1/organization/users/user_1/roles", NULL);
    assert_true(strstr(sent[1].line, "after=role_other") != NULL);
    assert_request(2, "GET /v1/organization/groups/group_1/roles", NULL);
    assert_request(3, "GET /v1/organization/users/user_2/roles", NULL);
    assert_request(4, "POST /v1/organization/users/user_2/roles", "{\"role_id\":\"role_c\"}");
    assert_done(0, PROV_ITEM_ASSIGNMENT, 0, PROV_UNCHANGED, "role_big", "req_u1p2");
    assert_done(1, PROV_ITEM_ASSIGNMENT, 1, PROV_UNCHANGED, "role_a", "req_g1");
    assert_refused(2, PROV_ITEM_ASSIGNMENT, 2, OARC_OK, "the list has an item that cannot be read");
    assert_done(3, PROV_ITEM_ASSIGNMENT, 3, PROV_ASSIGNED, "role_c", "req_assign");
    assert_summary(2, 0, 0, 1, 1);
}

/* A 2xx assign whose answer does not decode here made the assignment all
 * the same: assigned, with its request id; an error status still fails. */
static void assign_answer_that_does_not_decode_is_assigned(void **state)
{
    (void)state;
    static const prov_assignment as[] = {
        ORG_ASSIGN(PROV_PRINCIPAL_USER, "user_1", "role_big"),
        ORG_ASSIGN(PROV_PRINCIPAL_GROUP, "group_1", "role_big"),
        ORG_ASSIGN(PROV_PRINCIPAL_USER, "user_2", "role_big"),
    };
    const prov_plan plan = plan_of(NULL, 0, as, 3);
    setup_client();
    reply_json("req_u1", EMPTY_PAGE);
    reply_json("req_assign_big", USER_ROLE("user_1", ROLE("role_big", "Reader", "null", PERMS_33)));
    reply_json("req_g1", EMPTY_PAGE);
    reply_json("req_assign_garbled", "{\"object\":\"group.role\",\"group\":7}");
    reply_json("req_u2", EMPTY_PAGE);
    reply_error("400 Bad Request", "req_refused", "No");
    converge(&plan, false);

    assert_int_equal(sent_count, 6);
    assert_request(1, "POST /v1/organization/users/user_1/roles", "{\"role_id\":\"role_big\"}");
    assert_request(3, "POST /v1/organization/groups/group_1/roles", "{\"role_id\":\"role_big\"}");
    assert_done(0, PROV_ITEM_ASSIGNMENT, 0, PROV_ASSIGNED, "role_big", "req_assign_big");
    assert_done(1, PROV_ITEM_ASSIGNMENT, 1, PROV_ASSIGNED, "role_big", "req_assign_garbled");
    assert_api_failed(2, PROV_ITEM_ASSIGNMENT, 2, 400, "No", "req_refused");
    assert_summary(0, 0, 0, 2, 1);
}

/* Each unchanged assignment names the page that showed it, as long as the
 * run keeps that page's request id: past PROVISIONER_MAX_HELD_PAGES pages
 * of one walk showing held roles, `-` rather than another page's id. */
static void held_pages_past_the_limit_name_no_request_id(void **state)
{
    (void)state;
#define HELD_N (PROVISIONER_MAX_HELD_PAGES + 1u)
    static char ids[HELD_N][16];
    static prov_assignment as[HELD_N];
    assert_true(HELD_N < FAKE_MAX_REPLIES);
    for (size_t i = 0; i < HELD_N; i++) {
        snprintf(ids[i], sizeof ids[i], "role_%zu", i);
        as[i] = (prov_assignment){ .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1",
                                   .scope = PROV_SCOPE_ORG, .role_id = ids[i] };
    }
    const prov_plan plan = plan_of(NULL, 0, as, HELD_N);
    setup_client();
    for (size_t i = 0; i < HELD_N; i++) {
        char req[32];
        char item[512];
        char page[1024];
        snprintf(req, sizeof req, "req_page%zu", i);
        /* %.15s: the bound of ids[i], which gcc -O3 cannot see through the
         * array and would take for a possible truncation. */
        snprintf(item, sizeof item, ROLE("%.15s", "R", "null", "[]"), ids[i]);
        if (i + 1u < HELD_N) {
            snprintf(page, sizeof page, PAGE_MORE("%s", "%s"), item, ids[i]);
        } else {
            snprintf(page, sizeof page, PAGE("%s"), item);
        }
        reply_json(req, page);
    }
    converge(&plan, false);

    assert_int_equal(sent_count, HELD_N);
    assert_only_reads();
    for (size_t i = 0; i < HELD_N; i++) {
        char req[32];
        snprintf(req, sizeof req, "req_page%zu", i);
        assert_done(i, PROV_ITEM_ASSIGNMENT, i, PROV_UNCHANGED, ids[i],
                    i < PROVISIONER_MAX_HELD_PAGES ? req : NONE);
    }
    assert_summary(HELD_N, 0, 0, 0, 0);
#undef HELD_N
}

#undef P4
#undef PERMS_33
#undef REASON_TOO_MANY

/* ---- Dry run ---------------------------------------------------------------------------- */

/* Reads and compares as usual, sends no write, and says what it would do:
 * an assignment to a role that would be created would be assigned, and
 * needs no walk. */
static void dry_run_only_reads(void **state)
{
    (void)state;
    static const prov_role roles[] = {
        ORG_ROLE("Differs", OARC_FIELD_NULL, NULL, usage_read, 1),
        { .scope = PROV_SCOPE_PROJECT, .project_id = "proj_abc", .name = "New",
          .description_state = OARC_FIELD_OMIT, .permissions = usage_read,
          .permission_count = 1, .create_if_missing = true },
    };
    static const prov_assignment as[] = {
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_PROJECT,
          .project_id = "proj_abc", .role_name = "New" },
        { .principal = PROV_PRINCIPAL_USER, .principal_id = "user_1", .scope = PROV_SCOPE_ORG,
          .role_name = "Differs" },
    };
    const prov_plan plan = plan_of(roles, 2, as, 2);
    setup_client();
    reply_json("req_org", PAGE(ROLE("role_d", "Differs", TEXT("x"), "[\"api.usage.read\"]")));
    reply_json("req_proj", EMPTY_PAGE);
    reply_json("req_user", EMPTY_PAGE);
    converge(&plan, true);

    assert_int_equal(sent_count, 3);
    assert_only_reads();
    assert_request(0, "GET /v1/organization/roles", NULL);
    assert_request(1, "GET /v1/projects/proj_abc/roles", NULL);
    assert_request(2, "GET /v1/organization/users/user_1/roles", NULL);
    assert_done(0, PROV_ITEM_ROLE, 0, PROV_UPDATED, "role_d", "req_org");
    assert_int_equal(seen[0].fields, PROV_FIELD_DESCRIPTION);
    assert_done(1, PROV_ITEM_ROLE, 1, PROV_CREATED, NONE, NONE);
    assert_done(2, PROV_ITEM_ASSIGNMENT, 0, PROV_ASSIGNED, NONE, NONE);
    assert_done(3, PROV_ITEM_ASSIGNMENT, 1, PROV_ASSIGNED, "role_d", NONE);
    for (size_t i = 0; i < seen_count; i++) {
        assert_true(seen[i].dry_run);
    }
    assert_summary(0, 1, 1, 2, 0);
}

/* ---- The entry point's refusals ------------------------------------------------------- */

/* A bad plan or a missing run or client is refused before anything is sent. */
static void refusals_send_nothing(void **state)
{
    (void)state;
    static const prov_role dup[] = {
        ORG_ROLE("Same", OARC_FIELD_OMIT, NULL, usage_read, 1),
        ORG_ROLE("Same", OARC_FIELD_OMIT, NULL, usage_read, 1),
    };
    const prov_plan plan = plan_of(dup, 2, NULL, 0);
    const prov_plan good = plan_of(dup, 1, NULL, 0);
    prov_plan_error err;
    setup_client();
    assert_int_equal(prov_run_plan(&run, &client, &plan, NULL, &err), OARC_ERR_ARGUMENT);
    assert_int_equal(err.status, OARC_ERR_ARGUMENT);
    assert_int_equal(prov_run_plan(NULL, &client, &good, NULL, &err), OARC_ERR_ARGUMENT);
    assert_int_equal(prov_run_plan(&run, NULL, &good, NULL, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(prov_run_plan(&run, &client, NULL, NULL, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);

    /* No options: no report, writes sent, the summary still counted. */
    reply_json("req_list", EMPTY_PAGE);
    assert_int_equal(prov_run_plan(&run, &client, &good, NULL, NULL), OARC_OK);
    assert_int_equal(run.summary.failed, 1);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(matching_role_is_unchanged_and_nothing_is_written),
    cmocka_unit_test(update_carries_only_the_differing_fields),
    cmocka_unit_test(known_id_renames_with_the_name_only),
    cmocka_unit_test(missing_role_is_created_when_allowed),
    cmocka_unit_test(missing_role_is_refused_when_not_allowed),
    cmocka_unit_test(known_id_that_404s_fails_and_is_not_created),
    cmocka_unit_test(known_id_retrieve_error_is_reported),
    cmocka_unit_test(api_error_fails_one_item_and_the_rest_are_applied),
    cmocka_unit_test(failed_list_walk_fails_only_its_scope),
    cmocka_unit_test(unreachable_api_leaves_the_rest_not_tried),
    cmocka_unit_test(api_lost_part_way_stops_the_run),
    cmocka_unit_test(odd_answers_are_handled_per_item),
    cmocka_unit_test(outcome_names),
    cmocka_unit_test(assignments_present_missing_and_refused),
    cmocka_unit_test(failed_principal_walk_fails_its_items_only),
    cmocka_unit_test(role_that_does_not_decode_fails_and_is_not_created),
    cmocka_unit_test(known_id_that_does_not_decode_is_not_updated),
    cmocka_unit_test(unreadable_name_fails_the_roles_not_found),
    cmocka_unit_test(list_page_that_does_not_decode_fails_the_walk),
    cmocka_unit_test(held_roles_that_do_not_decode),
    cmocka_unit_test(assign_answer_that_does_not_decode_is_assigned),
    cmocka_unit_test(held_pages_past_the_limit_name_no_request_id),
    cmocka_unit_test(dry_run_only_reads),
    cmocka_unit_test(refusals_send_nothing),
};

OARC_TEST_MAIN(tests)
