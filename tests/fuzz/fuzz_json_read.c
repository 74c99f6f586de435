/**
 * @file fuzz_json_read.c
 * @brief libFuzzer target for the JSON reader: parse any bytes, and when they
 * parse, call every getter on every token, twice, checking what the contract
 * promises (bounded skip, NUL-terminated UTF-8 strings, idempotent decoding).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "text.h"

#define POOL 512

/* A broken promise is a crash, so that libFuzzer keeps the input. */
#define CHECK(cond)        \
    do {                   \
        if (!(cond)) {     \
            abort();       \
        }                  \
    } while (0)

static void check_string(oarc_json_doc *doc, int tok)
{
    oarc_span first;
    oarc_span again;
    oarc_status st = oarc_json_string(doc, tok, &first);

    if (st != OARC_OK) {
        CHECK(st == OARC_ERR_JSON_SHAPE || st == OARC_ERR_JSON_SYNTAX);
        CHECK(oarc_json_string(doc, tok, &again) == st);
        return;
    }
    CHECK(first.ptr >= doc->text && first.ptr + first.len < doc->text + doc->len);
    CHECK(first.ptr[first.len] == '\0');
    CHECK(oarc_utf8_valid(first.ptr, first.len));
    /* The second get must not decode again. */
    CHECK(oarc_json_string(doc, tok, &again) == OARC_OK);
    CHECK(again.ptr == first.ptr && again.len == first.len);
}

static void check_token(oarc_json_doc *doc, int tok)
{
    oarc_span items[4];
    oarc_span s;
    size_t count = 0;
    bool b;
    int64_t n;
    int next = oarc_json_skip(doc, tok);
    oarc_status st;

    CHECK(next > tok && next <= doc->count);
    CHECK(oarc_json_size(doc, tok) <= (size_t)doc->count);
    (void)oarc_json_is_null(doc, tok);
    (void)oarc_json_is_object(doc, tok);
    (void)oarc_json_is_array(doc, tok);
    check_string(doc, tok);
    (void)oarc_json_string_or_null(doc, tok, &s);
    (void)oarc_json_bool(doc, tok, &b);
    (void)oarc_json_int64(doc, tok, &n);
    st = oarc_json_string_array(doc, tok, items, 4, &count);
    CHECK(st != OARC_OK || count <= 4u);
    /* Every member found must be a token inside the object. */
    static const char *const keys[] = { "id", "a", "", "object" };
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        int m = oarc_json_member(doc, tok, keys[k]);

        CHECK(m == OARC_JSON_NONE || (m > tok && m < next && oarc_json_is_object(doc, tok)));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A heap copy of exactly size bytes: the parser writes into the text,
     * and ASan sees any read one byte past its end. */
    char *text = malloc(size > 0u ? size : 1u);
    jsmntok_t pool[POOL];
    oarc_json_doc doc;

    if (text == NULL) {
        return 0;
    }
    if (size > 0u) {
        memcpy(text, data, size);
    }
    if (oarc_json_parse(&doc, text, size, pool, POOL) == OARC_OK) {
        CHECK(doc.count >= 1 && oarc_json_skip(&doc, 0) == doc.count);
        for (int tok = 0; tok < doc.count; tok++) {
            check_token(&doc, tok);
        }
    } else {
        CHECK(doc.count == 0);
    }
    free(text);
    return 0;
}
