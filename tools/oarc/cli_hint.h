/**
 * @file cli_hint.h
 * @brief What to do about a refusal that has no detail of its own: the
 * failure line says it in place of the bare status name.
 */
#ifndef OARC_CLI_HINT_H
#define OARC_CLI_HINT_H

#include "oarc/oarc_status.h"

/** What the person at the command line can do about st, or NULL. */
const char *cli_hint(oarc_status st);

#endif /* OARC_CLI_HINT_H */
