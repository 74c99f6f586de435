/**
 * @file plan_check.c
 * @brief The plan's rules, applied to a built-in table and a parsed JSON file
 * alike. The library would refuse most bad values itself, but only when an
 * item's turn comes, after earlier items were written: checking the whole
 * plan first means a bad plan sends nothing at all.
 */
#include "plan_check.h"

#include <string.h>

#include "oarc/oarc_json.h"
#include "oarc/oarc_url.h"

#define ROLES "roles"
#define ASSIGNMENTS "assignments"

/* An ID of the plan: a missing one is the plan's own fault (a member left
 * out); any other is judged by the library's rules (oarc_id_check), as the
 * request would judge it. */
static oarc_status check_id(const char *id)
{
    return id == NULL ? OARC_ERR_ARGUMENT : oarc_id_check(id, NULL);
}

/* A name, a permission or a description: present, non-empty, at most max
 * bytes, UTF-8, and, when single_line, free of control bytes. */
static oarc_status check_text(const char *s, size_t max, bool single_line)
{
    if (s == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    size_t n = oarc_strnlen(s, max);
    if (n > max) {
        return OARC_ERR_BUFFER_TOO_SMALL;
    }
    if (single_line && n == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (!oarc_utf8_valid(s, n)) {
        return OARC_ERR_INVALID_UTF8;
    }
    for (size_t i = 0; single_line && i < n; i++) {
        if ((unsigned char)s[i] < 0x20u || s[i] == 0x7F) {
            return OARC_ERR_CONTROL_CHAR;
        }
    }
    return OARC_OK;
}

static const char *why(oarc_status st)
{
    switch (st) {
    case OARC_ERR_ARGUMENT: return "missing or empty";
    case OARC_ERR_ID_TOO_LONG: return "ID too long";
    case OARC_ERR_INVALID_ID: return "not a valid ID";
    case OARC_ERR_BUFFER_TOO_SMALL: return "too long";
    case OARC_ERR_INVALID_UTF8: return "not valid UTF-8";
    case OARC_ERR_CONTROL_CHAR: return "holds a control character";
    default: return "invalid";
    }
}

/* The scope and its project_id agree: a project needs one, the
 * organization has none. */
static oarc_status check_scope(prov_scope scope, const char *project_id, const char *list,
                               size_t i, prov_plan_error *err)
{
    if (scope == PROV_SCOPE_ORG) {
        return project_id == NULL ? OARC_OK
               : prov_plan_error_set(err, OARC_ERR_ARGUMENT, "only a project scope has one",
                                     list, i, "project_id", PROV_NO_INDEX);
    }
    if (scope != PROV_SCOPE_PROJECT) {
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "unknown scope", list, i, "scope",
                                   PROV_NO_INDEX);
    }
    oarc_status st = check_id(project_id);
    return st == OARC_OK ? OARC_OK
           : prov_plan_error_set(err, st, why(st), list, i, "project_id", PROV_NO_INDEX);
}

bool prov_same_text(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool prov_same_scope(prov_scope sa, const char *pa, prov_scope sb, const char *pb)
{
    return sa == sb && prov_same_text(pa, pb);
}

/* plan.h gives prov_scope and prov_principal the library's values. */
oarc_role_scope prov_scope_of(prov_scope scope, const char *project_id)
{
    return (oarc_role_scope){ (oarc_scope_kind)scope, project_id, NULL };
}

oarc_principal_ref prov_principal_of(const prov_assignment *a)
{
    return (oarc_principal_ref){ (oarc_principal_type)a->principal, a->principal_id };
}

/* The limit is on the list as written, duplicates included: it bounds the
 * plan's own storage and every loop over it, which see the raw list. */
static oarc_status check_permissions(const prov_role *r, size_t i, prov_plan_error *err)
{
    if (r->permission_count > PROVISIONER_MAX_ROLE_PERMISSIONS) {
        return prov_plan_error_set(err, OARC_ERR_TOO_MANY_ITEMS,
                                   "too many permissions (duplicates count)", ROLES, i,
                                   "permissions", PROV_NO_INDEX);
    }
    if (r->permissions == NULL && r->permission_count != 0u) {
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "missing", ROLES, i, "permissions",
                                   PROV_NO_INDEX);
    }
    for (size_t p = 0; p < r->permission_count; p++) {
        oarc_status st = check_text(r->permissions[p], PROVISIONER_MAX_PERMISSION_LEN, true);
        if (st != OARC_OK) {
            return prov_plan_error_set(err, st, why(st), ROLES, i, "permissions", p);
        }
    }
    return OARC_OK;
}

static oarc_status check_description(const prov_role *r, size_t i, prov_plan_error *err)
{
    if (r->description_state == OARC_FIELD_OMIT || r->description_state == OARC_FIELD_NULL) {
        return OARC_OK;
    }
    oarc_status st = r->description_state == OARC_FIELD_SET
                     ? check_text(r->description, PROVISIONER_MAX_DESCRIPTION_LEN, false)
                     : OARC_ERR_ARGUMENT;
    return st == OARC_OK ? OARC_OK
           : prov_plan_error_set(err, st, why(st), ROLES, i, "description", PROV_NO_INDEX);
}

static oarc_status check_role(const prov_plan *plan, size_t i, prov_plan_error *err)
{
    const prov_role *r = &plan->roles[i];
    oarc_status st = check_scope(r->scope, r->project_id, ROLES, i, err);

    if (st != OARC_OK) {
        return st;
    }
    st = check_text(r->name, PROVISIONER_MAX_NAME_LEN, true);
    if (st != OARC_OK) {
        return prov_plan_error_set(err, st, why(st), ROLES, i, "name", PROV_NO_INDEX);
    }
    st = r->id == NULL ? OARC_OK : check_id(r->id);
    if (st != OARC_OK) {
        return prov_plan_error_set(err, st, why(st), ROLES, i, "id", PROV_NO_INDEX);
    }
    st = check_description(r, i, err);
    if (st == OARC_OK) {
        st = check_permissions(r, i, err);
    }
    for (size_t j = 0; st == OARC_OK && j < i; j++) {
        const prov_role *o = &plan->roles[j];
        if (prov_same_scope(r->scope, r->project_id, o->scope, o->project_id) &&
            strcmp(r->name, o->name) == 0) {
            st = prov_plan_error_set(err, OARC_ERR_ARGUMENT, "a role of that name and scope is "
                                     "already in the plan", ROLES, i, "name", PROV_NO_INDEX);
        }
    }
    return st;
}

size_t prov_plan_find_role(const prov_plan *plan, const prov_assignment *a)
{
    for (size_t j = 0; a->role_name != NULL && j < plan->role_count &&
                       j < PROVISIONER_MAX_ROLES; j++) {
        const prov_role *r = &plan->roles[j];
        if (prov_same_scope(a->scope, a->project_id, r->scope, r->project_id) &&
            strcmp(a->role_name, r->name) == 0) {
            return j;
        }
    }
    return PROV_NO_INDEX;
}

/* Exactly one of role_name (a plan role of this scope) and role_id. */
static oarc_status check_assigned_role(const prov_plan *plan, size_t i, prov_plan_error *err)
{
    const prov_assignment *a = &plan->assignments[i];

    if ((a->role_name == NULL) == (a->role_id == NULL)) {
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "give exactly one of role and role_id",
                                   ASSIGNMENTS, i, "role", PROV_NO_INDEX);
    }
    if (a->role_id != NULL) {
        oarc_status st = check_id(a->role_id);
        return st == OARC_OK ? OARC_OK
               : prov_plan_error_set(err, st, why(st), ASSIGNMENTS, i, "role_id", PROV_NO_INDEX);
    }
    return prov_plan_find_role(plan, a) != PROV_NO_INDEX ? OARC_OK
           : prov_plan_error_set(err, OARC_ERR_ARGUMENT, "names no plan role of this scope",
                                 ASSIGNMENTS, i, "role", PROV_NO_INDEX);
}

static bool same_assignment(const prov_assignment *a, const prov_assignment *b)
{
    return a->principal == b->principal && strcmp(a->principal_id, b->principal_id) == 0 &&
           prov_same_scope(a->scope, a->project_id, b->scope, b->project_id) &&
           prov_same_text(a->role_name, b->role_name) &&
           prov_same_text(a->role_id, b->role_id);
}

static oarc_status check_assignment(const prov_plan *plan, size_t i, prov_plan_error *err)
{
    const prov_assignment *a = &plan->assignments[i];

    if (a->principal != PROV_PRINCIPAL_USER && a->principal != PROV_PRINCIPAL_GROUP) {
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "unknown principal", ASSIGNMENTS, i,
                                   "principal", PROV_NO_INDEX);
    }
    oarc_status st = check_id(a->principal_id);
    if (st != OARC_OK) {
        return prov_plan_error_set(err, st, why(st), ASSIGNMENTS, i, "principal_id",
                                   PROV_NO_INDEX);
    }
    st = check_scope(a->scope, a->project_id, ASSIGNMENTS, i, err);
    if (st == OARC_OK) {
        st = check_assigned_role(plan, i, err);
    }
    for (size_t j = 0; st == OARC_OK && j < i; j++) {
        if (same_assignment(a, &plan->assignments[j])) {
            st = prov_plan_error_set(err, OARC_ERR_ARGUMENT, "already in the plan", ASSIGNMENTS,
                                     i, NULL, PROV_NO_INDEX);
        }
    }
    return st;
}

oarc_status prov_plan_check(const prov_plan *plan, prov_plan_error *err)
{
    prov_plan_error_clear(err);
    if (plan == NULL || (plan->roles == NULL && plan->role_count != 0u) ||
        (plan->assignments == NULL && plan->assignment_count != 0u)) {
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "no plan", NULL, PROV_NO_INDEX, NULL,
                                   PROV_NO_INDEX);
    }
    if (plan->role_count > PROVISIONER_MAX_ROLES) {
        return prov_plan_error_set(err, OARC_ERR_TOO_MANY_ITEMS, "too many roles", ROLES,
                                   PROV_NO_INDEX, NULL, PROV_NO_INDEX);
    }
    if (plan->assignment_count > PROVISIONER_MAX_ASSIGNMENTS) {
        return prov_plan_error_set(err, OARC_ERR_TOO_MANY_ITEMS, "too many assignments",
                                   ASSIGNMENTS, PROV_NO_INDEX, NULL, PROV_NO_INDEX);
    }
    oarc_status st = OARC_OK;
    for (size_t i = 0; st == OARC_OK && i < plan->role_count; i++) {
        st = check_role(plan, i, err);
    }
    for (size_t i = 0; st == OARC_OK && i < plan->assignment_count; i++) {
        st = check_assignment(plan, i, err);
    }
    return st;
}
