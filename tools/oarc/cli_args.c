/**
 * @file cli_args.c
 * @brief Parsing of the oarc CLI's arguments; checks only the shape of the
 * command line (the library checks the values before sending anything).
 */
#include "cli_args.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct command_spec {
    const char *noun;
    const char *verb;
    cli_command command;
    size_t ids;       /**< positional IDs, in path order */
    bool has_fields;  /**< takes the update field options */
} command_spec;

static const command_spec commands[] = {
    { "org-role", "update", CLI_ORG_ROLE_UPDATE, 1, true },
    { "project-role", "update", CLI_PROJECT_ROLE_UPDATE, 2, true },
};

static bool parse_u32(const char *s, uint32_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || s[0] == '-' || v > UINT32_MAX) {
        return false;
    }
    *out = (uint32_t)v;
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

/** Field options; *used tells whether argv[i] (and its value) was one. */
static const char *field_option(cli_args *a, int argc, char **argv, int *i, bool *used)
{
    const char *opt = argv[*i];
    const char *value = *i + 1 < argc ? argv[*i + 1] : NULL;
    oarc_role_update *u = &a->update;
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
    bool is_name = strcmp(opt, "--name") == 0;
    bool is_desc = strcmp(opt, "--description") == 0;
    bool is_perm = strcmp(opt, "--permission") == 0;
    if (!is_name && !is_desc && !is_perm) {
        *used = false;
        return NULL;
    }
    if (value == NULL) {
        return "option needs a value";
    }
    (*i)++;
    if (is_name) {
        u->role_name = value;
        return u->role_name_state == OARC_FIELD_SET ? "--name given twice"
                                                    : set_field(&u->role_name_state, OARC_FIELD_SET);
    }
    if (is_desc) {
        u->description = value;
        return u->description_state == OARC_FIELD_SET
                   ? "--description given twice"
                   : set_field(&u->description_state, OARC_FIELD_SET);
    }
    if (u->permissions_state == OARC_FIELD_SET && u->permission_count == 0) {
        return "--permission with --no-permissions";
    }
    if (u->permission_count >= CLI_MAX_PERMISSIONS) {
        return "too many --permission options";
    }
    a->permissions[u->permission_count++] = value;
    return set_field(&u->permissions_state, OARC_FIELD_SET);
}

/** Global options; *used tells whether argv[i] (and its value) was one. */
static const char *global_option(cli_args *a, int argc, char **argv, int *i, bool *used)
{
    const char *opt = argv[*i];
    const char *value = *i + 1 < argc ? argv[*i + 1] : NULL;
    *used = true;
    if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
        a->help = true;
        return NULL;
    }
    if (strcmp(opt, "--insecure-http") == 0) {
        a->insecure_http = true;
        return NULL;
    }
    const char **target = strcmp(opt, "--base-url") == 0  ? &a->base_url
                          : strcmp(opt, "--ca-file") == 0 ? &a->ca_file
                                                          : NULL;
    bool is_timeout = strcmp(opt, "--timeout-ms") == 0;
    bool is_retries = strcmp(opt, "--max-retries") == 0;
    if (target == NULL && !is_timeout && !is_retries) {
        *used = false;
        return NULL;
    }
    if (value == NULL) {
        return "option needs a value";
    }
    (*i)++;
    if (target) {
        *target = value;
        return NULL;
    }
    uint32_t n = 0;
    if (!parse_u32(value, &n) || (is_timeout && n == 0) || (is_retries && n > 100)) {
        return is_timeout ? "--timeout-ms takes a positive number"
                          : "--max-retries takes a number from 0 to 100";
    }
    if (is_timeout) {
        a->timeout_ms = n;
    } else {
        a->max_retries = (int)n;
    }
    return NULL;
}

static const char *find_command(cli_args *a, const char *noun, const char *verb,
                                const command_spec **spec)
{
    for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++) {
        if (strcmp(commands[k].noun, noun) == 0 && strcmp(commands[k].verb, verb) == 0) {
            *spec = &commands[k];
            a->command = commands[k].command;
            return NULL;
        }
    }
    return "unknown command";
}

const char *cli_args_parse(cli_args *a, int argc, char **argv)
{
    memset(a, 0, sizeof(*a));
    a->max_retries = -1;
    a->update.permissions = a->permissions;
    const char *words[2] = { NULL, NULL };
    size_t word_count = 0;
    const command_spec *spec = NULL;
    for (int i = 1; i < argc; i++) {
        bool used = false;
        const char *problem = global_option(a, argc, argv, &i, &used);
        if (!used && spec && spec->has_fields) {
            problem = field_option(a, argc, argv, &i, &used);
        }
        if (problem) {
            return problem;
        }
        if (used) {
            continue;
        }
        if (strncmp(argv[i], "--", 2) == 0) {
            return "unknown option";
        }
        if (word_count < 2) {
            words[word_count++] = argv[i];
            if (word_count == 2 && (problem = find_command(a, words[0], words[1], &spec))) {
                return problem;
            }
        } else if (a->id_count < spec->ids) {
            a->ids[a->id_count++] = argv[i];
        } else {
            return "too many arguments";
        }
    }
    if (a->help) {
        return NULL;
    }
    if (spec == NULL) {
        return "missing command";
    }
    return a->id_count == spec->ids ? NULL : "missing ID argument";
}
