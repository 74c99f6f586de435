/**
 * @file bench_tls.c
 * @brief What TLS costs the Cortex-M4, in instructions (run under QEMU's
 * `-icount shift=0`, where the board's clock counts executed instructions;
 * the time spent idle waiting for the network is left out). Three organization
 * role updates on one client, against the simulator in the rig:
 *
 *   1. the first: DNS lookup, TCP connect, full TLS 1.3 handshake, update;
 *   2. the second, on the kept-alive connection: the update alone;
 *   3. the third, after the simulator closed the connection (the test
 *      injects close_after on the second update): TCP connect, resumed
 *      handshake (PSK from the ticket, with ECDHE), update.
 *
 * So a full handshake costs about (1) - (2) and a resumed one (3) - (2).
 * Settings as the firmware's (base URL, key file, CA file on the command
 * line); `role=ROLE_ID` names the role to update. Exit 0 when all three
 * succeeded.
 */
#include <stdio.h>
#include <string.h>

#include "oarc/oarc.h"
#include "oarc_board.h"
#include "oarc_board_settings.h"

#include "board_mps2.h"

#define BENCH_ROLE "role_01J1F8ROLE01"

static oarc_client client;
static oarc_role role;

/* One update; its instructions into *insns. */
static oarc_status timed_update(const char *description, unsigned long long *insns)
{
    oarc_role_update change = {
        .description_state = OARC_FIELD_SET,
        .description = description,
    };
    uint64_t start = board_busy_instructions();
    oarc_status st = oarc_org_role_update(&client, BENCH_ROLE, &change, &role);
    *insns = board_busy_instructions() - start;
    printf("bench: update '%s': %s, %llu instructions\n", description, oarc_status_str(st), *insns);
    return st;
}

int main(void)
{
    oarc_board_settings s;
    oarc_port port;
    if (oarc_board_settings_load(&s) != OARC_OK || s.admin_key == NULL || s.ca_pem == NULL) {
        printf("bench: settings missing\n");
        return 2;
    }
    if (oarc_board_init(&port) != OARC_OK) {
        return 3;
    }
    oarc_client_config cfg = {
        .base_url = s.base_url, .admin_key = s.admin_key, .port = &port,
        .ca_pem = s.ca_pem, .ca_pem_len = s.ca_pem_len, .max_retries = -1,
    };
    if (oarc_client_init(&client, &cfg) != OARC_OK) {
        return 2;
    }
    unsigned long long full = 0, kept = 0, resumed = 0;
    oarc_status st = timed_update("bench: full handshake", &full);
    if (st == OARC_OK) {
        st = timed_update("bench: kept alive", &kept);
    }
    if (st == OARC_OK) {
        st = timed_update("bench: resumed", &resumed);
    }
    if (st == OARC_OK) {
        printf("bench: connect + full TLS 1.3 handshake + update: %llu instructions\n", full);
        printf("bench: kept-alive update: %llu instructions\n", kept);
        printf("bench: connect + resumed handshake + update: %llu instructions\n", resumed);
        printf("bench: full handshake ~ %llu, resumed handshake ~ %llu instructions\n",
               full - kept, resumed - kept);
    }
    oarc_client_deinit(&client);
    oarc_board_deinit();
    oarc_board_settings_wipe();
    return st == OARC_OK ? 0 : 3;
}
