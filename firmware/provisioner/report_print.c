/**
 * @file report_print.c
 * @brief Text and JSON lines of a run. The JSON goes through the library's
 * bounded writer, so names and API messages are escaped as requests are.
 */
#include "report_print.h"

#include <string.h>

#include "oarc/oarc_json.h"
#include "oarc/oarc_printable.h"
#include "role_diff.h"

/* Room for the escaped API message and request id on a text line; longer
 * ones are cut and end in "...". */
#define PRINT_MESSAGE_MAX 384u
#define PRINT_REQUEST_ID_MAX 128u

static const char *scope_word(prov_scope scope)
{
    return scope == PROV_SCOPE_ORG ? "organization" : "project";
}

static const char *principal_word(prov_principal principal)
{
    return principal == PROV_PRINCIPAL_USER ? "user" : "group";
}

/* "org" or "project proj_abc123". */
static void scope_text(char *buf, size_t cap, prov_scope scope, const char *project_id)
{
    snprintf(buf, cap, "%s%s%s", scope == PROV_SCOPE_ORG ? "org" : "project",
             project_id ? " " : "", project_id ? project_id : "");
}

/* " (name, description, permissions)" for an update's fields. */
static void fields_text(char *buf, size_t cap, unsigned fields)
{
    snprintf(buf, cap, " (%s%s%s%s%s)", (fields & PROV_FIELD_NAME) ? "name" : "",
             (fields & PROV_FIELD_NAME) && (fields & ~PROV_FIELD_NAME) ? ", " : "",
             (fields & PROV_FIELD_DESCRIPTION) ? "description" : "",
             (fields & PROV_FIELD_DESCRIPTION) && (fields & PROV_FIELD_PERMISSIONS) ? ", " : "",
             (fields & PROV_FIELD_PERMISSIONS) ? "permissions" : "");
}

/* ": 403 OARC_ERR_API: message" or ": reason", on one line whatever the
 * API's message holds: escaped as every server string printed is (a newline
 * in it would forge another item's line). */
static void failure_text(char *buf, size_t cap, const prov_report *r)
{
    char message[PRINT_MESSAGE_MAX];

    if (r->reason != NULL) {
        snprintf(buf, cap, ": %s", r->reason);
    } else if (r->http_status != 0) {
        if (r->message.ptr != NULL) {
            (void)oarc_printable(message, sizeof message, r->message, OARC_PRINTABLE_TEXT);
        } else {
            snprintf(message, sizeof message, "(no message)");
        }
        snprintf(buf, cap, ": %d %s: %s", r->http_status, oarc_status_str(r->status), message);
    } else {
        snprintf(buf, cap, ": %s", oarc_status_str(r->status));
    }
}

/* "updated", or in a dry run what would happen: "would update". */
static const char *outcome_text(const prov_report *r)
{
    if (!r->dry_run) {
        return prov_outcome_str(r->outcome);
    }
    switch (r->outcome) {
    case PROV_UPDATED: return "would update";
    case PROV_CREATED: return "would create";
    case PROV_ASSIGNED: return "would assign";
    default: return prov_outcome_str(r->outcome);
    }
}

static void print_text(FILE *out, const prov_report *r)
{
    char scope[96];
    char what[256];
    char detail[512] = "";

    if (r->kind == PROV_ITEM_ROLE) {
        scope_text(scope, sizeof(scope), r->role->scope, r->role->project_id);
        snprintf(what, sizeof(what), "\"%s\"", r->role->name);
    } else {
        const prov_assignment *a = r->assignment;
        scope_text(scope, sizeof(scope), a->scope, a->project_id);
        snprintf(what, sizeof(what), "%s %s <- %s%s%s", principal_word(a->principal),
                 a->principal_id, a->role_name ? "\"" : "",
                 a->role_name ? a->role_name : a->role_id, a->role_name ? "\"" : "");
    }
    if (r->outcome == PROV_UPDATED) {
        fields_text(detail, sizeof(detail), r->fields);
    } else if (r->outcome == PROV_FAILED) {
        failure_text(detail, sizeof(detail), r);
    }
    char request_id[PRINT_REQUEST_ID_MAX] = "-";
    if (r->request_id.ptr != NULL) {
        (void)oarc_printable(request_id, sizeof request_id, r->request_id, OARC_PRINTABLE_TEXT);
    }
    fprintf(out, "%-10s  %-20s  %-50s  %s%s  %s\n",
            r->kind == PROV_ITEM_ROLE ? "role" : "assignment", scope, what,
            outcome_text(r), detail, request_id);
}

static void key(oarc_json_writer *w, const char *k)
{
    oarc_json_write_key(w, (oarc_span){ k, strlen(k) });
}

static void text(oarc_json_writer *w, const char *k, const char *s)
{
    key(w, k);
    if (s == NULL) {
        oarc_json_write_null(w);
    } else {
        oarc_json_write_string(w, (oarc_span){ s, strlen(s) });
    }
}

/* A string the server sent: escaped (shared routine), so the line stays
 * valid JSON whatever bytes it holds. */
static void span(oarc_json_writer *w, const char *k, oarc_span s)
{
    key(w, k);
    if (s.ptr == NULL) {
        oarc_json_write_null(w);
    } else {
        oarc_json_write_printable(w, s);
    }
}

static void json_fields(oarc_json_writer *w, unsigned fields)
{
    key(w, "fields");
    oarc_json_write_begin_array(w);
    if (fields & PROV_FIELD_NAME) {
        oarc_json_write_string(w, OARC_SPAN_LITERAL("name"));
    }
    if (fields & PROV_FIELD_DESCRIPTION) {
        oarc_json_write_string(w, OARC_SPAN_LITERAL("description"));
    }
    if (fields & PROV_FIELD_PERMISSIONS) {
        oarc_json_write_string(w, OARC_SPAN_LITERAL("permissions"));
    }
    oarc_json_write_end_array(w);
}

static void json_item(oarc_json_writer *w, const prov_report *r)
{
    text(w, "kind", r->kind == PROV_ITEM_ROLE ? "role" : "assignment");
    key(w, "index");
    oarc_json_write_int(w, (int64_t)r->index);
    if (r->kind == PROV_ITEM_ROLE) {
        text(w, "scope", scope_word(r->role->scope));
        text(w, "project_id", r->role->project_id);
        text(w, "name", r->role->name);
    } else {
        text(w, "principal", principal_word(r->assignment->principal));
        text(w, "principal_id", r->assignment->principal_id);
        text(w, "scope", scope_word(r->assignment->scope));
        text(w, "project_id", r->assignment->project_id);
        text(w, "role", r->assignment->role_name);
    }
}

static void json_failure(oarc_json_writer *w, const prov_report *r)
{
    text(w, "status", r->status == OARC_OK ? NULL : oarc_status_str(r->status));
    key(w, "http_status");
    oarc_json_write_int(w, r->http_status);
    span(w, "message", r->message);
    text(w, "reason", r->reason);
}

static void emit_json(FILE *out, oarc_json_writer *w)
{
    size_t len = 0;

    if (oarc_json_writer_finish(w, &len) != OARC_OK) {
        fputs("{\"error\":\"report too large to print\"}\n", out);
        return;
    }
    fwrite(w->buf, 1, len, out);
    fputc('\n', out);
}

static void print_json(FILE *out, const prov_report *r)
{
    static char buf[4096];
    oarc_json_writer w;

    oarc_json_writer_init(&w, buf, sizeof(buf));
    oarc_json_write_begin_object(&w);
    json_item(&w, r);
    text(&w, "outcome", prov_outcome_str(r->outcome));
    json_fields(&w, r->fields);
    span(&w, "role_id", r->role_id);
    span(&w, "request_id", r->request_id);
    key(&w, "dry_run");
    oarc_json_write_bool(&w, r->dry_run);
    if (r->outcome == PROV_FAILED) {
        json_failure(&w, r);
    }
    oarc_json_write_end_object(&w);
    emit_json(out, &w);
}

void prov_print_report(FILE *out, const prov_report *report, bool json)
{
    if (json) {
        print_json(out, report);
    } else {
        print_text(out, report);
    }
    fflush(out);
}

static void count(oarc_json_writer *w, const char *k, size_t n)
{
    key(w, k);
    oarc_json_write_int(w, (int64_t)n);
}

void prov_print_summary(FILE *out, const prov_summary *s, bool dry_run, bool json)
{
    if (!json) {
        fprintf(out,
                "%ssummary: %zu unchanged, %zu updated, %zu created, %zu assigned, %zu failed%s%s\n",
                dry_run ? "dry run " : "", s->unchanged, s->updated, s->created, s->assigned, s->failed,
                s->unreachable != OARC_OK ? "; stopped: the API could not be reached: " : "",
                s->unreachable != OARC_OK ? oarc_status_str(s->unreachable) : "");
        return;
    }
    static char buf[512];
    oarc_json_writer w;
    oarc_json_writer_init(&w, buf, sizeof(buf));
    oarc_json_write_begin_object(&w);
    key(&w, "summary");
    oarc_json_write_begin_object(&w);
    count(&w, "unchanged", s->unchanged);
    count(&w, "updated", s->updated);
    count(&w, "created", s->created);
    count(&w, "assigned", s->assigned);
    count(&w, "failed", s->failed);
    text(&w, "unreachable", s->unreachable == OARC_OK ? NULL : oarc_status_str(s->unreachable));
    key(&w, "dry_run");
    oarc_json_write_bool(&w, dry_run);
    oarc_json_write_end_object(&w);
    oarc_json_write_end_object(&w);
    emit_json(out, &w);
}
