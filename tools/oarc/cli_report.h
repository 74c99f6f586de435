/**
 * @file cli_report.h
 * @brief How the oarc CLI ends: the exit code of a status, and the one line
 * on stderr that says what went wrong.
 */
#ifndef OARC_CLI_REPORT_H
#define OARC_CLI_REPORT_H

#include "oarc/oarc_client.h"
#include "oarc/oarc_status.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_API 1     /**< the API answered with an error */
#define CLI_EXIT_USAGE 2   /**< usage or invalid input: nothing was sent */
#define CLI_EXIT_NETWORK 3 /**< network, TLS, timeout, or a response that could not be read */

/** Print the failure st of the client's last call on stderr; return its exit code. */
int cli_fail(const oarc_client *client, oarc_status st);

#endif /* OARC_CLI_REPORT_H */
