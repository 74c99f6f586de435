/**
 * @file main_host.c
 * @brief `oarc-provisioner`: converge an organization onto a plan from a JSON
 * file (or the compiled-in plan), over the board interface.
 *
 * Exit codes: 0 every item is as planned; 1 some item failed; 2 bad usage or
 * a bad plan (nothing sent); 3 the API could not be reached (network, TLS,
 * certificate, timeout), so the items left were not tried.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oarc/oarc.h"
#include "exit_code.h"
#include "host_cli.h"
#include "oarc_board.h"
#include "plan_builtin.h"
#include "plan_json.h"
#include "provision.h"
#include "report_print.h"

#define SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"
#define MAX_CA_FILE (1024u * 1024u)
#define MAX_PLAN_FILE (256u * 1024u)

static const char usage_text[] =
    "usage: oarc-provisioner [options] PLAN.json\n"
    "       oarc-provisioner [options] --builtin\n"
    "\n"
    "Reads every role of the plan, updates only the fields that differ (permissions\n"
    "compared as a set), creates missing roles the plan allows, makes missing\n"
    "assignments, and prints one line per item: unchanged, updated (fields),\n"
    "created, assigned or failed, with the request id that decided it.\n"
    "\n"
    "Options:\n"
    "  --base-url URL     default: $OPENAI_BASE_URL, else https://api.openai.com/v1\n"
    "  --ca-file PEM      CA bundle the server must chain to (default: " SYSTEM_CA_BUNDLE ")\n"
    "  --timeout-ms N     deadline of each call, retries included (default 60000)\n"
    "  --dry-run          read and compare, write nothing: say what a run would do\n"
    "  --json             one JSON object per line instead of text\n"
    "  --builtin          run the compiled-in plan (the one a device runs)\n"
    "  --help             this text\n"
    "  --version          the provisioner's version, its TLS library and that one's version\n"
    "\n"
    "The admin key is read from $OPENAI_ADMIN_KEY.\n"
    "Exit codes: 0 all as planned, 1 some item failed, 2 usage or bad plan (nothing\n"
    "sent), 3 the API could not be reached.\n";

typedef struct options {
    const char *base_url;
    const char *ca_file;
    const char *plan_file;
    uint32_t timeout_ms;
    bool json;
    bool dry_run;
    bool builtin;
    bool help;
    bool version;
    char problem[160];  /* a problem that names the word at fault */
} options;

static bool parse_u32(const char *s, uint32_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0 || v > 0xFFFFFFFFul) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

/* "unknown option 'WORD' (did you mean ...?)" into o->problem. */
static const char *unknown_option(options *o, const char *word)
{
    static const char *const names[] = { "--help", "--version", "--json", "--dry-run",
                                         "--builtin", "--base-url", "--ca-file", "--timeout-ms" };
    return host_cli_unknown(o->problem, sizeof o->problem, "option", word,
                            host_cli_nearest(word, names, sizeof names / sizeof names[0]));
}

/* An option that takes a value: true (and *value set, *i moved) if argv[*i] is name. */
static bool take_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    if (strcmp(argv[*i], name) != 0) {
        return false;
    }
    *value = *i + 1 < argc ? argv[++*i] : NULL;
    return true;
}

/* NULL, or what is wrong with the command line. */
static const char *parse_args(options *o, int argc, char **argv)
{
    memset(o, 0, sizeof(*o));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
        bool valued = false;  /* an option that takes a value */
        if (strcmp(a, "--help") == 0 || (i == 1 && strcmp(a, "help") == 0)) {
            o->help = true;
        } else if (strcmp(a, "--version") == 0) {
            o->version = true;
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = true;
        } else if (strcmp(a, "--builtin") == 0) {
            o->builtin = true;
        } else if ((valued = take_value(argc, argv, &i, "--base-url", &value))) {
            o->base_url = value;
        } else if ((valued = take_value(argc, argv, &i, "--ca-file", &value))) {
            o->ca_file = value;
        } else if ((valued = take_value(argc, argv, &i, "--timeout-ms", &value))) {
            if (value != NULL && !parse_u32(value, &o->timeout_ms)) {
                return "--timeout-ms takes a number of milliseconds";
            }
        } else if (a[0] == '-') {
            return unknown_option(o, a);
        } else if (o->plan_file != NULL) {
            snprintf(o->problem, sizeof o->problem, "one plan file only ('%s' and '%s')",
                     o->plan_file, a);
            return o->problem;
        } else {
            o->plan_file = a;
            continue;
        }
        if (valued && value == NULL) {
            snprintf(o->problem, sizeof o->problem, "%s needs a value", a);
            return o->problem;
        }
    }
    if (!o->help && !o->version && (o->plan_file == NULL) == !o->builtin) {
        return o->plan_file ? "give a plan file or --builtin, not both"
                            : "give a plan file or --builtin (the compiled-in plan)";
    }
    return NULL;
}

static char plan_text[MAX_PLAN_FILE + 1u];
static prov_plan_json parsed_plan;

/* The plan to run, or NULL (said on stderr) when there is none to run. */
static const prov_plan *load_plan(const options *o)
{
    prov_plan_error err;
    size_t len = 0;

    if (o->builtin) {
        return prov_builtin_plan();
    }
    if (!host_cli_read_file("plan", o->plan_file, plan_text, sizeof(plan_text), &len)) {
        return NULL;
    }
    if (prov_plan_json_parse(&parsed_plan, plan_text, len, &err) != OARC_OK) {
        fprintf(stderr, "error: plan %s: %s%s%s (%s)\n", o->plan_file, err.path,
                err.path[0] ? ": " : "", err.reason, oarc_status_str(err.status));
        return NULL;
    }
    return &parsed_plan.plan;
}

static void print_item(void *ctx, const prov_report *report)
{
    const options *o = ctx;
    prov_print_report(stdout, report, o->json);
}

static char ca_text[MAX_CA_FILE + 1u];
static oarc_client client;  /* static, as on a device */
static prov_run run;

/* 0, or the exit code of a client that could not be set up. */
static int start_client(const options *o, const char *key)
{
    size_t ca_len = 0;
    oarc_port port;

    const char *ca_file = o->ca_file ? o->ca_file : SYSTEM_CA_BUNDLE;
    if (!host_cli_read_file(o->ca_file ? "--ca-file" : "the system CA bundle", ca_file, ca_text,
                            sizeof(ca_text), &ca_len)) {
        return PROV_EXIT_USAGE;
    }
    oarc_status st = oarc_board_init(&port);
    if (st != OARC_OK) {
        fprintf(stderr, "error: board %s: network not up: %s\n", oarc_board_name(),
                oarc_status_str(st));
        return PROV_EXIT_UNREACHABLE;
    }
    oarc_client_config cfg = {
        .base_url = o->base_url ? o->base_url : getenv("OPENAI_BASE_URL"),
        .admin_key = key,
        .port = &port,
        .ca_pem = ca_text,
        .ca_pem_len = ca_len + 1u,
        .timeout_ms = o->timeout_ms,
        .max_retries = -1,
    };
    st = oarc_client_init(&client, &cfg);
    if (st == OARC_ERR_CA_NO_CERT) {
        fprintf(stderr, "error: CA file %s: no certificate could be read from it (%s)\n",
                ca_file, oarc_status_str(st));
        return PROV_EXIT_USAGE;
    }
    if (st == OARC_ERR_INSECURE_URL) {
        fprintf(stderr, "error: client setup: %s: the base URL is http://: use https (the "
                        "provisioner never sends the key in clear)\n", oarc_status_str(st));
        return PROV_EXIT_USAGE;
    }
    if (st != OARC_OK) {
        fprintf(stderr, "error: client setup: %s\n", oarc_status_str(st));
        return prov_client_setup_exit_code(st);
    }
    return 0;
}

/* Everything but the check of the output's writes (main). */
static int provisioner_main(int argc, char **argv)
{
    options o;
    const char *problem = parse_args(&o, argc, argv);

    if (problem != NULL) {
        fprintf(stderr, "error: usage: %s (see oarc-provisioner --help)\n", problem);
        return PROV_EXIT_USAGE;
    }
    if (o.version) {
        host_cli_print_version(stdout, "oarc-provisioner");
        return 0;
    }
    if (o.help) {
        fputs(usage_text, stdout);
        return 0;
    }
    const char *key = getenv("OPENAI_ADMIN_KEY");
    if (key == NULL || key[0] == '\0') {
        fputs("error: usage: OPENAI_ADMIN_KEY is not set: export it with your organization's "
              "admin key (sk-admin-...)\n", stderr);
        return PROV_EXIT_USAGE;
    }
    const prov_plan *plan = load_plan(&o);  /* before any connection: a bad plan sends nothing */
    if (plan == NULL) {
        return PROV_EXIT_USAGE;
    }
    int code = start_client(&o, key);
    if (code == 0) {
        prov_plan_error err;
        prov_options opts = { .report = print_item, .report_ctx = &o, .dry_run = o.dry_run };
        oarc_status st = prov_run_plan(&run, &client, plan, &opts, &err);
        if (st != OARC_OK) {
            fprintf(stderr, "error: plan: %s: %s\n", err.path, err.reason);
            code = PROV_EXIT_USAGE;
        } else {
            prov_print_summary(stdout, &run.summary, o.dry_run, o.json);
            code = prov_exit_code(&run.summary);
        }
    }
    oarc_client_deinit(&client);
    oarc_board_deinit();
    return code;
}

int main(int argc, char **argv)
{
    /* A report that could not be written (a full disk, a closed pipe) is a
     * failure too, even when every item went as planned. */
    return host_cli_finish(provisioner_main(argc, argv), PROV_EXIT_FAILED_ITEM);
}
