/**
 * @file fuzz_http_response.c
 * @brief libFuzzer target for the HTTP response parser. The input (after its
 * first byte) is parsed twice: as much as fits at a time, and in pieces whose
 * sizes follow a pattern drawn from the first byte. Both runs must agree on
 * every result, since the client's reads can be split anywhere; a mismatch
 * or a broken invariant aborts, because it is a real bug.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

#define CAP 512u
#define MAX_HEAD 256u

typedef struct run_result {
    oarc_status st;
    bool complete;
    oarc_http_response r;
    char buf[CAP];
} run_result;

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* Piece sizes: seed 0 is one byte at a time, others a little LCG in 1..limit. */
static size_t next_piece(uint32_t *lcg, uint8_t seed)
{
    if (seed == 0u) {
        return 1u;
    }
    *lcg = *lcg * 1103515245u + 12345u;
    return 1u + (size_t)((*lcg >> 16) % (uint32_t)(seed % 32u + 1u));
}

static void parse(const uint8_t *in, size_t len, bool split, uint8_t seed, run_result *out)
{
    oarc_http_response *r = &out->r;
    uint32_t lcg = seed;
    size_t off = 0u;

    memset(out->buf, 0xA5, sizeof out->buf);
    oarc_http_response_init(r, out->buf, CAP, MAX_HEAD);
    out->st = OARC_OK;
    out->complete = false;
    while (off < len && out->st == OARC_OK) {
        size_t avail = 0u;
        char *space = oarc_http_response_space(r, &avail);
        size_t n = len - off;
        /* A feed that filled the buffer unfinished must have failed. */
        check(space != NULL && avail > 0u && avail <= CAP && space + avail == out->buf + CAP);
        if (n > avail) {
            n = avail;
        }
        if (split) {
            size_t piece = next_piece(&lcg, seed);
            n = piece < n ? piece : n;
        }
        memcpy(space, in + off, n);
        off += n;
        out->st = oarc_http_response_feed(r, n, &out->complete);
        check(!out->complete || out->st == OARC_OK);
    }
    if (out->st == OARC_OK) {
        out->st = oarc_http_response_closed(r, &out->complete);
    }
    check(out->complete == (out->st == OARC_OK));
    check(r->any_byte == (len > 0u));
}

static void check_invariants(const run_result *a)
{
    const oarc_http_response *r = &a->r;
    if (a->st != OARC_OK) {
        return;
    }
    check(r->head_done && r->status >= 200 && r->status <= 599);
    check(r->body >= a->buf && r->body_len <= (size_t)(a->buf + CAP - r->body));
    if (r->request_id.ptr != NULL) {
        check(r->request_id.ptr >= a->buf && r->request_id.ptr + r->request_id.len < r->body);
        check(r->request_id.ptr[r->request_id.len] == '\0');
    }
    check(r->should_retry >= -1 && r->should_retry <= 1);
}

static void check_same(const run_result *a, const run_result *b)
{
    const oarc_http_response *x = &a->r;
    const oarc_http_response *y = &b->r;

    check(a->st == b->st && a->complete == b->complete);
    if (a->st != OARC_OK) {
        return;
    }
    check(x->status == y->status && x->keep_alive == y->keep_alive);
    check(x->has_retry_after == y->has_retry_after && x->retry_after_ms == y->retry_after_ms);
    check(x->should_retry == y->should_retry);
    check((x->request_id.ptr == NULL) == (y->request_id.ptr == NULL));
    check(x->request_id.len == y->request_id.len);
    if (x->request_id.ptr != NULL) {
        check(memcmp(x->request_id.ptr, y->request_id.ptr, x->request_id.len) == 0);
    }
    check(x->body - a->buf == y->body - b->buf && x->body_len == y->body_len);
    check(memcmp(x->body, y->body, x->body_len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static run_result whole;
    static run_result pieces;

    if (size == 0u) {
        return 0;
    }
    parse(data + 1, size - 1u, false, data[0], &whole);
    parse(data + 1, size - 1u, true, data[0], &pieces);
    check_invariants(&whole);
    check_same(&whole, &pieces);
    return 0;
}
