/**
 * @file test_list_codec.c
 * @brief The Roles family's codecs without a client: list pages (Role and
 * AssignedRoleDetails items, decoded one at a time), role assignments, the
 * two deletion answers, and the create and assign bodies. Unknown nested
 * members and nulls are skipped; wrong shapes name the member at fault.
 */
#include "test_main.h"

#include "api_error.h"
#include "assignment_decode.h"
#include "json_read.h"
#include "json_write.h"
#include "oarc/oarc_role_page.h"
#include "page_decode.h"
#include "role_body.h"
#include "role_decode.h"

#define POOL 256

typedef struct {
    char text[4096];
    jsmntok_t pool[POOL];
    oarc_json_doc doc;
} fixture_t;

static fixture_t f; /* large: off the stack */

static void parse(const char *json)
{
    size_t len = strlen(json);
    assert_true(len < sizeof f.text);
    memcpy(f.text, json, len + 1u);
    assert_int_equal(oarc_json_parse(&f.doc, f.text, len, f.pool, POOL), OARC_OK);
}

#define ROLE(id)                                                                        \
    "{\"object\":\"role\",\"id\":\"" id "\",\"name\":\"Name " id "\","                  \
    "\"description\":null,\"permissions\":[\"api.groups.read\"],"                       \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false,"                \
    "\"future\":{\"nested\":[1,{\"x\":null}],\"more\":\"y\"}}"

/* An AssignedRoleDetails as the API sends it, every extra member included. */
#define ASSIGNED(id, extra)                                                             \
    "{\"id\":\"" id "\",\"name\":\"API Group Manager\","                                \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"                       \
    "\"resource_type\":\"api.organization\",\"predefined_role\":true,"                 \
    "\"description\":\"Allows managing\",\"created_at\":1711471533,"                   \
    "\"updated_at\":null,\"created_by\":\"user_abc123\"," extra                         \
    "\"metadata\":{\"k\":{\"deep\":[true,false]}}}"

#define LIST(data, tail) "{\"object\":\"list\",\"data\":[" data "]," tail "}"

/* ---- Pages ----------------------------------------------------------------------- */

static void role_page_yields_each_role_then_end(void **state)
{
    (void)state;
    parse(LIST(ROLE("r1") "," ROLE("r2"), "\"has_more\":true,\"next\":\"r2\""));
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, false, &page), OARC_OK);
    assert_int_equal(page.count, 2);
    assert_true(page.has_more);
    assert_string_equal(page.next.ptr, "r2");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "r1");
    assert_string_equal(role.name.ptr, "Name r1");
    assert_null(role.description.ptr);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "r2");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
}

static void members_in_any_order_and_unknown_ones_skipped(void **state)
{
    (void)state;
    parse("{\"next\":null,\"extra\":[{\"data\":1}],\"has_more\":false,"
          "\"data\":[" ROLE("r1") "],\"object\":\"list\",\"first_id\":\"r1\"}");
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, false, &page), OARC_OK);
    assert_int_equal(page.count, 1);
    assert_false(page.has_more);
    assert_null(page.next.ptr);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.resource_type.ptr, "api.organization");
}

static void empty_page_ends_at_once(void **state)
{
    (void)state;
    parse(LIST("", "\"has_more\":false,\"next\":null"));
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, true, &page), OARC_OK);
    assert_int_equal(page.count, 0);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
}

static void assigned_page_skips_extras_of_any_type(void **state)
{
    (void)state;
    parse(LIST(ASSIGNED("role_a", "\"created_by_user_obj\":{\"id\":\"user_abc123\","
                                  "\"name\":\"Ada\",\"email\":null},"
                                  "\"assignment_sources\":[{\"principal_id\":\"g\","
                                  "\"principal_type\":\"group\"}],") ","
               ASSIGNED("role_b", "\"created_by_user_obj\":null,\"assignment_sources\":null,"),
               "\"has_more\":false,\"next\":null"));
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, true, &page), OARC_OK);
    assert_int_equal(page.count, 2);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "role_a");
    assert_string_equal(role.description.ptr, "Allows managing");
    assert_int_equal(role.permission_count, 2);
    assert_string_equal(role.permissions[1].ptr, "api.groups.write");
    assert_true(role.predefined_role);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "role_b");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
}

static void assigned_item_is_not_a_role(void **state)
{
    (void)state;
    /* A Role list requires the "object" tag an AssignedRoleDetails lacks. */
    parse(LIST(ASSIGNED("role_a", ""), "\"has_more\":false,\"next\":null"));
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, false, &page), OARC_OK);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(page.bad_field, "object");
}

/* Each envelope must be refused, blaming the member named beside it. */
static void envelope_shapes_name_the_field(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        const char *field;
    } cases[] = {
        { "[]", "list" },
        { "{\"object\":\"lists\",\"data\":[],\"has_more\":false,\"next\":null}", "object" },
        { "{\"data\":[],\"has_more\":false,\"next\":null}", "object" },
        { "{\"object\":\"list\",\"has_more\":false,\"next\":null}", "data" },
        { "{\"object\":\"list\",\"data\":{},\"has_more\":false,\"next\":null}", "data" },
        { "{\"object\":\"list\",\"data\":[],\"next\":null}", "has_more" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":\"no\",\"next\":null}", "has_more" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":null,\"next\":null}", "has_more" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":false}", "next" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":true,\"next\":5}", "next" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":true,\"next\":[]}", "next" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        oarc_role_page page;
        oarc_role role;
        parse(cases[i].json);
        assert_int_equal(oarc_role_page_decode(&f.doc, i % 2u == 0u, &page), OARC_ERR_JSON_SHAPE);
        assert_string_equal(f.doc.bad_field, cases[i].field);
        assert_int_equal(page.count, 0);
        assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
    }
}

/* A list envelope member given twice is refused, naming it: which of the
 * two values counts is where parsers differ. */
static void envelope_repeated_members_are_refused(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        const char *field;
    } cases[] = {
        { "{\"object\":\"list\",\"object\":\"list\",\"data\":[],\"has_more\":false,\"next\":null}", "object" },
        { "{\"object\":\"list\",\"data\":[],\"data\":[" ROLE("a") "],\"has_more\":false,\"next\":null}", "data" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":true,\"has_more\":false,\"next\":null}", "has_more" },
        { "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"next\":null,\"next\":\"x\"}", "next" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        oarc_role_page page;
        parse(cases[i].json);
        assert_int_equal(oarc_role_page_decode(&f.doc, false, &page), OARC_ERR_JSON_SHAPE);
        assert_string_equal(f.doc.bad_field, cases[i].field);
        assert_int_equal(page.count, 0);
    }
}

/* s holds exactly expected (NUL-terminated), or is {NULL, 0} for NULL. */
static void assert_span_is(oarc_span s, const char *expected)
{
    if (expected == NULL) {
        assert_null(s.ptr);
        assert_int_equal(s.len, 0);
        return;
    }
    assert_non_null(s.ptr);
    assert_string_equal(s.ptr, expected);
    assert_int_equal(s.len, strlen(expected));
}

/* After an item failed: only id and name may be set (NULL: must not be),
 * every other field zeroed. */
static void assert_identity_only(const oarc_role *role, const char *id, const char *name)
{
    assert_span_is(role->id, id);
    assert_span_is(role->name, name);
    assert_null(role->description.ptr);
    assert_int_equal(role->permission_count, 0);
    for (size_t i = 0; i < OARC_MAX_PERMISSIONS; i++) {
        assert_null(role->permissions[i].ptr);
    }
    assert_null(role->resource_type.ptr);
    assert_false(role->predefined_role);
}

static void bad_item_is_named_and_passed_over(void **state)
{
    (void)state;
    parse(LIST("7," ASSIGNED("a", "") ","
               "{\"id\":\"b\",\"name\":\"n\",\"permissions\":\"all\",\"resource_type\":\"x\","
               "\"predefined_role\":false,\"description\":null},"
               "{\"id\":\"c\",\"name\":\"n\",\"permissions\":[],\"resource_type\":\"x\","
               "\"predefined_role\":false}," ASSIGNED("d", ""),
               "\"has_more\":false,\"next\":null"));
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, true, &page), OARC_OK);
    assert_int_equal(page.count, 5);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(page.bad_field, "role");
    assert_identity_only(&role, NULL, NULL); /* not an object: nothing to tell */
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "a");
    assert_null(page.bad_field);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(page.bad_field, "permissions");
    assert_identity_only(&role, "b", "n"); /* which item, and nothing half-decoded */
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(page.bad_field, "description"); /* required, even if null */
    assert_identity_only(&role, "c", "n");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "d");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
}

static void too_many_permissions_in_an_item(void **state)
{
    (void)state;
    static char json[4096];
    size_t n = (size_t)snprintf(json, sizeof json,
                                "{\"object\":\"list\",\"has_more\":false,\"next\":null,"
                                "\"data\":[{\"id\":\"r\",\"name\":\"n\",\"resource_type\":\"x\","
                                "\"predefined_role\":false,\"description\":null,"
                                "\"permissions\":[");
    for (unsigned i = 0; i <= OARC_MAX_PERMISSIONS; i++) {
        n += (size_t)snprintf(json + n, sizeof json - n, "%s\"p%u\"", i ? "," : "", i);
    }
    snprintf(json + n, sizeof json - n, "]}]}");
    parse(json);
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, true, &page), OARC_OK);
    memset(&role, 0xA5, sizeof role); /* whatever was there before is cleared */
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_TOO_MANY_ITEMS);
    assert_string_equal(page.bad_field, "permissions");
    /* A role too large to hold is still known by its id and name, so a
     * caller does not take it for absent. */
    assert_identity_only(&role, "r", "n");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
}

/* What a failed item keeps, member by member: id and name each when it is a
 * string that unescapes, whichever member is at fault (the tag included),
 * and the fault stays named. */
static void failed_item_keeps_what_can_be_read(void **state)
{
    (void)state;
    static const struct {
        bool assigned;
        const char *item;
        oarc_status status;
        const char *field;
        const char *id;   /* NULL: not kept */
        const char *name;
    } cases[] = {
        /* Role lists: the tag checked first, still id and name kept. */
        { false, "{\"object\":\"user\",\"id\":\"r1\",\"name\":\"N\"}", OARC_ERR_JSON_SHAPE,
          "object", "r1", "N" },
        { false, "{\"object\":\"role\",\"id\":7,\"name\":\"N\"}", OARC_ERR_JSON_SHAPE, "id",
          NULL, "N" },
        { false, "{\"object\":\"role\",\"id\":\"r1\",\"name\":null}", OARC_ERR_JSON_SHAPE,
          "name", "r1", NULL },
        /* A lone surrogate does not unescape: that member alone is lost. */
        { false, "{\"object\":\"role\",\"id\":\"r1\",\"name\":\"\\ud800\"}",
          OARC_ERR_JSON_SYNTAX, "name", "r1", NULL },
        { false, "{\"object\":\"role\",\"id\":\"r\\u0031\",\"name\":\"A\\/B\",\"description\":1}",
          OARC_ERR_JSON_SHAPE, "description", "r1", "A/B" },
        /* Assignment lists: no tag; a bad permission does not hide the role. */
        { true, "{\"id\":\"r2\",\"name\":\"M\",\"permissions\":[\"\\udfff\"]}",
          OARC_ERR_JSON_SYNTAX, "permissions", "r2", "M" },
        { true, "{\"name\":\"M\"}", OARC_ERR_JSON_SHAPE, "id", NULL, "M" },
        { true, "{\"id\":[\"r2\"],\"name\":{\"x\":\"M\"}}", OARC_ERR_JSON_SHAPE, "id", NULL,
          NULL },
        { true, "[\"r2\"]", OARC_ERR_JSON_SHAPE, "role", NULL, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char json[1024];
        oarc_role_page page;
        oarc_role role;
        int n = snprintf(json, sizeof json, LIST("%s", "\"has_more\":false,\"next\":null"),
                         cases[i].item);
        assert_true(n > 0 && (size_t)n < sizeof json);
        parse(json);
        assert_int_equal(oarc_role_page_decode(&f.doc, cases[i].assigned, &page), OARC_OK);
        memset(&role, 0xA5, sizeof role);
        assert_int_equal(oarc_role_page_next(&page, &role), cases[i].status);
        assert_non_null(page.bad_field);
        assert_string_equal(page.bad_field, cases[i].field);
        assert_identity_only(&role, cases[i].id, cases[i].name);
        assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
    }
}

static void page_arguments_checked(void **state)
{
    (void)state;
    oarc_role_page page;
    oarc_role role;
    parse(LIST("", "\"has_more\":false,\"next\":null"));
    assert_int_equal(oarc_role_page_decode(NULL, false, &page), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_page_decode(&f.doc, false, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_page_next(NULL, &role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_page_next(&page, NULL), OARC_ERR_ARGUMENT);
    memset(&page, 0, sizeof page); /* a zeroed page has no items */
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ITER_END);
}

/* ---- Assignments ------------------------------------------------------------------ */

#define ROLE_BODY                                                                       \
    "{\"object\":\"role\",\"id\":\"role_01\",\"name\":\"API Group Manager\","           \
    "\"description\":\"Allows\",\"permissions\":[\"api.groups.read\"],"                 \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false}"

static void user_assignment_with_nulls_and_extras(void **state)
{
    (void)state;
    oarc_role_assignment a;
    parse("{\"object\":\"user.role\",\"user\":{\"object\":\"organization.user\","
          "\"id\":\"user_abc\",\"name\":null,\"email\":null,\"role\":\"owner\","
          "\"added_at\":1711470000,\"user\":{\"object\":\"user\",\"id\":\"u\"},"
          "\"projects\":{\"object\":\"list\",\"data\":[{\"id\":null}]}},"
          "\"role\":" ROLE_BODY ",\"new\":[]}");
    assert_int_equal(oarc_role_assignment_decode(&f.doc, OARC_PRINCIPAL_USER, &a), OARC_OK);
    assert_string_equal(a.principal.id.ptr, "user_abc");
    assert_null(a.principal.name.ptr);
    assert_null(a.principal.email.ptr);
    assert_string_equal(a.role.id.ptr, "role_01");
    assert_string_equal(a.role.description.ptr, "Allows");

    parse("{\"object\":\"user.role\",\"user\":{\"id\":\"user_abc\",\"name\":\"Ada Lovelace\","
          "\"email\":\"ada@example.com\",\"added_at\":1},\"role\":" ROLE_BODY "}");
    assert_int_equal(oarc_role_assignment_decode(&f.doc, OARC_PRINCIPAL_USER, &a), OARC_OK);
    assert_string_equal(a.principal.name.ptr, "Ada Lovelace");
    assert_string_equal(a.principal.email.ptr, "ada@example.com");

    parse("{\"object\":\"user.role\",\"user\":{\"id\":\"user_abc\"},\"role\":" ROLE_BODY "}");
    assert_int_equal(oarc_role_assignment_decode(&f.doc, OARC_PRINCIPAL_USER, &a), OARC_OK);
    assert_null(a.principal.name.ptr); /* not required for a user */
}

static void group_assignment(void **state)
{
    (void)state;
    oarc_role_assignment a;
    parse("{\"object\":\"group.role\",\"group\":{\"object\":\"group\",\"id\":\"group_01\","
          "\"name\":\"Support Team\",\"created_at\":1711471533,\"scim_managed\":false},"
          "\"role\":" ROLE_BODY "}");
    assert_int_equal(oarc_role_assignment_decode(&f.doc, OARC_PRINCIPAL_GROUP, &a), OARC_OK);
    assert_string_equal(a.principal.id.ptr, "group_01");
    assert_string_equal(a.principal.name.ptr, "Support Team");
    assert_null(a.principal.email.ptr);
    assert_string_equal(a.role.name.ptr, "API Group Manager");
}

static void assignment_shapes_name_the_field(void **state)
{
    (void)state;
    static const struct {
        oarc_principal_type type;
        const char *json;
        const char *field;
    } cases[] = {
        { OARC_PRINCIPAL_USER, "[]", "user.role" },
        { OARC_PRINCIPAL_USER, "{\"object\":\"group.role\",\"group\":{\"id\":\"g\",\"name\":\"n\"},"
                               "\"role\":" ROLE_BODY "}", "object" },
        { OARC_PRINCIPAL_GROUP, "{\"object\":\"group.role\",\"role\":" ROLE_BODY "}", "group" },
        { OARC_PRINCIPAL_GROUP, "{\"object\":\"group.role\",\"group\":\"g\",\"role\":" ROLE_BODY "}",
          "group" },
        { OARC_PRINCIPAL_GROUP, "{\"object\":\"group.role\",\"group\":{\"id\":\"g\",\"name\":null},"
                                "\"role\":" ROLE_BODY "}", "name" },
        { OARC_PRINCIPAL_USER, "{\"object\":\"user.role\",\"user\":{\"name\":\"n\"},"
                               "\"role\":" ROLE_BODY "}", "id" },
        { OARC_PRINCIPAL_USER, "{\"object\":\"user.role\",\"user\":{\"id\":\"u\",\"email\":7},"
                               "\"role\":" ROLE_BODY "}", "email" },
        { OARC_PRINCIPAL_USER, "{\"object\":\"user.role\",\"user\":{\"id\":\"u\"}}", "role" },
        { OARC_PRINCIPAL_USER, "{\"object\":\"user.role\",\"user\":{\"id\":\"u\"},"
                               "\"role\":{\"object\":\"role\",\"id\":\"r\"}}", "name" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        oarc_role_assignment a;
        parse(cases[i].json);
        assert_int_equal(oarc_role_assignment_decode(&f.doc, cases[i].type, &a),
                         OARC_ERR_JSON_SHAPE);
        assert_string_equal(f.doc.bad_field, cases[i].field);
        assert_null(a.principal.id.ptr);
        assert_null(a.role.id.ptr);
    }
    assert_int_equal(oarc_role_assignment_decode(&f.doc, (oarc_principal_type)7, &(oarc_role_assignment){ 0 }),
                     OARC_ERR_ARGUMENT);
}

/* ---- Deletions ---------------------------------------------------------------------- */

static void role_deleted(void **state)
{
    (void)state;
    oarc_role_deleted d;
    parse("{\"object\":\"role.deleted\",\"id\":\"role_01\",\"deleted\":true,\"x\":{}}");
    assert_int_equal(oarc_role_deleted_decode(&f.doc, &d), OARC_OK);
    assert_string_equal(d.id.ptr, "role_01");
    assert_true(d.deleted);

    static const struct {
        const char *json;
        const char *field;
    } bad[] = {
        { "{\"object\":\"user.role.deleted\",\"id\":\"r\",\"deleted\":true}", "object" },
        { "{\"object\":\"role.deleted\",\"deleted\":true}", "id" },
        { "{\"object\":\"role.deleted\",\"id\":\"r\",\"deleted\":1}", "deleted" },
        { "true", "role.deleted" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        parse(bad[i].json);
        assert_int_equal(oarc_role_deleted_decode(&f.doc, &d), OARC_ERR_JSON_SHAPE);
        assert_string_equal(f.doc.bad_field, bad[i].field);
        assert_null(d.id.ptr);
    }
}

static void role_unassigned(void **state)
{
    (void)state;
    oarc_role_unassigned u;
    parse("{\"object\":\"group.role.deleted\",\"deleted\":true}");
    assert_int_equal(oarc_role_unassigned_decode(&f.doc, &u), OARC_OK);
    assert_string_equal(u.object.ptr, "group.role.deleted");
    assert_true(u.deleted);
    parse("{\"deleted\":false,\"object\":\"user.role.deleted\",\"id\":null}");
    assert_int_equal(oarc_role_unassigned_decode(&f.doc, &u), OARC_OK);
    assert_false(u.deleted);
    parse("{\"object\":\"user.role.deleted\"}");
    assert_int_equal(oarc_role_unassigned_decode(&f.doc, &u), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "deleted");
    parse("{\"object\":null,\"deleted\":true}");
    assert_int_equal(oarc_role_unassigned_decode(&f.doc, &u), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "object");
}

/* A document with no token at all (a caller's zeroed doc) is no object:
 * every decoder says so, naming what it expected, and reads nothing. */
static void decoders_refuse_a_document_without_tokens(void **state)
{
    (void)state;
    oarc_json_doc empty;
    oarc_role_page page;
    oarc_role_assignment a;
    oarc_role_unassigned u;
    oarc_role_deleted d;
    oarc_api_error e;
    oarc_role role;
    memset(&empty, 0, sizeof empty);
    assert_int_equal(oarc_role_page_decode(&empty, false, &page), OARC_ERR_JSON_SHAPE);
    assert_string_equal(empty.bad_field, "list");
    assert_int_equal(oarc_role_assignment_decode(&empty, OARC_PRINCIPAL_GROUP, &a), OARC_ERR_JSON_SHAPE);
    assert_string_equal(empty.bad_field, "group.role");
    assert_int_equal(oarc_role_unassigned_decode(&empty, &u), OARC_ERR_JSON_SHAPE);
    assert_int_equal(oarc_role_deleted_decode(&empty, &d), OARC_ERR_JSON_SHAPE);
    assert_string_equal(empty.bad_field, "role.deleted");
    assert_int_equal(oarc_api_error_decode(&empty, &e), OARC_ERR_JSON_SHAPE);
    assert_string_equal(empty.bad_field, "error");
    /* Keeping a failed item's identity from a token outside the document
     * keeps nothing. */
    parse("{\"id\":\"a\",\"name\":\"b\"}");
    oarc_role_keep_identity(&f.doc, -1, &role);
    assert_null(role.id.ptr);
    oarc_role_keep_identity(&f.doc, f.doc.count, &role);
    assert_null(role.name.ptr);
    oarc_role_keep_identity(&f.doc, 0, &role);
    assert_string_equal(role.id.ptr, "a");
}

/* Every decoder refuses NULL arguments, and a document or token that is not
 * an object names what was expected there. */
static void decoders_refuse_null_and_non_objects(void **state)
{
    (void)state;
    oarc_role role;
    oarc_role_assignment a;
    oarc_role_unassigned u;
    parse("[1]");
    assert_int_equal(oarc_assigned_role_decode(NULL, 0, &role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_assigned_role_decode(&f.doc, 0, NULL), OARC_ERR_ARGUMENT);
    static const int bad_tok[] = { -1, 0, 1, 2 }; /* before, an array, a number, past the end */
    for (size_t i = 0; i < sizeof bad_tok / sizeof bad_tok[0]; i++) {
        assert_int_equal(oarc_assigned_role_decode(&f.doc, bad_tok[i], &role), OARC_ERR_JSON_SHAPE);
        assert_string_equal(f.doc.bad_field, "role");
    }
    assert_int_equal(oarc_role_assignment_decode(NULL, OARC_PRINCIPAL_USER, &a), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_assignment_decode(&f.doc, OARC_PRINCIPAL_USER, NULL),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_assignment_decode(&f.doc, OARC_PRINCIPAL_GROUP, &a),
                     OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "group.role");
    assert_int_equal(oarc_role_unassigned_decode(NULL, &u), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_unassigned_decode(&f.doc, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_unassigned_decode(&f.doc, &u), OARC_ERR_JSON_SHAPE);
    assert_string_equal(f.doc.bad_field, "object");
    oarc_role_deleted d;
    assert_int_equal(oarc_role_deleted_decode(NULL, &d), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_deleted_decode(&f.doc, NULL), OARC_ERR_ARGUMENT);
}

/* An AssignedRoleDetails item without an id, or with a name that is not a
 * string, is named and passed over like any bad item. */
static void assigned_item_id_and_name_are_required(void **state)
{
    (void)state;
    parse(LIST("{\"name\":\"n\",\"permissions\":[],\"resource_type\":\"x\","
               "\"predefined_role\":false,\"description\":null},"
               "{\"id\":\"b\",\"name\":1,\"permissions\":[],\"resource_type\":\"x\","
               "\"predefined_role\":false,\"description\":null}," ASSIGNED("c", ""),
               "\"has_more\":false,\"next\":null"));
    oarc_role_page page;
    oarc_role role;
    assert_int_equal(oarc_role_page_decode(&f.doc, true, &page), OARC_OK);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(page.bad_field, "id");
    assert_identity_only(&role, NULL, "n");
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(page.bad_field, "name");
    assert_identity_only(&role, "b", NULL);
    assert_int_equal(oarc_role_page_next(&page, &role), OARC_OK);
    assert_string_equal(role.id.ptr, "c");
}

/* ---- Bodies ---------------------------------------------------------------------------- */

static char out[512];

static oarc_status write_create(const oarc_role_create *c)
{
    oarc_json_writer w;
    size_t len = 0;
    oarc_json_writer_init(&w, out, sizeof out - 1u);
    oarc_status st = oarc_role_create_write(&w, c);
    if (st == OARC_OK) {
        assert_int_equal(oarc_json_writer_finish(&w, &len), OARC_OK);
        out[len] = '\0';
    }
    return st;
}

static void create_body(void **state)
{
    (void)state;
    const char *perms[] = { "api.groups.read", "api.groups.write" };
    oarc_role_create c = { .role_name = "API Group Manager", .permissions = perms,
                           .permission_count = 2, .description_state = OARC_FIELD_SET,
                           .description = "Allows \"managing\"" };
    assert_int_equal(write_create(&c), OARC_OK);
    assert_string_equal(out, "{\"role_name\":\"API Group Manager\","
                             "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"
                             "\"description\":\"Allows \\\"managing\\\"\"}");
    c.description_state = OARC_FIELD_NULL;
    assert_int_equal(write_create(&c), OARC_OK);
    assert_string_equal(out, "{\"role_name\":\"API Group Manager\","
                             "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"
                             "\"description\":null}");
    oarc_role_create bare = { .role_name = "R" };
    assert_int_equal(write_create(&bare), OARC_OK);
    assert_string_equal(out, "{\"role_name\":\"R\",\"permissions\":[]}");
}

static void create_body_refusals(void **state)
{
    (void)state;
    const char *perms[] = { "ok", NULL };
    const char *crlf_perm[] = { "api.read\r\nX-Evil: 1" };
    static const char *many[OARC_MAX_PERMISSIONS + 1];
    for (size_t i = 0; i < OARC_MAX_PERMISSIONS + 1; i++) {
        many[i] = "p";
    }
    static char huge[OARC_TX_BUFFER_SIZE + 2];
    memset(huge, 'x', sizeof huge - 1u);
    const struct {
        oarc_role_create c;
        oarc_status st;
    } cases[] = {
        { { .role_name = NULL }, OARC_ERR_ARGUMENT },
        { { .role_name = "" }, OARC_ERR_ARGUMENT },
        { { .role_name = "r", .permission_count = 1 }, OARC_ERR_ARGUMENT },
        { { .role_name = "r", .permissions = perms, .permission_count = 2 }, OARC_ERR_ARGUMENT },
        { { .role_name = "r", .permissions = many, .permission_count = OARC_MAX_PERMISSIONS + 1 },
          OARC_ERR_TOO_MANY_ITEMS },
        { { .role_name = "r", .description_state = OARC_FIELD_SET }, OARC_ERR_ARGUMENT },
        { { .role_name = "r", .description_state = (oarc_field_state)9 }, OARC_ERR_ARGUMENT },
        { { .role_name = huge }, OARC_ERR_BUFFER_TOO_SMALL },
        { { .role_name = "\xC0\xAF" }, OARC_ERR_INVALID_UTF8 },
        /* Names and permissions are single-line, as in an update. */
        { { .role_name = "a\r\nb" }, OARC_ERR_CONTROL_CHAR },
        { { .role_name = "tab\there" }, OARC_ERR_CONTROL_CHAR },
        { { .role_name = "del\x7f" }, OARC_ERR_CONTROL_CHAR },
        { { .role_name = "r", .permissions = crlf_perm, .permission_count = 1 },
          OARC_ERR_CONTROL_CHAR },
        { { .role_name = "r", .description_state = OARC_FIELD_SET, .description = "\xFF" },
          OARC_ERR_INVALID_UTF8 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(write_create(&cases[i].c), cases[i].st);
    }
    oarc_json_writer w;
    oarc_json_writer_init(&w, out, sizeof out);
    assert_int_equal(oarc_role_create_write(&w, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_create_write(NULL, &cases[0].c), OARC_ERR_ARGUMENT);
    /* A description is free text: a newline is escaped, not refused. */
    oarc_role_create multi = { .role_name = "r", .description_state = OARC_FIELD_SET,
                               .description = "two\nlines" };
    assert_int_equal(write_create(&multi), OARC_OK);
    assert_non_null(strstr(out, "\"two\\nlines\""));
}

static oarc_status write_assign(const char *role_id)
{
    oarc_json_writer w;
    size_t len = 0;
    oarc_json_writer_init(&w, out, sizeof out - 1u);
    oarc_status st = oarc_role_assign_write(&w, role_id);
    if (st == OARC_OK) {
        assert_int_equal(oarc_json_writer_finish(&w, &len), OARC_OK);
        out[len] = '\0';
    }
    return st;
}

static void assign_body(void **state)
{
    (void)state;
    assert_int_equal(write_assign("role_01J1F8ROLE01"), OARC_OK);
    assert_string_equal(out, "{\"role_id\":\"role_01J1F8ROLE01\"}");
    assert_int_equal(write_assign("r\"/\\"), OARC_OK);
    assert_string_equal(out, "{\"role_id\":\"r\\\"/\\\\\"}");
    char long_id[OARC_MAX_ID_LEN + 2];
    memset(long_id, 'a', sizeof long_id - 1u);
    long_id[sizeof long_id - 1u] = '\0';
    assert_int_equal(write_assign(long_id), OARC_ERR_ID_TOO_LONG);
    long_id[OARC_MAX_ID_LEN] = '\0';
    assert_int_equal(write_assign(long_id), OARC_OK);
    assert_int_equal(write_assign(NULL), OARC_ERR_INVALID_ID);
    assert_int_equal(write_assign(""), OARC_ERR_INVALID_ID);
    assert_int_equal(write_assign("role\n1"), OARC_ERR_INVALID_ID);
    assert_int_equal(write_assign("role\x7F"), OARC_ERR_INVALID_ID);
    assert_int_equal(write_assign("\xC0\xAF"), OARC_ERR_INVALID_ID);
    assert_int_equal(oarc_role_assign_write(NULL, "r"), OARC_ERR_ARGUMENT);
    /* A body that does not fit is the writer's verdict. */
    oarc_json_writer w;
    oarc_json_writer_init(&w, out, 8u);
    assert_int_equal(oarc_role_assign_write(&w, "role_1"), OARC_ERR_BUFFER_TOO_SMALL);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(role_page_yields_each_role_then_end),
    cmocka_unit_test(members_in_any_order_and_unknown_ones_skipped),
    cmocka_unit_test(empty_page_ends_at_once),
    cmocka_unit_test(assigned_page_skips_extras_of_any_type),
    cmocka_unit_test(assigned_item_is_not_a_role),
    cmocka_unit_test(envelope_shapes_name_the_field),
    cmocka_unit_test(envelope_repeated_members_are_refused),
    cmocka_unit_test(bad_item_is_named_and_passed_over),
    cmocka_unit_test(too_many_permissions_in_an_item),
    cmocka_unit_test(failed_item_keeps_what_can_be_read),
    cmocka_unit_test(page_arguments_checked),
    cmocka_unit_test(user_assignment_with_nulls_and_extras),
    cmocka_unit_test(group_assignment),
    cmocka_unit_test(assignment_shapes_name_the_field),
    cmocka_unit_test(role_deleted),
    cmocka_unit_test(role_unassigned),
    cmocka_unit_test(decoders_refuse_null_and_non_objects),
    cmocka_unit_test(decoders_refuse_a_document_without_tokens),
    cmocka_unit_test(assigned_item_id_and_name_are_required),
    cmocka_unit_test(create_body),
    cmocka_unit_test(create_body_refusals),
    cmocka_unit_test(assign_body),
};

OARC_TEST_MAIN(tests)
