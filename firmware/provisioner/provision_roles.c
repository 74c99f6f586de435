/**
 * @file provision_roles.c
 * @brief The roles phase. Roles without a known id are grouped by scope:
 * the scope's list is walked once and each plan role of the group is matched
 * by name, its difference noted (the iterator owns the client while it walks,
 * so nothing is written during the walk); then each role of the group is
 * acted on in plan order. A role with a known id is retrieved on its own.
 */
#include <string.h>

#include "plan_check.h"
#include "provision_report.h"
#include "provision_steps.h"
#include "provision_walk.h"
#include "role_diff.h"

/* Role j is walked with the group that role `first` opens. */
static bool in_group(const prov_run *run, size_t first, size_t j)
{
    const prov_role *a = &run->priv.plan->roles[first];
    const prov_role *b = &run->priv.plan->roles[j];

    return !run->priv.role_done[j] && b->id == NULL &&
           prov_same_scope(a->scope, a->project_id, b->scope, b->project_id);
}

/* What the API has for role j, noted in its slot (the request id is that of
 * the call that read it, copied: the next page overwrites the client's). */
static void note_found(prov_run *run, size_t j, const oarc_role *have)
{
    prov_role_slot *slot = &run->priv.roles[j];

    slot->found = true;
    slot->differs = prov_role_diff(&run->priv.plan->roles[j], have);
    slot->has_id = have->id.len <= OARC_MAX_ID_LEN;
    prov_copy_span(slot->id, sizeof(slot->id), have->id);
    prov_copy_span(slot->request_id, sizeof(slot->request_id),
                   oarc_client_last_call(run->priv.client)->request_id);
}

/* The API has role j, but it does not decode here (decoded says how): only
 * its id, when readable, and the call that read it are kept. It is marked
 * failed, never taken for missing: that would create it again. */
static void note_undecodable(prov_run *run, size_t j, const oarc_role *have,
                             oarc_status decoded)
{
    prov_role_slot *slot = &run->priv.roles[j];
    const oarc_call_info *info = oarc_client_last_call(run->priv.client);

    slot->undecodable = decoded;
    slot->bad_field = info->bad_field;
    if (have->id.len <= OARC_MAX_ID_LEN) {
        prov_copy_span(slot->id, sizeof(slot->id), have->id);
    }
    prov_copy_span(slot->request_id, sizeof(slot->request_id), info->request_id);
}

/* Roles of a walk are matched by name only (those with an id are
 * retrieved), so an item whose name cannot be read could be any of them. */
static void match_item(prov_run *run, size_t first, const oarc_role *item, oarc_status decoded)
{
    const prov_plan *plan = run->priv.plan;

    if (item->name.ptr == NULL) {
        run->priv.walk_blind = true;
        return;
    }
    for (size_t j = first; j < plan->role_count; j++) {
        if (!in_group(run, first, j) || !prov_span_is(item->name, plan->roles[j].name)) {
            continue;
        }
        if (decoded == OARC_OK) {
            note_found(run, j, item);
        } else {
            note_undecodable(run, j, item, decoded);
        }
    }
}

/* Walks the scope of role `first` once, matching every role of its group. */
static oarc_status walk_scope(prov_run *run, size_t first)
{
    const prov_role *r = &run->priv.plan->roles[first];
    oarc_role_scope scope = prov_scope_of(r->scope, r->project_id);
    return prov_walk(run, &scope, match_item, first);
}

/* An outcome decided by reading alone: the request id is the read's. */
static void report_read(prov_run *run, size_t j, prov_outcome outcome)
{
    prov_role_slot *slot = &run->priv.roles[j];
    prov_report rep = prov_report_for(run, PROV_ITEM_ROLE, j, outcome);

    rep.fields = slot->differs;
    rep.role_id = prov_span_of(slot->id, sizeof(slot->id));
    rep.request_id = prov_span_of(slot->request_id, sizeof(slot->request_id));
    prov_report_emit(run, &rep);
}

static void create_role(prov_run *run, size_t j)
{
    const prov_role *r = &run->priv.plan->roles[j];
    prov_role_slot *slot = &run->priv.roles[j];
    oarc_role_create c;

    if (run->priv.options.dry_run) {
        slot->would_create = true;
        prov_report rep = prov_report_for(run, PROV_ITEM_ROLE, j, PROV_CREATED);
        prov_report_emit(run, &rep);
        return;
    }
    prov_create_for(r, run->priv.perms, &c);
    oarc_role_scope scope = prov_scope_of(r->scope, r->project_id);
    oarc_status st = oarc_roles_create(run->priv.client, &scope, &c, &run->priv.role);
    if (st != OARC_OK) {
        prov_report_call_failed(run, PROV_ITEM_ROLE, j, st);
        return;
    }
    slot->has_id = run->priv.role.id.len <= OARC_MAX_ID_LEN;
    prov_copy_span(slot->id, sizeof(slot->id), run->priv.role.id);
    prov_report_call_done(run, PROV_ITEM_ROLE, j, PROV_CREATED, 0u, run->priv.role.id);
}

static void update_role(prov_run *run, size_t j)
{
    const prov_role *r = &run->priv.plan->roles[j];
    prov_role_slot *slot = &run->priv.roles[j];
    oarc_role_update u;

    if (run->priv.options.dry_run) {
        report_read(run, j, PROV_UPDATED);
        return;
    }
    prov_update_for(r, slot->differs, run->priv.perms, &u);
    oarc_role_scope scope = prov_scope_of(r->scope, r->project_id);
    oarc_status st = oarc_roles_update(run->priv.client, &scope, slot->id, &u, &run->priv.role);
    if (st != OARC_OK) {
        prov_report_call_failed(run, PROV_ITEM_ROLE, j, st);
        return;
    }
    prov_report_call_done(run, PROV_ITEM_ROLE, j, PROV_UPDATED, slot->differs,
                          prov_span_of(slot->id, sizeof(slot->id)));
}

/* A known id the API answered 404 for: that answer decided the item, so its
 * request id is named, as the README promises for every decided item. */
static void report_no_such_id(prov_run *run, size_t j)
{
    prov_role_slot *slot = &run->priv.roles[j];
    prov_report rep = prov_report_for(run, PROV_ITEM_ROLE, j, PROV_FAILED);

    rep.reason = "no role has this id";
    rep.request_id = prov_span_of(slot->request_id, sizeof(slot->request_id));
    prov_report_emit(run, &rep);
}

/* The role has been read (found or not): write what the plan asks. */
static void act_on_role(prov_run *run, size_t j)
{
    const prov_role *r = &run->priv.plan->roles[j];
    prov_role_slot *slot = &run->priv.roles[j];

    run->priv.role_done[j] = true;
    if (run->summary.unreachable != OARC_OK) {
        prov_report_refused(run, PROV_ITEM_ROLE, j, "not tried: the API could not be reached");
    } else if (slot->undecodable != OARC_OK) {
        /* Checked before found: with a name given twice it may be both. No
         * id is given out for it either way, so no assignment names it. */
        slot->has_id = false;
        prov_report_undecodable(run, j);
    } else if (slot->found && !slot->has_id) {
        prov_report_refused(run, PROV_ITEM_ROLE, j, "the API's id for it is too long");
    } else if (slot->found && slot->differs == 0u) {
        report_read(run, j, PROV_UNCHANGED);
    } else if (slot->found) {
        update_role(run, j);
    } else if (r->id != NULL) {
        report_no_such_id(run, j);
    } else if (run->priv.walk_blind) {
        /* Its group's walk was the last one: r has no id. */
        prov_report_refused(run, PROV_ITEM_ROLE, j, PROV_REASON_BLIND);
    } else if (r->create_if_missing) {
        create_role(run, j);
    } else {
        prov_report_refused(run, PROV_ITEM_ROLE, j, "missing, and create_if_missing is false");
    }
}

/* A role with a known id: retrieve it; a 404 means it is missing. */
static void converge_known(prov_run *run, size_t j)
{
    const prov_role *r = &run->priv.plan->roles[j];
    oarc_role_scope scope = prov_scope_of(r->scope, r->project_id);
    oarc_status st = oarc_roles_retrieve(run->priv.client, &scope, r->id, &run->priv.role);

    if (st == OARC_OK) {
        note_found(run, j, &run->priv.role);
    } else if (prov_undecodable(st)) {
        /* A 2xx whose role does not decode: it exists, as a list item would. */
        note_undecodable(run, j, &run->priv.role, st);
    } else if (st == OARC_ERR_API &&
               oarc_client_last_call(run->priv.client)->http_status == 404) {
        prov_copy_span(run->priv.roles[j].request_id, sizeof(run->priv.roles[j].request_id),
                       oarc_client_last_call(run->priv.client)->request_id);
    } else {
        run->priv.role_done[j] = true;
        prov_report_call_failed(run, PROV_ITEM_ROLE, j, st);
        return;
    }
    act_on_role(run, j);
}

/* The roles of the group opened by `first`: one walk, then each in order.
 * When the walk fails, every role of the group fails with it. */
static void converge_group(prov_run *run, size_t first)
{
    const prov_plan *plan = run->priv.plan;
    oarc_status st = walk_scope(run, first);

    for (size_t j = first; j < plan->role_count; j++) {
        if (!in_group(run, first, j)) {
            continue;
        }
        if (st != OARC_OK && run->summary.unreachable == OARC_OK) {
            run->priv.role_done[j] = true;
            prov_report_call_failed(run, PROV_ITEM_ROLE, j, st);
        } else {
            act_on_role(run, j);
        }
    }
}

void prov_converge_roles(prov_run *run)
{
    const prov_plan *plan = run->priv.plan;

    for (size_t i = 0; i < plan->role_count; i++) {
        if (run->priv.role_done[i]) {
            continue;
        }
        if (run->summary.unreachable != OARC_OK) {
            act_on_role(run, i); /* reported as not tried */
        } else if (plan->roles[i].id != NULL) {
            converge_known(run, i);
        } else {
            converge_group(run, i);
        }
    }
}
