/**
 * @file cli_hint.c
 * @brief One sentence per refusal the person at the command line can act on
 * (see cli_hint.h). Statuses whose failure line has its own detail (the API's
 * message, a certificate's reasons, a field's name) need none here.
 */
#include "cli_hint.h"

#include <stddef.h>

const char *cli_hint(oarc_status st)
{
    switch (st) {
    case OARC_ERR_INSECURE_URL:
        return "the base URL is http://: use https, or --insecure-http for a test rig";
    case OARC_ERR_URL:
        return "the base URL is not https://HOST[:PORT][/PATH]: check --base-url or $OPENAI_BASE_URL";
    case OARC_ERR_INVALID_ID:
        return "an ID is empty, '.' or '..': give the ID as the API shows it";
    case OARC_ERR_ID_TOO_LONG:
        return "an ID is longer than this build's OARC_MAX_ID_LEN";
    case OARC_ERR_INVALID_UTF8:
        return "an argument is not valid UTF-8";
    case OARC_ERR_CONTROL_CHAR:
        return "an argument holds a control character: remove it";
    case OARC_ERR_HEADER_VALUE:
        return "$OPENAI_ADMIN_KEY holds CR, LF or a control byte: export the key alone";
    case OARC_ERR_DNS:
        return "the host of the base URL does not resolve: check --base-url and the DNS";
    case OARC_ERR_CONNECT:
        return "nothing accepts connections there: check --base-url's host and port";
    case OARC_ERR_TIMEOUT:
        return "no answer in time: retry, or raise --timeout-ms";
    case OARC_ERR_TLS_HANDSHAKE:
        return "the TLS handshake failed: is --base-url an https server that offers TLS 1.2 or 1.3?";
    case OARC_ERR_TLS_CERT:
        return "the server's certificate does not verify: check --ca-file and the host name";
    default:
        return NULL;
    }
}
