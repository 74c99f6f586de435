/**
 * @file cli_list.h
 * @brief The list commands: one page as the API sends it, or with --all
 * every item of every page, streamed so that memory stays fixed.
 */
#ifndef OARC_CLI_LIST_H
#define OARC_CLI_LIST_H

#include "cli_args.h"
#include "oarc/oarc_client.h"

/** The handler of every `... list` command (see cli_handler). */
int cli_list_run(oarc_client *client, const cli_args *args);

#endif /* OARC_CLI_LIST_H */
