/**
 * @file status.c
 * @brief Names for oarc_status values.
 */
#include "oarc/oarc_status.h"

const char *oarc_status_str(oarc_status status)
{
    switch (status) {
    case OARC_OK: return "OARC_OK";
    case OARC_ITER_END: return "OARC_ITER_END";
    case OARC_ERR_ARGUMENT: return "OARC_ERR_ARGUMENT";
    case OARC_ERR_INVALID_ID: return "OARC_ERR_INVALID_ID";
    case OARC_ERR_ID_TOO_LONG: return "OARC_ERR_ID_TOO_LONG";
    case OARC_ERR_INVALID_UTF8: return "OARC_ERR_INVALID_UTF8";
    case OARC_ERR_HEADER_VALUE: return "OARC_ERR_HEADER_VALUE";
    case OARC_ERR_BUFFER_TOO_SMALL: return "OARC_ERR_BUFFER_TOO_SMALL";
    case OARC_ERR_URL: return "OARC_ERR_URL";
    case OARC_ERR_INSECURE_URL: return "OARC_ERR_INSECURE_URL";
    case OARC_ERR_CONTROL_CHAR: return "OARC_ERR_CONTROL_CHAR";
    case OARC_ERR_DNS: return "OARC_ERR_DNS";
    case OARC_ERR_CONNECT: return "OARC_ERR_CONNECT";
    case OARC_ERR_TIMEOUT: return "OARC_ERR_TIMEOUT";
    case OARC_ERR_IO: return "OARC_ERR_IO";
    case OARC_ERR_CLOSED: return "OARC_ERR_CLOSED";
    case OARC_ERR_TLS_HANDSHAKE: return "OARC_ERR_TLS_HANDSHAKE";
    case OARC_ERR_TLS_CERT: return "OARC_ERR_TLS_CERT";
    case OARC_ERR_TLS: return "OARC_ERR_TLS";
    case OARC_ERR_ENTROPY: return "OARC_ERR_ENTROPY";
    case OARC_ERR_HTTP_PROTOCOL: return "OARC_ERR_HTTP_PROTOCOL";
    case OARC_ERR_HTTP_HEAD_TOO_LARGE: return "OARC_ERR_HTTP_HEAD_TOO_LARGE";
    case OARC_ERR_HTTP_BODY_TOO_LARGE: return "OARC_ERR_HTTP_BODY_TOO_LARGE";
    case OARC_ERR_JSON_SYNTAX: return "OARC_ERR_JSON_SYNTAX";
    case OARC_ERR_JSON_TOO_MANY_TOKENS: return "OARC_ERR_JSON_TOO_MANY_TOKENS";
    case OARC_ERR_JSON_SHAPE: return "OARC_ERR_JSON_SHAPE";
    case OARC_ERR_TOO_MANY_ITEMS: return "OARC_ERR_TOO_MANY_ITEMS";
    case OARC_ERR_API: return "OARC_ERR_API";
    case OARC_ERR_ITEM_TOO_LARGE: return "OARC_ERR_ITEM_TOO_LARGE";
    case OARC_ERR_CURSOR_REPEATED: return "OARC_ERR_CURSOR_REPEATED";
    case OARC_ERR_TOO_MANY_PAGES: return "OARC_ERR_TOO_MANY_PAGES";
    case OARC_ERR_CA_NO_CERT: return "OARC_ERR_CA_NO_CERT";
    }
    return "OARC_ERR_UNKNOWN";
}
