/**
 * @file test_http_write.c
 * @brief The request-head writer: exact bytes of every head shape, refusal of
 * anything that could inject a header, and exact buffer limits.
 */
#include "test_main.h"

#include "http.h"

#define KEY "sk-admin-TESTKEY"

static char buf[512];

/* A POST to the OpenAI host with a key, the shape the client sends most. */
static oarc_http_request base_request(void)
{
    oarc_http_request req;
    memset(&req, 0, sizeof req);
    req.method = OARC_HTTP_POST;
    req.host = OARC_SPAN_LITERAL("api.openai.com");
    req.port = 443;
    req.default_port = true;
    req.path = OARC_SPAN_LITERAL("/v1/organization/roles/role_1");
    req.bearer = OARC_SPAN_LITERAL(KEY);
    req.has_body = true;
    return req;
}

/* Writes req over a body placed at buf[0]; checks status and exact output. */
static void expect_request(const oarc_http_request *req, const char *body,
                           size_t cap, oarc_status want, const char *want_text)
{
    size_t body_len = strlen(body);
    size_t out_len = 12345u;
    memset(buf, '#', sizeof buf);
    memcpy(buf, body, body_len);
    /* The dry check agrees with the write, and writes nothing. */
    assert_int_equal(oarc_http_check_request(buf, cap, body_len, req), want);
    assert_memory_equal(buf, body, body_len);
    assert_int_equal(buf[body_len], '#');
    assert_int_equal(oarc_http_write_request(buf, cap, body_len, req, &out_len), want);
    if (want == OARC_OK) {
        assert_int_equal(out_len, strlen(want_text));
        assert_memory_equal(buf, want_text, out_len);
        assert_int_equal(buf[out_len], '#'); /* nothing written past the request */
    } else {
        assert_int_equal(out_len, 0);
        assert_memory_equal(buf, body, body_len); /* body left where it was */
        assert_int_equal(buf[body_len], '#');
    }
}

static void get_without_body(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_GET;
    req.has_body = false;
    req.path = OARC_SPAN_LITERAL("/v1/organization/roles?limit=10&order=asc");
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET /v1/organization/roles?limit=10&order=asc HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/" "0.1.0" "\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

static void post_with_body(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    expect_request(&req, "{\"role_name\":\"ops\"}", sizeof buf, OARC_OK,
                   "POST /v1/organization/roles/role_1 HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "Content-Type: application/json\r\n"
                   "Content-Length: 19\r\n"
                   "\r\n"
                   "{\"role_name\":\"ops\"}");
}

static void post_empty_object_has_length(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    expect_request(&req, "{}", sizeof buf, OARC_OK,
                   "POST /v1/organization/roles/role_1 HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "Content-Type: application/json\r\n"
                   "Content-Length: 2\r\n"
                   "\r\n"
                   "{}");
}

static void delete_without_body(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_DELETE;
    req.has_body = false;
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "DELETE /v1/organization/roles/role_1 HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

static void non_default_port_in_host(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_GET;
    req.has_body = false;
    req.host = OARC_SPAN_LITERAL("localhost");
    req.port = 65535;
    req.default_port = false;
    req.path = OARC_SPAN_LITERAL("/");
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET / HTTP/1.1\r\n"
                   "Host: localhost:65535\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

static void default_port_omitted_even_if_unusual(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_GET;
    req.has_body = false;
    req.port = 8443; /* default_port rules, not the number */
    req.path = OARC_SPAN_LITERAL("/");
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET / HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

static void ipv6_host_bracketed(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_GET;
    req.has_body = false;
    req.host = OARC_SPAN_LITERAL("::1");
    req.port = 8443;
    req.default_port = false;
    req.path = OARC_SPAN_LITERAL("/v1");
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET /v1 HTTP/1.1\r\n"
                   "Host: [::1]:8443\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
    req.default_port = true;
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET /v1 HTTP/1.1\r\n"
                   "Host: [::1]\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

static void organization_header(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.organization = OARC_SPAN_LITERAL("org-123");
    expect_request(&req, "{}", sizeof buf, OARC_OK,
                   "POST /v1/organization/roles/role_1 HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "Authorization: Bearer " KEY "\r\n"
                   "OpenAI-Organization: org-123\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "Content-Type: application/json\r\n"
                   "Content-Length: 2\r\n"
                   "\r\n"
                   "{}");
}

static void no_bearer_no_authorization(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_GET;
    req.has_body = false;
    req.bearer = (oarc_span){ NULL, 0 };
    req.organization = OARC_SPAN_LITERAL("org-9");
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET /v1/organization/roles/role_1 HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "OpenAI-Organization: org-9\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

/* Each of CR, LF and NUL placed inside the chosen field must be refused. */
enum field { F_HOST, F_PATH, F_BEARER, F_ORG };

static void expect_injection_refused(enum field f)
{
    static const char bad[] = { '\r', '\n', '\0' };
    for (size_t i = 0; i < sizeof bad; i++) {
        char value[] = "/ab?cd";
        oarc_http_request req = base_request();
        oarc_span span = { value, sizeof value - 1u };
        value[2] = bad[i];
        switch (f) {
        case F_HOST: req.host = span; break;
        case F_PATH: req.path = span; break;
        case F_BEARER: req.bearer = span; break;
        case F_ORG: req.organization = span; break;
        }
        expect_request(&req, "{}", sizeof buf, OARC_ERR_HEADER_VALUE, NULL);
    }
}

static void refuses_crlf_nul_in_host(void **state)
{
    (void)state;
    expect_injection_refused(F_HOST);
}

static void refuses_crlf_nul_in_path(void **state)
{
    (void)state;
    expect_injection_refused(F_PATH);
}

static void refuses_crlf_nul_in_bearer(void **state)
{
    (void)state;
    expect_injection_refused(F_BEARER);
}

static void refuses_crlf_nul_in_organization(void **state)
{
    (void)state;
    expect_injection_refused(F_ORG);
}

static void refuses_bad_paths(void **state)
{
    (void)state;
    static const char *const paths[] = {
        "", "v1/roles", "/v1/ro les", "/v1/ro\tles", "/v1/\x7f", "/v1/\x01",
        "/v1/\xc3\xa9 x", /* a space after bytes past the plain prefix */
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        oarc_http_request req = base_request();
        req.path = (oarc_span){ paths[i], strlen(paths[i]) };
        expect_request(&req, "{}", sizeof buf, OARC_ERR_HEADER_VALUE, NULL);
    }
}

static void refuses_control_bytes_in_values(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.bearer = OARC_SPAN_LITERAL("sk-\x1b[2J");
    expect_request(&req, "{}", sizeof buf, OARC_ERR_HEADER_VALUE, NULL);
    req = base_request();
    req.organization = OARC_SPAN_LITERAL("org\x7f");
    expect_request(&req, "{}", sizeof buf, OARC_ERR_HEADER_VALUE, NULL);
    req = base_request();
    req.host = OARC_SPAN_LITERAL("api openai.com");
    expect_request(&req, "{}", sizeof buf, OARC_ERR_HEADER_VALUE, NULL);
    req = base_request();
    req.host = OARC_SPAN_LITERAL("");
    expect_request(&req, "{}", sizeof buf, OARC_ERR_HEADER_VALUE, NULL);
}

static void tab_allowed_inside_header_value(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    req.method = OARC_HTTP_GET;
    req.has_body = false;
    req.bearer = (oarc_span){ NULL, 0 };
    req.organization = OARC_SPAN_LITERAL("a\tb");
    expect_request(&req, "", sizeof buf, OARC_OK,
                   "GET /v1/organization/roles/role_1 HTTP/1.1\r\n"
                   "Host: api.openai.com\r\n"
                   "OpenAI-Organization: a\tb\r\n"
                   "User-Agent: oarc/0.1.0\r\n"
                   "Accept: application/json\r\n"
                   "\r\n");
}

static const char full_post[] =
    "POST /v1/organization/roles/role_1 HTTP/1.1\r\n"
    "Host: api.openai.com\r\n"
    "Authorization: Bearer " KEY "\r\n"
    "User-Agent: oarc/0.1.0\r\n"
    "Accept: application/json\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 12\r\n"
    "\r\n"
    "{\"a\":\"bcde\"}";

static void buffer_exactly_full(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    expect_request(&req, "{\"a\":\"bcde\"}", sizeof full_post - 1u, OARC_OK, full_post);
}

static void buffer_one_byte_short(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    expect_request(&req, "{\"a\":\"bcde\"}", sizeof full_post - 2u,
                   OARC_ERR_BUFFER_TOO_SMALL, NULL);
}

static void refuses_bad_arguments(void **state)
{
    (void)state;
    oarc_http_request req = base_request();
    size_t out_len = 7u;

    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 0, NULL, &out_len), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_write_request(NULL, sizeof buf, 0, &req, &out_len), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 0, &req, NULL), OARC_ERR_ARGUMENT);
    /* A body longer than the buffer cannot lie in it. */
    assert_int_equal(oarc_http_write_request(buf, 4, 5, &req, &out_len), OARC_ERR_ARGUMENT);
    /* Body bytes but no body to announce. */
    req.has_body = false;
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 2, &req, &out_len), OARC_ERR_ARGUMENT);
    req = base_request();
    req.method = (oarc_http_method)3;
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 2, &req, &out_len), OARC_ERR_ARGUMENT);
    req = base_request();
    req.organization = (oarc_span){ NULL, 3 };
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 2, &req, &out_len), OARC_ERR_ARGUMENT);
    assert_int_equal(out_len, 0);
}

/* The session's path: checked once, then written per attempt without the
 * checks. Same bytes as oarc_http_write_request(), the same refusal of what
 * does not fit, and NULL arguments refused. */
static void write_checked_matches_write(void **state)
{
    static const char body[] = "{\"role_name\":\"x\"}";
    char expected[512];
    size_t want_len = 0u;
    size_t out_len = 7u;
    oarc_http_request req = base_request();

    (void)state;
    memcpy(expected, body, sizeof body - 1u);
    assert_int_equal(oarc_http_write_request(expected, sizeof expected, sizeof body - 1u, &req,
                                             &want_len), OARC_OK);
    assert_int_equal(oarc_http_check_request(buf, sizeof buf, sizeof body - 1u, &req), OARC_OK);
    memset(buf, '#', sizeof buf);
    memcpy(buf, body, sizeof body - 1u);
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, sizeof body - 1u, &req,
                                                     &out_len), OARC_OK);
    assert_int_equal(out_len, want_len);
    assert_memory_equal(buf, expected, want_len);
    assert_int_equal(buf[out_len], '#');

    /* One byte short: refused, body left at buf[0]. */
    memset(buf, '#', sizeof buf);
    memcpy(buf, body, sizeof body - 1u);
    assert_int_equal(oarc_http_write_request(buf, want_len - 1u, sizeof body - 1u, &req,
                                                     &out_len), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(out_len, 0);
    assert_memory_equal(buf, body, sizeof body - 1u);
    assert_int_equal(buf[sizeof body - 1u], '#');

    assert_int_equal(oarc_http_write_request(NULL, sizeof buf, 0, &req, &out_len),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 0, NULL, &out_len),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_write_request(buf, sizeof buf, 0, &req, NULL),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_write_request(buf, 4, 5, &req, &out_len),
                     OARC_ERR_ARGUMENT);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(get_without_body),
    cmocka_unit_test(post_with_body),
    cmocka_unit_test(post_empty_object_has_length),
    cmocka_unit_test(delete_without_body),
    cmocka_unit_test(non_default_port_in_host),
    cmocka_unit_test(default_port_omitted_even_if_unusual),
    cmocka_unit_test(ipv6_host_bracketed),
    cmocka_unit_test(organization_header),
    cmocka_unit_test(no_bearer_no_authorization),
    cmocka_unit_test(refuses_crlf_nul_in_host),
    cmocka_unit_test(refuses_crlf_nul_in_path),
    cmocka_unit_test(refuses_crlf_nul_in_bearer),
    cmocka_unit_test(refuses_crlf_nul_in_organization),
    cmocka_unit_test(refuses_bad_paths),
    cmocka_unit_test(refuses_control_bytes_in_values),
    cmocka_unit_test(tab_allowed_inside_header_value),
    cmocka_unit_test(buffer_exactly_full),
    cmocka_unit_test(buffer_one_byte_short),
    cmocka_unit_test(refuses_bad_arguments),
    cmocka_unit_test(write_checked_matches_write),
};

OARC_TEST_MAIN(tests)
