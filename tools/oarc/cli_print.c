/**
 * @file cli_print.c
 * @brief Writes decoded objects back out as JSON with the library's own
 * bounded writer, so escaping is the same code the requests use.
 */
#include "cli_print.h"

#include <string.h>

#include "json_write.h"

static void key(oarc_json_writer *w, const char *k)
{
    oarc_json_write_key(w, (oarc_span){ k, strlen(k) });
}

static void string_or_null(oarc_json_writer *w, oarc_span s)
{
    if (s.ptr == NULL) {
        oarc_json_write_null(w);
    } else {
        oarc_json_write_string(w, s);
    }
}

static void write_role(oarc_json_writer *w, const oarc_role *role)
{
    oarc_json_write_begin_object(w);
    key(w, "object");
    oarc_json_write_string(w, OARC_SPAN_LITERAL("role"));
    key(w, "id");
    oarc_json_write_string(w, role->id);
    key(w, "name");
    oarc_json_write_string(w, role->name);
    key(w, "description");
    string_or_null(w, role->description);
    key(w, "permissions");
    oarc_json_write_begin_array(w);
    for (size_t i = 0; i < role->permission_count; i++) {
        oarc_json_write_string(w, role->permissions[i]);
    }
    oarc_json_write_end_array(w);
    key(w, "resource_type");
    oarc_json_write_string(w, role->resource_type);
    key(w, "predefined_role");
    oarc_json_write_bool(w, role->predefined_role);
    oarc_json_write_end_object(w);
}

void cli_print_role(FILE *out, const oarc_role *role)
{
    static char buf[16384];
    oarc_json_writer w;
    oarc_json_writer_init(&w, buf, sizeof(buf));
    write_role(&w, role);
    size_t len = 0;
    if (oarc_json_writer_finish(&w, &len) != OARC_OK) {
        fputs("{\"error\":\"role too large to print\"}\n", out);
        return;
    }
    fwrite(buf, 1, len, out);
    fputc('\n', out);
}
