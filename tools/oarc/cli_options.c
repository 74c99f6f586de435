/**
 * @file cli_options.c
 * @brief Parsing of the options of one command. Values are checked here only
 * where the CLI promises more than the library does (a limit of at least 1,
 * a non-empty cursor, the words asc and desc); the library checks the rest
 * before sending anything.
 */
#include "cli_options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/** The API's largest page. */
#define CLI_LIST_LIMIT_MAX 1000u

bool cli_parse_u32(const char *s, uint32_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || s[0] < '0' || s[0] > '9' || v > UINT32_MAX) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

bool cli_take_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    if (strcmp(argv[*i], name) != 0) {
        return false;
    }
    *value = *i + 1 < argc ? argv[++(*i)] : NULL;
    return true;
}

/** A field state may be given once: --name and --null-name exclude each other. */
static const char *set_field(oarc_field_state *state, oarc_field_state value)
{
    if (*state != OARC_FIELD_OMIT && *state != value) {
        return "conflicting options for one field";
    }
    if (*state != OARC_FIELD_OMIT && value == OARC_FIELD_NULL) {
        return "option given twice";
    }
    *state = value;
    return NULL;
}

/** The field options that take no value. */
static const char *flag_field_option(oarc_role_update *u, const char *opt, bool *used)
{
    *used = true;
    if (strcmp(opt, "--null-name") == 0) {
        return set_field(&u->role_name_state, OARC_FIELD_NULL);
    }
    if (strcmp(opt, "--null-description") == 0) {
        return set_field(&u->description_state, OARC_FIELD_NULL);
    }
    if (strcmp(opt, "--null-permissions") == 0) {
        return set_field(&u->permissions_state, OARC_FIELD_NULL);
    }
    if (strcmp(opt, "--no-permissions") == 0) {
        if (u->permission_count > 0) {
            return "--no-permissions with --permission";
        }
        return set_field(&u->permissions_state, OARC_FIELD_SET);
    }
    *used = false;
    return NULL;
}

static const char *add_permission(cli_args *a, const char *value)
{
    oarc_role_update *u = &a->update;
    if (u->permissions_state == OARC_FIELD_SET && u->permission_count == 0) {
        return "--permission with --no-permissions";
    }
    if (u->permission_count >= CLI_MAX_PERMISSIONS) {
        snprintf(a->problem, sizeof a->problem,
                 "too many --permission options (a role holds at most %u)",
                 (unsigned)OARC_MAX_PERMISSIONS);
        return a->problem;
    }
    a->permissions[u->permission_count++] = value;
    return set_field(&u->permissions_state, OARC_FIELD_SET);
}

/** --name or --description: a value, given once. */
static const char *set_text(oarc_field_state *state, const char **field, const char *value,
                            const char *twice)
{
    if (value == NULL) {
        return CLI_NEEDS_VALUE;
    }
    if (*state == OARC_FIELD_SET) {
        return twice;
    }
    *field = value;
    return set_field(state, OARC_FIELD_SET);
}

const char *cli_field_option(cli_args *a, int argc, char **argv, int *i, bool *used)
{
    oarc_role_update *u = &a->update;
    const char *value = NULL;
    const char *problem = flag_field_option(u, argv[*i], used);
    if (*used) {
        return problem;
    }
    *used = true;
    if (cli_take_value(argc, argv, i, "--name", &value)) {
        return set_text(&u->role_name_state, &u->role_name, value, "--name given twice");
    }
    if (cli_take_value(argc, argv, i, "--description", &value)) {
        return set_text(&u->description_state, &u->description, value,
                        "--description given twice");
    }
    if (cli_take_value(argc, argv, i, "--permission", &value)) {
        return value ? add_permission(a, value) : CLI_NEEDS_VALUE;
    }
    *used = false;
    return NULL;
}

static const char *set_order(oarc_list_params *p, const char *value)
{
    if (p->order != OARC_ORDER_DEFAULT) {
        return "--order given twice";
    }
    if (strcmp(value, "asc") == 0) {
        p->order = OARC_ORDER_ASC;
    } else if (strcmp(value, "desc") == 0) {
        p->order = OARC_ORDER_DESC;
    } else {
        return "--order takes asc or desc";
    }
    return NULL;
}

static const char *set_limit(oarc_list_params *p, const char *value)
{
    uint32_t n = 0;
    if (p->limit != 0u) {
        return "--limit given twice";
    }
    if (!cli_parse_u32(value, &n) || n < 1u || n > CLI_LIST_LIMIT_MAX) {
        return "--limit takes a number from 1 to 1000";
    }
    p->limit = n;
    return NULL;
}

static const char *set_after(oarc_list_params *p, const char *value)
{
    if (p->after != NULL) {
        return "--after given twice";
    }
    /* The library reads "" as "from the start"; on the command line it is a mistake. */
    p->after = value;
    return value[0] == '\0' ? "--after takes a cursor (an ID), not an empty string" : NULL;
}

const char *cli_list_option(cli_args *a, int argc, char **argv, int *i, bool *used)
{
    const char *value = NULL;
    *used = true;
    if (strcmp(argv[*i], "--all") == 0) {
        a->all = true;
        return NULL;
    }
    if (cli_take_value(argc, argv, i, "--limit", &value)) {
        return value ? set_limit(&a->list, value) : CLI_NEEDS_VALUE;
    }
    if (cli_take_value(argc, argv, i, "--order", &value)) {
        return value ? set_order(&a->list, value) : CLI_NEEDS_VALUE;
    }
    if (cli_take_value(argc, argv, i, "--after", &value)) {
        return value ? set_after(&a->list, value) : CLI_NEEDS_VALUE;
    }
    *used = false;
    return NULL;
}

const char *cli_create_check(const cli_args *a)
{
    const oarc_role_update *u = &a->update;
    if (u->role_name_state != OARC_FIELD_SET) {
        return "create needs --name NAME";
    }
    if (u->permissions_state != OARC_FIELD_SET) {
        return "create needs --permission P (repeatable) or --no-permissions";
    }
    return NULL;
}

size_t cli_option_names(cli_option_set set, const char **out, size_t cap)
{
    static const char *const global[] = { "--help", "--version", "--insecure-http",
                                          "--base-url", "--ca-file", "--timeout-ms",
                                          "--max-retries" };
    static const char *const fields[] = { "--name", "--null-name", "--description",
                                          "--null-description", "--permission",
                                          "--no-permissions", "--null-permissions" };
    static const char *const list[] = { "--limit", "--after", "--order", "--all" };
    size_t n = 0;
    for (size_t k = 0; k < sizeof(global) / sizeof(global[0]) && n < cap; k++) {
        out[n++] = global[k];
    }
    bool all = set == CLI_OPTIONS_NONE;  /* no command yet: any command's */
    if (all || set == CLI_OPTIONS_UPDATE || set == CLI_OPTIONS_CREATE) {
        for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]) && n < cap; k++) {
            out[n++] = fields[k];
        }
    }
    if (all || set == CLI_OPTIONS_LIST) {
        for (size_t k = 0; k < sizeof(list) / sizeof(list[0]) && n < cap; k++) {
            out[n++] = list[k];
        }
    }
    return n;
}
