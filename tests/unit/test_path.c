/**
 * @file test_path.c
 * @brief The request path builder: prefix, literals, percent-encoded ID
 * segments, query values, ID refusals and the exact buffer limits.
 */
#include "test_main.h"

#include "url.h"

/* Bytes after the capacity given to the builder: they must never change. */
#define GUARD 0x5A
#define GUARD_LEN 16u

static oarc_url url_with_prefix(const char *prefix)
{
    oarc_url url;

    memset(&url, 0, sizeof url);
    url.tls = true;
    memcpy(url.host, "h", 2);
    url.host_len = 1;
    url.port = 443;
    url.default_port = true;
    url.prefix_len = strlen(prefix);
    memcpy(url.prefix, prefix, url.prefix_len + 1u);
    return url;
}

/* The finished path must be exactly `expected`, NUL included. */
static void assert_path(oarc_path *p, const char *expected)
{
    oarc_span out = { NULL, 99 };
    oarc_status status = oarc_path_finish(p, &out);

    if (status != OARC_OK) {
        print_error("expected '%s', got %s\n", expected, oarc_status_str(status));
    }
    assert_int_equal(status, OARC_OK);
    assert_non_null(out.ptr);
    assert_int_equal(out.len, strlen(expected));
    assert_memory_equal(out.ptr, expected, out.len + 1u);
}

static void assert_path_fails(oarc_path *p, oarc_status expected)
{
    oarc_span out = { "x", 99 };

    assert_int_equal(oarc_path_finish(p, &out), expected);
    assert_null(out.ptr);
    assert_int_equal(out.len, 0);
}

/* One segment "a<id>b"-style check: id encodes to `encoded`. */
static void check_segment(const char *id, const char *encoded)
{
    char buf[OARC_PATH_BUFFER_SIZE];
    char expected[OARC_PATH_BUFFER_SIZE];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_segment(&p, id);
    expected[0] = '/';
    memcpy(expected + 1, encoded, strlen(encoded) + 1u);
    assert_path(&p, expected);
}

static void check_refused(const char *id, oarc_status expected)
{
    char buf[64];
    oarc_url url = url_with_prefix("/v1");
    oarc_path p;

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/organization/roles");
    oarc_path_segment(&p, id);
    assert_path_fails(&p, expected);
}

static void path_org_role(void **state)
{
    char buf[OARC_PATH_BUFFER_SIZE];
    oarc_url url = url_with_prefix("/v1");
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/organization/roles");
    oarc_path_segment(&p, "role_01J1F8ROLE01");
    assert_path(&p, "/v1/organization/roles/role_01J1F8ROLE01");
}

static void path_project_role(void **state)
{
    char buf[OARC_PATH_BUFFER_SIZE];
    oarc_url url = url_with_prefix("/v1");
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/projects");
    oarc_path_segment(&p, "proj_abc123");
    oarc_path_literal(&p, "/roles");
    oarc_path_segment(&p, "role_1");
    assert_path(&p, "/v1/projects/proj_abc123/roles/role_1");
}

static void path_empty_prefix(void **state)
{
    char buf[32];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    assert_path(&p, "");
    oarc_path_literal(&p, "/organization/roles");
    assert_path(&p, "/organization/roles");
}

/* The prefix comes from a parsed URL, copied as it is. */
static void path_prefix_from_parsed_url(void **state)
{
    static const char base[] = "https://api.openai.com/v1/";
    char buf[64];
    oarc_url url;
    oarc_span text = { base, sizeof base - 1u };
    oarc_path p;

    (void)state;
    assert_int_equal(oarc_url_parse(&url, text, false), OARC_OK);
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/organization/roles");
    assert_path(&p, "/v1/organization/roles");
}

static void path_encodes_reserved(void **state)
{
    static const struct {
        const char *id;
        const char *encoded;
    } rows[] = {
        { "a/b", "a%2Fb" },  { "a?b", "a%3Fb" },  { "a#b", "a%23b" },
        { "a%b", "a%25b" },  { "a b", "a%20b" },  { "a+b", "a%2Bb" },
        { "a&b", "a%26b" },  { "a=b", "a%3Db" },  { "a:b", "a%3Ab" },
        { "a;b", "a%3Bb" },  { "a,b", "a%2Cb" },  { "a@b", "a%40b" },
        { "a!b", "a%21b" },  { "a$b", "a%24b" },  { "a'b", "a%27b" },
        { "a(b", "a%28b" },  { "a)b", "a%29b" },  { "a*b", "a%2Ab" },
        { "a[b", "a%5Bb" },  { "a]b", "a%5Db" },  { "a\"b", "a%22b" },
        { "a<b", "a%3Cb" },  { "a>b", "a%3Eb" },  { "a\\b", "a%5Cb" },
        { "a^b", "a%5Eb" },  { "a`b", "a%60b" },  { "a{b", "a%7Bb" },
        { "a|b", "a%7Cb" },  { "a}b", "a%7Db" },  { "/", "%2F" },
        { "%2F", "%252F" },  { "?x=1&y", "%3Fx%3D1%26y" },
    };
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        check_segment(rows[i].id, rows[i].encoded);
    }
}

/* Every UTF-8 byte is encoded, in uppercase hex. */
static void path_encodes_utf8(void **state)
{
    (void)state;
    check_segment("\xc3\xa9", "%C3%A9");                      /* e acute */
    check_segment("caf\xc3\xa9", "caf%C3%A9");
    check_segment("\xe2\x82\xac", "%E2%82%AC");               /* euro sign */
    check_segment("\xf0\x9f\x98\x80", "%F0%9F%98%80");        /* emoji */
    check_segment("\xef\xbf\xbd", "%EF%BF%BD");               /* U+FFFD */
}

static void path_unreserved_pass_through(void **state)
{
    /* Two IDs, as all 66 unreserved characters exceed OARC_MAX_ID_LEN. */
    static const char upper_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    static const char lower[] = "abcdefghijklmnopqrstuvwxyz";
    (void)state;
    check_segment(upper_digits, upper_digits);
    check_segment(lower, lower);
    /* Dots are only refused as a whole segment. */
    check_segment(".a", ".a");
    check_segment("a.", "a.");
    check_segment("...", "...");
    check_segment("a..b", "a..b");
    check_segment("~", "~");
}

static void path_refuses_null_and_empty(void **state)
{
    (void)state;
    check_refused(NULL, OARC_ERR_INVALID_ID);
    check_refused("", OARC_ERR_INVALID_ID);
}

static void path_refuses_dot_segments(void **state)
{
    (void)state;
    check_refused(".", OARC_ERR_INVALID_ID);
    check_refused("..", OARC_ERR_INVALID_ID);
}

static void path_refuses_control_bytes(void **state)
{
    (void)state;
    check_refused("\r", OARC_ERR_INVALID_ID);
    check_refused("\n", OARC_ERR_INVALID_ID);
    check_refused("role\r\nHost: evil", OARC_ERR_INVALID_ID);
    check_refused("a\tb", OARC_ERR_INVALID_ID);
    check_refused("\x01", OARC_ERR_INVALID_ID);
    check_refused("a\x1f", OARC_ERR_INVALID_ID);
    check_refused("\x7f", OARC_ERR_INVALID_ID);
    check_refused("role\x7f", OARC_ERR_INVALID_ID);
}

static void path_refuses_bad_utf8(void **state)
{
    (void)state;
    check_refused("\xc3", OARC_ERR_INVALID_ID);             /* truncated */
    check_refused("a\xc3(", OARC_ERR_INVALID_ID);           /* bad continuation */
    check_refused("\x80", OARC_ERR_INVALID_ID);             /* lone continuation */
    check_refused("\xc0\xaf", OARC_ERR_INVALID_ID);         /* overlong '/' */
    check_refused("\xed\xa0\x80", OARC_ERR_INVALID_ID);     /* surrogate */
    check_refused("\xf4\x90\x80\x80", OARC_ERR_INVALID_ID); /* above U+10FFFF */
    check_refused("\xff", OARC_ERR_INVALID_ID);
}

static void path_id_length_limit(void **state)
{
    char id[OARC_MAX_ID_LEN + 2];
    char expected[OARC_MAX_ID_LEN + 2];

    (void)state;
    memset(id, 'r', OARC_MAX_ID_LEN);
    id[OARC_MAX_ID_LEN] = '\0';
    memcpy(expected, id, sizeof id);
    check_segment(id, expected);

    id[OARC_MAX_ID_LEN] = 'r';
    id[OARC_MAX_ID_LEN + 1] = '\0';
    check_refused(id, OARC_ERR_ID_TOO_LONG);
}

/* A giant unterminated ID is read no further than the limit + 1: the array
 * below has no NUL at all, so AddressSanitizer catches any over-read. */
static void path_unterminated_id(void **state)
{
    char id[OARC_MAX_ID_LEN + 1];

    (void)state;
    memset(id, 'x', sizeof id);
    check_refused(id, OARC_ERR_ID_TOO_LONG);
}

/* The length limit counts bytes before encoding. */
static void path_id_limit_before_encoding(void **state)
{
    char id[OARC_MAX_ID_LEN + 1];
    char expected[3 * OARC_MAX_ID_LEN + 1];

    (void)state;
    memset(id, ' ', OARC_MAX_ID_LEN);
    id[OARC_MAX_ID_LEN] = '\0';
    for (size_t i = 0; i < OARC_MAX_ID_LEN; i++) {
        memcpy(expected + 3 * i, "%20", 3);
    }
    expected[3 * OARC_MAX_ID_LEN] = '\0';
    check_segment(id, expected);
}

/* A path over buf[0..cap), the rest of buf (size bytes) a guard pattern. */
static void guarded_init(oarc_path *p, char *buf, size_t size, size_t cap, const oarc_url *url)
{
    memset(buf, GUARD, size);
    oarc_path_init(p, buf, cap, url);
}

/* No byte of buf from index from on was written. */
static void assert_guard_intact(const char *buf, size_t from, size_t size)
{
    for (size_t i = from; i < size; i++) {
        assert_int_equal(buf[i], GUARD);
    }
}

/* "/ab" plus its NUL fits 4 bytes exactly; with 3 it is refused untouched
 * beyond the capacity. */
static void path_buffer_exactly_full(void **state)
{
    char buf[4 + GUARD_LEN];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    guarded_init(&p, buf, sizeof buf, 4, &url);
    oarc_path_literal(&p, "/ab");
    assert_path(&p, "/ab");
    assert_guard_intact(buf, 4, sizeof buf);
}

static void path_buffer_one_short(void **state)
{
    char buf[3 + GUARD_LEN];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    guarded_init(&p, buf, sizeof buf, 3, &url);
    oarc_path_literal(&p, "/ab");
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(buf[0], '\0'); /* still a (short) string */
    assert_guard_intact(buf, 3, sizeof buf);
}

/* An escape is never split: "/%2F" needs 5 bytes with its NUL. */
static void path_buffer_escape_boundary(void **state)
{
    char buf[5 + GUARD_LEN];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    guarded_init(&p, buf, sizeof buf, 5, &url);
    oarc_path_segment(&p, "/");
    assert_path(&p, "/%2F");

    guarded_init(&p, buf, sizeof buf, 4, &url);
    oarc_path_segment(&p, "/");
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);
    assert_memory_equal(buf, "/\0", 2);
    assert_guard_intact(buf, 4, sizeof buf);
}

/* The unreserved run before an escape does not fit: the escape after it
 * is not written either, nor anything past the capacity. */
static void path_run_before_escape_does_not_fit(void **state)
{
    char buf[6 + GUARD_LEN];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    guarded_init(&p, buf, sizeof buf, 6, &url);
    oarc_path_segment(&p, "abcdef/");
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);
    assert_memory_equal(buf, "/\0", 2);
    assert_guard_intact(buf, 6, sizeof buf);
}

static void path_prefix_does_not_fit(void **state)
{
    char buf[4 + GUARD_LEN];
    oarc_url url = url_with_prefix("/v1");
    oarc_path p;

    (void)state;
    guarded_init(&p, buf, sizeof buf, 3, &url);
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);
    oarc_path_init(&p, buf, 4, &url);
    assert_path(&p, "/v1");
    assert_int_equal(buf[4], GUARD);
}

static void path_query_encoding(void **state)
{
    char buf[OARC_PATH_BUFFER_SIZE];
    oarc_url url = url_with_prefix("/v1");
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/organization/roles");
    oarc_path_query(&p, "limit", OARC_SPAN_LITERAL("10"));
    oarc_path_query(&p, "after", OARC_SPAN_LITERAL("role/1 &x=y+z#?%"));
    oarc_path_query(&p, "order", OARC_SPAN_LITERAL("asc"));
    assert_path(&p, "/v1/organization/roles?limit=10"
                    "&after=role%2F1%20%26x%3Dy%2Bz%23%3F%25&order=asc");
}

static void path_query_empty_and_binary_value(void **state)
{
    static const char nul_inside[] = { 'a', '\0', 'b' };
    char buf[64];
    oarc_url url = url_with_prefix("");
    oarc_span empty = { NULL, 0 };
    oarc_span with_nul = { nul_inside, sizeof nul_inside };
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/r");
    oarc_path_query(&p, "after", empty);
    oarc_path_query(&p, "x", with_nul);
    oarc_path_query(&p, "u", OARC_SPAN_LITERAL("\xc3\xa9\n"));
    assert_path(&p, "/r?after=&x=a%00b&u=%C3%A9%0A");
}

static void path_query_refusals(void **state)
{
    char buf[64];
    oarc_url url = url_with_prefix("");
    oarc_span dangling = { NULL, 3 };
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_query(&p, "after", OARC_SPAN_LITERAL("\xc3("));
    assert_path_fails(&p, OARC_ERR_INVALID_UTF8);

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_query(&p, "after", dangling);
    assert_path_fails(&p, OARC_ERR_ARGUMENT);

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_query(&p, NULL, OARC_SPAN_LITERAL("x"));
    assert_path_fails(&p, OARC_ERR_ARGUMENT);
}

/* Path pieces after the query would land inside its last value. */
static void path_nothing_after_query(void **state)
{
    char buf[64];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_query(&p, "limit", OARC_SPAN_LITERAL("1"));
    oarc_path_literal(&p, "/roles");
    assert_path_fails(&p, OARC_ERR_ARGUMENT);

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_query(&p, "limit", OARC_SPAN_LITERAL("1"));
    oarc_path_segment(&p, "role_1");
    assert_path_fails(&p, OARC_ERR_ARGUMENT);
}

static void path_first_failure_sticks(void **state)
{
    char buf[8];
    char long_id[OARC_MAX_ID_LEN + 2];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    memset(long_id, 'x', sizeof long_id - 1u);
    long_id[sizeof long_id - 1u] = '\0';
    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_segment(&p, "..");
    oarc_path_segment(&p, long_id);
    oarc_path_literal(&p, "/a-literal-that-does-not-fit");
    oarc_path_segment(&p, "ok");
    oarc_path_query(&p, "q", OARC_SPAN_LITERAL("v"));
    assert_path_fails(&p, OARC_ERR_INVALID_ID);
    assert_int_equal(buf[0], '\0');

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, "/a-literal-that-does-not-fit");
    oarc_path_segment(&p, "..");
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);
}

static void path_bad_arguments(void **state)
{
    char buf[8];
    oarc_url url = url_with_prefix("");
    oarc_span out = { "x", 1 };
    oarc_path p;

    (void)state;
    oarc_path_init(&p, NULL, sizeof buf, &url);
    oarc_path_literal(&p, "/a");
    assert_path_fails(&p, OARC_ERR_ARGUMENT);

    oarc_path_init(&p, buf, sizeof buf, NULL);
    assert_path_fails(&p, OARC_ERR_ARGUMENT);

    /* A URL whose prefix claims more than a prefix may hold. */
    url.prefix_len = OARC_MAX_PATH_PREFIX_LEN + 1u;
    oarc_path_init(&p, buf, sizeof buf, &url);
    assert_path_fails(&p, OARC_ERR_ARGUMENT);
    url.prefix_len = 0;

    oarc_path_init(&p, buf, 0, &url);
    oarc_path_segment(&p, "a");
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);

    oarc_path_init(&p, buf, sizeof buf, &url);
    oarc_path_literal(&p, NULL);
    assert_path_fails(&p, OARC_ERR_ARGUMENT);

    oarc_path_init(&p, buf, sizeof buf, &url);
    assert_int_equal(oarc_path_finish(&p, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_path_finish(NULL, &out), OARC_ERR_ARGUMENT);
    assert_null(out.ptr);

    /* NULL builders are ignored rather than dereferenced. */
    oarc_path_init(NULL, buf, sizeof buf, &url);
    oarc_path_literal(NULL, "/a");
    oarc_path_segment(NULL, "a");
    oarc_path_query(NULL, "a", OARC_SPAN_LITERAL("b"));
}

/* After the first failure, later parts are not written: the short path
 * stays as it was cut. */
static void path_parts_after_a_failure_do_nothing(void **state)
{
    char buf[3 + GUARD_LEN];
    oarc_url url = url_with_prefix("");
    oarc_path p;

    (void)state;
    guarded_init(&p, buf, sizeof buf, 3, &url);
    oarc_path_literal(&p, "/abc");
    oarc_path_literal(&p, "/d");
    oarc_path_segment(&p, "e");
    oarc_path_query(&p, "f", OARC_SPAN_LITERAL("g"));
    assert_path_fails(&p, OARC_ERR_BUFFER_TOO_SMALL);
    assert_guard_intact(buf, 3, sizeof buf);
}

/* oarc_id_check on its own, the one check behind every ID in a path or a
 * body: each rule, the length it reports, and a NULL len. */
static void id_check_rules(void **state)
{
    char longest[OARC_MAX_ID_LEN + 2];
    size_t len = 99;

    (void)state;
    memset(longest, 'a', sizeof longest - 1u);
    longest[OARC_MAX_ID_LEN] = '\0';
    assert_int_equal(oarc_id_check("role_01", &len), OARC_OK);
    assert_int_equal(len, 7);
    assert_int_equal(oarc_id_check("caf\xc3\xa9 1", NULL), OARC_OK);
    assert_int_equal(oarc_id_check(longest, &len), OARC_OK);
    assert_int_equal(len, OARC_MAX_ID_LEN);
    longest[OARC_MAX_ID_LEN] = 'a';
    longest[OARC_MAX_ID_LEN + 1] = '\0';
    len = 99;
    assert_int_equal(oarc_id_check(longest, &len), OARC_ERR_ID_TOO_LONG);
    assert_int_equal(len, 99); /* untouched on a refusal */
    static const char *const bad[] = { NULL, "", ".", "..", "a\nb", "a\x7f", "\xc3", "\xed\xa0\x80" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(oarc_id_check(bad[i], &len), OARC_ERR_INVALID_ID);
    }
    assert_int_equal(len, 99);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(path_parts_after_a_failure_do_nothing),
    cmocka_unit_test(path_org_role),
    cmocka_unit_test(path_project_role),
    cmocka_unit_test(path_empty_prefix),
    cmocka_unit_test(path_prefix_from_parsed_url),
    cmocka_unit_test(path_encodes_reserved),
    cmocka_unit_test(path_encodes_utf8),
    cmocka_unit_test(path_unreserved_pass_through),
    cmocka_unit_test(path_refuses_null_and_empty),
    cmocka_unit_test(path_refuses_dot_segments),
    cmocka_unit_test(path_refuses_control_bytes),
    cmocka_unit_test(path_refuses_bad_utf8),
    cmocka_unit_test(path_id_length_limit),
    cmocka_unit_test(path_unterminated_id),
    cmocka_unit_test(path_id_limit_before_encoding),
    cmocka_unit_test(path_buffer_exactly_full),
    cmocka_unit_test(path_buffer_one_short),
    cmocka_unit_test(path_buffer_escape_boundary),
    cmocka_unit_test(path_run_before_escape_does_not_fit),
    cmocka_unit_test(path_prefix_does_not_fit),
    cmocka_unit_test(path_query_encoding),
    cmocka_unit_test(path_query_empty_and_binary_value),
    cmocka_unit_test(path_query_refusals),
    cmocka_unit_test(path_nothing_after_query),
    cmocka_unit_test(path_first_failure_sticks),
    cmocka_unit_test(path_bad_arguments),
    cmocka_unit_test(id_check_rules),
};

OARC_TEST_MAIN(tests)
