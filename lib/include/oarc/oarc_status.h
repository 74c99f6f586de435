/**
 * @file oarc_status.h
 * @brief One result enum for the whole library: 0 is success, every failure
 * is negative and has a name from oarc_status_str(). The one positive value,
 * OARC_ITER_END, ends an iteration.
 */
#ifndef OARC_STATUS_H
#define OARC_STATUS_H

/** What every call of the library returns: OARC_OK, OARC_ITER_END or a
 *  negative failure, each with its own value. */
typedef enum oarc_status {
    OARC_OK = 0,                     /**< success */
    /** Not a failure: an iterator has handed out every item (positive, so
     *  `st < 0` still tells every failure apart). */
    OARC_ITER_END = 1,

    /* Caller input: nothing was sent. */
    OARC_ERR_ARGUMENT = -1,          /**< NULL pointer or value out of range */
    OARC_ERR_INVALID_ID = -2,        /**< empty ID, ".", "..", control byte or bad UTF-8 */
    OARC_ERR_ID_TOO_LONG = -3,       /**< ID longer than OARC_MAX_ID_LEN */
    OARC_ERR_INVALID_UTF8 = -4,      /**< a string is not valid UTF-8 */
    OARC_ERR_HEADER_VALUE = -5,      /**< CR, LF or NUL in a header value */
    OARC_ERR_BUFFER_TOO_SMALL = -6,  /**< an output would not fit its buffer */
    OARC_ERR_URL = -7,               /**< base URL malformed or unsupported */
    OARC_ERR_INSECURE_URL = -8,      /**< http:// without the explicit opt-in */
    OARC_ERR_CONTROL_CHAR = -9,      /**< a role name or permission holds a control byte */

    /* Network and TLS. */
    OARC_ERR_DNS = -20,              /**< host name did not resolve */
    OARC_ERR_CONNECT = -21,          /**< no address accepted the connection */
    OARC_ERR_TIMEOUT = -22,          /**< deadline passed */
    OARC_ERR_IO = -23,               /**< send or receive failed */
    OARC_ERR_CLOSED = -24,           /**< peer closed the connection */
    OARC_ERR_TLS_HANDSHAKE = -25,    /**< TLS handshake failed */
    OARC_ERR_TLS_CERT = -26,         /**< peer certificate or hostname not verified */
    OARC_ERR_TLS = -27,              /**< other TLS failure (setup, record layer) */
    OARC_ERR_ENTROPY = -28,          /**< the port's entropy source failed */

    /* Response. */
    OARC_ERR_HTTP_PROTOCOL = -40,    /**< malformed or ambiguous HTTP response */
    OARC_ERR_HTTP_HEAD_TOO_LARGE = -41, /**< response head over the limit */
    OARC_ERR_HTTP_BODY_TOO_LARGE = -42, /**< response body does not fit rx */
    OARC_ERR_JSON_SYNTAX = -43,      /**< body is not one valid JSON document */
    OARC_ERR_JSON_TOO_MANY_TOKENS = -44, /**< body needs more than OARC_JSON_MAX_TOKENS */
    OARC_ERR_JSON_SHAPE = -45,       /**< valid JSON, wrong type or missing field */
    OARC_ERR_TOO_MANY_ITEMS = -46,   /**< more array items than the output holds */
    OARC_ERR_API = -47,              /**< the API answered with an error status */

    /* Pagination. */
    OARC_ERR_ITEM_TOO_LARGE = -48,   /**< one list item alone overflows rx or the token pool */
    OARC_ERR_CURSOR_REPEATED = -49,  /**< the server's next cursor is one the walk already followed */
    OARC_ERR_TOO_MANY_PAGES = -50,   /**< a list ran past OARC_LIST_MAX_PAGES pages */
    OARC_ERR_EMPTY_PAGE = -51,       /**< a page with no items said more follow */

    /** Caller input: no certificate could be read from the CA given (random
     *  bytes, PEM armour around garbage, an empty file); nothing was sent. */
    OARC_ERR_CA_NO_CERT = -52
} oarc_status;

/** What a failure is about: who can fix it. */
typedef enum oarc_status_class {
    OARC_CLASS_OK = 0,      /**< success, or the end of an iteration */
    OARC_CLASS_INPUT,       /**< the caller's input: nothing was sent */
    OARC_CLASS_TRANSPORT,   /**< the way to the server: name, connection, TLS, time */
    OARC_CLASS_RESPONSE,    /**< an answer came but could not be used */
    OARC_CLASS_API,         /**< the API answered with an error status */
    /** A bound of this build (an array or a buffer): the caller's input when
     *  no answer had come, else the answer's. oarc_status_class_after()
     *  tells which. */
    OARC_CLASS_LIMIT,
    OARC_CLASS_UNKNOWN      /**< not a status of this library */
} oarc_status_class;

/** Stable, human-readable name of a status ("OARC_ERR_TIMEOUT"), or
 *  "OARC_ERR_UNKNOWN" for a value that is none; never NULL. In a build with
 *  OARC_STATUS_STRINGS 0, "oarc_status" for every value. */
const char *oarc_status_str(oarc_status status);

/** The class of a status, from the same table as its name. */
oarc_status_class oarc_status_class_of(oarc_status status);

/** The class of a status once a call has ended: OARC_CLASS_LIMIT resolved to
 *  OARC_CLASS_RESPONSE when an answer arrived (http_status != 0), else to
 *  OARC_CLASS_INPUT. Every other class as oarc_status_class_of(). */
oarc_status_class oarc_status_class_after(oarc_status status, int http_status);

/** "ok", "invalid_input", "transport", "response", "api", "limit",
 *  "unknown"; never NULL. */
const char *oarc_status_class_str(oarc_status_class cls);

#endif /* OARC_STATUS_H */
