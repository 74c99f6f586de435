/**
 * @file fake_port.c
 * @brief The scripted port behind the client's unit tests.
 */
#include "fake_port.h"

#include <string.h>

#include "test_main.h" /* cmocka: the reply helpers fail the running test */

static oarc_status fake_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    fake_port *f = ctx;
    (void)host;
    (void)port;
    oarc_status st = f->connects < FAKE_MAX_CONNECTS ? f->connect_result[f->connects] : OARC_OK;
    f->connects++;
    f->last_connect_ms = timeout_ms;
    if (st == OARC_ERR_TIMEOUT) {
        f->now += timeout_ms;
    }
    f->open = st == OARC_OK;
    f->awaiting_request = true;
    f->current = NULL;
    return st;
}

static int fake_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    fake_port *f = ctx;
    (void)timeout_ms;
    if (!f->open) {
        return OARC_ERR_CLOSED;
    }
    if (f->awaiting_request) {
        f->awaiting_request = false;
        f->requests++;
        f->current = f->next_reply < f->reply_count ? &f->replies[f->next_reply++] : NULL;
        f->offset = 0;
    }
    size_t room = FAKE_SENT_CAP - f->sent_len;
    size_t n = len < room ? len : room;
    memcpy(f->sent + f->sent_len, buf, n);
    f->sent_len += n;
    return (int)len;
}

static int fake_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    fake_port *f = ctx;
    const fake_reply *r = f->current;
    if (!f->open || r == NULL) {
        f->now += timeout_ms; /* nobody will ever answer */
        return OARC_ERR_TIMEOUT;
    }
    size_t total = strlen(r->bytes);
    if (f->offset < total) {
        size_t n = total - f->offset;
        if (f->chunk && n > f->chunk) {
            n = f->chunk;
        }
        if (n > len) {
            n = len;
        }
        memcpy(buf, r->bytes + f->offset, n);
        f->offset += n;
        if (f->offset == total && r->after == FAKE_KEEP) {
            f->awaiting_request = true; /* ready for the next request */
        }
        return (int)n;
    }
    switch (r->after) {
    case FAKE_CLOSE:
        return 0;
    case FAKE_RESET:
        return OARC_ERR_IO;
    case FAKE_STALL:
    case FAKE_KEEP:
    default:
        f->now += timeout_ms;
        return OARC_ERR_TIMEOUT;
    }
}

static void fake_close(void *ctx)
{
    fake_port *f = ctx;
    if (f->open) {
        f->closes++;
    }
    f->open = false;
    f->current = NULL;
}

static uint32_t fake_now(void *ctx)
{
    return ((fake_port *)ctx)->now;
}

static void fake_sleep(void *ctx, uint32_t ms)
{
    fake_port *f = ctx;
    if (f->sleep_count < sizeof(f->sleeps) / sizeof(f->sleeps[0])) {
        f->sleeps[f->sleep_count++] = ms;
    }
    f->now += ms;
}

static oarc_status fake_entropy(void *ctx, uint8_t *out, size_t len)
{
    memset(out, ((fake_port *)ctx)->entropy_byte, len);
    return OARC_OK;
}

void fake_port_init(fake_port *f, oarc_port *port)
{
    memset(f, 0, sizeof(*f));
    f->now = 1000u;
    *port = (oarc_port){ f, fake_connect, fake_send, fake_recv, fake_close,
                         fake_now, fake_sleep, fake_entropy };
}

void fake_port_client(fake_port *f, oarc_client *client)
{
    fake_port_init(f, &f->port);
    oarc_client_config cfg = {
        .base_url = "http://api.test/v1",
        .admin_key = "sk-admin-test-key",
        .port = &f->port,
        .max_retries = 0,
        .allow_insecure_http = true,
    };
    assert_int_equal(oarc_client_init(client, &cfg), OARC_OK);
}

void fake_port_reply(fake_port *f, const char *bytes, fake_after after)
{
    if (f->reply_count < FAKE_MAX_REPLIES) {
        f->replies[f->reply_count++] = (fake_reply){ bytes, after };
    }
}

/* The text slot of the reply about to be queued; NULL when the queue is full. */
static char *reply_slot(fake_port *f)
{
    return f->reply_count < FAKE_MAX_REPLIES ? f->reply_text[f->reply_count] : NULL;
}

/* "name: value\r\n" in out, or "" when value is NULL. */
static const char *header(char *out, size_t cap, const char *name, const char *value)
{
    if (value == NULL) {
        return "";
    }
    int w = snprintf(out, cap, "%s: %s\r\n", name, value);
    assert_true(w > 0 && (size_t)w < cap);
    return out;
}

void fake_reply_json(fake_port *f, const char *request_id, const char *body, fake_after after)
{
    char *r = reply_slot(f);
    if (r == NULL) {
        return;
    }
    char id[128];
    size_t n = strlen(body);
    size_t half = n / 2u;
    int w = snprintf(r, FAKE_REPLY_CAP,
                     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "%sTransfer-Encoding: chunked\r\n\r\n%zx\r\n%.*s\r\n%zx\r\n%s\r\n0\r\n\r\n",
                     header(id, sizeof id, "x-request-id", request_id), half, (int)half, body,
                     n - half, body + half);
    assert_true(half > 0u && w > 0 && (size_t)w < FAKE_REPLY_CAP);
    fake_port_reply(f, r, after);
}

void fake_reply_status(fake_port *f, const char *status_line, const char *content_type,
                       const char *request_id, const char *body)
{
    char *r = reply_slot(f);
    if (r == NULL) {
        return;
    }
    char type[128];
    char id[128];
    int w = snprintf(r, FAKE_REPLY_CAP, "HTTP/1.1 %s\r\n%s%sContent-Length: %zu\r\n\r\n%s",
                     status_line, header(type, sizeof type, "Content-Type", content_type),
                     header(id, sizeof id, "x-request-id", request_id), strlen(body), body);
    assert_true(w > 0 && (size_t)w < FAKE_REPLY_CAP);
    fake_port_reply(f, r, FAKE_KEEP);
}

size_t fake_port_sent_count(const fake_port *f, const char *needle)
{
    size_t n = strlen(needle), count = 0;
    for (size_t i = 0; n && i + n <= f->sent_len; i++) {
        count += memcmp(f->sent + i, needle, n) == 0;
    }
    return count;
}
