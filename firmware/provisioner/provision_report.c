/**
 * @file provision_report.c
 * @brief Each item's outcome, as the callback sees it, and the summary's
 * counts. Reports are emitted right after the call that decided them, so the
 * API's message and request id are read from the client before anything
 * else can overwrite them.
 */
#include "provision_report.h"

#include <string.h>

#include "oarc/oarc_json.h"

bool prov_is_unreachable(oarc_status status)
{
    return oarc_status_class_of(status) == OARC_CLASS_TRANSPORT;
}

/* The statuses of a 2xx answer the run does not read, one row each. A role
 * row is how a role of the API's fails to decode here (the library's
 * statuses for one item, see oarc_role_page_next): the role exists but
 * cannot be compared, and hint says what to do about it; only the
 * permission limit is this build's own choice, the rest is the answer's.
 * The other rows are answers too large to read at all. */
typedef struct unread_row {
    oarc_status status;
    bool role;
    const char *hint;
} unread_row;

static const unread_row unread[] = {
    { OARC_ERR_JSON_SHAPE, true, "a member is missing or of the wrong type" },
    { OARC_ERR_JSON_SYNTAX, true, "not valid JSON text (an escape or UTF-8)" },
    { OARC_ERR_TOO_MANY_ITEMS, true, "raise OARC_MAX_PERMISSIONS" },
    { OARC_ERR_JSON_TOO_MANY_TOKENS, false, NULL },
    { OARC_ERR_HTTP_BODY_TOO_LARGE, false, NULL },
};

/* status's row, or NULL. */
static const unread_row *unread_row_of(oarc_status status)
{
    for (size_t k = 0; k < sizeof(unread) / sizeof(unread[0]); k++) {
        if (unread[k].status == status) {
            return &unread[k];
        }
    }
    return NULL;
}

bool prov_undecodable(oarc_status status)
{
    const unread_row *row = unread_row_of(status);
    return row != NULL && row->role;
}

bool prov_unread(oarc_status status)
{
    return unread_row_of(status) != NULL;
}

void prov_copy_span(char *dst, size_t cap, oarc_span s)
{
    size_t n = (s.ptr == NULL) ? 0u : s.len;

    if (cap == 0u) {
        return;
    }
    if (n > cap - 1u) {
        n = cap - 1u;
    }
    if (n > 0u) {
        memcpy(dst, s.ptr, n);
    }
    dst[n] = '\0';
}

oarc_span prov_span_of(const char *s, size_t cap)
{
    size_t n = oarc_strnlen(s, cap - 1u);
    return (oarc_span){ n > 0u ? s : NULL, n };
}

prov_report prov_report_for(const prov_run *run, prov_item_kind kind, size_t index,
                            prov_outcome outcome)
{
    prov_report rep;
    const prov_plan *plan = run->priv.plan;

    memset(&rep, 0, sizeof(rep));
    rep.dry_run = run->priv.options.dry_run;
    rep.kind = kind;
    rep.index = index;
    rep.outcome = outcome;
    rep.status = OARC_OK;
    if (kind == PROV_ITEM_ROLE) {
        rep.role = &plan->roles[index];
    } else {
        rep.assignment = &plan->assignments[index];
    }
    return rep;
}

void prov_report_emit(prov_run *run, const prov_report *report)
{
    prov_summary *s = &run->summary;

    switch (report->outcome) {
    case PROV_UNCHANGED: s->unchanged++; break;
    case PROV_UPDATED: s->updated++; break;
    case PROV_CREATED: s->created++; break;
    case PROV_ASSIGNED: s->assigned++; break;
    default: s->failed++; break;
    }
    if (run->priv.options.report != NULL) {
        run->priv.options.report(run->priv.options.report_ctx, report);
    }
}

void prov_report_call_failed(prov_run *run, prov_item_kind kind, size_t index,
                             oarc_status status)
{
    const oarc_call_info *info = oarc_client_last_call(run->priv.client);
    prov_report rep = prov_report_for(run, kind, index, PROV_FAILED);

    rep.status = status;
    rep.http_status = info->http_status;
    rep.request_id = info->request_id;
    if (status == OARC_ERR_API) {
        rep.message = info->error.message;
    }
    if (prov_is_unreachable(status) && run->summary.unreachable == OARC_OK) {
        run->summary.unreachable = status;
    }
    prov_report_emit(run, &rep);
}

void prov_report_refused(prov_run *run, prov_item_kind kind, size_t index, const char *reason)
{
    prov_report rep = prov_report_for(run, kind, index, PROV_FAILED);

    rep.status = run->summary.unreachable; /* OARC_OK unless the run stopped */
    rep.reason = reason;
    prov_report_emit(run, &rep);
}

/* Appends s to the NUL-terminated dst[0..cap), cut to fit. */
static void append(char *dst, size_t cap, const char *s)
{
    size_t at = oarc_strnlen(dst, cap - 1u);
    size_t n = oarc_strnlen(s, cap - 1u - at);

    memcpy(dst + at, s, n);
    dst[at + n] = '\0';
}

/* What to do about a role of the API's that does not decode (the shape's
 * hint for a status that has none). */
static const char *undecodable_hint(oarc_status status)
{
    const unread_row *row = unread_row_of(status);
    return row != NULL && row->hint != NULL ? row->hint : unread[0].hint;
}

void prov_report_undecodable(prov_run *run, size_t index)
{
    const prov_role_slot *slot = &run->priv.roles[index];
    char *reason = run->priv.reason;
    prov_report rep = prov_report_for(run, PROV_ITEM_ROLE, index, PROV_FAILED);

    /* Worded here rather than kept as a literal: the member at fault is
     * what tells a user which limit to raise. */
    reason[0] = '\0';
    append(reason, sizeof run->priv.reason, "the API's role does not decode here: bad field ");
    append(reason, sizeof run->priv.reason, slot->bad_field ? slot->bad_field : "(unknown)");
    append(reason, sizeof run->priv.reason, "; ");
    append(reason, sizeof run->priv.reason, undecodable_hint(slot->undecodable));
    rep.status = slot->undecodable;
    rep.reason = reason;
    rep.role_id = prov_span_of(slot->id, sizeof slot->id);
    rep.request_id = prov_span_of(slot->request_id, sizeof slot->request_id);
    prov_report_emit(run, &rep);
}

void prov_report_call_done(prov_run *run, prov_item_kind kind, size_t index,
                           prov_outcome outcome, unsigned fields, oarc_span role_id)
{
    prov_report rep = prov_report_for(run, kind, index, outcome);

    rep.fields = fields;
    rep.role_id = role_id;
    rep.request_id = oarc_client_last_call(run->priv.client)->request_id;
    prov_report_emit(run, &rep);
}

const char *prov_outcome_str(prov_outcome outcome)
{
    switch (outcome) {
    case PROV_UNCHANGED: return "unchanged";
    case PROV_UPDATED: return "updated";
    case PROV_CREATED: return "created";
    case PROV_ASSIGNED: return "assigned";
    case PROV_FAILED: return "failed";
    default: return "unknown";
    }
}
