/**
 * @file test_client.c
 * @brief The session and the seed operations against the scripted port:
 * what goes on the wire, keep-alive and transparent reconnect, the retry
 * policy (statuses, Retry-After, backoff bounds, x-should-retry, deadline),
 * key wiping, and that bad input sends nothing. Plain http (the explicit
 * opt-in) keeps TLS out of these tests; tls.c has its own.
 */
#include "test_main.h"

#include "client.h"
#include "fake_port.h"
#include "oarc/oarc.h"

static oarc_client client; /* large: keep it off the stack, as users do */
static fake_port fake;

#define ROLE_JSON                                                                    \
    "{\"object\":\"role\",\"id\":\"role_123\",\"name\":\"Ops\",\"description\":null," \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"                    \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false,"             \
    "\"extra\":{\"nested\":[1,{\"deep\":true}]}}"

/* The real API answers chunked, with no Content-Length. */
#define OK_CHUNKED                                                        \
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"              \
    "x-request-id: req_ok1\r\nTransfer-Encoding: chunked\r\n\r\n"        \
    "10\r\n" "{\"object\":\"role\"" "\r\n"                                \
    "c6;ext=1\r\n" ",\"id\":\"role_123\",\"name\":\"Ops\",\"description\":null," \
    "\"permissions\":[\"api.groups.read\",\"api.groups.write\"],"        \
    "\"resource_type\":\"api.organization\",\"predefined_role\":false,"  \
    "\"extra\":{\"nested\":[1,{\"deep\":true}]}}" "\r\n0\r\n\r\n"

static const char ok_plain[] =
    "HTTP/1.1 200 OK\r\nx-request-id: req_plain\r\nContent-Length: 214\r\n\r\n" ROLE_JSON;

#define ERROR_BODY(msg)                                                             \
    "{\"error\":{\"message\":\"" msg "\",\"type\":\"invalid_request_error\","       \
    "\"param\":\"role_name\",\"code\":null}}"

/* connect_timeout_ms 0: the default. */
static oarc_status init_client_connect(uint32_t timeout_ms, uint32_t connect_timeout_ms)
{
    static oarc_port port;
    fake_port_init(&fake, &port);
    fake.entropy_byte = 0xFF; /* maximal jitter: the lower bound of backoff */
    oarc_client_config cfg = {
        .base_url = "http://api.test/v1",
        .admin_key = "sk-admin-test-key",
        .port = &port,
        .connect_timeout_ms = connect_timeout_ms,
        .timeout_ms = timeout_ms,
        .max_retries = -1,
        .allow_insecure_http = true,
    };
    return oarc_client_init(&client, &cfg);
}

static oarc_status init_client(uint32_t timeout_ms)
{
    return init_client_connect(timeout_ms, 0);
}

static void setup_default(void)
{
    assert_int_equal(init_client(0), OARC_OK);
}

static oarc_status update_org(const char *id, oarc_role *role)
{
    oarc_role_update u = { 0 };
    return oarc_org_role_update(&client, id, &u, role);
}

static void assert_role_decoded(const oarc_role *role)
{
    assert_string_equal(role->id.ptr, "role_123");
    assert_string_equal(role->name.ptr, "Ops");
    assert_null(role->description.ptr);
    assert_int_equal(role->permission_count, 2);
    assert_string_equal(role->permissions[1].ptr, "api.groups.write");
    assert_string_equal(role->resource_type.ptr, "api.organization");
    assert_false(role->predefined_role);
}

static void org_update_request_on_the_wire(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    oarc_role_update u = { .role_name_state = OARC_FIELD_SET, .role_name = "Ops",
                           .description_state = OARC_FIELD_NULL };
    assert_int_equal(oarc_org_role_update(&client, "role_123", &u, &role), OARC_OK);
    assert_role_decoded(&role);
    fake.sent[fake.sent_len] = '\0';
    const char *expect_start = "POST /v1/organization/roles/role_123 HTTP/1.1\r\n";
    assert_memory_equal(fake.sent, expect_start, strlen(expect_start));
    assert_non_null(strstr(fake.sent, "\r\nHost: api.test\r\n"));
    assert_non_null(strstr(fake.sent, "\r\nAuthorization: Bearer sk-admin-test-key\r\n"));
    assert_non_null(strstr(fake.sent, "\r\nContent-Length: 38\r\n"));
    const char *body = "{\"role_name\":\"Ops\",\"description\":null}";
    assert_string_equal(fake.sent + fake.sent_len - strlen(body), body);
    assert_string_equal(oarc_client_last_call(&client)->request_id.ptr, "req_plain");
    assert_int_equal(oarc_client_last_call(&client)->http_status, 200);
}

static void project_update_encodes_path(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    oarc_role_update u = { .permissions_state = OARC_FIELD_SET };
    assert_int_equal(oarc_project_role_update(&client, "proj/a b", "role_123", &u, &role),
                     OARC_OK);
    const char *line = "POST /v1/projects/proj%2Fa%20b/roles/role_123 HTTP/1.1\r\n";
    assert_memory_equal(fake.sent, line, strlen(line));
    const char *body = "{\"permissions\":[]}";
    assert_memory_equal(fake.sent + fake.sent_len - strlen(body), body, strlen(body));
}

static void chunked_reply_three_bytes_at_a_time(void **state)
{
    (void)state;
    setup_default();
    fake.chunk = 3;
    fake_port_reply(&fake, OK_CHUNKED, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_role_decoded(&role);
    assert_string_equal(oarc_client_last_call(&client)->request_id.ptr, "req_ok1");
}

static void keep_alive_reuses_one_connection(void **state)
{
    (void)state;
    setup_default();
    oarc_role role;
    for (int i = 0; i < 5; i++) {
        fake_port_reply(&fake, OK_CHUNKED, FAKE_KEEP);
    }
    for (int i = 0; i < 5; i++) {
        assert_int_equal(update_org("role_123", &role), OARC_OK);
    }
    assert_int_equal(fake.connects, 1);
    assert_int_equal(fake.requests, 5);
}

static void connection_close_header_reconnects_next_time(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake,
                    "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 214\r\n\r\n" ROLE_JSON,
                    FAKE_KEEP);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.closes, 1);
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.connects, 2);
}

static void stale_keep_alive_is_reopened_transparently(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    fake_port_reply(&fake, "", FAKE_CLOSE); /* server dropped the idle connection */
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.connects, 2);
    assert_int_equal(fake.requests, 3);
    assert_int_equal(oarc_client_last_call(&client)->retries, 0);
    assert_int_equal(fake.sleep_count, 0);
}

static void retry_429_honours_retry_after(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake,
                    "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 2\r\n\r\n{}",
                    FAKE_KEEP);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.sleep_count, 1);
    assert_int_equal(fake.sleeps[0], 2000);
    assert_int_equal(oarc_client_last_call(&client)->retries, 1);
}

static void retry_after_ms_wins(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake,
                    "HTTP/1.1 503 Unavailable\r\nretry-after-ms: 150\r\nRetry-After: 9\r\n"
                    "Content-Length: 0\r\n\r\n",
                    FAKE_KEEP);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.sleeps[0], 150);
}

static void retry_after_over_60s_falls_back_to_backoff(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake,
                    "HTTP/1.1 429 Slow down\r\nRetry-After: 61\r\nContent-Length: 0\r\n\r\n",
                    FAKE_KEEP);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_in_range(fake.sleeps[0], 375, 500);
}

static void server_errors_back_off_then_give_up(void **state)
{
    (void)state;
    setup_default();
    for (int i = 0; i < 3; i++) {
        fake_port_reply(&fake,
                        "HTTP/1.1 500 Internal Server Error\r\nx-request-id: req_500\r\n"
                        "Content-Length: 111\r\n\r\n" ERROR_BODY("The server had an error."),
                        FAKE_KEEP);
    }
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    const oarc_call_info *info = oarc_client_last_call(&client);
    assert_int_equal(info->http_status, 500);
    assert_int_equal(info->retries, 2);
    assert_int_equal(fake.requests, 3);
    assert_int_equal(fake.sleep_count, 2);
    /* min(0.5 s * 2^n, 8 s) * (1 - 0.25 * random) */
    assert_in_range(fake.sleeps[0], 375, 500);
    assert_in_range(fake.sleeps[1], 750, 1000);
    assert_string_equal(info->error.message.ptr, "The server had an error.");
    assert_string_equal(info->request_id.ptr, "req_500");
}

static void client_errors_are_not_retried_and_decoded(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake,
                    "HTTP/1.1 400 Bad Request\r\nx-request-id: req_bad\r\n"
                    "Content-Length: 95\r\n\r\n" ERROR_BODY("Bad name"),
                    FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    const oarc_call_info *info = oarc_client_last_call(&client);
    assert_int_equal(info->http_status, 400);
    assert_int_equal(info->retries, 0);
    assert_string_equal(info->error.message.ptr, "Bad name");
    assert_string_equal(info->error.type.ptr, "invalid_request_error");
    assert_string_equal(info->error.param.ptr, "role_name");
    assert_null(info->error.code.ptr);
    assert_string_equal(info->request_id.ptr, "req_bad");
}

static void x_should_retry_false_overrides(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 503 No\r\nx-should-retry: false\r\nContent-Length: 0\r\n\r\n",
                    FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    assert_int_equal(fake.requests, 1);
}

static void x_should_retry_true_overrides(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 400 No\r\nx-should-retry: true\r\nContent-Length: 0\r\n\r\n",
                    FAKE_KEEP);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.requests, 2);
}

static void never_sleeps_past_the_deadline(void **state)
{
    (void)state;
    assert_int_equal(init_client(1500), OARC_OK);
    fake_port_reply(&fake, "HTTP/1.1 429 Wait\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n",
                    FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    assert_int_equal(fake.sleep_count, 0);
    assert_int_equal(oarc_client_last_call(&client)->retries, 0);
}

static void stall_times_out_at_the_deadline(void **state)
{
    (void)state;
    assert_int_equal(init_client(3000), OARC_OK);
    fake_port_reply(&fake, "HTTP/1.1 200 OK\r\nContent-Len", FAKE_STALL);
    oarc_role role;
    uint32_t start = fake.now;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_TIMEOUT);
    assert_true(fake.now - start <= 3000);
    assert_int_equal(fake.sleep_count, 0);
    assert_false(client.connected);
}

/* A body without length runs to the peer's close: that close ends the
 * response, which is then a success (not a lost connection). */
static void body_delimited_by_close(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 200 OK\r\n\r\n" ROLE_JSON, FAKE_CLOSE);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_role_decoded(&role);
    assert_int_equal(oarc_client_last_call(&client)->retries, 0);
    assert_false(client.connected);
}

/* connect_timeout_ms bounds each connect; the call's deadline still
 * bounds it when less is left (0 in the config: the default). */
static void connect_timeout_from_config(void **state)
{
    (void)state;
    static const struct {
        uint32_t timeout_ms, connect_timeout_ms, want;
    } cases[] = {
        { 30000, 1234, 1234 },
        { 1000, 1234, 1000 },
        { 0, 0, OARC_DEFAULT_CONNECT_TIMEOUT_MS },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(init_client_connect(cases[i].timeout_ms, cases[i].connect_timeout_ms),
                         OARC_OK);
        fake_port_reply(&fake, ok_plain, FAKE_KEEP);
        oarc_role role;
        assert_int_equal(update_org("role_123", &role), OARC_OK);
        assert_int_equal(fake.last_connect_ms, cases[i].want);
        oarc_client_deinit(&client);
    }
}

/* deinit of a client that init never reached (still zero) touches nothing. */
static void deinit_of_a_zeroed_client_is_harmless(void **state)
{
    (void)state;
    static oarc_client zeroed;
    oarc_client_deinit(&zeroed);
    oarc_client_deinit(NULL);
    assert_null(zeroed.admin_key);
    assert_false(zeroed.connected);
}

static void close_mid_body_is_retried(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 200 OK\r\nContent-Length: 214\r\n\r\n{\"object\"", FAKE_CLOSE);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(oarc_client_last_call(&client)->retries, 1);
    assert_int_equal(fake.connects, 2);
}

static void reset_mid_headers_is_retried(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 200", FAKE_RESET);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(oarc_client_last_call(&client)->retries, 1);
}

static void connect_failure_is_retried(void **state)
{
    (void)state;
    setup_default();
    fake.connect_result[0] = OARC_ERR_CONNECT;
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.connects, 2);
    assert_int_equal(oarc_client_last_call(&client)->retries, 1);
}

static void retries_exhausted_on_connect(void **state)
{
    (void)state;
    setup_default();
    for (int i = 0; i < 3; i++) {
        fake.connect_result[i] = OARC_ERR_CONNECT;
    }
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_CONNECT);
    assert_int_equal(fake.connects, 3);
    assert_int_equal(fake.sent_len, 0);
}

static void admin_key_is_wiped_from_tx(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake_port_sent_count(&fake, "sk-admin-test-key"), 1);
    const char *key = "sk-admin-test-key";
    for (size_t i = 0; i + strlen(key) <= sizeof(client.tx); i++) {
        assert_true(memcmp(client.tx + i, key, strlen(key)) != 0);
    }
}

/* No byte of the key anywhere in tx, looked for at every offset. */
static void assert_key_not_in_tx(const char *key)
{
    size_t n = strlen(key);
    for (size_t i = 0; i + n <= sizeof(client.tx); i++) {
        assert_true(memcmp(client.tx + i, key, n) != 0);
    }
}

/* Every attempt writes a head with the key in front of the body, and each
 * is wiped: after a retried 500, a connection reset mid-answer and the
 * reopened connection, the key is in tx nowhere, and every attempt sent the
 * same body (it was moved back to tx[0] each time, intact). The body is
 * short, so moving it back covers none of the key: only the wipe does. */
static void admin_key_is_wiped_after_every_attempt(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", FAKE_KEEP);
    fake_port_reply(&fake, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{", FAKE_RESET);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role_update u = { .description_state = OARC_FIELD_SET, .description = "w" };
    oarc_role role;
    assert_int_equal(oarc_org_role_update(&client, "role_123", &u, &role), OARC_OK);
    assert_int_equal(oarc_client_last_call(&client)->retries, 2);
    assert_int_equal(fake_port_sent_count(&fake, "sk-admin-test-key"), 3);
    assert_int_equal(fake_port_sent_count(&fake, "\r\n\r\n{\"description\":\"w\"}"), 3);
    assert_key_not_in_tx("sk-admin-test-key");
}

/* A request without a body (GET) leaves no key behind either. */
static void admin_key_is_wiped_after_a_get(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(oarc_org_role_retrieve(&client, "role_123", &role), OARC_OK);
    assert_int_equal(fake_port_sent_count(&fake, "sk-admin-test-key"), 1);
    assert_key_not_in_tx("sk-admin-test-key");
}

/* The key is written before the connection is made, so a call that fails
 * must wipe it as well: refused connections, an answer that never comes,
 * and a final API error each leave no key in tx. */
static void admin_key_is_wiped_when_the_call_fails(void **state)
{
    (void)state;
    oarc_role role;

    setup_default();
    for (int i = 0; i < 3; i++) {
        fake.connect_result[i] = OARC_ERR_CONNECT;
    }
    assert_int_equal(update_org("role_123", &role), OARC_ERR_CONNECT);
    assert_key_not_in_tx("sk-admin-test-key");

    setup_default();
    fake_port_reply(&fake, "", FAKE_STALL);
    assert_int_equal(update_org("role_123", &role), OARC_ERR_TIMEOUT);
    assert_key_not_in_tx("sk-admin-test-key");

    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 400 Bad\r\nContent-Length: 2\r\n\r\n{}", FAKE_KEEP);
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    assert_key_not_in_tx("sk-admin-test-key");
}

static void shape_error_names_the_field(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake,
                    "HTTP/1.1 200 OK\r\nContent-Length: 35\r\n\r\n"
                    "{\"object\":\"role\",\"id\":\"r\",\"name\":7}",
                    FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_JSON_SHAPE);
    assert_non_null(oarc_client_last_call(&client)->bad_field);
}

static void bad_ids_send_nothing(void **state)
{
    (void)state;
    setup_default();
    oarc_role role;
    oarc_role_update u = { 0 };
    assert_int_equal(update_org("", &role), OARC_ERR_INVALID_ID);
    assert_int_equal(update_org(".", &role), OARC_ERR_INVALID_ID);
    assert_int_equal(update_org("..", &role), OARC_ERR_INVALID_ID);
    assert_int_equal(update_org("role\r\nX-Evil: 1", &role), OARC_ERR_INVALID_ID);
    assert_int_equal(update_org(NULL, &role), OARC_ERR_INVALID_ID);
    assert_int_equal(oarc_project_role_update(&client, "", "r", &u, &role), OARC_ERR_INVALID_ID);
    char long_id[OARC_MAX_ID_LEN + 2];
    memset(long_id, 'a', sizeof(long_id) - 1);
    long_id[sizeof(long_id) - 1] = '\0';
    assert_int_equal(update_org(long_id, &role), OARC_ERR_ID_TOO_LONG);
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);
}

static void bad_bodies_send_nothing(void **state)
{
    (void)state;
    setup_default();
    oarc_role role;
    oarc_role_update bad_utf8 = { .role_name_state = OARC_FIELD_SET, .role_name = "\xC0\xAF" };
    assert_int_equal(oarc_org_role_update(&client, "r", &bad_utf8, &role), OARC_ERR_INVALID_UTF8);
    static char huge[OARC_TX_BUFFER_SIZE + 10];
    memset(huge, 'x', sizeof(huge) - 1);
    oarc_role_update big = { .description_state = OARC_FIELD_SET, .description = huge };
    assert_int_equal(oarc_org_role_update(&client, "r", &big, &role), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);
}

static void init_refuses_bad_config(void **state)
{
    (void)state;
    static oarc_port port;
    fake_port_init(&fake, &port);
    oarc_client_config cfg = { .base_url = "http://api.test/v1", .admin_key = "k", .port = &port };
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_INSECURE_URL);
    cfg.base_url = "https://api.test/v1"; /* https needs a CA */
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    cfg.allow_insecure_http = true;
    cfg.base_url = "http://api.test/v1";
    cfg.admin_key = "sk-admin\r\nX: y";
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_HEADER_VALUE);
    cfg.admin_key = "";
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    cfg.admin_key = "k";
    cfg.organization = "org\n";
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_HEADER_VALUE);
    cfg.organization = NULL;
    cfg.base_url = "ftp://x";
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_URL);
    assert_int_equal(oarc_client_init(NULL, &cfg), OARC_ERR_ARGUMENT);
}

static void organization_header_is_sent(void **state)
{
    (void)state;
    static oarc_port port;
    fake_port_init(&fake, &port);
    oarc_client_config cfg = { .base_url = "http://api.test:8080", .admin_key = "k",
                               .organization = "org-123", .port = &port,
                               .allow_insecure_http = true, .max_retries = 0 };
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_OK);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake_port_sent_count(&fake, "\r\nOpenAI-Organization: org-123\r\n"), 1);
    assert_int_equal(fake_port_sent_count(&fake, "\r\nHost: api.test:8080\r\n"), 1);
    assert_int_equal(fake_port_sent_count(&fake, "POST /organization/roles/role_123 "), 1);
}

static void max_retries_zero_means_one_attempt(void **state)
{
    (void)state;
    static oarc_port port;
    fake_port_init(&fake, &port);
    oarc_client_config cfg = { .base_url = "http://api.test", .admin_key = "k", .port = &port,
                               .allow_insecure_http = true, .max_retries = 0 };
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_OK);
    fake_port_reply(&fake, "HTTP/1.1 503 No\r\nContent-Length: 0\r\n\r\n", FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    assert_int_equal(fake.requests, 1);
}

static void oversized_response_is_refused(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 200 OK\r\nContent-Length: 999999\r\n\r\n{", FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_HTTP_BODY_TOO_LARGE);
    assert_int_equal(fake.requests, 1);
}

/* ---- Error paths and boundaries of the session ------------------------------------- */

/* A client over the fake port with some of its functions replaced (NULL:
 * the fake's own), retrying only as asked, so each case sees its failure as
 * the call's result. The client copies the port at init, so replacements
 * must be made before. */
static oarc_port wrapped;
static int (*fake_send_fn)(void *, const uint8_t *, size_t, uint32_t);
static int (*fake_recv_fn)(void *, uint8_t *, size_t, uint32_t);

typedef struct {
    int (*send)(void *, const uint8_t *, size_t, uint32_t);
    int (*recv)(void *, uint8_t *, size_t, uint32_t);
    oarc_status (*entropy)(void *, uint8_t *, size_t);
} port_overrides;

static void init_wrapped(int max_retries, uint32_t timeout_ms, port_overrides o)
{
    fake_port_init(&fake, &wrapped);
    fake_send_fn = wrapped.send;
    fake_recv_fn = wrapped.recv;
    wrapped.send = o.send ? o.send : wrapped.send;
    wrapped.recv = o.recv ? o.recv : wrapped.recv;
    wrapped.entropy = o.entropy ? o.entropy : wrapped.entropy;
    oarc_client_config cfg = { .base_url = "http://api.test/v1", .admin_key = "sk-admin-test-key",
                               .port = &wrapped, .max_retries = max_retries,
                               .timeout_ms = timeout_ms, .allow_insecure_http = true };
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_OK);
}

static oarc_status no_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    (void)out;
    (void)len;
    return OARC_ERR_ENTROPY;
}

/* Each function the session calls is required; a config string far over any
 * real key or URL is refused; DEL is a control byte, a tab is not. */
static void init_refuses_incomplete_port_and_oversized_strings(void **state)
{
    (void)state;
    static oarc_port port;
    fake_port_init(&fake, &port);
    oarc_client_config cfg = { .base_url = "http://api.test/v1", .admin_key = "k", .port = &port,
                               .allow_insecure_http = true };
    for (int missing = 0; missing < 7; missing++) {
        oarc_port broken = port;
        switch (missing) {
        case 0: broken.connect = NULL; break;
        case 1: broken.send = NULL; break;
        case 2: broken.recv = NULL; break;
        case 3: broken.close = NULL; break;
        case 4: broken.now_ms = NULL; break;
        case 5: broken.sleep_ms = NULL; break;
        default: broken.entropy = NULL; break;
        }
        cfg.port = &broken;
        assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    }
    cfg.port = NULL;
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    cfg.port = &port;
    assert_int_equal(oarc_client_init(&client, NULL), OARC_ERR_ARGUMENT);
    cfg.admin_key = NULL;
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);

    static char huge[2048];
    memset(huge, 'k', sizeof huge - 1u);
    cfg.admin_key = huge;
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    cfg.admin_key = "k";
    cfg.organization = huge;
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    cfg.organization = NULL;
    static char long_url[2048];
    memcpy(long_url, "http://", 7);
    memset(long_url + 7, 'a', sizeof long_url - 8u);
    cfg.base_url = long_url;
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_URL);
    cfg.base_url = "http://api.test/v1";
    cfg.admin_key = "sk-admin\x7Fkey";
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_HEADER_VALUE);
    cfg.admin_key = "sk-admin\tkey";
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_OK);
    /* No base URL: the API's own, https, which needs a CA. */
    cfg.base_url = NULL;
    assert_int_equal(oarc_client_init(&client, &cfg), OARC_ERR_ARGUMENT);
    assert_int_equal(fake.connects, 0);
}

/* deinit closes a kept-alive connection and forgets the key: a later call is
 * refused without sending. It is harmless on NULL and twice. */
static void deinit_closes_and_forgets_the_key(void **state)
{
    (void)state;
    setup_default();
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_true(fake.open);
    oarc_client_deinit(&client);
    assert_false(fake.open);
    assert_int_equal(fake.closes, 1);
    size_t sent = fake.sent_len;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_ARGUMENT);
    assert_int_equal(fake.sent_len, sent);
    oarc_client_deinit(&client);
    oarc_client_deinit(NULL);
    assert_int_equal(fake.closes, 1);
    assert_null(oarc_client_last_call(NULL));
}

static int send_result; /* what the wrapped send returns instead of sending */
static size_t send_cap;   /* 0: no cap; else at most this many bytes per send */
static uint32_t send_cost_ms;

static int scripted_send(void *ctx, const uint8_t *buf, size_t len, uint32_t ms)
{
    fake.now += send_cost_ms;
    if (send_result <= 0) {
        return send_result;
    }
    return fake_send_fn(ctx, buf, send_cap != 0u && len > send_cap ? send_cap : len, ms);
}

/* A port that sends nothing (0) or fails is the call's failure: 0 reads as
 * an I/O error, a status is passed on. Nothing is retried here. */
static void send_failure_ends_the_call(void **state)
{
    (void)state;
    static const struct {
        int result;
        oarc_status want;
    } cases[] = {
        { 0, OARC_ERR_IO },
        { OARC_ERR_IO, OARC_ERR_IO },
        { OARC_ERR_TIMEOUT, OARC_ERR_TIMEOUT },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        init_wrapped(0, 0, (port_overrides){ .send = scripted_send });
        send_result = cases[i].result;
        send_cap = 0;
        send_cost_ms = 0;
        oarc_role role;
        assert_int_equal(update_org("role_123", &role), cases[i].want);
        assert_int_equal(fake.connects, 1);
        assert_false(fake.open); /* a failed connection is not kept */
        assert_int_equal(oarc_client_last_call(&client)->http_status, 0);
    }
}

/* A port that takes a few bytes at a time still gets the whole request. */
static void short_sends_are_completed(void **state)
{
    (void)state;
    init_wrapped(0, 0, (port_overrides){ .send = scripted_send });
    send_result = 1;
    send_cap = 7;
    send_cost_ms = 0;
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    fake.sent[fake.sent_len] = '\0';
    assert_non_null(strstr(fake.sent, "\r\nAuthorization: Bearer sk-admin-test-key\r\n"));
    assert_int_equal(fake_port_sent_count(&fake, "{}"), 1); /* the body, once, at the end */
    assert_string_equal(fake.sent + fake.sent_len - 2, "{}");
}

/* Sends so slow the deadline passes part-way: a timeout, not a wait past it. */
static void deadline_passes_during_send(void **state)
{
    (void)state;
    init_wrapped(0, 1000, (port_overrides){ .send = scripted_send });
    send_result = 1;
    send_cap = 10;
    send_cost_ms = 400;
    uint32_t start = fake.now;
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_TIMEOUT);
    assert_int_equal(fake.sent_len, 30); /* three sends of 10 fit in 1000 ms */
    assert_int_equal(fake.now - start, 1200);
}

static uint32_t recv_cost_ms;

static int slow_recv(void *ctx, uint8_t *buf, size_t len, uint32_t ms)
{
    fake.now += recv_cost_ms;
    return fake_recv_fn(ctx, buf, len, ms);
}

/* An answer trickling in slower than the deadline allows is cut off there. */
static void deadline_passes_during_receive(void **state)
{
    (void)state;
    init_wrapped(0, 1000, (port_overrides){ .recv = slow_recv });
    recv_cost_ms = 300;
    fake.chunk = 5;
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    uint32_t start = fake.now;
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_TIMEOUT);
    assert_true(fake.now - start <= 1200);
    assert_int_equal(fake.offset, 20); /* four reads of 5 bytes, then no time left */
}

/* A reused connection lost after part of the answer arrived is not reopened
 * in silence (the request may have been acted on): the call fails, and only
 * the retry policy may send it again. */
static void kept_alive_connection_lost_mid_answer_is_not_reopened(void **state)
{
    (void)state;
    init_wrapped(0, 0, (port_overrides){ 0 });
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    fake_port_reply(&fake, "HTTP/1.1 200 OK\r\nContent-Le", FAKE_RESET);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(update_org("role_123", &role), OARC_ERR_IO);
    assert_int_equal(fake.connects, 1);
    assert_int_equal(fake.requests, 2);
}

/* 408 and 409 are retried like 429; a redirect is the API's answer, not
 * retried and not followed. */
static void status_408_and_409_are_retried_and_3xx_is_not(void **state)
{
    (void)state;
    static const char *const retried[] = {
        "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 409 Conflict\r\nContent-Length: 0\r\n\r\n",
    };
    oarc_role role;
    for (size_t i = 0; i < 2; i++) {
        setup_default();
        fake_port_reply(&fake, retried[i], FAKE_KEEP);
        fake_port_reply(&fake, ok_plain, FAKE_KEEP);
        assert_int_equal(update_org("role_123", &role), OARC_OK);
        assert_int_equal(oarc_client_last_call(&client)->retries, 1);
    }
    setup_default();
    fake_port_reply(&fake, "HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n",
                    FAKE_KEEP);
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    assert_int_equal(oarc_client_last_call(&client)->http_status, 302);
    assert_int_equal(oarc_client_last_call(&client)->retries, 0);
    assert_null(oarc_client_last_call(&client)->error.message.ptr);
    assert_int_equal(fake.requests, 1);
}

/* DNS failures and connect timeouts are transport failures: retried. */
static void dns_and_connect_timeout_are_retried(void **state)
{
    (void)state;
    static const oarc_status first[] = { OARC_ERR_DNS, OARC_ERR_TIMEOUT };
    oarc_role role;
    for (size_t i = 0; i < 2; i++) {
        setup_default();
        fake.connect_result[0] = first[i];
        fake_port_reply(&fake, ok_plain, FAKE_KEEP);
        assert_int_equal(update_org("role_123", &role), OARC_OK);
        assert_int_equal(fake.connects, 2);
        assert_int_equal(oarc_client_last_call(&client)->retries, 1);
    }
}

/* With no jitter (entropy all zero), backoff doubles from 0.5 s and stays at
 * the 8 s cap from the fifth retry on. */
static void backoff_doubles_up_to_the_cap(void **state)
{
    (void)state;
    init_wrapped(6, 120000, (port_overrides){ 0 });
    fake.entropy_byte = 0;
    for (int i = 0; i < 7; i++) {
        fake_port_reply(&fake, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", FAKE_KEEP);
    }
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_ERR_API);
    static const uint32_t want[] = { 500, 1000, 2000, 4000, 8000, 8000 };
    assert_int_equal(fake.sleep_count, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(fake.sleeps[i], want[i]);
    }
    assert_int_equal(oarc_client_last_call(&client)->retries, 6);
}

/* Entropy failing costs the jitter, not the retry. */
static void entropy_failure_backs_off_without_jitter(void **state)
{
    (void)state;
    init_wrapped(1, 0, (port_overrides){ .entropy = no_entropy });
    fake.entropy_byte = 0xFF; /* would take 25 % off */
    fake_port_reply(&fake, "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n", FAKE_KEEP);
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    assert_int_equal(fake.sleep_count, 1);
    assert_int_equal(fake.sleeps[0], 500);
}

/* A body that fits tx but leaves no room for the request head in front of
 * it: buffer too small, not one byte goes out, and no connection (so no
 * TLS handshake) is even opened for it. */
static void head_that_does_not_fit_tx_sends_nothing(void **state)
{
    (void)state;
    setup_default();
    static char description[OARC_TX_BUFFER_SIZE - 64u];
    memset(description, 'd', sizeof description - 1u);
    oarc_role_update u = { .description_state = OARC_FIELD_SET, .description = description };
    oarc_role role;
    assert_int_equal(oarc_org_role_update(&client, "role_123", &u, &role), OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(fake.connects, 0);
    assert_int_equal(fake.sent_len, 0);
    assert_int_equal(fake.requests, 0);
    assert_int_equal(oarc_client_last_call(&client)->retries, 0);
}

/* A kept-alive connection found closed once the deadline has passed is not
 * reopened: the call ends with a timeout instead of a late second try. */
static void stale_connection_at_the_deadline_is_not_reopened(void **state)
{
    (void)state;
    init_wrapped(0, 1000, (port_overrides){ .recv = slow_recv });
    recv_cost_ms = 0;
    fake_port_reply(&fake, ok_plain, FAKE_KEEP);
    fake_port_reply(&fake, "", FAKE_CLOSE);
    oarc_role role;
    assert_int_equal(update_org("role_123", &role), OARC_OK);
    recv_cost_ms = 1000; /* the close is noticed with no time left */
    assert_int_equal(update_org("role_123", &role), OARC_ERR_TIMEOUT);
    assert_int_equal(fake.connects, 1);
}

/* Retry-After is honoured only when 0 < delay <= 60 s: 0 falls back to the
 * backoff, exactly 60 s is waited. */
static void retry_after_zero_and_sixty_seconds(void **state)
{
    (void)state;
    static const struct {
        const char *head;
        uint32_t sleep;
    } cases[] = {
        { "HTTP/1.1 429 x\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n", 500 },
        { "HTTP/1.1 429 x\r\nretry-after-ms: 60000\r\nContent-Length: 0\r\n\r\n", 60000 },
        { "HTTP/1.1 429 x\r\nretry-after-ms: 60001\r\nContent-Length: 0\r\n\r\n", 500 },
    };
    oarc_role role;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        init_wrapped(1, 120000, (port_overrides){ 0 });
        fake.entropy_byte = 0; /* no jitter: the backoff is exactly 500 ms */
        fake_port_reply(&fake, cases[i].head, FAKE_KEEP);
        fake_port_reply(&fake, ok_plain, FAKE_KEEP);
        assert_int_equal(update_org("role_123", &role), OARC_OK);
        assert_int_equal(fake.sleep_count, 1);
        assert_int_equal(fake.sleeps[0], cases[i].sleep);
    }
}

/* The one entry point every operation goes through refuses what it cannot
 * send, before connecting. */
static void client_call_refuses_bad_arguments(void **state)
{
    (void)state;
    setup_default();
    oarc_json_doc doc;
    const oarc_span path = { "/v1/x", 5 };
    assert_int_equal(oarc_client_call(NULL, OARC_HTTP_GET, path, false, 0, &doc), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_client_call(&client, OARC_HTTP_GET, path, false, 0, NULL),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_client_call(&client, OARC_HTTP_GET, (oarc_span){ NULL, 0 }, false, 0, &doc),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_client_call(&client, OARC_HTTP_POST, path, true,
                                      OARC_TX_BUFFER_SIZE + 1u, &doc),
                     OARC_ERR_ARGUMENT);
    assert_int_equal(fake.connects, 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(org_update_request_on_the_wire),
    cmocka_unit_test(project_update_encodes_path),
    cmocka_unit_test(chunked_reply_three_bytes_at_a_time),
    cmocka_unit_test(keep_alive_reuses_one_connection),
    cmocka_unit_test(connection_close_header_reconnects_next_time),
    cmocka_unit_test(stale_keep_alive_is_reopened_transparently),
    cmocka_unit_test(retry_429_honours_retry_after),
    cmocka_unit_test(retry_after_ms_wins),
    cmocka_unit_test(retry_after_over_60s_falls_back_to_backoff),
    cmocka_unit_test(server_errors_back_off_then_give_up),
    cmocka_unit_test(client_errors_are_not_retried_and_decoded),
    cmocka_unit_test(x_should_retry_false_overrides),
    cmocka_unit_test(x_should_retry_true_overrides),
    cmocka_unit_test(never_sleeps_past_the_deadline),
    cmocka_unit_test(stall_times_out_at_the_deadline),
    cmocka_unit_test(close_mid_body_is_retried),
    cmocka_unit_test(body_delimited_by_close),
    cmocka_unit_test(connect_timeout_from_config),
    cmocka_unit_test(deinit_of_a_zeroed_client_is_harmless),
    cmocka_unit_test(reset_mid_headers_is_retried),
    cmocka_unit_test(connect_failure_is_retried),
    cmocka_unit_test(retries_exhausted_on_connect),
    cmocka_unit_test(admin_key_is_wiped_from_tx),
    cmocka_unit_test(admin_key_is_wiped_after_every_attempt),
    cmocka_unit_test(admin_key_is_wiped_after_a_get),
    cmocka_unit_test(admin_key_is_wiped_when_the_call_fails),
    cmocka_unit_test(shape_error_names_the_field),
    cmocka_unit_test(bad_ids_send_nothing),
    cmocka_unit_test(bad_bodies_send_nothing),
    cmocka_unit_test(init_refuses_bad_config),
    cmocka_unit_test(organization_header_is_sent),
    cmocka_unit_test(max_retries_zero_means_one_attempt),
    cmocka_unit_test(oversized_response_is_refused),
    cmocka_unit_test(init_refuses_incomplete_port_and_oversized_strings),
    cmocka_unit_test(deinit_closes_and_forgets_the_key),
    cmocka_unit_test(send_failure_ends_the_call),
    cmocka_unit_test(short_sends_are_completed),
    cmocka_unit_test(deadline_passes_during_send),
    cmocka_unit_test(deadline_passes_during_receive),
    cmocka_unit_test(kept_alive_connection_lost_mid_answer_is_not_reopened),
    cmocka_unit_test(status_408_and_409_are_retried_and_3xx_is_not),
    cmocka_unit_test(dns_and_connect_timeout_are_retried),
    cmocka_unit_test(backoff_doubles_up_to_the_cap),
    cmocka_unit_test(entropy_failure_backs_off_without_jitter),
    cmocka_unit_test(head_that_does_not_fit_tx_sends_nothing),
    cmocka_unit_test(stale_connection_at_the_deadline_is_not_reopened),
    cmocka_unit_test(retry_after_zero_and_sixty_seconds),
    cmocka_unit_test(client_call_refuses_bad_arguments),
};

OARC_TEST_MAIN(tests)
