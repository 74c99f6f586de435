/**
 * @file plan_json.c
 * @brief The JSON plan parser, over the library's own strict jsmn reader
 * (oarc/oarc_json.h): one table of member names per object, a handler
 * per member, and a refusal with its path for anything unexpected. Values
 * are only given their types here; their rules are plan_check.c's.
 */
#include "plan_json.h"

#include <string.h>

#include "oarc/oarc_json.h"
#include "plan_check.h"

typedef struct parser {
    prov_plan_json *out;
    oarc_json_doc doc;
    prov_plan_error *err;
    const char *list;   /* "roles", "assignments" or NULL for the document */
    size_t index;       /* the item in list, or PROV_NO_INDEX */
} parser;

/* Handles member `which` (an index into the object's name table) of item. */
typedef oarc_status (*member_fn)(parser *p, size_t which, int value, void *item);

static oarc_status fail(parser *p, oarc_status status, const char *reason, const char *member,
                        size_t sub)
{
    return prov_plan_error_set(p->err, status, reason, p->list, p->index, member, sub);
}

static size_t find_name(const char *const *names, size_t count, oarc_span key)
{
    for (size_t i = 0; i < count; i++) {
        if (strlen(names[i]) == key.len && memcmp(names[i], key.ptr, key.len) == 0) {
            return i;
        }
    }
    return count;
}

/* Every member of the object at obj through fn; an unknown or repeated
 * member is refused. *seen gets bit i for each names[i] present. */
static oarc_status each_member(parser *p, int obj, const char *const *names, size_t count,
                               member_fn fn, void *item, uint32_t *seen)
{
    size_t members = oarc_json_size(&p->doc, obj);
    int key = obj + 1;

    *seen = 0;
    for (size_t m = 0; m < members; m++) {
        oarc_span k;
        if (oarc_json_string(&p->doc, key, &k) != OARC_OK) {
            return fail(p, OARC_ERR_JSON_SYNTAX, "member name does not unescape to UTF-8",
                        NULL, PROV_NO_INDEX);
        }
        size_t which = find_name(names, count, k);
        if (which == count) {
            return fail(p, OARC_ERR_JSON_SHAPE, "unknown member", k.ptr, PROV_NO_INDEX);
        }
        if (*seen & (1u << which)) {
            return fail(p, OARC_ERR_JSON_SHAPE, "member given twice", k.ptr, PROV_NO_INDEX);
        }
        *seen |= 1u << which;
        oarc_status st = fn(p, which, key + 1, item);
        if (st != OARC_OK) {
            return st;
        }
        key = oarc_json_skip(&p->doc, key + 1);
    }
    return OARC_OK;
}

/* The members of `required` (bits of names) that *seen lacks: the first is refused. */
static oarc_status check_required(parser *p, const char *const *names, size_t count,
                                  uint32_t required, uint32_t seen)
{
    for (size_t i = 0; i < count; i++) {
        if ((required & (1u << i)) && !(seen & (1u << i))) {
            return fail(p, OARC_ERR_JSON_SHAPE, "missing", names[i], PROV_NO_INDEX);
        }
    }
    return OARC_OK;
}

static oarc_status get_text(parser *p, int tok, const char **out, const char *member, size_t sub)
{
    oarc_span s;
    oarc_status st = oarc_json_string(&p->doc, tok, &s);

    if (st == OARC_ERR_JSON_SHAPE) {
        return fail(p, st, "must be a string", member, sub);
    }
    if (st != OARC_OK) {
        return fail(p, st, "does not unescape to UTF-8", member, sub);
    }
    if (oarc_strnlen(s.ptr, s.len) != s.len) {
        return fail(p, OARC_ERR_JSON_SHAPE, "holds a NUL character", member, sub);
    }
    *out = s.ptr;
    return OARC_OK;
}

/* One of two words: *out is 0 for `zero`, 1 for `one`. */
static oarc_status get_choice(parser *p, int tok, const char *zero, const char *one, int *out,
                              const char *member)
{
    const char *s = NULL;
    oarc_status st = get_text(p, tok, &s, member, PROV_NO_INDEX);

    if (st != OARC_OK) {
        return st;
    }
    if (strcmp(s, zero) == 0 || strcmp(s, one) == 0) {
        *out = strcmp(s, zero) == 0 ? 0 : 1;
        return OARC_OK;
    }
    return fail(p, OARC_ERR_JSON_SHAPE, "not one of the allowed words", member, PROV_NO_INDEX);
}

static oarc_status get_scope(parser *p, int tok, prov_scope *out)
{
    int v = 0;
    oarc_status st = get_choice(p, tok, "organization", "project", &v, "scope");
    *out = v == 0 ? PROV_SCOPE_ORG : PROV_SCOPE_PROJECT;
    return st;
}

static oarc_status get_permissions(parser *p, int tok, prov_role *role)
{
    prov_plan_json *out = p->out;
    size_t n = oarc_json_size(&p->doc, tok);

    if (!oarc_json_is_array(&p->doc, tok)) {
        return fail(p, OARC_ERR_JSON_SHAPE, "must be an array of strings", "permissions",
                    PROV_NO_INDEX);
    }
    if (n > PROVISIONER_MAX_ROLE_PERMISSIONS) {
        return fail(p, OARC_ERR_TOO_MANY_ITEMS,
                    "more than PROVISIONER_MAX_ROLE_PERMISSIONS (duplicates count)",
                    "permissions", PROV_NO_INDEX);
    }
    if (n > PROVISIONER_JSON_MAX_PERMISSIONS - out->priv.permissions_used) {
        return fail(p, OARC_ERR_TOO_MANY_ITEMS, "the plan lists more than "
                    "PROVISIONER_JSON_MAX_PERMISSIONS permissions", "permissions", PROV_NO_INDEX);
    }
    const char **slots = &out->priv.permissions[out->priv.permissions_used];
    int item = tok + 1;
    for (size_t i = 0; i < n; i++) {
        oarc_status st = get_text(p, item, &slots[i], "permissions", i);
        if (st != OARC_OK) {
            return st;
        }
        item = oarc_json_skip(&p->doc, item);
    }
    out->priv.permissions_used += n;
    role->permissions = slots;
    role->permission_count = n;
    return OARC_OK;
}

static oarc_status get_description(parser *p, int tok, prov_role *role)
{
    if (oarc_json_is_null(&p->doc, tok)) {
        role->description_state = OARC_FIELD_NULL;
        return OARC_OK;
    }
    role->description_state = OARC_FIELD_SET;
    oarc_status st = get_text(p, tok, &role->description, "description", PROV_NO_INDEX);
    if (st == OARC_ERR_JSON_SHAPE) {
        p->err->reason = "must be a string or null"; /* the refusal just recorded */
    }
    return st;
}

static const char *const role_names[] = {
    "scope", "project_id", "name", "description", "permissions", "create_if_missing", "id",
};
#define ROLE_REQUIRED ((1u << 0) | (1u << 2) | (1u << 4))

static oarc_status role_member(parser *p, size_t which, int tok, void *item)
{
    prov_role *role = item;

    switch (which) {
    case 0: return get_scope(p, tok, &role->scope);
    case 1: return get_text(p, tok, &role->project_id, "project_id", PROV_NO_INDEX);
    case 2: return get_text(p, tok, &role->name, "name", PROV_NO_INDEX);
    case 3: return get_description(p, tok, role);
    case 4: return get_permissions(p, tok, role);
    case 5:
        return oarc_json_bool(&p->doc, tok, &role->create_if_missing) == OARC_OK
               ? OARC_OK
               : fail(p, OARC_ERR_JSON_SHAPE, "must be true or false", "create_if_missing",
                      PROV_NO_INDEX);
    default: return get_text(p, tok, &role->id, "id", PROV_NO_INDEX);
    }
}

static const char *const assignment_names[] = {
    "principal", "principal_id", "scope", "project_id", "role", "role_id",
};
#define ASSIGNMENT_REQUIRED ((1u << 0) | (1u << 1) | (1u << 2))

static oarc_status assignment_member(parser *p, size_t which, int tok, void *item)
{
    prov_assignment *a = item;
    int v = 0;
    oarc_status st;

    switch (which) {
    case 0:
        st = get_choice(p, tok, "user", "group", &v, "principal");
        a->principal = v == 0 ? PROV_PRINCIPAL_USER : PROV_PRINCIPAL_GROUP;
        return st;
    case 1: return get_text(p, tok, &a->principal_id, "principal_id", PROV_NO_INDEX);
    case 2: return get_scope(p, tok, &a->scope);
    case 3: return get_text(p, tok, &a->project_id, "project_id", PROV_NO_INDEX);
    case 4: return get_text(p, tok, &a->role_name, "role", PROV_NO_INDEX);
    default: return get_text(p, tok, &a->role_id, "role_id", PROV_NO_INDEX);
    }
}

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static oarc_status parse_role(parser *p, int obj, prov_role *role)
{
    uint32_t seen = 0;
    oarc_status st = each_member(p, obj, role_names, COUNT_OF(role_names), role_member, role,
                                 &seen);
    return st != OARC_OK ? st
           : check_required(p, role_names, COUNT_OF(role_names), ROLE_REQUIRED, seen);
}

static oarc_status parse_assignment(parser *p, int obj, prov_assignment *a)
{
    uint32_t seen = 0;
    oarc_status st = each_member(p, obj, assignment_names, COUNT_OF(assignment_names),
                                 assignment_member, a, &seen);
    return st != OARC_OK ? st
           : check_required(p, assignment_names, COUNT_OF(assignment_names),
                            ASSIGNMENT_REQUIRED, seen);
}

/* The array at tok, of at most max objects, each through the list's parser. */
static oarc_status parse_list(parser *p, int tok, const char *list, size_t max, size_t *count)
{
    size_t n = oarc_json_size(&p->doc, tok);
    int item = tok + 1;

    p->list = list;
    p->index = PROV_NO_INDEX;
    if (!oarc_json_is_array(&p->doc, tok)) {
        return fail(p, OARC_ERR_JSON_SHAPE, "must be an array of objects", NULL, PROV_NO_INDEX);
    }
    if (n > max) {
        return fail(p, OARC_ERR_TOO_MANY_ITEMS, "more items than the plan's maximum", NULL,
                    PROV_NO_INDEX);
    }
    for (size_t i = 0; i < n; i++) {
        p->index = i;
        if (!oarc_json_is_object(&p->doc, item)) {
            return fail(p, OARC_ERR_JSON_SHAPE, "must be an object", NULL, PROV_NO_INDEX);
        }
        oarc_status st = list[0] == 'r' ? parse_role(p, item, &p->out->priv.roles[i])
                                        : parse_assignment(p, item, &p->out->priv.assignments[i]);
        if (st != OARC_OK) {
            return st;
        }
        item = oarc_json_skip(&p->doc, item);
    }
    *count = n;
    return OARC_OK;
}

static const char *const top_names[] = { "roles", "assignments" };

static oarc_status top_member(parser *p, size_t which, int tok, void *item)
{
    prov_plan *plan = item;
    oarc_status st = which == 0
        ? parse_list(p, tok, "roles", PROVISIONER_MAX_ROLES, &plan->role_count)
        : parse_list(p, tok, "assignments", PROVISIONER_MAX_ASSIGNMENTS,
                     &plan->assignment_count);
    p->list = NULL;
    p->index = PROV_NO_INDEX;
    return st;
}

static oarc_status parse_document(parser *p, char *text, size_t len)
{
    oarc_status st = oarc_json_parse(&p->doc, text, len, p->out->priv.tokens,
                                     PROVISIONER_JSON_MAX_TOKENS);
    uint32_t seen = 0;

    if (st == OARC_ERR_JSON_TOO_MANY_TOKENS) {
        return fail(p, st, "larger than PROVISIONER_JSON_MAX_TOKENS allows", NULL,
                    PROV_NO_INDEX);
    }
    if (st != OARC_OK) {
        return fail(p, st, "not one valid JSON document", NULL, PROV_NO_INDEX);
    }
    if (!oarc_json_is_object(&p->doc, 0)) {
        return fail(p, OARC_ERR_JSON_SHAPE, "the plan must be a JSON object", NULL,
                    PROV_NO_INDEX);
    }
    return each_member(p, 0, top_names, COUNT_OF(top_names), top_member, &p->out->plan, &seen);
}

oarc_status prov_plan_json_parse(prov_plan_json *out, char *text, size_t len,
                                 prov_plan_error *err)
{
    prov_plan_error local;
    parser p = { .out = out, .err = err != NULL ? err : &local, .list = NULL,
                 .index = PROV_NO_INDEX };

    err = p.err;
    prov_plan_error_clear(err);
    if (out == NULL || text == NULL) {
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "no plan text", NULL, PROV_NO_INDEX,
                                   NULL, PROV_NO_INDEX);
    }
    memset(out, 0, sizeof(*out));
    out->plan.roles = out->priv.roles;
    out->plan.assignments = out->priv.assignments;
    oarc_status st = parse_document(&p, text, len);
    if (st == OARC_OK) {
        st = prov_plan_check(&out->plan, err);
    }
    if (st != OARC_OK) {
        memset(&out->plan, 0, sizeof(out->plan)); /* a refused plan is not usable */
    }
    return st;
}
