/**
 * @file itest_client.c
 * @brief Integration driver: makes COUNT organization-role updates on ONE
 * client (so keep-alive and TLS resumption can be observed at the simulator)
 * and prints one JSON line per call with what the library reported.
 *
 * usage: itest_client BASE_URL CA_FILE TIMEOUT_MS MAX_RETRIES COUNT ROLE_ID [DESCRIPTION]
 * The admin key comes from OPENAI_ADMIN_KEY.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "oarc/oarc.h"
#include "oarc/oarc_printable.h"
#include "host_cli.h"
#include "oarc_board.h"

static oarc_client client;
static char ca[1u << 20];

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void report(int call, oarc_status st, const oarc_role *role, long elapsed)
{
    const oarc_call_info *info = oarc_client_last_call(&client);
    /* The server's strings through the shared escaping: valid JSON always. */
    char request_id[256];
    char role_id[256];
    (void)oarc_printable(request_id, sizeof request_id, info->request_id, OARC_PRINTABLE_JSON);
    (void)oarc_printable(role_id, sizeof role_id,
                         st == OARC_OK ? role->id : (oarc_span){ NULL, 0 }, OARC_PRINTABLE_JSON);
    printf("{\"call\":%d,\"status\":\"%s\",\"http_status\":%d,\"retries\":%d,"
           "\"elapsed_ms\":%ld,\"request_id\":\"%s\",\"verify_flags\":%u,\"role_id\":\"%s\"}\n",
           call, oarc_status_str(st), info->http_status, info->retries, elapsed, request_id,
           (unsigned)info->tls_verify_flags, role_id);
}

int main(int argc, char **argv)
{
    if (argc < 7) {
        fprintf(stderr, "usage: %s BASE_URL CA_FILE TIMEOUT_MS MAX_RETRIES COUNT ROLE_ID [DESC]\n",
                argv[0]);
        return 2;
    }
    size_t ca_len = 0;
    if (!host_cli_read_file("CA_FILE", argv[2], ca, sizeof ca, &ca_len)) {
        return 2;
    }
    ca_len++; /* PEM: the NUL is counted */
    oarc_port port;
    if (oarc_board_init(&port) != OARC_OK) {
        fprintf(stderr, "board %s: network not up\n", oarc_board_name());
        return 3;
    }
    oarc_client_config cfg = {
        .base_url = argv[1],
        .admin_key = getenv("OPENAI_ADMIN_KEY"),
        .port = &port,
        .ca_pem = ca,
        .ca_pem_len = ca_len,
        .timeout_ms = (uint32_t)strtoul(argv[3], NULL, 10),
        .max_retries = atoi(argv[4]),
    };
    oarc_status st = oarc_client_init(&client, &cfg);
    if (st != OARC_OK) {
        printf("{\"call\":0,\"status\":\"%s\"}\n", oarc_status_str(st));
        return 1;
    }
    int count = atoi(argv[5]);
    int failures = 0;
    oarc_role_update update = { .description_state = OARC_FIELD_SET,
                                .description = argc > 7 ? argv[7] : "itest" };
    for (int i = 0; i < count; i++) {
        oarc_role role;
        long start = now_ms();
        st = oarc_org_role_update(&client, argv[6], &update, &role);
        report(i, st, &role, now_ms() - start);
        failures += st != OARC_OK;
    }
    oarc_client_deinit(&client);
    return failures ? 1 : 0;
}
