/**
 * @file test_url.c
 * @brief oarc_url_parse(): tables of accepted and refused base URLs, each row
 * checking the exact status and every parsed field.
 */
#include "test_main.h"

#include "url.h"

typedef struct url_row {
    const char *text;
    bool allow_http;
    oarc_status status;
    bool tls;
    const char *host;
    uint16_t port;
    bool default_port;
    const char *prefix;
} url_row;

static oarc_span span_of(const char *s)
{
    oarc_span span = { s, strlen(s) };
    return span;
}

/* A failed parse must leave the struct zeroed, never half filled. */
static void assert_url_cleared(const oarc_url *url)
{
    assert_false(url->tls);
    assert_int_equal(url->host[0], '\0');
    assert_int_equal(url->host_len, 0);
    assert_int_equal(url->port, 0);
    assert_false(url->default_port);
    assert_int_equal(url->prefix[0], '\0');
    assert_int_equal(url->prefix_len, 0);
}

static void check_row(const url_row *row)
{
    oarc_url url;
    oarc_status status;

    memset(&url, 0xA5, sizeof url); /* garbage the parser must overwrite */
    status = oarc_url_parse(&url, span_of(row->text), row->allow_http);
    if (status != row->status) {
        print_error("url '%s': got %s\n", row->text, oarc_status_str(status));
    }
    assert_int_equal(status, row->status);
    if (row->status != OARC_OK) {
        assert_url_cleared(&url);
        return;
    }
    assert_int_equal(url.tls, row->tls);
    assert_string_equal(url.host, row->host);
    assert_int_equal(url.host_len, strlen(row->host));
    assert_int_equal(url.port, row->port);
    assert_int_equal(url.default_port, row->default_port);
    assert_string_equal(url.prefix, row->prefix);
    assert_int_equal(url.prefix_len, strlen(row->prefix));
}

#define CHECK_ROWS(rows)                                        \
    do {                                                        \
        for (size_t i = 0; i < sizeof(rows) / sizeof(rows)[0]; i++) { \
            check_row(&(rows)[i]);                              \
        }                                                       \
    } while (0)

#define BAD(text) { text, true, OARC_ERR_URL, false, "", 0, false, "" }

static void url_https_forms(void **state)
{
    static const url_row rows[] = {
        { "https://api.openai.com/v1", false, OARC_OK, true, "api.openai.com", 443, true, "/v1" },
        { "https://api.openai.com", false, OARC_OK, true, "api.openai.com", 443, true, "" },
        { "https://api.openai.com/", false, OARC_OK, true, "api.openai.com", 443, true, "" },
        { "https://h///", false, OARC_OK, true, "h", 443, true, "" },
        { "https://h/v1/", false, OARC_OK, true, "h", 443, true, "/v1" },
        { "https://h/v1///", false, OARC_OK, true, "h", 443, true, "/v1" },
        { "https://h/a/b-c/d.e_f~g", false, OARC_OK, true, "h", 443, true, "/a/b-c/d.e_f~g" },
        { "https://127.0.0.1/v1", false, OARC_OK, true, "127.0.0.1", 443, true, "/v1" },
        { "https://my_sim.internal", false, OARC_OK, true, "my_sim.internal", 443, true, "" },
        { "https://eu-west.Z9.test", false, OARC_OK, true, "eu-west.Z9.test", 443, true, "" },
        /* a dot inside a segment is fine; only "." and ".." alone are not */
        { "https://h/.well/v1.2/...", false, OARC_OK, true, "h", 443, true, "/.well/v1.2/..." },
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_scheme_case_insensitive(void **state)
{
    static const url_row rows[] = {
        { "HTTPS://API.OpenAI.com/v1", false, OARC_OK, true, "API.OpenAI.com", 443, true, "/v1" },
        { "hTtPs://h", false, OARC_OK, true, "h", 443, true, "" },
        { "HTTP://h", true, OARC_OK, false, "h", 80, true, "" },
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_ports(void **state)
{
    static const url_row rows[] = {
        { "https://h:443/v1", false, OARC_OK, true, "h", 443, true, "/v1" },
        { "https://h:8443", false, OARC_OK, true, "h", 8443, false, "" },
        { "https://h:1/", false, OARC_OK, true, "h", 1, false, "" },
        { "https://h:65535/x", false, OARC_OK, true, "h", 65535, false, "/x" },
        { "https://h:80", false, OARC_OK, true, "h", 80, false, "" },
        { "https://h:00443", false, OARC_OK, true, "h", 443, true, "" },
        { "http://h:443", true, OARC_OK, false, "h", 443, false, "" },
        { "http://h:80/v1", true, OARC_OK, false, "h", 80, true, "/v1" },
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_bad_ports(void **state)
{
    static const url_row rows[] = {
        BAD("https://h:"),      BAD("https://h:/v1"),   BAD("https://h:0"),
        BAD("https://h:00000"), BAD("https://h:65536"), BAD("https://h:99999"),
        BAD("https://h:000443"), BAD("https://h:+443"), BAD("https://h:-1"),
        BAD("https://h:44a"),   BAD("https://h:0x1bb"), BAD("https://h:1:2"),
        BAD("https://h:4294967297"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_http_needs_opt_in(void **state)
{
    static const url_row rows[] = {
        { "http://localhost:8080/v1", true, OARC_OK, false, "localhost", 8080, false, "/v1" },
        { "http://h", true, OARC_OK, false, "h", 80, true, "" },
        { "http://localhost:8080/v1", false, OARC_ERR_INSECURE_URL, false, "", 0, false, "" },
        { "http://h", false, OARC_ERR_INSECURE_URL, false, "", 0, false, "" },
        { "HTTP://h", false, OARC_ERR_INSECURE_URL, false, "", 0, false, "" },
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_bad_schemes(void **state)
{
    static const url_row rows[] = {
        BAD(""),          BAD("api.openai.com/v1"), BAD("ftp://h"),
        BAD("https:/h"),  BAD("https:h"),           BAD("https//h"),
        BAD("httpss://h"), BAD("ws://h"),           BAD("//h/v1"),
        BAD("https"),     BAD("https:"),            BAD("http:/"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_empty_host(void **state)
{
    static const url_row rows[] = {
        BAD("https://"), BAD("https:///v1"), BAD("https://:443"), BAD("https://[]"),
        BAD("https://:443/v1"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_userinfo_query_fragment(void **state)
{
    static const url_row rows[] = {
        BAD("https://user@h"),    BAD("https://user:pw@h/v1"), BAD("https://@h"),
        BAD("https://h?x=1"),     BAD("https://h/v1?x=1"),     BAD("https://h/?"),
        BAD("https://h#frag"),    BAD("https://h/v1#frag"),    BAD("https://h:443?x"),
        BAD("https://h/v1/a@b"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_bad_bytes(void **state)
{
    static const url_row rows[] = {
        BAD("https://h /v1"),    BAD("https://h/v 1"),   BAD(" https://h"),
        BAD("https://h/v1 "),    BAD("https://h\t"),     BAD("https://h\r\n"),
        BAD("https://h/\x7f"),   BAD("https://h\x01"),   BAD("https://h\xc3\xa9.com"),
        BAD("https://h/v1\xe2\x82\xac"), BAD("https://h!x"), BAD("https://h*"),
        BAD("https://h~x"),      BAD("https://h{x"),     BAD("https://h`x"),
        BAD("https://h[x"),      BAD("https://h@"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

/* A span can carry a NUL that a C string cannot: it must not cut the URL. */
static void url_nul_inside(void **state)
{
    static const char text[] = "https://h\0evil/v1";
    oarc_url url;
    oarc_span span = { text, sizeof text - 1u };

    (void)state;
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_ERR_URL);
    assert_url_cleared(&url);
}

static void url_bad_prefixes(void **state)
{
    static const url_row rows[] = {
        BAD("https://h/./v1"), BAD("https://h/../v1"), BAD("https://h/v1/.."),
        BAD("https://h/v1/."), BAD("https://h/."),     BAD("https://h/.."),
        BAD("https://h//v1"),  BAD("https://h/v1//x"), BAD("https://h/v%31"),
        BAD("https://h/v1%2F"), BAD("https://h/a:b"),  BAD("https://h/a;b"),
        BAD("https://h/a+b"),  BAD("https://h/a=b"),   BAD("https://h/a\\b"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

static void url_ipv6_literals(void **state)
{
    static const url_row rows[] = {
        { "https://[::1]:8443/v1", false, OARC_OK, true, "::1", 8443, false, "/v1" },
        { "https://[2001:db8::1]", false, OARC_OK, true, "2001:db8::1", 443, true, "" },
        { "https://[::]/", false, OARC_OK, true, "::", 443, true, "" },
        { "https://[::FFFF:192.0.2.1]:443", false, OARC_OK, true, "::FFFF:192.0.2.1", 443, true, "" },
        BAD("https://[::1"),   BAD("https://[::1]x"),  BAD("https://[::1]:"),
        BAD("https://::1"),    BAD("https://[1.2.3.4]"), BAD("https://[fe80::1%25eth0]"),
        BAD("https://[::g]"),  BAD("https://[:]"),     BAD("https://h]"),
        BAD("https://[::1]]"), BAD("https://[[::1]]"),
    };
    (void)state;
    CHECK_ROWS(rows);
}

/* Exactly OARC_MAX_HOST_LEN is accepted, one more byte is not. */
static void url_host_length_limit(void **state)
{
    char text[8 + OARC_MAX_HOST_LEN + 2];
    oarc_url url;
    oarc_span span = { text, 8u + OARC_MAX_HOST_LEN };

    (void)state;
    memcpy(text, "https://", 8);
    memset(text + 8, 'a', OARC_MAX_HOST_LEN + 1u);
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_OK);
    assert_int_equal(url.host_len, OARC_MAX_HOST_LEN);
    assert_int_equal(strlen(url.host), OARC_MAX_HOST_LEN);
    span.len++;
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_ERR_URL);
    assert_url_cleared(&url);
}

/* Exactly OARC_MAX_PATH_PREFIX_LEN is accepted (even with trailing slashes
 * after it), one more byte is not. */
static void url_prefix_length_limit(void **state)
{
    char text[9 + OARC_MAX_PATH_PREFIX_LEN + 4];
    oarc_url url;
    oarc_span span = { text, 9u + OARC_MAX_PATH_PREFIX_LEN };

    (void)state;
    memcpy(text, "https://h", 9);
    text[9] = '/';
    memset(text + 10, 'p', OARC_MAX_PATH_PREFIX_LEN);
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_OK);
    assert_int_equal(url.prefix_len, OARC_MAX_PATH_PREFIX_LEN);
    assert_int_equal(strlen(url.prefix), OARC_MAX_PATH_PREFIX_LEN);

    text[9u + OARC_MAX_PATH_PREFIX_LEN] = '/';
    text[10u + OARC_MAX_PATH_PREFIX_LEN] = '/';
    span.len += 2u;
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_OK);
    assert_int_equal(url.prefix_len, OARC_MAX_PATH_PREFIX_LEN);

    span.len = 10u + OARC_MAX_PATH_PREFIX_LEN;
    text[9u + OARC_MAX_PATH_PREFIX_LEN] = 'p';
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_ERR_URL);
    assert_url_cleared(&url);
}

static void url_null_arguments(void **state)
{
    oarc_url url;
    oarc_span none = { NULL, 0 };
    oarc_span dangling = { NULL, 5 };

    (void)state;
    assert_int_equal(oarc_url_parse(NULL, span_of("https://h"), false), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_url_parse(&url, none, false), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_url_parse(&url, dangling, true), OARC_ERR_ARGUMENT);
}

/* Only len bytes are read: what follows the span does not matter. */
static void url_span_not_nul_terminated(void **state)
{
    static const char text[] = "https://h:8443/v1?query#and more";
    oarc_url url;
    oarc_span span = { text, 17 };

    (void)state;
    assert_int_equal(oarc_url_parse(&url, span, false), OARC_OK);
    assert_string_equal(url.host, "h");
    assert_int_equal(url.port, 8443);
    assert_string_equal(url.prefix, "/v1");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(url_https_forms),
    cmocka_unit_test(url_scheme_case_insensitive),
    cmocka_unit_test(url_ports),
    cmocka_unit_test(url_bad_ports),
    cmocka_unit_test(url_http_needs_opt_in),
    cmocka_unit_test(url_bad_schemes),
    cmocka_unit_test(url_empty_host),
    cmocka_unit_test(url_userinfo_query_fragment),
    cmocka_unit_test(url_bad_bytes),
    cmocka_unit_test(url_nul_inside),
    cmocka_unit_test(url_bad_prefixes),
    cmocka_unit_test(url_ipv6_literals),
    cmocka_unit_test(url_host_length_limit),
    cmocka_unit_test(url_prefix_length_limit),
    cmocka_unit_test(url_null_arguments),
    cmocka_unit_test(url_span_not_nul_terminated),
};

OARC_TEST_MAIN(tests)
