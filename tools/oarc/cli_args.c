/**
 * @file cli_args.c
 * @brief Parsing of the oarc CLI's arguments; checks only the shape of the
 * command line (the library checks the values before sending anything).
 */
#include "cli_args.h"

#include <string.h>

#include "cli_options.h"

/** --timeout-ms or --max-retries, with its value. */
static const char *number_option(cli_args *a, bool is_timeout, const char *value)
{
    uint32_t n = 0;
    if (!cli_parse_u32(value, &n) || (is_timeout && n == 0) || (!is_timeout && n > 100)) {
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

/** Global options; *used tells whether argv[i] (and its value) was one. */
static const char *global_option(cli_args *a, int argc, char **argv, int *i, bool *used)
{
    const char *value = NULL;
    *used = true;
    if (strcmp(argv[*i], "--help") == 0 || strcmp(argv[*i], "-h") == 0) {
        a->help = true;
        return NULL;
    }
    if (strcmp(argv[*i], "--insecure-http") == 0) {
        a->insecure_http = true;
        return NULL;
    }
    if (cli_take_value(argc, argv, i, "--base-url", &value)) {
        a->base_url = value;
    } else if (cli_take_value(argc, argv, i, "--ca-file", &value)) {
        a->ca_file = value;
    } else if (cli_take_value(argc, argv, i, "--timeout-ms", &value)) {
        return value ? number_option(a, true, value) : CLI_NEEDS_VALUE;
    } else if (cli_take_value(argc, argv, i, "--max-retries", &value)) {
        return value ? number_option(a, false, value) : CLI_NEEDS_VALUE;
    } else {
        *used = false;
        return NULL;
    }
    return value ? NULL : CLI_NEEDS_VALUE;
}

/** The options of the command named so far (none before its two words). */
static const char *command_option(cli_args *a, int argc, char **argv, int *i, bool *used)
{
    *used = false;
    if (a->command == NULL) {
        return NULL;
    }
    switch (a->command->options) {
    case CLI_OPTIONS_UPDATE:
    case CLI_OPTIONS_CREATE:
        return cli_field_option(a, argc, argv, i, used);
    case CLI_OPTIONS_LIST:
        return cli_list_option(a, argc, argv, i, used);
    default:
        return NULL;
    }
}

/** A word that is not an option: the command's noun, its verb, or an ID. */
static const char *positional(cli_args *a, const char *words[2], size_t *word_count,
                              const char *arg)
{
    if (*word_count < 2) {
        words[(*word_count)++] = arg;
        if (*word_count == 2) {
            a->command = cli_command_find(words[0], words[1]);
            return a->command ? NULL : "unknown command";
        }
        return NULL;
    }
    if (a->id_count >= a->command->ids) {
        return "too many arguments";
    }
    a->ids[a->id_count++] = arg;
    return NULL;
}

/** What the whole command line lacks, once every word was read. */
static const char *complete(const cli_args *a)
{
    if (a->command == NULL) {
        return "missing command";
    }
    if (a->id_count != a->command->ids) {
        return "missing ID argument";
    }
    return a->command->options == CLI_OPTIONS_CREATE ? cli_create_check(a) : NULL;
}

const char *cli_args_parse(cli_args *a, int argc, char **argv)
{
    memset(a, 0, sizeof(*a));
    a->max_retries = -1;
    a->update.permissions = a->permissions;
    const char *words[2] = { NULL, NULL };
    size_t word_count = 0;
    for (int i = 1; i < argc; i++) {
        bool used = false;
        const char *problem = global_option(a, argc, argv, &i, &used);
        if (!used) {
            problem = command_option(a, argc, argv, &i, &used);
        }
        if (!used && problem == NULL) {
            problem = strncmp(argv[i], "--", 2) == 0 ? "unknown option"
                                                     : positional(a, words, &word_count, argv[i]);
        }
        if (problem) {
            return problem;
        }
    }
    return a->help ? NULL : complete(a);
}
