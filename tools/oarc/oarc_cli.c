/**
 * @file oarc_cli.c
 * @brief `oarc`, the host command line over the library and the POSIX port.
 *
 * Exit codes: 0 success; 1 the API answered with an error; 2 usage or invalid
 * input (nothing was sent); 3 network, TLS, certificate, timeout, or a
 * response that could not be read.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_commands.h"
#include "cli_report.h"
#include "cli_usage.h"
#include "host_cli.h"
#include "oarc/oarc.h"
#include "oarc_board.h"

#define MAX_CA_FILE (4u * 1024u * 1024u)

static int usage_error(const char *what)
{
    /* A problem that names its own help page needs no pointer to the global one. */
    fprintf(stderr, "error: usage: %s%s\n", what,
            strstr(what, "--help") ? "" : " (see oarc --help)");
    return CLI_EXIT_USAGE;
}

/** The whole CA file, NUL-terminated (mbedTLS parses PEM up to the NUL). */
static char *read_ca_file(const char *path, bool given, size_t *len)
{
    char *buf = malloc(MAX_CA_FILE + 1u);
    if (buf == NULL) {
        fprintf(stderr, "error: no memory for the CA file\n");
        return NULL;
    }
    size_t n = 0;
    if (!host_cli_read_file(given ? "--ca-file" : "the system CA bundle", path, buf,
                            MAX_CA_FILE + 1u, &n)) {
        if (!given) {
            fprintf(stderr, "hint: install the ca-certificates package, or give --ca-file PEM\n");
        }
        free(buf);
        return NULL;
    }
    *len = n + 1u;
    return buf;
}

static oarc_client client;     /* static, as on a device */

/** Bring the board's network up, set the client up, run the command. */
static int run(const cli_args *args, const char *key, const char *ca, size_t ca_len,
               const char *ca_file)
{
    oarc_port port;
    oarc_status st = oarc_board_init(&port);
    if (st != OARC_OK) {
        fprintf(stderr, "error: board %s: network not up: %s\n", oarc_board_name(),
                oarc_status_str(st));
        return CLI_EXIT_NETWORK;
    }
    oarc_client_config cfg = {
        .base_url = args->base_url,
        .admin_key = key,
        .port = &port,
        .ca_pem = ca,
        .ca_pem_len = ca_len,
        .timeout_ms = args->timeout_ms,
        .max_retries = args->max_retries,
        .allow_insecure_http = args->insecure_http,
    };
    st = oarc_client_init(&client, &cfg);
    int code;
    if (st == OARC_ERR_CA_NO_CERT) {
        fprintf(stderr, "error: %s input: CA file %s: no certificate could be read from it\n",
                oarc_status_str(st), ca_file);
        code = CLI_EXIT_USAGE; /* input: the class table says so too */
    } else {
        code = st == OARC_OK ? cli_command_run(&client, args) : cli_fail(&client, st);
    }
    oarc_client_deinit(&client);
    oarc_board_deinit();
    return code;
}

/** Everything but the check of the output's writes (main). */
static int cli_main(int argc, char **argv)
{
    cli_args args;
    const char *problem = cli_args_parse(&args, argc, argv);
    if (problem) {
        return usage_error(problem);
    }
    if (args.version) {
        host_cli_print_version(stdout, "oarc");
        return 0;
    }
    if (args.help) {
        if (args.help_noun) {
            cli_print_noun_usage(stdout, args.help_noun);
        } else {
            cli_print_usage(stdout);
        }
        return 0;
    }
    const char *key = getenv("OPENAI_ADMIN_KEY");
    if (key == NULL || key[0] == '\0') {
        fprintf(stderr, "error: usage: OPENAI_ADMIN_KEY is not set: export it with your "
                        "organization's admin key (sk-admin-...)\n");
        return CLI_EXIT_USAGE;
    }
    if (args.base_url == NULL) {
        args.base_url = getenv("OPENAI_BASE_URL");
    }
    if (args.insecure_http) {
        fprintf(stderr, "WARNING: --insecure-http: no TLS, the admin key travels in clear text\n");
    }
    size_t ca_len = 0;
    char *ca = NULL;
    const char *ca_file = args.ca_file ? args.ca_file : CLI_SYSTEM_CA_BUNDLE;
    if (!args.insecure_http || (args.base_url && strncmp(args.base_url, "https:", 6) == 0)) {
        ca = read_ca_file(ca_file, args.ca_file != NULL, &ca_len);
        if (ca == NULL) {
            return CLI_EXIT_USAGE;
        }
    }
    int code = run(&args, key, ca, ca_len, ca_file);
    free(ca);
    return code;
}

int main(int argc, char **argv)
{
    /* A write that failed (a full disk, a closed pipe) is a failure too. */
    return host_cli_finish(cli_main(argc, argv), CLI_EXIT_NETWORK);
}
