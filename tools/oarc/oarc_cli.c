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

#include <mbedtls/x509.h>

#include "cli_args.h"
#include "cli_print.h"
#include "oarc/oarc.h"
#include "oarc_board.h"

#define EXIT_API 1
#define EXIT_USAGE 2
#define EXIT_NETWORK 3

#define SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"
#define MAX_CA_FILE (4u * 1024u * 1024u)

static const char usage_text[] =
    "usage: oarc [global options] COMMAND ...\n"
    "\n"
    "Commands:\n"
    "  org-role update ROLE_ID [field options]\n"
    "  project-role update PROJECT_ID ROLE_ID [field options]\n"
    "\n"
    "Field options (an absent option leaves the field unchanged):\n"
    "  --name NAME            set role_name          --null-name         send null\n"
    "  --description TEXT     set description        --null-description  send null\n"
    "  --permission P         add P to permissions (repeatable)\n"
    "  --no-permissions       send [] (no permissions)\n"
    "  --null-permissions     send null\n"
    "\n"
    "Global options:\n"
    "  --base-url URL         default: $OPENAI_BASE_URL, else https://api.openai.com/v1\n"
    "  --ca-file PEM          CA bundle the server must chain to\n"
    "                         (default: " SYSTEM_CA_BUNDLE ")\n"
    "  --timeout-ms N         deadline of the whole call, retries included (default 60000)\n"
    "  --max-retries N        retries after the first attempt (default 2)\n"
    "  --insecure-http        INSECURE: allow an http:// base URL (no TLS, key in clear)\n"
    "  --help                 this text\n"
    "\n"
    "The admin key is read from $OPENAI_ADMIN_KEY. The returned role is printed as JSON\n"
    "on stdout; a failure prints one line on stderr:\n"
    "  error: <status> <type>: <message> (request id <id>)\n"
    "Exit codes: 0 success, 1 API error, 2 usage or invalid input (nothing sent),\n"
    "3 network, TLS, certificate or timeout.\n";

static int usage_error(const char *what)
{
    fprintf(stderr, "error: usage: %s (see oarc --help)\n", what);
    return EXIT_USAGE;
}

/** Map a status to the exit code families above. */
static int exit_code_for(oarc_status st)
{
    switch (st) {
    case OARC_OK:
        return 0;
    case OARC_ERR_API:
        return EXIT_API;
    case OARC_ERR_ARGUMENT:
    case OARC_ERR_INVALID_ID:
    case OARC_ERR_ID_TOO_LONG:
    case OARC_ERR_INVALID_UTF8:
    case OARC_ERR_HEADER_VALUE:
    case OARC_ERR_BUFFER_TOO_SMALL:
    case OARC_ERR_URL:
    case OARC_ERR_INSECURE_URL:
    case OARC_ERR_CONTROL_CHAR:
        return EXIT_USAGE;
    default:
        return EXIT_NETWORK;
    }
}

static void print_failure(const oarc_client *client, oarc_status st)
{
    const oarc_call_info *info = oarc_client_last_call(client);
    const char *rid = info->request_id.ptr ? info->request_id.ptr : "none";
    if (st == OARC_ERR_API) {
        fprintf(stderr, "error: %d %s: %s (request id %s)\n", info->http_status,
                info->error.type.ptr ? info->error.type.ptr : "unknown",
                info->error.message.ptr ? info->error.message.ptr : "(no message)", rid);
        return;
    }
    char detail[256] = "";
    if (st == OARC_ERR_TLS_CERT && info->tls_verify_flags) {
        int n = mbedtls_x509_crt_verify_info(detail, sizeof(detail), "", info->tls_verify_flags);
        for (int i = 0; i < n; i++) {
            if (detail[i] == '\n') {
                detail[i] = (i == n - 1) ? '\0' : ';';
            }
        }
    } else if (st == OARC_ERR_JSON_SHAPE && info->bad_field) {
        snprintf(detail, sizeof(detail), "unexpected shape of field '%s'", info->bad_field);
    } else if (info->http_status) {
        snprintf(detail, sizeof(detail), "HTTP %d", info->http_status);
    }
    fprintf(stderr, "error: %s %s: %s (request id %s)\n", oarc_status_str(st),
            exit_code_for(st) == EXIT_USAGE ? "invalid_input" : "transport",
            detail[0] ? detail : oarc_status_str(st), rid);
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

static oarc_status run_command(const cli_args *args, oarc_role *role)
{
    switch (args->command) {
    case CLI_ORG_ROLE_UPDATE:
        return oarc_org_role_update(&client, args->ids[0], &args->update, role);
    case CLI_PROJECT_ROLE_UPDATE:
        return oarc_project_role_update(&client, args->ids[0], args->ids[1], &args->update, role);
    default:
        return OARC_ERR_ARGUMENT;
    }
}

int main(int argc, char **argv)
{
    cli_args args;
    const char *problem = cli_args_parse(&args, argc, argv);
    if (args.help) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (problem) {
        return usage_error(problem);
    }
    const char *key = getenv("OPENAI_ADMIN_KEY");
    if (key == NULL || key[0] == '\0') {
        fprintf(stderr, "error: usage: OPENAI_ADMIN_KEY is not set\n");
        return EXIT_USAGE;
    }
    if (args.base_url == NULL) {
        args.base_url = getenv("OPENAI_BASE_URL");
    }
    if (args.insecure_http) {
        fprintf(stderr, "WARNING: --insecure-http: no TLS, the admin key travels in clear text\n");
    }
    size_t ca_len = 0;
    char *ca = NULL;
    if (!args.insecure_http || (args.base_url && strncmp(args.base_url, "https:", 6) == 0)) {
        ca = read_ca_file(args.ca_file ? args.ca_file : SYSTEM_CA_BUNDLE, &ca_len);
        if (ca == NULL) {
            return EXIT_USAGE;
        }
    }
    oarc_port port;
    oarc_status st = oarc_board_init(&port);
    if (st != OARC_OK) {
        fprintf(stderr, "error: board %s: network not up: %s\n", oarc_board_name(),
                oarc_status_str(st));
        free(ca);
        return EXIT_NETWORK;
    }
    oarc_client_config cfg = {
        .base_url = args.base_url,
        .admin_key = key,
        .port = &port,
        .ca_pem = ca,
        .ca_pem_len = ca_len,
        .timeout_ms = args.timeout_ms,
        .max_retries = args.max_retries,
        .allow_insecure_http = args.insecure_http,
    };
    st = oarc_client_init(&client, &cfg);
    oarc_role role;
    if (st == OARC_OK) {
        st = run_command(&args, &role);
    }
    if (st == OARC_OK) {
        cli_print_role(stdout, &role);
    } else {
        print_failure(&client, st);
    }
    oarc_client_deinit(&client);
    oarc_board_deinit();
    free(ca);
    return exit_code_for(st);
}
