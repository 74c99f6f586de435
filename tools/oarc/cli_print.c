/**
 * @file cli_print.c
 * @brief Writes decoded objects back out as JSON with the library's own
 * bounded writer, so escaping is the same code the requests use. Each value
 * is written whole into one buffer first: a value that does not fit is
 * replaced by an error object rather than cut short.
 */
#include "cli_print.h"

#include <string.h>

#include "oarc/oarc_json.h"

/** Room for the largest value printed: one role with OARC_MAX_PERMISSIONS
 *  permissions, every string at the size rx allows. */
#define PRINT_BUFFER_SIZE (4u * OARC_RX_BUFFER_SIZE + 1024u)

typedef void (*write_fn)(oarc_json_writer *w, const void *obj);

/** One JSON value into out, through a buffer so that it is never cut short. */
static void print_value(FILE *out, write_fn write, const void *obj)
{
    static char buf[PRINT_BUFFER_SIZE];
    oarc_json_writer w;
    oarc_json_writer_init(&w, buf, sizeof(buf));
    write(&w, obj);
    size_t len = 0;
    if (oarc_json_writer_finish(&w, &len) != OARC_OK) {
        fputs("{\"error\":\"value could not be printed\"}", out);
        return;
    }
    fwrite(buf, 1, len, out);
}

static void key(oarc_json_writer *w, const char *k)
{
    oarc_json_write_key(w, (oarc_span){ k, strlen(k) });
}

/* Every string printed came from the server: through the shared escaping,
 * so bad UTF-8 or a control byte neither breaks the JSON nor reaches the
 * terminal. */
static void string_member(oarc_json_writer *w, const char *k, oarc_span s)
{
    key(w, k);
    if (s.ptr == NULL) {
        oarc_json_write_null(w);
    } else {
        oarc_json_write_printable(w, s);
    }
}

static void role_members(oarc_json_writer *w, const oarc_role *role)
{
    string_member(w, "id", role->id);
    string_member(w, "name", role->name);
    string_member(w, "description", role->description);
    key(w, "permissions");
    oarc_json_write_begin_array(w);
    for (size_t i = 0; i < role->permission_count && i < OARC_MAX_PERMISSIONS; i++) {
        oarc_json_write_printable(w, role->permissions[i]);
    }
    oarc_json_write_end_array(w);
    string_member(w, "resource_type", role->resource_type);
    key(w, "predefined_role");
    oarc_json_write_bool(w, role->predefined_role);
}

static void write_role(oarc_json_writer *w, const void *obj)
{
    oarc_json_write_begin_object(w);
    string_member(w, "object", OARC_SPAN_LITERAL("role"));
    role_members(w, obj);
    oarc_json_write_end_object(w);
}

static void write_assigned_role(oarc_json_writer *w, const void *obj)
{
    oarc_json_write_begin_object(w);
    role_members(w, obj);
    oarc_json_write_end_object(w);
}

static void write_deleted(oarc_json_writer *w, const void *obj)
{
    const oarc_role_deleted *deleted = obj;
    oarc_json_write_begin_object(w);
    string_member(w, "object", OARC_SPAN_LITERAL("role.deleted"));
    string_member(w, "id", deleted->id);
    key(w, "deleted");
    oarc_json_write_bool(w, deleted->deleted);
    oarc_json_write_end_object(w);
}

static void write_unassigned(oarc_json_writer *w, const void *obj)
{
    const oarc_role_unassigned *unassigned = obj;
    oarc_json_write_begin_object(w);
    string_member(w, "object", unassigned->object);
    key(w, "deleted");
    oarc_json_write_bool(w, unassigned->deleted);
    oarc_json_write_end_object(w);
}

/** The `user` or `group` member: the fields the library decodes. */
static void write_principal(oarc_json_writer *w, bool group, const oarc_principal *p)
{
    key(w, group ? "group" : "user");
    oarc_json_write_begin_object(w);
    string_member(w, "object", group ? OARC_SPAN_LITERAL("group")
                                     : OARC_SPAN_LITERAL("organization.user"));
    string_member(w, "id", p->id);
    string_member(w, "name", p->name);
    if (!group) {
        string_member(w, "email", p->email);
    }
    oarc_json_write_end_object(w);
}

static void write_assignment(oarc_json_writer *w, bool group, const oarc_role_assignment *a)
{
    oarc_json_write_begin_object(w);
    string_member(w, "object", group ? OARC_SPAN_LITERAL("group.role")
                                     : OARC_SPAN_LITERAL("user.role"));
    write_principal(w, group, &a->principal);
    key(w, "role");
    write_role(w, &a->role);
    oarc_json_write_end_object(w);
}

static void write_user_assignment(oarc_json_writer *w, const void *obj)
{
    write_assignment(w, false, obj);
}

static void write_group_assignment(oarc_json_writer *w, const void *obj)
{
    write_assignment(w, true, obj);
}

static void write_string(oarc_json_writer *w, const void *obj)
{
    oarc_json_write_printable(w, *(const oarc_span *)obj);
}

void cli_print_role(FILE *out, const oarc_role *role)
{
    print_value(out, write_role, role);
    fputc('\n', out);
}

void cli_print_assigned_role(FILE *out, const oarc_role *role)
{
    print_value(out, write_assigned_role, role);
    fputc('\n', out);
}

void cli_print_deleted(FILE *out, const oarc_role_deleted *deleted)
{
    print_value(out, write_deleted, deleted);
    fputc('\n', out);
}

void cli_print_assignment(FILE *out, bool group, const oarc_role_assignment *assignment)
{
    print_value(out, group ? write_group_assignment : write_user_assignment, assignment);
    fputc('\n', out);
}

void cli_print_unassigned(FILE *out, const oarc_role_unassigned *unassigned)
{
    print_value(out, write_unassigned, unassigned);
    fputc('\n', out);
}

void cli_print_list_begin(FILE *out)
{
    fputs("{\"object\":\"list\",\"data\":[", out);
}

void cli_print_list_item(FILE *out, size_t index, bool assigned, const oarc_role *role)
{
    fputs(index == 0 ? "\n" : ",\n", out);
    print_value(out, assigned ? write_assigned_role : write_role, role);
}

void cli_print_list_end(FILE *out, bool has_more, oarc_span next)
{
    fprintf(out, "\n],\"has_more\":%s,\"next\":", has_more ? "true" : "false");
    if (next.ptr == NULL) {
        fputs("null", out);
    } else {
        print_value(out, write_string, &next);
    }
    fputs("}\n", out);
}
