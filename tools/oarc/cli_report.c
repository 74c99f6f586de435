/**
 * @file cli_report.c
 * @brief Exit codes and the failure line on stderr:
 * `error: <status> <type>: <message> (request id <id>)`.
 */
#include "cli_report.h"

#include <stdio.h>

#include <mbedtls/x509_crt.h>

int cli_exit_code(oarc_status st)
{
    switch (st) {
    case OARC_OK:
        return CLI_EXIT_OK;
    case OARC_ERR_API:
        return CLI_EXIT_API;
    case OARC_ERR_ARGUMENT:
    case OARC_ERR_INVALID_ID:
    case OARC_ERR_ID_TOO_LONG:
    case OARC_ERR_INVALID_UTF8:
    case OARC_ERR_HEADER_VALUE:
    case OARC_ERR_BUFFER_TOO_SMALL:
    case OARC_ERR_URL:
    case OARC_ERR_INSECURE_URL:
    case OARC_ERR_CONTROL_CHAR:
    case OARC_ERR_CA_NO_CERT:
        return CLI_EXIT_USAGE;
    default:
        return CLI_EXIT_NETWORK;
    }
}

/** mbedTLS's reasons for refusing the certificate, on one line. */
static void cert_detail(char *detail, size_t size, uint32_t flags)
{
    int n = mbedtls_x509_crt_verify_info(detail, size, "", flags);
    for (int i = 0; i < n; i++) {
        if (detail[i] == '\n') {
            detail[i] = (i == n - 1) ? '\0' : ';';
        }
    }
}

/* The second word of a failure line: the caller's input, the way to the
 * server, or an answer that came but could not be used. */
static const char *failure_kind(oarc_status st, int code)
{
    if (code == CLI_EXIT_USAGE) {
        return "invalid_input";
    }
    switch (st) {
    case OARC_ERR_DNS:
    case OARC_ERR_CONNECT:
    case OARC_ERR_TIMEOUT:
    case OARC_ERR_CLOSED:
    case OARC_ERR_IO:
    case OARC_ERR_TLS:
    case OARC_ERR_TLS_CERT:
    case OARC_ERR_ENTROPY:
        return "transport";
    default:
        return "response"; /* protocol, JSON, too large, cursor or page guards */
    }
}

int cli_fail(const oarc_client *client, oarc_status st)
{
    const oarc_call_info *info = oarc_client_last_call(client);
    const char *rid = info->request_id.ptr ? info->request_id.ptr : "none";
    if (st == OARC_ERR_API) {
        fprintf(stderr, "error: %d %s: %s (request id %s)\n", info->http_status,
                info->error.type.ptr ? info->error.type.ptr : "unknown",
                info->error.message.ptr ? info->error.message.ptr : "(no message)", rid);
        return CLI_EXIT_API;
    }
    char detail[256] = "";
    if (st == OARC_ERR_TLS_CERT && info->tls_verify_flags) {
        cert_detail(detail, sizeof(detail), info->tls_verify_flags);
    } else if (st == OARC_ERR_JSON_SHAPE && info->bad_field) {
        snprintf(detail, sizeof(detail), "unexpected shape of field '%s'", info->bad_field);
    } else if (st == OARC_ERR_HTTP_BODY_TOO_LARGE || st == OARC_ERR_JSON_TOO_MANY_TOKENS) {
        snprintf(detail, sizeof(detail), "the response does not fit the client's buffers%s",
                 " (for a list: a smaller --limit, or --all)");
    } else if (st == OARC_ERR_ITEM_TOO_LARGE) {
        snprintf(detail, sizeof(detail), "one list item alone does not fit the client's buffers");
    } else if (info->http_status) {
        snprintf(detail, sizeof(detail), "HTTP %d", info->http_status);
    }
    int code = cli_exit_code(st);
    fprintf(stderr, "error: %s %s: %s (request id %s)\n", oarc_status_str(st),
            failure_kind(st, code), detail[0] ? detail : oarc_status_str(st), rid);
    return code;
}
