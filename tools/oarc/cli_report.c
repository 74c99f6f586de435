/**
 * @file cli_report.c
 * @brief Exit codes and the failure line on stderr:
 * `error: <status> <type>: <message> (request id <id>)`.
 */
#include "cli_report.h"

#include <stdio.h>

#include "cli_hint.h"
#include "oarc/oarc_printable.h"

#include <mbedtls/x509_crt.h>

/* Exit codes by class: the one status table is oarc_status_class_of(). */
static int exit_code_of(oarc_status_class cls)
{
    switch (cls) {
    case OARC_CLASS_OK: return CLI_EXIT_OK;
    case OARC_CLASS_API: return CLI_EXIT_API;
    case OARC_CLASS_INPUT: return CLI_EXIT_USAGE;
    case OARC_CLASS_TRANSPORT:
    case OARC_CLASS_RESPONSE:
    case OARC_CLASS_LIMIT:
    case OARC_CLASS_UNKNOWN: break;
    }
    return CLI_EXIT_NETWORK;
}

/* Room for one escaped field of a failure line; longer ones are cut. */
#define OARC_PRINT_FIELD_MAX 256u

/* s escaped into buf (cut to fit), or fallback when the server sent none. */
static void printable(char *buf, size_t cap, oarc_span s, const char *fallback)
{
    if (s.ptr == NULL) {
        snprintf(buf, cap, "%s", fallback);
        return;
    }
    (void)oarc_printable(buf, cap, s, OARC_PRINTABLE_TEXT); /* a cut copy ends in "..." */
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

int cli_fail(const oarc_client *client, oarc_status st)
{
    const oarc_call_info *info = oarc_client_last_call(client);
    /* The server's strings, escaped: one failure is one line, and no byte
     * of theirs reaches the terminal as itself. */
    char rid[2u * OARC_PRINT_FIELD_MAX];
    printable(rid, sizeof rid, info->request_id, "none");
    if (st == OARC_ERR_API) {
        char type[OARC_PRINT_FIELD_MAX];
        char message[4u * OARC_PRINT_FIELD_MAX];
        printable(type, sizeof type, info->error.type, "unknown");
        printable(message, sizeof message, info->error.message, "(no message)");
        fprintf(stderr, "error: %d %s: %s (request id %s)\n", info->http_status, type, message,
                rid);
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
    /* The second word: the caller's input, the way to the server, or an
     * answer that came but could not be used. */
    oarc_status_class cls = oarc_status_class_after(st, info->http_status);
    const char *hint = cli_hint(st);
    fprintf(stderr, "error: %s %s: %s (request id %s)\n", oarc_status_str(st),
            oarc_status_class_str(cls), detail[0] ? detail : hint ? hint : oarc_status_str(st),
            rid);
    return exit_code_of(cls);
}
