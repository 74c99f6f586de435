/**
 * @file cli_options.h
 * @brief The options that belong to one command: the field options of
 * update and create, and the list options. Each parser looks at argv[*i];
 * *used says whether it was one of its options (then *i has moved past its
 * value). They return NULL, or a short description of the problem.
 */
#ifndef OARC_CLI_OPTIONS_H
#define OARC_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli_args.h"

/** Parse a decimal number with nothing else in s. */
bool cli_parse_u32(const char *s, uint32_t *out);

/** What a parser says about an option given without its value. */
#define CLI_NEEDS_VALUE "option needs a value"

/** Is argv[*i] the option name? If so, *value gets the argument after it
 *  (NULL when there is none) and *i moves past it. */
bool cli_take_value(int argc, char **argv, int *i, const char *name, const char **value);

/** --name, --null-name, --description, --null-description, --permission,
 *  --no-permissions, --null-permissions. */
const char *cli_field_option(cli_args *a, int argc, char **argv, int *i, bool *used);

/** --limit N (1..1000), --after CURSOR (not empty), --order asc|desc, --all. */
const char *cli_list_option(cli_args *a, int argc, char **argv, int *i, bool *used);

/** A create needs a name and its permissions, and has no null for either. */
const char *cli_create_check(const cli_args *a);

/** Room for every option name cli_option_names() gives. */
#define CLI_MAX_OPTION_NAMES 24u

/** The names of the global options and of set's (every command's when set
 *  is CLI_OPTIONS_NONE: no command named yet) into out; returns how many. */
size_t cli_option_names(cli_option_set set, const char **out, size_t cap);

#endif /* OARC_CLI_OPTIONS_H */
