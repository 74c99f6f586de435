/**
 * @file oarc_bench.c
 * @brief Benchmark driver: N organization-role updates on ONE client against
 * bench/server.py, then (with RESUMES > 0) that many reconnects, each resumed.
 *
 * usage: oarc_bench BASE_URL CA_FILE N [RESUMES]
 * The admin key comes from OPENAI_ADMIN_KEY.
 *
 * Each phase is its own never-inlined function, so that callgrind can count
 * exactly one phase with --toggle-collect=<name> (bench/run.sh does):
 *   bench_full_update     the first update: connect, full handshake, update
 *   bench_kept_updates    updates 2..N on the kept-alive connection
 *   bench_resumed_update  one update on a new connection that resumes the
 *                         TLS session (after an update the server answered
 *                         with "Connection: close", which is not counted)
 * Exits non-zero unless every update succeeded.
 */
#include <stdio.h>
#include <stdlib.h>

#include "oarc/oarc.h"
#include "host_cli.h"
#include "oarc_board.h"

#define BENCH_NOINLINE __attribute__((noinline))

/* Not static, so that their names survive for --toggle-collect. */
int bench_full_update(void);
int bench_kept_updates(long count);
int bench_resumed_update(void);

/* bench/server.py answers "Connection: close" to updates of this role. */
#define BENCH_ROLE "role_01J1F8ROLE01"
#define BENCH_CLOSING_ROLE "role_01J1F8CLOSE"

static oarc_client client;
static char ca[1u << 16];
static const char *const perms[] = { "api.groups.read", "api.groups.write" };
static const oarc_role_update update = {
    .description_state = OARC_FIELD_SET,
    .description = "Allows managing organization groups",
    .permissions_state = OARC_FIELD_SET,
    .permissions = perms,
    .permission_count = 2,
};

static int update_role(const char *role_id)
{
    oarc_role role;
    oarc_status st = oarc_org_role_update(&client, role_id, &update, &role);
    if (st != OARC_OK) {
        fprintf(stderr, "oarc_bench: update of %s: %s (HTTP %d)\n", role_id,
                oarc_status_str(st), oarc_client_last_call(&client)->http_status);
        return 1;
    }
    return 0;
}

BENCH_NOINLINE int bench_full_update(void)
{
    return update_role(BENCH_ROLE);
}

BENCH_NOINLINE int bench_kept_updates(long count)
{
    int failures = 0;
    for (long i = 0; i < count; i++) {
        failures += update_role(BENCH_ROLE);
    }
    return failures;
}

BENCH_NOINLINE int bench_resumed_update(void)
{
    return update_role(BENCH_ROLE);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s BASE_URL CA_FILE N [RESUMES]\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[3], NULL, 10);
    long resumes = argc > 4 ? strtol(argv[4], NULL, 10) : 0;
    size_t ca_len = 0;
    if (!host_cli_read_file("CA_FILE", argv[2], ca, sizeof ca, &ca_len)) {
        return 2;
    }
    ca_len++; /* PEM: the NUL is counted */
    oarc_port port;
    if (n < 1 || resumes < 0 || oarc_board_init(&port) != OARC_OK) {
        fprintf(stderr, "oarc_bench: bad arguments or network\n");
        return 2;
    }
    oarc_client_config cfg = {
        .base_url = argv[1],
        .admin_key = getenv("OPENAI_ADMIN_KEY"),
        .port = &port,
        .ca_pem = ca,
        .ca_pem_len = ca_len,
        .max_retries = 0, /* a retry would hide a failure and skew the count */
    };
    oarc_status st = oarc_client_init(&client, &cfg);
    if (st != OARC_OK) {
        fprintf(stderr, "oarc_bench: init: %s\n", oarc_status_str(st));
        return 1;
    }
    int failures = bench_full_update();
    failures += bench_kept_updates(n - 1);
    for (long i = 0; i < resumes; i++) {
        failures += update_role(BENCH_CLOSING_ROLE);
        failures += bench_resumed_update();
    }
    oarc_client_deinit(&client);
    oarc_board_deinit();
    return failures ? 1 : 0;
}
