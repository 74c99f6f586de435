/**
 * @file cli_print.h
 * @brief JSON output of the oarc CLI.
 */
#ifndef OARC_CLI_PRINT_H
#define OARC_CLI_PRINT_H

#include <stdio.h>

#include "oarc/oarc_role.h"

/** Print role as one JSON object (the API's Role shape) and a newline. */
void cli_print_role(FILE *out, const oarc_role *role);

#endif /* OARC_CLI_PRINT_H */
