/**
 * @file status.c
 * @brief The one table of oarc_status values: each one's name and class.
 * Each lookup is a switch over the table without a default, so a status
 * added to the enum without a row here fails the build (-Wswitch, warnings
 * are errors); the compiler turns each into a lookup table.
 */
#include "oarc/oarc_config.h"
#include "oarc/oarc_status.h"

/* ROW(status, class), one per status. */
#define STATUS_TABLE(ROW)                                                \
    ROW(OARC_OK, OARC_CLASS_OK)                                          \
    ROW(OARC_ITER_END, OARC_CLASS_OK)                                    \
    ROW(OARC_ERR_ARGUMENT, OARC_CLASS_INPUT)                             \
    ROW(OARC_ERR_INVALID_ID, OARC_CLASS_INPUT)                           \
    ROW(OARC_ERR_ID_TOO_LONG, OARC_CLASS_INPUT)                          \
    ROW(OARC_ERR_INVALID_UTF8, OARC_CLASS_INPUT)                         \
    ROW(OARC_ERR_HEADER_VALUE, OARC_CLASS_INPUT)                         \
    /* A request that does not fit tx, or a server's cursor past         \
     * OARC_MAX_CURSOR_LEN. */                                           \
    ROW(OARC_ERR_BUFFER_TOO_SMALL, OARC_CLASS_LIMIT)                     \
    ROW(OARC_ERR_URL, OARC_CLASS_INPUT)                                  \
    ROW(OARC_ERR_INSECURE_URL, OARC_CLASS_INPUT)                         \
    ROW(OARC_ERR_CONTROL_CHAR, OARC_CLASS_INPUT)                         \
    ROW(OARC_ERR_DNS, OARC_CLASS_TRANSPORT)                              \
    ROW(OARC_ERR_CONNECT, OARC_CLASS_TRANSPORT)                          \
    ROW(OARC_ERR_TIMEOUT, OARC_CLASS_TRANSPORT)                          \
    ROW(OARC_ERR_IO, OARC_CLASS_TRANSPORT)                               \
    ROW(OARC_ERR_CLOSED, OARC_CLASS_TRANSPORT)                           \
    ROW(OARC_ERR_TLS_HANDSHAKE, OARC_CLASS_TRANSPORT)                    \
    ROW(OARC_ERR_TLS_CERT, OARC_CLASS_TRANSPORT)                         \
    ROW(OARC_ERR_TLS, OARC_CLASS_TRANSPORT)                              \
    ROW(OARC_ERR_ENTROPY, OARC_CLASS_TRANSPORT)                          \
    ROW(OARC_ERR_HTTP_PROTOCOL, OARC_CLASS_RESPONSE)                     \
    ROW(OARC_ERR_HTTP_HEAD_TOO_LARGE, OARC_CLASS_RESPONSE)               \
    ROW(OARC_ERR_HTTP_BODY_TOO_LARGE, OARC_CLASS_RESPONSE)               \
    ROW(OARC_ERR_JSON_SYNTAX, OARC_CLASS_RESPONSE)                       \
    ROW(OARC_ERR_JSON_TOO_MANY_TOKENS, OARC_CLASS_RESPONSE)              \
    ROW(OARC_ERR_JSON_SHAPE, OARC_CLASS_RESPONSE)                        \
    /* More permissions than OARC_MAX_PERMISSIONS: in a caller's request \
     * or in a role the API sent. */                                     \
    ROW(OARC_ERR_TOO_MANY_ITEMS, OARC_CLASS_LIMIT)                       \
    ROW(OARC_ERR_API, OARC_CLASS_API)                                    \
    ROW(OARC_ERR_ITEM_TOO_LARGE, OARC_CLASS_RESPONSE)                    \
    ROW(OARC_ERR_CURSOR_REPEATED, OARC_CLASS_RESPONSE)                   \
    ROW(OARC_ERR_TOO_MANY_PAGES, OARC_CLASS_RESPONSE)                    \
    ROW(OARC_ERR_EMPTY_PAGE, OARC_CLASS_RESPONSE)                        \
    ROW(OARC_ERR_CA_NO_CERT, OARC_CLASS_INPUT)

#define NAME_CASE(status, cls) \
    case status: return #status;

/* One layout for both settings (the switch and the #else are inside one
 * function), so coverage of the two builds lines up. */
const char *oarc_status_str(oarc_status status)
{
#if OARC_STATUS_STRINGS
    switch (status) {
    STATUS_TABLE(NAME_CASE)
    }
    return "OARC_ERR_UNKNOWN";
#else
    (void)status;
    return "oarc_status"; /* the names are left out of this build */
#endif
}

#define CLASS_CASE(status, cls) \
    case status: return cls;

oarc_status_class oarc_status_class_of(oarc_status status)
{
    switch (status) {
    STATUS_TABLE(CLASS_CASE)
    }
    return OARC_CLASS_UNKNOWN;
}

oarc_status_class oarc_status_class_after(oarc_status status, int http_status)
{
    oarc_status_class cls = oarc_status_class_of(status);

    if (cls != OARC_CLASS_LIMIT) {
        return cls;
    }
    return http_status != 0 ? OARC_CLASS_RESPONSE : OARC_CLASS_INPUT;
}

const char *oarc_status_class_str(oarc_status_class cls)
{
    switch (cls) {
    case OARC_CLASS_OK: return "ok";
    case OARC_CLASS_INPUT: return "invalid_input";
    case OARC_CLASS_TRANSPORT: return "transport";
    case OARC_CLASS_RESPONSE: return "response";
    case OARC_CLASS_API: return "api";
    case OARC_CLASS_LIMIT: return "limit";
    case OARC_CLASS_UNKNOWN: break;
    }
    return "unknown";
}
