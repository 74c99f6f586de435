/**
 * @file cli_args.h
 * @brief Command-line parsing for the oarc CLI: global options anywhere, a
 * command of two words, positional IDs in path order, then the options of
 * that command.
 */
#ifndef OARC_CLI_ARGS_H
#define OARC_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli_commands.h"
#include "oarc/oarc_role.h"

/** Room for one --permission more than a role can hold: the library refuses
 *  that one with its own status (OARC_ERR_TOO_MANY_ITEMS, nothing sent), as
 *  for any caller; past it the CLI stops taking them. */
#define CLI_MAX_PERMISSIONS (OARC_MAX_PERMISSIONS + 1u)
/** The IDs of the longest path: project, principal, role. */
#define CLI_MAX_IDS 3

/** Room for a problem that names the word at fault and a suggestion. */
#define CLI_PROBLEM_MAX 192u

typedef struct cli_args {
    bool help;
    const char *help_noun;  /**< `oarc NOUN --help`, `oarc help NOUN`: that noun's help */
    bool version;
    bool insecure_http;
    const char *base_url;   /**< NULL: from the environment or the default */
    const char *ca_file;    /**< NULL: the system bundle */
    uint32_t timeout_ms;    /**< 0: the library's default */
    int max_retries;        /**< -1: the library's default */
    const cli_command *command;
    const char *ids[CLI_MAX_IDS];
    size_t id_count;
    /** Field options of update and create; permissions point into the array below. */
    oarc_role_update update;
    const char *permissions[CLI_MAX_PERMISSIONS];
    /** List options. */
    oarc_list_params list;
    bool all;
    char problem[CLI_PROBLEM_MAX]; /**< what cli_args_parse() returns when it names a word */
} cli_args;

/** Parse argv into a. NULL on success, else a short description of the
 *  problem, naming the word at fault and the nearest valid one (a->help may
 *  be set either way). */
const char *cli_args_parse(cli_args *a, int argc, char **argv);

#endif /* OARC_CLI_ARGS_H */
