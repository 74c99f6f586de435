/**
 * @file test_role_codec.c
 * @brief The Roles bodies: exact bytes of every three-state update form and
 * its refusals; Role and error decoding, each required member missing or of
 * the wrong type, and the permission limit.
 */
#include "test_main.h"

#include "api_error.h"
#include "role_body.h"
#include "role_decode.h"

#define GUARD 0x5A

/* ------------------------------------------------------------------------ */
/* Update body                                                              */

/* Writes u into a fresh writer and checks the exact document. */
static void assert_update_bytes(const oarc_role_update *u, const char *expected)
{
    char buf[512];
    oarc_json_writer w;
    size_t needed = 0;
    oarc_status status;

    oarc_json_writer_init(&w, buf, sizeof buf);
    status = oarc_role_update_write(&w, u);
    if (status != OARC_OK) {
        print_error("expected %s, got %s\n", expected, oarc_status_str(status));
    }
    assert_int_equal(status, OARC_OK);
    assert_int_equal(oarc_json_writer_finish(&w, &needed), OARC_OK);
    assert_int_equal(needed, strlen(expected));
    assert_memory_equal(buf, expected, needed);
}

/* A refused update returns why, and leaves the writer empty (finish: ARGUMENT). */
static void assert_update_refused(const oarc_role_update *u, oarc_status expected)
{
    char buf[64];
    oarc_json_writer w;
    size_t needed = 99;

    memset(buf, GUARD, sizeof buf);
    oarc_json_writer_init(&w, buf, sizeof buf);
    assert_int_equal(oarc_role_update_write(&w, u), expected);
    assert_int_equal(oarc_json_writer_finish(&w, &needed), OARC_ERR_ARGUMENT);
    assert_int_equal(needed, 0);
    assert_int_equal(buf[0], GUARD);
}

static const char *const two_permissions[] = { "api.groups.read", "api.groups.write" };

static void update_zeroed_is_empty_object(void **state)
{
    oarc_role_update u;

    (void)state;
    memset(&u, 0, sizeof u);
    assert_update_bytes(&u, "{}");
}

static void update_all_null(void **state)
{
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = OARC_FIELD_NULL;
    u.role_name = "ignored";
    u.description_state = OARC_FIELD_NULL;
    u.permissions_state = OARC_FIELD_NULL;
    u.permissions = two_permissions;
    u.permission_count = 2;
    assert_update_bytes(&u, "{\"role_name\":null,\"description\":null,\"permissions\":null}");
}

static void update_all_set(void **state)
{
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    u.role_name = "API Group Manager";
    u.description_state = OARC_FIELD_SET;
    u.description = "Allows managing organization groups";
    u.permissions_state = OARC_FIELD_SET;
    u.permissions = two_permissions;
    u.permission_count = 2;
    assert_update_bytes(&u, "{\"role_name\":\"API Group Manager\","
                            "\"description\":\"Allows managing organization groups\","
                            "\"permissions\":[\"api.groups.read\",\"api.groups.write\"]}");
}

/* Set with no permissions clears them: [] whether or not the array is NULL. */
static void update_permissions_empty_array(void **state)
{
    oarc_role_update u = { 0 };

    (void)state;
    u.permissions_state = OARC_FIELD_SET;
    assert_update_bytes(&u, "{\"permissions\":[]}");
    u.permissions = two_permissions;
    assert_update_bytes(&u, "{\"permissions\":[]}");
}

static void update_mixed_states(void **state)
{
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    u.role_name = "x";
    u.description_state = OARC_FIELD_NULL;
    assert_update_bytes(&u, "{\"role_name\":\"x\",\"description\":null}");

    memset(&u, 0, sizeof u);
    u.description_state = OARC_FIELD_SET;
    u.description = "";
    u.permissions_state = OARC_FIELD_NULL;
    assert_update_bytes(&u, "{\"description\":\"\",\"permissions\":null}");

    memset(&u, 0, sizeof u);
    u.role_name_state = OARC_FIELD_NULL;
    u.permissions_state = OARC_FIELD_SET;
    u.permissions = two_permissions;
    u.permission_count = 1;
    assert_update_bytes(&u, "{\"role_name\":null,\"permissions\":[\"api.groups.read\"]}");

    /* Omitted fields are not even looked at: their pointers may be anything. */
    memset(&u, 0, sizeof u);
    u.role_name = NULL;
    u.description_state = OARC_FIELD_SET;
    u.description = "d";
    u.permissions = NULL;
    u.permission_count = 1000;
    assert_update_bytes(&u, "{\"description\":\"d\"}");
}

static void update_escapes_strings(void **state)
{
    static const char *const perms[] = { "a\\b", "q\"uote" };
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    u.role_name = "say \"hi\"";
    u.description_state = OARC_FIELD_SET;
    u.description = "caf\xc3\xa9 \xe2\x82\xac\nline\ttab";
    u.permissions_state = OARC_FIELD_SET;
    u.permissions = perms;
    u.permission_count = 2;
    assert_update_bytes(&u, "{\"role_name\":\"say \\\"hi\\\"\","
                            "\"description\":\"caf\xc3\xa9 \xe2\x82\xac\\nline\\ttab\","
                            "\"permissions\":[\"a\\\\b\",\"q\\\"uote\"]}");
}

/* Names and permissions are single-line: CR, LF or any control byte in one is
 * refused before a byte is written; descriptions may hold them (escaped). */
static void update_control_chars_refused(void **state)
{
    static const char *const perm_lf[] = { "api.read", "api.write\n" };
    static const char *const names[] = { "evil\r\nX-Injected: 1", "tab\there", "del\x7f", "\x01" };
    oarc_role_update u = { 0 };

    (void)state;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        u.role_name_state = OARC_FIELD_SET;
        u.role_name = names[i];
        assert_update_refused(&u, OARC_ERR_CONTROL_CHAR);
    }
    u = (oarc_role_update){ 0 };
    u.permissions_state = OARC_FIELD_SET;
    u.permissions = perm_lf;
    u.permission_count = 2;
    assert_update_refused(&u, OARC_ERR_CONTROL_CHAR);
}

static void update_null_string_refused(void **state)
{
    static const char *const perms_with_null[] = { "a", NULL };
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    assert_update_refused(&u, OARC_ERR_ARGUMENT);

    memset(&u, 0, sizeof u);
    u.description_state = OARC_FIELD_SET;
    assert_update_refused(&u, OARC_ERR_ARGUMENT);

    memset(&u, 0, sizeof u);
    u.permissions_state = OARC_FIELD_SET;
    u.permission_count = 1; /* NULL array with a count */
    assert_update_refused(&u, OARC_ERR_ARGUMENT);

    u.permissions = perms_with_null;
    u.permission_count = 2;
    assert_update_refused(&u, OARC_ERR_ARGUMENT);
}

/* A bad field late in the body still leaves nothing written. */
static void update_checked_before_writing(void **state)
{
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    u.role_name = "fine";
    u.description_state = OARC_FIELD_NULL;
    u.permissions_state = OARC_FIELD_SET;
    u.permission_count = 3;
    assert_update_refused(&u, OARC_ERR_ARGUMENT);
}

static void update_unknown_state_refused(void **state)
{
    oarc_role_update u = { 0 };

    (void)state;
    u.role_name_state = (oarc_field_state)3;
    u.role_name = "x";
    assert_update_refused(&u, OARC_ERR_ARGUMENT);

    memset(&u, 0, sizeof u);
    u.description_state = (oarc_field_state)-1;
    assert_update_refused(&u, OARC_ERR_ARGUMENT);

    memset(&u, 0, sizeof u);
    u.permissions_state = (oarc_field_state)7;
    assert_update_refused(&u, OARC_ERR_ARGUMENT);
}

static void update_permission_limit(void **state)
{
    const char *perms[OARC_MAX_PERMISSIONS + 1];
    oarc_role_update u = { 0 };
    char buf[16 + (OARC_MAX_PERMISSIONS + 1) * 4];
    oarc_json_writer w;
    size_t needed = 0;

    (void)state;
    for (size_t i = 0; i <= OARC_MAX_PERMISSIONS; i++) {
        perms[i] = "p";
    }
    u.permissions_state = OARC_FIELD_SET;
    u.permissions = perms;
    u.permission_count = OARC_MAX_PERMISSIONS;
    oarc_json_writer_init(&w, buf, sizeof buf);
    assert_int_equal(oarc_role_update_write(&w, &u), OARC_OK);
    assert_int_equal(oarc_json_writer_finish(&w, &needed), OARC_OK);
    /* {"permissions":[ + "p", per item - the last comma + ]} */
    assert_int_equal(needed, 16u + 4u * OARC_MAX_PERMISSIONS - 1u + 2u);

    u.permission_count = OARC_MAX_PERMISSIONS + 1u;
    assert_update_refused(&u, OARC_ERR_TOO_MANY_ITEMS);
}

static void update_invalid_utf8(void **state)
{
    static const char *const perms[] = { "ok", "bad\xc3" };
    oarc_role_update u = { 0 };
    char buf[64];
    oarc_json_writer w;

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    u.role_name = "\xff";
    oarc_json_writer_init(&w, buf, sizeof buf);
    assert_int_equal(oarc_role_update_write(&w, &u), OARC_ERR_INVALID_UTF8);
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_INVALID_UTF8);

    memset(&u, 0, sizeof u);
    u.permissions_state = OARC_FIELD_SET;
    u.permissions = perms;
    u.permission_count = 2;
    oarc_json_writer_init(&w, buf, sizeof buf);
    assert_int_equal(oarc_role_update_write(&w, &u), OARC_ERR_INVALID_UTF8);
}

/* {"role_name":"x"} is 17 bytes: it fits 17 exactly and not 16, and the
 * byte after the capacity is never touched. */
static void update_buffer_limits(void **state)
{
    static const char body[] = "{\"role_name\":\"x\"}";
    char buf[sizeof body];
    oarc_json_writer w;
    oarc_role_update u = { 0 };
    size_t needed = 0;

    (void)state;
    u.role_name_state = OARC_FIELD_SET;
    u.role_name = "x";

    memset(buf, GUARD, sizeof buf);
    oarc_json_writer_init(&w, buf, 17);
    assert_int_equal(oarc_role_update_write(&w, &u), OARC_OK);
    assert_memory_equal(buf, body, 17);
    assert_int_equal(buf[17], GUARD);

    memset(buf, GUARD, sizeof buf);
    oarc_json_writer_init(&w, buf, 16);
    assert_int_equal(oarc_role_update_write(&w, &u), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(oarc_json_writer_finish(&w, &needed), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(needed, 17);
    assert_int_equal(buf[16], GUARD);

    /* Measuring only: no buffer, the needed size comes back. */
    oarc_json_writer_init(&w, NULL, 0);
    assert_int_equal(oarc_role_update_write(&w, &u), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(oarc_json_writer_finish(&w, &needed), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(needed, 17);
}

/* Strings are measured up to OARC_TX_BUFFER_SIZE and no further: the array
 * below has no NUL, so AddressSanitizer catches any over-read. */
static void update_string_too_long(void **state)
{
    char huge[OARC_TX_BUFFER_SIZE + 1];
    oarc_role_update u = { 0 };

    (void)state;
    memset(huge, 'n', sizeof huge);
    u.description_state = OARC_FIELD_SET;
    u.description = huge;
    assert_update_refused(&u, OARC_ERR_BUFFER_TOO_SMALL);
}

static void update_null_arguments(void **state)
{
    oarc_role_update u = { 0 };
    oarc_json_writer w;
    char buf[8];

    (void)state;
    assert_int_equal(oarc_role_update_write(NULL, &u), OARC_ERR_ARGUMENT);
    oarc_json_writer_init(&w, buf, sizeof buf);
    assert_int_equal(oarc_role_update_write(&w, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_json_writer_finish(&w, NULL), OARC_ERR_ARGUMENT);
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                 */

#define POOL 128

typedef struct parsed {
    char text[2048];
    jsmntok_t pool[POOL];
    oarc_json_doc doc;
} parsed;

static void parse(parsed *p, const char *json)
{
    size_t len = strlen(json);

    assert_true(len < sizeof p->text);
    memcpy(p->text, json, len + 1u);
    memset(&p->doc, 0, sizeof p->doc);
    assert_int_equal(oarc_json_parse(&p->doc, p->text, len, p->pool, POOL), OARC_OK);
}

static void assert_span(oarc_span s, const char *expected)
{
    assert_non_null(s.ptr);
    assert_int_equal(s.len, strlen(expected));
    assert_memory_equal(s.ptr, expected, s.len + 1u); /* NUL-terminated too */
}

static void assert_span_null(oarc_span s)
{
    assert_null(s.ptr);
    assert_int_equal(s.len, 0);
}

/* The members of a valid Role, in the schema's order. */
static const struct member {
    const char *key;
    const char *value;
} role_members[] = {
    { "object", "\"role\"" },
    { "id", "\"role_01J1F8ROLE01\"" },
    { "name", "\"API Group Manager\"" },
    { "description", "\"Allows managing organization groups\"" },
    { "permissions", "[\"api.groups.read\",\"api.groups.write\"]" },
    { "resource_type", "\"api.organization\"" },
    { "predefined_role", "false" },
};
#define ROLE_MEMBERS (sizeof role_members / sizeof role_members[0])

/* A Role document without member `skip` and with `key` given `value`. */
static void build_role(char *out, size_t cap, const char *skip, const char *key,
                       const char *value)
{
    size_t len = 0;

    out[len++] = '{';
    for (size_t i = 0; i < ROLE_MEMBERS; i++) {
        const struct member *m = &role_members[i];
        int n;
        if (skip != NULL && strcmp(m->key, skip) == 0) {
            continue;
        }
        n = snprintf(out + len, cap - len, "%s\"%s\":%s", len > 1 ? "," : "", m->key,
                     (key != NULL && strcmp(m->key, key) == 0) ? value : m->value);
        assert_true(n > 0 && (size_t)n < cap - len);
        len += (size_t)n;
    }
    assert_true(len + 2u <= cap);
    out[len++] = '}';
    out[len] = '\0';
}

/* Decoding must fail with `expected`, naming `field`, and leave nothing of
 * the role but its id and name, each only when the document has it as a
 * string (id, name: what it has; NULL: nothing may be left). */
static void assert_role_refused_keeping(const char *json, oarc_status expected,
                                        const char *field, const char *id, const char *name)
{
    parsed p;
    oarc_role role;
    oarc_status status;

    parse(&p, json);
    memset(&role, 0xA5, sizeof role);
    status = oarc_role_decode(&p.doc, 0, &role);
    if (status != expected || p.doc.bad_field == NULL || strcmp(p.doc.bad_field, field) != 0) {
        print_error("%s: got %s, bad_field %s\n", json, oarc_status_str(status),
                    p.doc.bad_field ? p.doc.bad_field : "(null)");
    }
    assert_int_equal(status, expected);
    assert_non_null(p.doc.bad_field);
    assert_string_equal(p.doc.bad_field, field); /* keeping them did not rename the fault */
    if (id == NULL) {
        assert_span_null(role.id);
    } else {
        assert_span(role.id, id);
    }
    if (name == NULL) {
        assert_span_null(role.name);
    } else {
        assert_span(role.name, name);
    }
    assert_span_null(role.description);
    assert_int_equal(role.permission_count, 0);
    for (size_t i = 0; i < OARC_MAX_PERMISSIONS; i++) {
        assert_span_null(role.permissions[i]);
    }
    assert_span_null(role.resource_type);
    assert_false(role.predefined_role);
}

/* A Role built by build_role() that fails at `key`: its id and name stay
 * known unless the fault is in that very member. */
static void assert_role_refused(const char *json, oarc_status expected, const char *key)
{
    assert_role_refused_keeping(json, expected, key,
                                strcmp(key, "id") == 0 ? NULL : "role_01J1F8ROLE01",
                                strcmp(key, "name") == 0 ? NULL : "API Group Manager");
}

static void role_decode_full(void **state)
{
    char json[1024];
    parsed p;
    oarc_role role;

    (void)state;
    build_role(json, sizeof json, NULL, "predefined_role", "true");
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_null(p.doc.bad_field);
    assert_span(role.id, "role_01J1F8ROLE01");
    assert_span(role.name, "API Group Manager");
    assert_span(role.description, "Allows managing organization groups");
    assert_int_equal(role.permission_count, 2);
    assert_span(role.permissions[0], "api.groups.read");
    assert_span(role.permissions[1], "api.groups.write");
    assert_span(role.resource_type, "api.organization");
    assert_true(role.predefined_role);
}

static void role_decode_null_description(void **state)
{
    char json[1024];
    parsed p;
    oarc_role role;

    (void)state;
    build_role(json, sizeof json, NULL, "description", "null");
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_span_null(role.description);
    assert_span(role.name, "API Group Manager");
    assert_false(role.predefined_role);
}

static void role_decode_empty_permissions(void **state)
{
    char json[1024];
    parsed p;
    oarc_role role;

    (void)state;
    build_role(json, sizeof json, NULL, "permissions", "[]");
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_int_equal(role.permission_count, 0);
    assert_span(role.resource_type, "api.organization");
}

/* Unknown members, nested ones holding look-alike keys included, are
 * skipped wherever they stand; member order does not matter. */
static void role_decode_skips_unknown_members(void **state)
{
    static const char json[] =
        "{\"extra\":{\"id\":\"not_this\",\"deep\":[1,{\"object\":\"user\"},[[]]]},"
        "\"predefined_role\":true,\"resource_type\":\"api.project\","
        "\"created_at\":1711471533,\"permissions\":[\"p1\"],\"tags\":[\"a\",{\"b\":null}],"
        "\"description\":null,\"name\":\"n\",\"id\":\"role_2\",\"object\":\"role\","
        "\"ratio\":1.5e3,\"flag\":false}";
    parsed p;
    oarc_role role;

    (void)state;
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_span(role.id, "role_2");
    assert_span(role.name, "n");
    assert_span_null(role.description);
    assert_int_equal(role.permission_count, 1);
    assert_span(role.permissions[0], "p1");
    assert_span(role.resource_type, "api.project");
    assert_true(role.predefined_role);
}

/* Strings come back unescaped and NUL-terminated in place. */
static void role_decode_unescapes(void **state)
{
    char json[1024];
    parsed p;
    oarc_role role;

    (void)state;
    build_role(json, sizeof json, NULL, "name", "\"caf\\u00e9 \\\"x\\\"\\n\"");
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_span(role.name, "caf\xc3\xa9 \"x\"\n");
}

/* A Role inside a larger document, decoded at its own token. */
static void role_decode_at_inner_token(void **state)
{
    char role_json[1024];
    char json[1200];
    parsed p;
    oarc_role role;
    int tok;

    (void)state;
    build_role(role_json, sizeof role_json, NULL, NULL, NULL);
    snprintf(json, sizeof json, "{\"data\":%s}", role_json);
    parse(&p, json);
    tok = oarc_json_member(&p.doc, 0, "data");
    assert_true(tok > 0);
    assert_int_equal(oarc_role_decode(&p.doc, tok, &role), OARC_OK);
    assert_span(role.id, "role_01J1F8ROLE01");
}

static void role_decode_missing_each_member(void **state)
{
    char json[1024];

    (void)state;
    for (size_t i = 0; i < ROLE_MEMBERS; i++) {
        build_role(json, sizeof json, role_members[i].key, NULL, NULL);
        assert_role_refused(json, OARC_ERR_JSON_SHAPE, role_members[i].key);
    }
}

static void role_decode_wrong_types(void **state)
{
    static const struct member rows[] = {
        { "object", "1" },          { "object", "null" },      { "object", "[\"role\"]" },
        { "id", "1" },              { "id", "null" },          { "id", "{}" },
        { "name", "[]" },           { "name", "true" },        { "description", "5" },
        { "description", "{}" },    { "description", "false" }, { "permissions", "\"p\"" },
        { "permissions", "null" },  { "permissions", "{}" },   { "permissions", "[1]" },
        { "permissions", "[\"a\",null]" }, { "permissions", "[[\"a\"]]" },
        { "resource_type", "true" }, { "resource_type", "null" },
        { "predefined_role", "\"true\"" }, { "predefined_role", "null" },
        { "predefined_role", "0" },  { "predefined_role", "[]" },
    };
    char json[1024];

    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        build_role(json, sizeof json, NULL, rows[i].key, rows[i].value);
        assert_role_refused(json, OARC_ERR_JSON_SHAPE, rows[i].key);
    }
}

/* "object" names the resource: another one is a shape error. */
static void role_decode_wrong_object_tag(void **state)
{
    static const char *const tags[] = { "\"user\"", "\"\"", "\"roles\"", "\"rol\"",
                                        "\"Role\"", "\"role.deleted\"" };
    char json[1024];

    (void)state;
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        build_role(json, sizeof json, NULL, "object", tags[i]);
        assert_role_refused(json, OARC_ERR_JSON_SHAPE, "object");
    }
}

static void role_decode_permission_limit(void **state)
{
    char perms[16 + 6 * (OARC_MAX_PERMISSIONS + 1)];
    char json[1024];
    size_t len = 0;
    parsed p;
    oarc_role role;

    (void)state;
    perms[len++] = '[';
    for (size_t i = 0; i < OARC_MAX_PERMISSIONS; i++) {
        len += (size_t)snprintf(perms + len, sizeof perms - len, "%s\"p%zu\"", i ? "," : "",
                                i % 10u);
    }
    memcpy(perms + len, "]", 2);
    build_role(json, sizeof json, NULL, "permissions", perms);
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_int_equal(role.permission_count, OARC_MAX_PERMISSIONS);
    assert_span(role.permissions[OARC_MAX_PERMISSIONS - 1u], "p1");

    memcpy(perms + len, ",\"one-too-many\"]", 17);
    build_role(json, sizeof json, NULL, "permissions", perms);
    assert_role_refused(json, OARC_ERR_TOO_MANY_ITEMS, "permissions");
}

static void role_decode_not_an_object(void **state)
{
    static const char *const docs[] = { "[]", "\"role\"", "null", "42", "true",
                                        "[{\"object\":\"role\"}]" };
    (void)state;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        assert_role_refused_keeping(docs[i], OARC_ERR_JSON_SHAPE, "role", NULL, NULL);
    }
}

static void role_decode_bad_arguments(void **state)
{
    char json[1024];
    parsed p;
    oarc_role role;

    (void)state;
    build_role(json, sizeof json, NULL, NULL, NULL);
    parse(&p, json);
    assert_int_equal(oarc_role_decode(NULL, 0, &role), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_role_decode(&p.doc, 0, NULL), OARC_ERR_ARGUMENT);
    /* A token outside the document is no role. */
    assert_int_equal(oarc_role_decode(&p.doc, -1, &role), OARC_ERR_JSON_SHAPE);
    assert_string_equal(p.doc.bad_field, "role");
    assert_int_equal(oarc_role_decode(&p.doc, p.doc.count, &role), OARC_ERR_JSON_SHAPE);
    /* A success clears a bad_field left by an earlier failure. */
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    assert_null(p.doc.bad_field);
}

/* ------------------------------------------------------------------------ */
/* Error object                                                             */

static void error_decode_full(void **state)
{
    parsed p;
    oarc_api_error e;

    (void)state;
    parse(&p, "{\"error\":{\"message\":\"No such role: role_x\",\"type\":"
              "\"invalid_request_error\",\"param\":\"role_id\",\"code\":\"not_found\"}}");
    assert_int_equal(oarc_api_error_decode(&p.doc, &e), OARC_OK);
    assert_span(e.message, "No such role: role_x");
    assert_span(e.type, "invalid_request_error");
    assert_span(e.param, "role_id");
    assert_span(e.code, "not_found");
}

static void error_decode_nulls(void **state)
{
    parsed p;
    oarc_api_error e;

    (void)state;
    parse(&p, "{\"error\":{\"message\":\"Rate limit\",\"type\":\"requests\","
              "\"param\":null,\"code\":null}}");
    assert_int_equal(oarc_api_error_decode(&p.doc, &e), OARC_OK);
    assert_span(e.message, "Rate limit");
    assert_span(e.type, "requests");
    assert_span_null(e.param);
    assert_span_null(e.code);
}

static void error_decode_absent_and_unknown_members(void **state)
{
    parsed p;
    oarc_api_error e;

    (void)state;
    parse(&p, "{\"id\":7,\"error\":{\"extra\":{\"message\":1},\"code\":\"c\","
              "\"list\":[1,2]},\"more\":[]}");
    assert_int_equal(oarc_api_error_decode(&p.doc, &e), OARC_OK);
    assert_span_null(e.message);
    assert_span_null(e.type);
    assert_span_null(e.param);
    assert_span(e.code, "c");

    parse(&p, "{\"error\":{}}");
    assert_int_equal(oarc_api_error_decode(&p.doc, &e), OARC_OK);
    assert_span_null(e.message);
    assert_span_null(e.code);
}

static void error_decode_without_error_object(void **state)
{
    static const char *const docs[] = { "{}", "{\"error\":null}", "{\"error\":\"boom\"}",
                                        "{\"error\":[]}", "{\"message\":\"x\"}", "[]",
                                        "\"error\"", "null" };
    parsed p;
    oarc_api_error e;

    (void)state;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        parse(&p, docs[i]);
        assert_int_equal(oarc_api_error_decode(&p.doc, &e), OARC_ERR_JSON_SHAPE);
        assert_string_equal(p.doc.bad_field, "error");
        assert_span_null(e.message);
    }
}

/* Each row's document (value) is refused as a shape naming key, with
 * nothing half-decoded. */
static void assert_errors_refused(const struct member *rows, size_t n)
{
    parsed p;
    oarc_api_error e;

    for (size_t i = 0; i < n; i++) {
        parse(&p, rows[i].value);
        assert_int_equal(oarc_api_error_decode(&p.doc, &e), OARC_ERR_JSON_SHAPE);
        assert_string_equal(p.doc.bad_field, rows[i].key);
        assert_span_null(e.message);
    }
}

static void error_decode_wrong_types(void **state)
{
    static const struct member rows[] = {
        { "message", "{\"error\":{\"message\":1,\"type\":\"t\"}}" },
        { "type", "{\"error\":{\"message\":\"m\",\"type\":[]}}" },
        { "param", "{\"error\":{\"message\":\"m\",\"param\":false}}" },
        { "code", "{\"error\":{\"message\":\"m\",\"code\":429}}" },
    };

    (void)state;
    assert_errors_refused(rows, sizeof rows / sizeof rows[0]);
}

/* A member read twice is refused, naming it: parsers differ on which value
 * counts (the official SDKs take the last, a naive lookup the first), so
 * either would be a guess. Keys count after unescaping. Members not read
 * (unknown ones) may repeat. */
static void role_decode_refuses_repeated_members(void **state)
{
    (void)state;
    for (size_t i = 0; i < ROLE_MEMBERS; i++) {
        char json[1024];
        char doubled[512];
        const struct member *m = &role_members[i];
        int n = snprintf(doubled, sizeof doubled, "%s,\"%s\":%s", m->value, m->key, m->value);
        assert_true(n > 0 && (size_t)n < sizeof doubled);
        build_role(json, sizeof json, NULL, m->key, doubled);
        /* A repeated id or name is no identity either. */
        assert_role_refused(json, OARC_ERR_JSON_SHAPE, m->key);
    }
    assert_role_refused("{\"object\":\"role\",\"id\":\"a\",\"i\\u0064\":\"b\","
                        "\"name\":\"API Group Manager\",\"description\":null,"
                        "\"permissions\":[],\"resource_type\":\"x\",\"predefined_role\":false}",
                        OARC_ERR_JSON_SHAPE, "id");

    parsed p;
    oarc_role role;
    char json[1024];
    build_role(json, sizeof json, NULL, "predefined_role", "false,\"future\":1,\"future\":2");
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
    /* A member name that does not decode (not UTF-8) is no member we read. */
    build_role(json, sizeof json, NULL, "predefined_role", "false,\"\xff\":1");
    parse(&p, json);
    assert_int_equal(oarc_role_decode(&p.doc, 0, &role), OARC_OK);
}

static void error_decode_refuses_repeated_members(void **state)
{
    static const struct member rows[] = {
        { "message", "{\"error\":{\"message\":\"a\",\"message\":\"b\"}}" },
        { "type", "{\"error\":{\"message\":\"m\",\"type\":\"a\",\"type\":null}}" },
        { "param", "{\"error\":{\"param\":null,\"param\":null}}" },
        { "code", "{\"error\":{\"code\":\"x\",\"message\":\"m\",\"code\":\"x\"}}" },
        { "error", "{\"error\":{\"message\":\"a\"},\"error\":{\"message\":\"b\"}}" },
    };

    (void)state;
    assert_errors_refused(rows, sizeof rows / sizeof rows[0]);
}

static void error_decode_bad_arguments(void **state)
{
    parsed p;
    oarc_api_error e;

    (void)state;
    parse(&p, "{\"error\":{}}");
    assert_int_equal(oarc_api_error_decode(NULL, &e), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_api_error_decode(&p.doc, NULL), OARC_ERR_ARGUMENT);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(update_zeroed_is_empty_object),
    cmocka_unit_test(update_all_null),
    cmocka_unit_test(update_all_set),
    cmocka_unit_test(update_permissions_empty_array),
    cmocka_unit_test(update_mixed_states),
    cmocka_unit_test(update_escapes_strings),
    cmocka_unit_test(update_control_chars_refused),
    cmocka_unit_test(update_null_string_refused),
    cmocka_unit_test(update_checked_before_writing),
    cmocka_unit_test(update_unknown_state_refused),
    cmocka_unit_test(update_permission_limit),
    cmocka_unit_test(update_invalid_utf8),
    cmocka_unit_test(update_buffer_limits),
    cmocka_unit_test(update_string_too_long),
    cmocka_unit_test(update_null_arguments),
    cmocka_unit_test(role_decode_full),
    cmocka_unit_test(role_decode_null_description),
    cmocka_unit_test(role_decode_empty_permissions),
    cmocka_unit_test(role_decode_skips_unknown_members),
    cmocka_unit_test(role_decode_unescapes),
    cmocka_unit_test(role_decode_at_inner_token),
    cmocka_unit_test(role_decode_missing_each_member),
    cmocka_unit_test(role_decode_wrong_types),
    cmocka_unit_test(role_decode_refuses_repeated_members),
    cmocka_unit_test(error_decode_refuses_repeated_members),
    cmocka_unit_test(role_decode_wrong_object_tag),
    cmocka_unit_test(role_decode_permission_limit),
    cmocka_unit_test(role_decode_not_an_object),
    cmocka_unit_test(role_decode_bad_arguments),
    cmocka_unit_test(error_decode_full),
    cmocka_unit_test(error_decode_nulls),
    cmocka_unit_test(error_decode_absent_and_unknown_members),
    cmocka_unit_test(error_decode_without_error_object),
    cmocka_unit_test(error_decode_wrong_types),
    cmocka_unit_test(error_decode_bad_arguments),
};

OARC_TEST_MAIN(tests)
