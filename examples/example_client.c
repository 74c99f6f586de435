/**
 * @file example_client.c
 * @brief The examples' setup (see example_client.h).
 */
#include "example_client.h"

#include <stdio.h>
#include <stdlib.h>

#include "oarc_board.h"

static char ca_pem[256 * 1024]; /* PEM, NUL-terminated */

oarc_status example_client_init(oarc_client *client)
{
    const char *ca_file = getenv("OARC_CA_FILE");
    FILE *f = fopen(ca_file ? ca_file : "/etc/ssl/certs/ca-certificates.crt", "rb");
    size_t ca_len = f ? fread(ca_pem, 1, sizeof ca_pem - 1u, f) : 0u;
    if (f) {
        fclose(f);
    }
    ca_pem[ca_len] = '\0';

    oarc_port port;
    oarc_status st = oarc_board_init(&port);
    if (st != OARC_OK) {
        fprintf(stderr, "board %s: %s\n", oarc_board_name(), oarc_status_str(st));
        return st;
    }
    oarc_client_config cfg = {
        .base_url = getenv("OPENAI_BASE_URL"),
        .admin_key = getenv("OPENAI_ADMIN_KEY"),
        .port = &port,
        .ca_pem = ca_pem,
        .ca_pem_len = ca_len + 1u,
        .max_retries = -1,
    };
    st = oarc_client_init(client, &cfg);
    if (st != OARC_OK) {
        fprintf(stderr, "client: %s\n", oarc_status_str(st));
        oarc_board_deinit();
    }
    return st;
}

void example_client_deinit(oarc_client *client)
{
    oarc_client_deinit(client);
    oarc_board_deinit();
}
