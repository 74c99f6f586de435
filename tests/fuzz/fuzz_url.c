/**
 * @file fuzz_url.c
 * @brief oarc's base-URL parser against an independent one, http-parser's
 * http_parser_parse_url() (libhttp-parser-dev). The input is the URL text.
 * Whenever oarc accepts it, http-parser must accept it too and agree on the
 * scheme, the host (IPv6 without brackets), the port (the scheme's when none
 * is given) and the path (oarc drops trailing slashes), and find no
 * userinfo, query or fragment. oarc's result must also be what it promises:
 * a host of name characters or an IPv6 literal, a prefix of unreserved
 * characters in non-empty segments. A failure aborts.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <http_parser.h>

#include "url.h"

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

static bool field_is(const char *text, const struct http_parser_url *u, int field,
                     const char *want, size_t want_len, bool fold_case)
{
    if ((u->field_set & (1u << field)) == 0u) {
        return want_len == 0u;
    }
    const char *got = text + u->field_data[field].off;
    size_t n = u->field_data[field].len;
    return n == want_len &&
           (fold_case ? strncasecmp(got, want, n) == 0 : memcmp(got, want, n) == 0);
}

/* The path http-parser found, without trailing slashes ("/" alone: none). */
static size_t path_without_trailing_slashes(const char *text, const struct http_parser_url *u,
                                            const char **path)
{
    if ((u->field_set & (1u << UF_PATH)) == 0u) {
        *path = "";
        return 0;
    }
    *path = text + u->field_data[UF_PATH].off;
    size_t n = u->field_data[UF_PATH].len;
    while (n > 0u && (*path)[n - 1u] == '/') {
        n--;
    }
    return n;
}

static bool unreserved(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static void check_promises(const oarc_url *url)
{
    check(url->host_len > 0u && url->host_len == strlen(url->host));
    check(url->port != 0u);
    check(url->default_port == (url->port == (url->tls ? 443u : 80u)));
    check(url->prefix_len == strlen(url->prefix));
    check(url->prefix_len == 0u || (url->prefix[0] == '/' && url->prefix[url->prefix_len - 1u] != '/'));
    for (size_t i = 0; i < url->prefix_len; i++) {
        char c = url->prefix[i];
        check(unreserved(c) || (c == '/' && (i + 1u >= url->prefix_len || url->prefix[i + 1u] != '/')));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char text[1024];
    static oarc_url url;
    struct http_parser_url u;

    if (size >= sizeof text) {
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    if (oarc_url_parse(&url, (oarc_span){ text, size }, true) != OARC_OK) {
        return 0;
    }
    check_promises(&url);

    http_parser_url_init(&u);
    check(http_parser_parse_url(text, size, 0, &u) == 0);
    check(field_is(text, &u, UF_SCHEMA, url.tls ? "https" : "http", url.tls ? 5u : 4u, true));
    check(field_is(text, &u, UF_HOST, url.host, url.host_len, false));
    check((u.field_set & ((1u << UF_QUERY) | (1u << UF_FRAGMENT) | (1u << UF_USERINFO))) == 0u);
    if ((u.field_set & (1u << UF_PORT)) != 0u) {
        check(u.port == url.port);
    } else {
        check(url.default_port);
    }
    const char *path = NULL;
    size_t path_len = path_without_trailing_slashes(text, &u, &path);
    check(path_len == url.prefix_len && memcmp(path, url.prefix, path_len) == 0);
    return 0;
}
