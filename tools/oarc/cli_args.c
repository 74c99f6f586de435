/**
 * @file cli_args.c
 * @brief Parsing of the oarc CLI's arguments; checks only the shape of the
 * command line (the library checks the values before sending anything).
 */
#include "cli_args.h"

#include <stdio.h>
#include <string.h>

#include "cli_options.h"
#include "host_cli.h"

/** Room for the names of every command's noun, or of one noun's verbs. */
#define CLI_MAX_WORDS 32u

/** The distinct nouns of the command table, or the verbs of noun (non-NULL). */
static size_t command_words(const char *noun, const char **out, size_t cap)
{
    size_t n = 0;
    const cli_command *c = NULL;
    for (size_t k = 0; (c = cli_command_at(k)) != NULL && n < cap; k++) {
        const char *w = noun ? c->verb : c->noun;
        if (noun && strcmp(c->noun, noun) != 0) {
            continue;
        }
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++) {
            seen = strcmp(out[j], w) == 0;
        }
        if (!seen) {
            out[n++] = w;
        }
    }
    return n;
}

/** "unknown command 'WORD' (did you mean ...?)" for a noun not in the table. */
static const char *unknown_noun(cli_args *a, const char *word)
{
    const char *nouns[CLI_MAX_WORDS];
    size_t n = command_words(NULL, nouns, CLI_MAX_WORDS);
    return host_cli_unknown(a->problem, sizeof a->problem, "command", word,
                            host_cli_nearest(word, nouns, n));
}

/** A noun of the table, with a verb it does not have: name the verbs it has. */
static const char *unknown_verb(cli_args *a, const char *noun, const char *verb)
{
    const char *verbs[CLI_MAX_WORDS];
    size_t n = command_words(noun, verbs, CLI_MAX_WORDS);
    const char *near = host_cli_nearest(verb, verbs, n);
    size_t used = (size_t)snprintf(a->problem, sizeof a->problem, "%s has no verb '%s' (%s%s%s",
                                   noun, verb, near ? "did you mean '" : "",
                                   near ? near : "", near ? "'? " : "");
    for (size_t k = 0; k < n && used < sizeof a->problem; k++) {
        used += (size_t)snprintf(a->problem + used, sizeof a->problem - used, "%s%s",
                                 k == 0 ? "verbs: " : ", ", verbs[k]);
    }
    if (used < sizeof a->problem) {
        snprintf(a->problem + used, sizeof a->problem - used, ")");
    }
    return a->problem;
}

/** An option no parser took: name it, and the nearest of those that apply. */
static const char *unknown_option(cli_args *a, const char *word)
{
    const char *names[CLI_MAX_OPTION_NAMES];
    cli_option_set options = a->command ? cli_command_options(a->command) : CLI_OPTIONS_NONE;
    size_t n = cli_option_names(options, names, CLI_MAX_OPTION_NAMES);
    return host_cli_unknown(a->problem, sizeof a->problem, "option", word,
                            host_cli_nearest(word, names, n));
}

static bool is_noun(const char *word)
{
    const char *nouns[CLI_MAX_WORDS];
    size_t n = command_words(NULL, nouns, CLI_MAX_WORDS);
    for (size_t k = 0; k < n; k++) {
        if (strcmp(nouns[k], word) == 0) {
            return true;
        }
    }
    return false;
}

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
    if (strcmp(argv[*i], "--version") == 0) {
        a->version = true;
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
    switch (cli_command_options(a->command)) {
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
    if (*word_count == 0 && !a->help && strcmp(arg, "help") == 0) {
        a->help = true;  /* `oarc help [NOUN]` */
        return NULL;
    }
    if (*word_count < 2) {
        words[(*word_count)++] = arg;
        if (*word_count == 1) {
            a->help_noun = arg;
            return is_noun(arg) ? NULL : unknown_noun(a, arg);
        }
        a->command = cli_command_find(words[0], words[1]);
        return a->command ? NULL : unknown_verb(a, words[0], words[1]);
    }
    size_t ids = cli_command_ids(a->command);
    if (a->id_count >= ids) {
        snprintf(a->problem, sizeof a->problem, "too many arguments: '%s' (%s %s takes %zu ID%s)",
                 arg, a->command->noun, a->command->verb, ids, ids == 1 ? "" : "s");
        return a->problem;
    }
    a->ids[a->id_count++] = arg;
    return NULL;
}

/** What the whole command line lacks, once every word was read. */
static const char *complete(cli_args *a)
{
    if (a->command == NULL) {
        if (a->help_noun == NULL) {
            return "missing command (oarc --help lists them)";
        }
        snprintf(a->problem, sizeof a->problem, "missing verb after %s (oarc %s --help lists them)",
                 a->help_noun, a->help_noun);
        return a->problem;
    }
    size_t ids = cli_command_ids(a->command);
    if (a->id_count != ids) {
        snprintf(a->problem, sizeof a->problem,
                 "missing ID argument: %s %s takes %zu ID%s, in path order (oarc %s --help)",
                 a->command->noun, a->command->verb, ids, ids == 1 ? "" : "s", a->command->noun);
        return a->problem;
    }
    return cli_command_options(a->command) == CLI_OPTIONS_CREATE ? cli_create_check(a) : NULL;
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
            problem = strncmp(argv[i], "--", 2) == 0 ? unknown_option(a, argv[i])
                                                     : positional(a, words, &word_count, argv[i]);
        }
        if (problem) {
            return problem;
        }
    }
    return (a->help || a->version) ? NULL : complete(a);
}
