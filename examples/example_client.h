/**
 * @file example_client.h
 * @brief What every example does first: bring the board's network up and set
 * a client up from the environment (a device board would read its own
 * settings instead: see boards/include/oarc_board_settings.h).
 *
 *   OPENAI_ADMIN_KEY  the admin key (required)
 *   OPENAI_BASE_URL   else the API
 *   OARC_CA_FILE      the CA bundle (default: Debian's system bundle)
 */
#ifndef OARC_EXAMPLE_CLIENT_H
#define OARC_EXAMPLE_CLIENT_H

#include "oarc/oarc.h"

/** OARC_OK with *client ready, or why not (said on stderr). */
oarc_status example_client_init(oarc_client *client);

/** Close the client and take the network down. */
void example_client_deinit(oarc_client *client);

#endif /* OARC_EXAMPLE_CLIENT_H */
