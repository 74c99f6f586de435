/**
 * @file cli_usage.h
 * @brief The oarc CLI's --help text.
 */
#ifndef OARC_CLI_USAGE_H
#define OARC_CLI_USAGE_H

#include <stdio.h>

/** Where the CLI looks for CA certificates without --ca-file. */
#define CLI_SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

void cli_print_usage(FILE *out);

#endif /* OARC_CLI_USAGE_H */
