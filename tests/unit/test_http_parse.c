/**
 * @file test_http_parse.c
 * @brief The incremental response parser: framing, the headers the client
 * uses, every smuggling shape refused on its own, limits, and the promise that
 * any split of the input gives the same result.
 */
#include "test_main.h"

#include "http.h"

#define CAP 512u

static char buf[CAP];
static oarc_http_response resp;

/*
 * Feeds in[0..len) in pieces of at most `piece` bytes (0: as much as fits),
 * then reports the close when `close` is set. Returns the first failure or
 * the final status; *complete as the last call left it.
 */
static oarc_status run_split(const char *in, size_t len, size_t cap, size_t max_head,
                             size_t piece, bool close, bool *complete)
{
    size_t off = 0u;
    memset(buf, '#', sizeof buf);
    oarc_http_response_init(&resp, buf, cap, max_head);
    *complete = false;
    while (off < len) {
        size_t avail = 0u;
        char *space = oarc_http_response_space(&resp, &avail);
        size_t n = len - off;
        assert_non_null(space);
        assert_true(avail > 0u); /* a feed that filled it would have failed */
        if (n > avail) {
            n = avail;
        }
        if (piece != 0u && n > piece) {
            n = piece;
        }
        memcpy(space, in + off, n);
        off += n;
        oarc_status st = oarc_http_response_feed(&resp, n, complete);
        if (st != OARC_OK) {
            return st;
        }
    }
    return close ? oarc_http_response_closed(&resp, complete) : OARC_OK;
}

static oarc_status run(const char *in, bool close, bool *complete)
{
    return run_split(in, strlen(in), CAP, 256u, 0u, close, complete);
}

static void expect_body(const char *want)
{
    assert_int_equal(resp.body_len, strlen(want));
    assert_memory_equal(resp.body, want, resp.body_len);
}

static void expect_status(const char *in, oarc_status want)
{
    bool complete = true;
    assert_int_equal(run(in, true, &complete), want);
    assert_false(complete);
}

/* ------------------------------------------------------------- framing */

static void content_length_body(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 11\r\n\r\n{\"id\":\"r1\"}", false, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(resp.status, 200);
    assert_true(resp.keep_alive);
    assert_true(resp.head_done);
    assert_true(resp.any_byte);
    assert_null(resp.request_id.ptr);
    assert_false(resp.has_retry_after);
    assert_int_equal(resp.should_retry, -1);
    expect_body("{\"id\":\"r1\"}");
}

static void content_length_zero(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(resp.body_len, 0);
}

static const char chunked_response[] =
    "HTTP/1.1 200 OK\r\n"
    "Transfer-Encoding: chunked\r\n"
    "x-request-id: req_abc123\r\n"
    "\r\n"
    "5;name=value\r\n"
    "{\"id\"\r\n"
    "A ; a=\"b;c\"\r\n"
    ":\"role_1\"}\r\n"
    "0\r\n"
    "X-Trailer: ignored\r\n"
    "Another:\r\n"
    "\r\n";

static void chunked_with_extensions_and_trailers(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run(chunked_response, false, &complete), OARC_OK);
    assert_true(complete);
    assert_true(resp.keep_alive);
    expect_body("{\"id\":\"role_1\"}");
    assert_string_equal(resp.request_id.ptr, "req_abc123");
    /* The body is contiguous right after the head. */
    assert_ptr_equal(resp.body, buf + (strstr(chunked_response, "\r\n\r\n") - chunked_response) + 4);
}

/* Snapshot of every result field, to compare two runs. */
typedef struct outcome {
    oarc_status st;
    bool complete;
    int status;
    bool keep_alive;
    char request_id[32];
    bool has_retry_after;
    uint32_t retry_after_ms;
    int8_t should_retry;
    char body[64];
    size_t body_len;
} outcome;

static outcome snapshot(const char *in, size_t piece)
{
    outcome o;
    memset(&o, 0, sizeof o);
    o.st = run_split(in, strlen(in), CAP, 256u, piece, false, &o.complete);
    o.status = resp.status;
    o.keep_alive = resp.keep_alive;
    if (resp.request_id.ptr != NULL) {
        assert_true(resp.request_id.len < sizeof o.request_id);
        memcpy(o.request_id, resp.request_id.ptr, resp.request_id.len + 1u);
    }
    o.has_retry_after = resp.has_retry_after;
    o.retry_after_ms = resp.retry_after_ms;
    o.should_retry = resp.should_retry;
    o.body_len = resp.body_len;
    if (resp.body != NULL) {
        assert_true(resp.body_len <= sizeof o.body);
        memcpy(o.body, resp.body, resp.body_len);
    }
    return o;
}

static void expect_same(const outcome *a, const outcome *b)
{
    assert_int_equal(a->st, b->st);
    assert_int_equal(a->complete, b->complete);
    assert_int_equal(a->status, b->status);
    assert_int_equal(a->keep_alive, b->keep_alive);
    assert_string_equal(a->request_id, b->request_id);
    assert_int_equal(a->has_retry_after, b->has_retry_after);
    assert_int_equal(a->retry_after_ms, b->retry_after_ms);
    assert_int_equal(a->should_retry, b->should_retry);
    assert_int_equal(a->body_len, b->body_len);
    assert_memory_equal(a->body, b->body, a->body_len);
}

/* Feeds the head of the input, then the rest, for every split point. */
static void chunked_split_at_every_offset(void **state)
{
    (void)state;
    outcome whole = snapshot(chunked_response, 0u);
    assert_int_equal(whole.st, OARC_OK);
    assert_true(whole.complete);
    for (size_t cut = 1u; cut < sizeof chunked_response - 1u; cut++) {
        bool complete = false;
        oarc_http_response_init(&resp, buf, CAP, 256u);
        size_t avail = 0u;
        memcpy(oarc_http_response_space(&resp, &avail), chunked_response, cut);
        assert_int_equal(oarc_http_response_feed(&resp, cut, &complete), OARC_OK);
        assert_false(complete);
        size_t rest = sizeof chunked_response - 1u - cut;
        memcpy(oarc_http_response_space(&resp, &avail), chunked_response + cut, rest);
        assert_int_equal(oarc_http_response_feed(&resp, rest, &complete), OARC_OK);
        assert_true(complete);
        expect_body(whole.body);
        assert_string_equal(resp.request_id.ptr, whole.request_id);
    }
}

static void chunked_one_byte_at_a_time(void **state)
{
    (void)state;
    outcome whole = snapshot(chunked_response, 0u);
    for (size_t piece = 1u; piece < 8u; piece++) {
        outcome split = snapshot(chunked_response, piece);
        expect_same(&whole, &split);
    }
}

static void headers_split_one_byte_at_a_time(void **state)
{
    (void)state;
    static const char in[] =
        "HTTP/1.1 100 Continue\r\n\r\n"
        "HTTP/1.1 429 Too Many Requests\r\n"
        "retry-after: 3\r\nretry-after-ms: 1500.5\r\nx-should-retry: true\r\n"
        "x-request-id: req_9\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";
    outcome whole = snapshot(in, 0u);
    outcome bytes = snapshot(in, 1u);
    assert_int_equal(whole.status, 429);
    assert_int_equal(whole.retry_after_ms, 1501);
    expect_same(&whole, &bytes);
}

static void close_delimited_body(void **state)
{
    (void)state;
    bool complete = true;
    assert_int_equal(run("HTTP/1.1 200 OK\r\n\r\n{\"a\":1}", false, &complete), OARC_OK);
    assert_false(complete);
    assert_int_equal(oarc_http_response_closed(&resp, &complete), OARC_OK);
    assert_true(complete);
    assert_false(resp.keep_alive);
    expect_body("{\"a\":1}");
}

static void no_content_204(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 204 No Content\r\nx-request-id: r\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(resp.status, 204);
    assert_true(resp.keep_alive);
    assert_int_equal(resp.body_len, 0);
}

static void not_modified_304_has_no_body(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(resp.body_len, 0);
}

static void continue_then_ok(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 100 Continue\r\nx-request-id: interim\r\n\r\n"
                         "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                         "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}", false, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(resp.status, 201);
    assert_null(resp.request_id.ptr); /* the interim's header is forgotten */
    /* The final head now starts the buffer. */
    assert_memory_equal(buf, "HTTP/1.1 201", 12);
    expect_body("{}");
}

static void switching_protocols_refused(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 101 Switching Protocols\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
}

static void connection_close(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nConnection: Upgrade , CLOSE\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_true(complete);
    assert_false(resp.keep_alive);
}

static void http10_closes_unless_keep_alive(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    assert_false(resp.keep_alive);
    assert_int_equal(run("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_true(resp.keep_alive);
    assert_int_equal(run("HTTP/1.0 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_false(resp.keep_alive);
}

static void empty_reason_phrase(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n", false, &complete), OARC_OK);
    assert_int_equal(resp.status, 404);
    assert_int_equal(run("HTTP/1.1 500\r\nContent-Length: 0\r\n\r\n", false, &complete), OARC_OK);
    assert_int_equal(resp.status, 500);
    assert_true(complete);
}

/* ------------------------------------------------------- used headers */

static void request_id_in_place(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nX-Request-ID: \t req_0123  \r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.request_id.len, 8);
    assert_string_equal(resp.request_id.ptr, "req_0123");
    assert_true(resp.request_id.ptr > buf && resp.request_id.ptr < buf + CAP);
}

static void retry_after_seconds(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 429 Too Many\r\nRetry-After: 20\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_true(resp.has_retry_after);
    assert_int_equal(resp.retry_after_ms, 20000);
    /* Beyond 32 bits of milliseconds: saturates. */
    assert_int_equal(run("HTTP/1.1 429 Too Many\r\nRetry-After: 99999999999\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.retry_after_ms, UINT32_MAX);
}

static void retry_after_http_date_ignored(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 503 Busy\r\nRetry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\n"
                         "Content-Length: 0\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    assert_false(resp.has_retry_after);
    assert_int_equal(resp.retry_after_ms, 0);
}

static void retry_after_ms_wins_either_order(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 429 x\r\nretry-after: 7\r\nretry-after-ms: 250\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.retry_after_ms, 250);
    assert_int_equal(run("HTTP/1.1 429 x\r\nretry-after-ms: 250\r\nretry-after: 7\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.retry_after_ms, 250);
    assert_true(resp.has_retry_after);
}

static void retry_after_ms_fraction_rounds_up(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 429 x\r\nretry-after-ms: 1500.5\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.retry_after_ms, 1501);
    assert_int_equal(run("HTTP/1.1 429 x\r\nretry-after-ms: 1500.000\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.retry_after_ms, 1500);
    /* Not a number: ignored, and retry-after still counts. */
    assert_int_equal(run("HTTP/1.1 429 x\r\nretry-after-ms: 1e3\r\nretry-after: 2\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.retry_after_ms, 2000);
}

static void should_retry_true_false(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 500 x\r\nx-should-retry: true\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.should_retry, 1);
    assert_int_equal(run("HTTP/1.1 500 x\r\nx-should-retry: false\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.should_retry, 0);
    assert_int_equal(run("HTTP/1.1 500 x\r\nx-should-retry: maybe\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_int_equal(resp.should_retry, -1);
}

static void header_names_mixed_case(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh: 2\r\nX-REQUEST-ID: r\r\n"
                         "RETRY-AFTER: 1\r\nconnection: CLOSE\r\n\r\n{}", false, &complete), OARC_OK);
    assert_true(complete);
    expect_body("{}");
    assert_string_equal(resp.request_id.ptr, "r");
    assert_int_equal(resp.retry_after_ms, 1000);
    assert_false(resp.keep_alive);
}

/* Names are compared a word at a time with case folded by bit 0x20: a
 * near miss ('_' for '-', which folds to DEL; a name one byte longer; one
 * letter off) must not count as the header. */
static void near_miss_header_names_are_not_used(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nContent_Length: 2\r\nX-Request-Ida: r\r\n"
                         "Connection-: close\r\n\r\n{}", true, &complete), OARC_OK);
    assert_true(complete);
    expect_body("{}"); /* no length: the body ran to the close */
    assert_null(resp.request_id.ptr);
    assert_false(resp.keep_alive);
    assert_int_equal(run("HTTP/1.1 200 OK\r\nContent-Lengtj: 2\r\nCONNECTION: keep-alive\r\n\r\n{}",
                         true, &complete), OARC_OK);
    expect_body("{}");
}

static void chunked_value_case_insensitive(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nTransfer-Encoding:  CHUNKED \r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                         false, &complete), OARC_OK);
    assert_true(complete);
    expect_body("{}");
}

static void repeated_identical_content_length_ok(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2, 02\r\n\r\n{}",
                         false, &complete), OARC_OK);
    assert_true(complete);
    expect_body("{}");
}

/* ---------------------------------------------------------- smuggling */

static void smuggle_length_and_chunked(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_differing_lengths(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x",
                  OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_differing_length_list(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n{}x", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 2,\r\n\r\n{}", OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_folded_header(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nx-request-id: a\r\n b\r\nContent-Length: 0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\n\tContent-Length: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_negative_length(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_non_numeric_length(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\n{}", OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_overflowing_length(void **state)
{
    (void)state;
    char in[128];
    /* 2^64 and beyond: no length variable holds it. */
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551616\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999999\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    /* SIZE_MAX is where saturation lands, so it counts as overflow too... */
    snprintf(in, sizeof in, "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n", (size_t)SIZE_MAX);
    expect_status(in, OARC_ERR_HTTP_PROTOCOL);
    /* ...one less is a number, just far beyond the buffer. */
    snprintf(in, sizeof in, "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n", (size_t)SIZE_MAX - 1u);
    expect_status(in, OARC_ERR_HTTP_BODY_TOO_LARGE);
}

static void smuggle_other_transfer_coding(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_bad_chunk_size(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1g\r\nx\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n 1\r\nx\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
}

static void smuggle_overflowing_chunk_size(void **state)
{
    (void)state;
    /* 17 hex digits: 2^64 or more; then SIZE_MAX, where saturation lands. */
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    char in[128];
    snprintf(in, sizeof in, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%zx\r\n", (size_t)SIZE_MAX);
    expect_status(in, OARC_ERR_HTTP_PROTOCOL);
    snprintf(in, sizeof in, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%zX\r\n", (size_t)SIZE_MAX - 1u);
    expect_status(in, OARC_ERR_HTTP_BODY_TOO_LARGE);
    /* Leading zeros are still one small number. */
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "00000000000000000000002\r\n{}\r\n0\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
}

static void smuggle_chunk_without_crlf(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}x\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\rx0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
}

static void bad_status_lines(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/2 200 OK\r\n\r\n",
        "http/1.1 200 OK\r\n\r\n", "HTTP/1.1  200 OK\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n",
        "HTTP/1.1 600 High\r\n\r\n", "HTTP/1.2 200 OK\r\n\r\n", "\r\nHTTP/1.1 200 OK\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        expect_status(lines[i], OARC_ERR_HTTP_PROTOCOL);
    }
}

/* Where a chunk size may have whitespace: spaces before ';' only. A tab
 * there, or whitespace ending the line, is refused: http-parser (the
 * differential fuzzer's reference) reads those differently. */
static void chunk_size_whitespace(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "1  ;x\r\na\r\n0\r\n\r\n", false, &complete), OARC_OK);
    expect_body("a");
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\t;x\r\na\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1 \r\na\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\t\t\r\na\r\n0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
}

/* A field name is a token: a separator in it ends it where parsers differ. */
static void header_name_must_be_a_token(void **state)
{
    (void)state;
    bool complete = false;
    assert_int_equal(run("HTTP/1.1 200 OK\r\nX-A!#$%&'*+-.^_`|~9: v\r\nContent-Length: 0\r\n\r\n",
                         false, &complete), OARC_OK);
    static const char *const names[] = { "x-reque(st-id", "a\"b", "a/b", "a[b]", "a{b", "a,b",
                                         "a;b", "a=b", "a?b", "a@b", "a\\b", "\xc3\xa9" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char in[128];
        snprintf(in, sizeof in, "HTTP/1.1 200 OK\r\n%s: v\r\nContent-Length: 0\r\n\r\n", names[i]);
        expect_status(in, OARC_ERR_HTTP_PROTOCOL);
    }
}

static void header_without_colon(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\n: empty name\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    /* A line that is all name: no byte ends the token. */
    expect_status("HTTP/1.1 200 OK\r\nContent-Length\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
}

static void space_before_colon(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length\t: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
}

static void bare_line_ends_and_controls(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nx-a: b\rContent-Length: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nx-a: b\x01\r\nContent-Length: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nx-a: b\x7f\r\nContent-Length: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    /* NUL needs an explicit length. */
    static const char nul[] = "HTTP/1.1 200 OK\r\nx-a: b\0c\r\nContent-Length: 0\r\n\r\n";
    bool complete = true;
    assert_int_equal(run_split(nul, sizeof nul - 1u, CAP, 256u, 0u, true, &complete),
                     OARC_ERR_HTTP_PROTOCOL);
}

static void bad_trailer(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nno colon\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
}

static void bytes_after_complete(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200 OK\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nx", OARC_ERR_HTTP_PROTOCOL);
}

static void feed_after_complete(void **state)
{
    (void)state;
    bool complete = false;
    size_t avail = 0u;
    assert_int_equal(run("HTTP/1.1 204 No Content\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    /* Feeding nothing changes nothing. */
    assert_int_equal(oarc_http_response_feed(&resp, 0, &complete), OARC_OK);
    assert_true(complete);
    *oarc_http_response_space(&resp, &avail) = 'H';
    assert_int_equal(oarc_http_response_feed(&resp, 1, &complete), OARC_ERR_HTTP_PROTOCOL);
    assert_false(complete);
    /* The failure sticks. */
    assert_int_equal(oarc_http_response_closed(&resp, &complete), OARC_ERR_HTTP_PROTOCOL);
    assert_false(complete);
}

/* ------------------------------------------------------------- limits */

static const char head_of_64[] = /* exactly 64 bytes, blank line included */
    "HTTP/1.1 200 OK\r\n"
    "x-pad: 012345678901234567890123456789012345\r\n"
    "\r\n"
    "{}";

static void head_exactly_max_head(void **state)
{
    (void)state;
    assert_int_equal(strstr(head_of_64, "\r\n\r\n") + 4 - head_of_64, 64);
    for (size_t piece = 0u; piece < 3u; piece++) {
        bool complete = false;
        assert_int_equal(run_split(head_of_64, sizeof head_of_64 - 1u, CAP, 64u, piece, true, &complete),
                         OARC_OK);
        assert_true(complete);
        expect_body("{}");
    }
}

static void head_too_large(void **state)
{
    (void)state;
    for (size_t piece = 0u; piece < 3u; piece++) {
        bool complete = true;
        assert_int_equal(run_split(head_of_64, sizeof head_of_64 - 1u, CAP, 63u, piece, true, &complete),
                         OARC_ERR_HTTP_HEAD_TOO_LARGE);
        assert_false(complete);
    }
    /* A head that never ends fails as soon as it reaches the limit. */
    bool complete = true;
    static const char endless[] = "HTTP/1.1 200 OK\r\nx: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    assert_int_equal(run_split(endless, sizeof endless - 1u, CAP, 16u, 1u, false, &complete),
                     OARC_ERR_HTTP_HEAD_TOO_LARGE);
    assert_int_equal(resp.used, 16);
}

static void body_too_large_by_length(void **state)
{
    (void)state;
    static const char in[] = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n12345";
    bool complete = false;
    /* Exactly fits... */
    assert_int_equal(run_split(in, sizeof in - 1u, sizeof in - 1u, 64u, 0u, false, &complete), OARC_OK);
    assert_true(complete);
    expect_body("12345");
    /* ...one byte less does not, and says so before any body arrives. */
    assert_int_equal(run_split(in, sizeof in - 6u, sizeof in - 2u, 64u, 0u, false, &complete),
                     OARC_ERR_HTTP_BODY_TOO_LARGE);
    assert_int_equal(buf[sizeof in - 2u], '#');
}

static void body_too_large_chunked(void **state)
{
    (void)state;
    static const char in[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "a\r\n0123456789\r\n0\r\n\r\n";
    size_t head = sizeof "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" - 1u;
    for (size_t piece = 0u; piece < 2u; piece++) {
        bool complete = false;
        /* Framing is consumed as it comes, so body + the last line fit. */
        assert_int_equal(run_split(in, sizeof in - 1u, head + 10u + 5u, 64u, piece, false, &complete),
                         OARC_OK);
        assert_true(complete);
        expect_body("0123456789");
        /* The chunk itself cannot fit. */
        assert_int_equal(run_split(in, sizeof in - 1u, head + 9u, 64u, piece, false, &complete),
                         OARC_ERR_HTTP_BODY_TOO_LARGE);
        assert_int_equal(buf[head + 9u], '#');
    }
}

static void body_too_large_close_delimited(void **state)
{
    (void)state;
    static const char in[] = "HTTP/1.1 200 OK\r\n\r\n0123456789";
    bool complete = false;
    /* A close-delimited body needs one spare byte: a full buffer cannot tell "done". */
    assert_int_equal(run_split(in, sizeof in - 1u, sizeof in, 64u, 0u, true, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(run_split(in, sizeof in - 1u, sizeof in - 1u, 64u, 0u, true, &complete),
                     OARC_ERR_HTTP_BODY_TOO_LARGE);
}

static void truncated_at_close(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Len", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n{}", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n", OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", OARC_ERR_HTTP_PROTOCOL);
    /* Nothing at all: also truncated, and any_byte tells the client so. */
    bool complete = true;
    assert_int_equal(run("", true, &complete), OARC_ERR_HTTP_PROTOCOL);
    assert_false(resp.any_byte);
}

static void space_reclaims_chunk_framing(void **state)
{
    (void)state;
    static const char in[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "1;long-extension=xxxxxxxxxxxxxxxx\r\n{\r\n1\r\n}\r\n";
    size_t head = sizeof "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" - 1u;
    size_t avail = 0u;
    bool complete = true;
    assert_int_equal(run_split(in, sizeof in - 1u, CAP, 256u, 0u, false, &complete), OARC_OK);
    assert_false(complete);
    /* Only head and the two body bytes are held; the rest is free again. */
    assert_ptr_equal(oarc_http_response_space(&resp, &avail), buf + head + 2u);
    assert_int_equal(avail, CAP - head - 2u);
    expect_body("{}");
}

static void refuses_bad_arguments(void **state)
{
    (void)state;
    bool complete = true;
    size_t avail = 99u;
    oarc_http_response_init(&resp, NULL, 10, 10);
    assert_null(oarc_http_response_space(&resp, &avail));
    assert_int_equal(avail, 0);
    assert_int_equal(oarc_http_response_feed(&resp, 0, &complete), OARC_ERR_ARGUMENT);
    assert_false(complete);
    assert_int_equal(oarc_http_response_feed(NULL, 0, &complete), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_response_closed(NULL, &complete), OARC_ERR_ARGUMENT);
    /* More than the space holds. */
    oarc_http_response_init(&resp, buf, 8, 8);
    assert_int_equal(oarc_http_response_feed(&resp, 9, &complete), OARC_ERR_ARGUMENT);
}

/* retry-after-ms at its bounds: saturates at 32 bits and never rounds past
 * them; retry-after takes whole seconds only; a fraction must be digits. */
static void retry_after_bounds_and_fractions(void **state)
{
    (void)state;
    static const struct {
        const char *header;
        bool has;
        uint32_t ms;
    } cases[] = {
        { "retry-after-ms: 99999999999", true, UINT32_MAX },
        { "retry-after-ms: 4294967295.5", true, UINT32_MAX }, /* no wrap to 0 */
        { "retry-after-ms: 4294967294.5", true, UINT32_MAX },
        { "retry-after-ms: 0.25", true, 1 },
        { "retry-after-ms: 1.5x", false, 0 },
        { "retry-after-ms: .5", false, 0 },
        { "retry-after: 2.5", false, 0 },
        { "retry-after: 4294967", true, 4294967000u },
        { "retry-after: 4294968", true, UINT32_MAX },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char in[256];
        bool complete = false;
        snprintf(in, sizeof in, "HTTP/1.1 429 x\r\n%s\r\nContent-Length: 0\r\n\r\n",
                 cases[i].header);
        assert_int_equal(run(in, false, &complete), OARC_OK);
        assert_true(complete);
        assert_int_equal(resp.has_retry_after, cases[i].has);
        assert_int_equal(resp.retry_after_ms, cases[i].ms);
    }
}

/* A field name is a token: a byte over 0x7E in it, or a status code run into
 * its reason, is malformed, not guessed at. */
static void malformed_field_name_and_status_line(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nX-\x80name: y\r\nContent-Length: 0\r\n\r\n",
                  OARC_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200OK\r\nContent-Length: 0\r\n\r\n", OARC_ERR_HTTP_PROTOCOL);
    bool complete = false; /* no reason at all is fine */
    assert_int_equal(run("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    assert_int_equal(resp.status, 200);
}

/* The response API's remaining edges: no avail pointer, a NULL complete,
 * max_head 0 or over cap meaning cap, a close after a complete answer. */
static void response_api_edges(void **state)
{
    (void)state;
    bool complete = false;
    assert_null(oarc_http_response_space(NULL, NULL));
    oarc_http_response_init(NULL, buf, CAP, 0); /* harmless */
    oarc_http_response_init(&resp, buf, CAP, 0);
    assert_int_equal(resp.max_head, CAP);
    oarc_http_response_init(&resp, buf, 16, 64);
    assert_int_equal(resp.max_head, 16);
    assert_ptr_equal(oarc_http_response_space(&resp, NULL), buf);
    assert_int_equal(oarc_http_response_feed(&resp, 0, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(oarc_http_response_closed(&resp, NULL), OARC_ERR_ARGUMENT);
    assert_int_equal(run("HTTP/1.1 204 No Content\r\n\r\n", false, &complete), OARC_OK);
    assert_true(complete);
    complete = false;
    assert_int_equal(oarc_http_response_closed(&resp, &complete), OARC_OK);
    assert_true(complete);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(content_length_body),
    cmocka_unit_test(content_length_zero),
    cmocka_unit_test(chunked_with_extensions_and_trailers),
    cmocka_unit_test(chunked_split_at_every_offset),
    cmocka_unit_test(chunked_one_byte_at_a_time),
    cmocka_unit_test(headers_split_one_byte_at_a_time),
    cmocka_unit_test(close_delimited_body),
    cmocka_unit_test(no_content_204),
    cmocka_unit_test(not_modified_304_has_no_body),
    cmocka_unit_test(continue_then_ok),
    cmocka_unit_test(switching_protocols_refused),
    cmocka_unit_test(connection_close),
    cmocka_unit_test(http10_closes_unless_keep_alive),
    cmocka_unit_test(empty_reason_phrase),
    cmocka_unit_test(request_id_in_place),
    cmocka_unit_test(retry_after_seconds),
    cmocka_unit_test(retry_after_http_date_ignored),
    cmocka_unit_test(retry_after_ms_wins_either_order),
    cmocka_unit_test(retry_after_ms_fraction_rounds_up),
    cmocka_unit_test(should_retry_true_false),
    cmocka_unit_test(header_names_mixed_case),
    cmocka_unit_test(chunked_value_case_insensitive),
    cmocka_unit_test(repeated_identical_content_length_ok),
    cmocka_unit_test(smuggle_length_and_chunked),
    cmocka_unit_test(smuggle_differing_lengths),
    cmocka_unit_test(smuggle_differing_length_list),
    cmocka_unit_test(smuggle_folded_header),
    cmocka_unit_test(smuggle_negative_length),
    cmocka_unit_test(smuggle_non_numeric_length),
    cmocka_unit_test(smuggle_overflowing_length),
    cmocka_unit_test(smuggle_other_transfer_coding),
    cmocka_unit_test(smuggle_bad_chunk_size),
    cmocka_unit_test(smuggle_overflowing_chunk_size),
    cmocka_unit_test(smuggle_chunk_without_crlf),
    cmocka_unit_test(bad_status_lines),
    cmocka_unit_test(header_without_colon),
    cmocka_unit_test(chunk_size_whitespace),
    cmocka_unit_test(header_name_must_be_a_token),
    cmocka_unit_test(space_before_colon),
    cmocka_unit_test(bare_line_ends_and_controls),
    cmocka_unit_test(bad_trailer),
    cmocka_unit_test(bytes_after_complete),
    cmocka_unit_test(feed_after_complete),
    cmocka_unit_test(head_exactly_max_head),
    cmocka_unit_test(head_too_large),
    cmocka_unit_test(body_too_large_by_length),
    cmocka_unit_test(body_too_large_chunked),
    cmocka_unit_test(body_too_large_close_delimited),
    cmocka_unit_test(truncated_at_close),
    cmocka_unit_test(space_reclaims_chunk_framing),
    cmocka_unit_test(refuses_bad_arguments),
    cmocka_unit_test(retry_after_bounds_and_fractions),
    cmocka_unit_test(malformed_field_name_and_status_line),
    cmocka_unit_test(response_api_edges),
    cmocka_unit_test(near_miss_header_names_are_not_used),
};

OARC_TEST_MAIN(tests)
