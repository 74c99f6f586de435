/**
 * @file cli_usage.h
 * @brief The oarc CLI's --help text.
 */
#ifndef OARC_CLI_USAGE_H
#define OARC_CLI_USAGE_H

#include <stdio.h>

/** Where the CLI looks for CA certificates without --ca-file. */
#define CLI_SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

/** The whole help: every command, option, output and exit code. */
void cli_print_usage(FILE *out);

/** One command's help (`oarc NOUN --help`, `oarc help NOUN`): its verbs
 *  and IDs, the options they take, and where the rest is. */
void cli_print_noun_usage(FILE *out, const char *noun);

#endif /* OARC_CLI_USAGE_H */
