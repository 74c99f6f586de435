/**
 * @file main_board.c
 * @brief The provisioner firmware: the compiled-in plan, converged at every
 * boot over the board's network, each item's outcome and the summary printed
 * on the console (one JSON object per line, as `oarc-provisioner --json`),
 * and the exit code returned to the board (0, 1, 2, 3: exit_code.h), which
 * on the emulator leaves through semihosting.
 *
 * Settings (base URL, admin key, CA bundle) come from the board's storage
 * through oarc_board_settings.h. Without a key or a CA nothing is connected:
 * exit 2. The key is never printed.
 */
#include <stdio.h>

#include "oarc/oarc.h"
#include "exit_code.h"
#include "oarc_board.h"
#include "oarc_board_settings.h"
#include "plan_builtin.h"
#include "provision.h"
#include "report_print.h"

static oarc_client client;
static prov_run run;

static void print_item(void *ctx, const prov_report *report)
{
    (void)ctx;
    prov_print_report(stdout, report, true);
}

/* 0, or the exit code of settings that cannot be used (nothing was sent). */
static int check_settings(const oarc_board_settings *s)
{
    if (s->admin_key == NULL || s->admin_key[0] == '\0') {
        printf("error: no admin key is provisioned on this device\n");
        return PROV_EXIT_USAGE;
    }
    if (s->ca_pem == NULL) {
        printf("error: no CA bundle is provisioned on this device\n");
        return PROV_EXIT_USAGE;
    }
    return 0;
}

/* Network up and the client set up: 0, or the exit code. */
static int start_client(const oarc_board_settings *s)
{
    oarc_port port;
    oarc_status st = oarc_board_init(&port);
    if (st != OARC_OK) {
        printf("error: board %s: network not up: %s\n", oarc_board_name(), oarc_status_str(st));
        return PROV_EXIT_UNREACHABLE;
    }
    oarc_client_config cfg = {
        .base_url = s->base_url,
        .admin_key = s->admin_key,
        .port = &port,
        .ca_pem = s->ca_pem,
        .ca_pem_len = s->ca_pem_len,
        .max_retries = -1,
    };
    st = oarc_client_init(&client, &cfg);
    if (st != OARC_OK) {
        printf("error: client setup: %s\n", oarc_status_str(st));
        return prov_client_setup_exit_code(st);
    }
    return 0;
}

static int converge(void)
{
    prov_plan_error err;
    prov_options opts = { .report = print_item, .report_ctx = NULL, .dry_run = false };
    oarc_status st = prov_run_plan(&run, &client, prov_builtin_plan(), &opts, &err);
    if (st != OARC_OK) {
        printf("error: plan: %s: %s\n", err.path, err.reason);
        return PROV_EXIT_USAGE;
    }
    prov_print_summary(stdout, &run.summary, false, true);
    return prov_exit_code(&run.summary);
}

int main(void)
{
    oarc_board_settings settings;
    printf("oarc provisioner on %s\n", oarc_board_name());
    int code = oarc_board_settings_load(&settings) == OARC_OK ? check_settings(&settings)
                                                              : PROV_EXIT_USAGE;
    if (code == 0) {
        code = start_client(&settings);
        if (code == 0) {
            code = converge();
        }
        oarc_client_deinit(&client);
        oarc_board_deinit();
    }
    oarc_board_settings_wipe();
    printf("exit %d\n", code);
    return code;
}
