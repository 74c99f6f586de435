/**
 * @file seed_probe.c
 * @brief What a device links for the two seed operations' codec: base URL,
 * path, update body, request head, response parser, JSON reader, Role and
 * error decoders. Linked with --gc-sections for the size report only; it is
 * never run. Inputs come from volatile pointers so nothing folds away.
 */
#include "http.h"
#include "json_read.h"
#include "api_error.h"
#include "role_body.h"
#include "role_decode.h"
#include "url.h"

static char tx[OARC_TX_BUFFER_SIZE];
static char rx[OARC_RX_BUFFER_SIZE];
static char path_buf[OARC_PATH_BUFFER_SIZE];
static jsmntok_t tokens[OARC_JSON_MAX_TOKENS];
static oarc_url url;
static oarc_role role;
static oarc_api_error api_error;

const char *volatile probe_text = "https://api.openai.com/v1";
const oarc_role_update *volatile probe_update;
volatile size_t probe_len;

int main(void);

int main(void)
{
    oarc_status st = oarc_url_parse(&url, (oarc_span){ probe_text, probe_len }, false);
    oarc_path p;
    oarc_path_init(&p, path_buf, sizeof(path_buf), &url);
    oarc_path_literal(&p, "/projects");
    oarc_path_segment(&p, probe_text);
    oarc_path_literal(&p, "/roles");
    oarc_path_segment(&p, probe_text);
    oarc_span path;
    st |= oarc_path_finish(&p, &path);

    oarc_json_writer w;
    oarc_json_writer_init(&w, tx, sizeof(tx));
    st |= oarc_role_update_write(&w, probe_update);
    size_t body_len = 0;
    st |= oarc_json_writer_finish(&w, &body_len);
    oarc_http_request req = { OARC_HTTP_POST, { url.host, url.host_len }, url.port,
                              url.default_port, path, { probe_text, probe_len },
                              { NULL, 0 }, true };
    size_t total = 0;
    st |= oarc_http_write_request(tx, sizeof(tx), body_len, &req, &total);

    oarc_http_response r;
    bool complete = false;
    oarc_http_response_init(&r, rx, sizeof(rx), OARC_HTTP_MAX_HEAD_SIZE);
    size_t avail = 0;
    (void)oarc_http_response_space(&r, &avail);
    st |= oarc_http_response_feed(&r, probe_len, &complete);
    st |= oarc_http_response_closed(&r, &complete);

    oarc_json_doc doc;
    st |= oarc_json_parse(&doc, r.body, r.body_len, tokens, OARC_JSON_MAX_TOKENS);
    st |= oarc_role_decode(&doc, 0, &role);
    st |= oarc_api_error_decode(&doc, &api_error);
    return (int)st;
}
