/**
 * @file oarc_cli.c
 * @brief `oarc`, the host command line over the library and the POSIX port.
 *
 * Exit codes: 0 success; 1 the API answered with an error; 2 usage or invalid
 * input (nothing was sent); 3 network, TLS, certificate, timeout, or a
 * response that could not be read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_commands.h"
#include "cli_report.h"
#include "cli_usage.h"
#include "oarc/oarc.h"
#include "oarc_board.h"

#define MAX_CA_FILE (4u * 1024u * 1024u)

static int usage_error(const char *what)
{
    fprintf(stderr, "error: usage: %s (see oarc --help)\n", what);
    return CLI_EXIT_USAGE;
}

/** The whole CA file, NUL-terminated (mbedTLS parses PEM up to the NUL). */
static char *read_ca_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "error: cannot open CA file %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc(MAX_CA_FILE + 1u);
    size_t n = buf ? fread(buf, 1, MAX_CA_FILE + 1u, f) : 0;
    fclose(f);
    if (buf == NULL || n == 0 || n > MAX_CA_FILE) {
        fprintf(stderr, "error: CA file %s is empty or too large\n", path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
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

int main(int argc, char **argv)
{
    cli_args args;
    const char *problem = cli_args_parse(&args, argc, argv);
    if (args.help) {
        cli_print_usage(stdout);
        return 0;
    }
    if (problem) {
        return usage_error(problem);
    }
    const char *key = getenv("OPENAI_ADMIN_KEY");
    if (key == NULL || key[0] == '\0') {
        fprintf(stderr, "error: usage: OPENAI_ADMIN_KEY is not set\n");
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
        ca = read_ca_file(ca_file, &ca_len);
        if (ca == NULL) {
            return CLI_EXIT_USAGE;
        }
    }
    int code = run(&args, key, ca, ca_len, ca_file);
    free(ca);
    return code;
}
