/**
 * @file provision_assignments.c
 * @brief The assignments phase. Assignments are grouped by principal and
 * scope: the roles the principal holds there are walked once, noting which
 * of the group's roles it already has; then each missing one is assigned, in
 * plan order. A role named by role_name takes the id the roles phase found
 * or created; when it has none (its role failed), the assignment fails
 * without a call.
 */
#include <string.h>

#include "plan_check.h"
#include "provision_report.h"
#include "provision_steps.h"
#include "provision_walk.h"
#include "role_diff.h"

/* The role id assignment j gives, or NULL when its plan role has none. */
static const char *role_id_of(const prov_run *run, size_t j)
{
    const prov_plan *plan = run->priv.plan;
    const prov_assignment *a = &plan->assignments[j];

    if (a->role_id != NULL) {
        return a->role_id;
    }
    size_t r = prov_plan_find_role(plan, a);
    if (r == PROV_NO_INDEX || !run->priv.roles[r].has_id) {
        return NULL;
    }
    return run->priv.roles[r].id;
}

/* Dry run: the plan role assignment j names would be created, so the
 * principal cannot hold it yet. */
static bool role_would_be_created(const prov_run *run, size_t j)
{
    size_t r = prov_plan_find_role(run->priv.plan, &run->priv.plan->assignments[j]);
    return r != PROV_NO_INDEX && run->priv.roles[r].would_create;
}

static bool in_group(const prov_run *run, size_t first, size_t j)
{
    const prov_assignment *a = &run->priv.plan->assignments[first];
    const prov_assignment *b = &run->priv.plan->assignments[j];

    return !run->priv.assignment_done[j] && a->principal == b->principal &&
           strcmp(a->principal_id, b->principal_id) == 0 &&
           prov_same_scope(a->scope, a->project_id, b->scope, b->project_id);
}

/* The page being walked, as 1 + its index among the kept request ids (so
 * an assignment it shows can name it), or 0 once they are all taken. Pages
 * come in order, so the current one, if kept, is the last kept. */
static uint8_t held_page(prov_run *run)
{
    size_t n = run->priv.held_pages;
    size_t page_no = run->priv.iter.pages;

    if (n > 0u && run->priv.held_page_no[n - 1u] == page_no) {
        return (uint8_t)n;
    }
    if (n >= PROVISIONER_MAX_HELD_PAGES) {
        return 0u;
    }
    prov_copy_span(run->priv.held_request_id[n], sizeof(run->priv.held_request_id[n]),
                   oarc_client_last_call(run->priv.client)->request_id);
    run->priv.held_page_no[n] = page_no;
    run->priv.held_pages = n + 1u;
    return (uint8_t)(n + 1u);
}

/* Assignments match on the role's id alone, so a held role that does not
 * decode here (too many permissions, say) is held all the same; one whose
 * id cannot be read could be any of them. The page that showed it is the
 * call that decided the item: its request id is kept, as the next page
 * overwrites the client's. */
static void match_item(prov_run *run, size_t first, const oarc_role *held, oarc_status decoded)
{
    const prov_plan *plan = run->priv.plan;

    (void)decoded;
    if (held->id.ptr == NULL) {
        run->priv.walk_blind = true;
        return;
    }
    for (size_t j = first; j < plan->assignment_count; j++) {
        const char *id = role_id_of(run, j);
        if (in_group(run, first, j) && id != NULL && prov_span_is(held->id, id)) {
            run->priv.assignment_present[j] = true;
            run->priv.assignment_page[j] = held_page(run);
        }
    }
}

/* True when some assignment of the group has a role id to look for. */
static bool group_needs_walk(const prov_run *run, size_t first)
{
    for (size_t j = first; j < run->priv.plan->assignment_count; j++) {
        if (in_group(run, first, j) && role_id_of(run, j) != NULL) {
            return true;
        }
    }
    return false;
}

/* Walks the roles the principal of assignment `first` holds in its scope. */
static oarc_status walk_principal(prov_run *run, size_t first)
{
    const prov_assignment *a = &run->priv.plan->assignments[first];
    oarc_role_scope scope = prov_scope_of(a->scope, a->project_id);
    oarc_principal_ref principal = prov_principal_of(a);
    oarc_role_scope held;
    oarc_status st = oarc_assignments_scope(&scope, &principal, &held);

    return st == OARC_OK ? prov_walk(run, &held, match_item, first) : st;
}

/* Gives the principal of assignment a the role role_id. */
static oarc_status assign(prov_run *run, const prov_assignment *a, const char *role_id)
{
    oarc_role_scope scope = prov_scope_of(a->scope, a->project_id);
    oarc_principal_ref principal = prov_principal_of(a);

    return oarc_assignments_assign(run->priv.client, &scope, &principal, role_id,
                                   &run->priv.assignment);
}

/* An outcome decided without a write (unchanged, or any in a dry run); the
 * request id is that of the list page that showed the role held, if any. */
static void report_decided(prov_run *run, size_t j, prov_outcome outcome, const char *role_id)
{
    prov_report rep = prov_report_for(run, PROV_ITEM_ASSIGNMENT, j, outcome);

    if (role_id != NULL) {
        rep.role_id = prov_span_of(role_id, OARC_MAX_ID_LEN + 1u);
    }
    uint8_t page = run->priv.assignment_page[j];
    if (page > 0u && page <= PROVISIONER_MAX_HELD_PAGES) {
        rep.request_id = prov_span_of(run->priv.held_request_id[page - 1u],
                                      sizeof(run->priv.held_request_id[page - 1u]));
    }
    prov_report_emit(run, &rep);
}

/* The answer to a 2xx assign that does not decode here (its role has more
 * permissions than OARC_MAX_PERMISSIONS, say): the role details are not
 * needed, and the status says the assignment was made. */
static bool assigned_anyway(const prov_run *run, oarc_status st)
{
    int http = oarc_client_last_call(run->priv.client)->http_status;

    return prov_unread(st) && http >= 200 && http <= 299;
}

static void act_on_assignment(prov_run *run, size_t j)
{
    const prov_assignment *a = &run->priv.plan->assignments[j];
    const char *role_id = role_id_of(run, j);

    run->priv.assignment_done[j] = true;
    if (run->summary.unreachable != OARC_OK) {
        prov_report_refused(run, PROV_ITEM_ASSIGNMENT, j,
                            "not tried: the API could not be reached");
    } else if (role_id == NULL && role_would_be_created(run, j)) {
        report_decided(run, j, PROV_ASSIGNED, NULL);
    } else if (role_id == NULL) {
        prov_report_refused(run, PROV_ITEM_ASSIGNMENT, j, "its role has no id (the role failed)");
    } else if (run->priv.assignment_present[j]) {
        report_decided(run, j, PROV_UNCHANGED, role_id);
    } else if (run->priv.walk_blind) {
        /* Its group's walk was the last one (role_id is set, so it walked). */
        prov_report_refused(run, PROV_ITEM_ASSIGNMENT, j, PROV_REASON_BLIND);
    } else if (run->priv.options.dry_run) {
        report_decided(run, j, PROV_ASSIGNED, role_id);
    } else {
        oarc_status st = assign(run, a, role_id);
        if (st != OARC_OK && !assigned_anyway(run, st)) {
            prov_report_call_failed(run, PROV_ITEM_ASSIGNMENT, j, st);
        } else {
            prov_report_call_done(run, PROV_ITEM_ASSIGNMENT, j, PROV_ASSIGNED, 0u,
                                  prov_span_of(role_id, OARC_MAX_ID_LEN + 1u));
        }
    }
}

static void converge_group(prov_run *run, size_t first)
{
    const prov_plan *plan = run->priv.plan;

    run->priv.walk_blind = false; /* no walk, nothing unread: not another group's */
    run->priv.held_pages = 0u;    /* page numbers restart with each walk */
    oarc_status st = group_needs_walk(run, first) ? walk_principal(run, first) : OARC_OK;

    for (size_t j = first; j < plan->assignment_count; j++) {
        if (!in_group(run, first, j)) {
            continue;
        }
        if (st != OARC_OK && run->summary.unreachable == OARC_OK && role_id_of(run, j) != NULL) {
            run->priv.assignment_done[j] = true;
            prov_report_call_failed(run, PROV_ITEM_ASSIGNMENT, j, st);
        } else {
            act_on_assignment(run, j);
        }
    }
}

void prov_converge_assignments(prov_run *run)
{
    const prov_plan *plan = run->priv.plan;

    for (size_t i = 0; i < plan->assignment_count; i++) {
        if (run->priv.assignment_done[i]) {
            continue;
        }
        if (run->summary.unreachable != OARC_OK) {
            act_on_assignment(run, i);
        } else {
            converge_group(run, i);
        }
    }
}
