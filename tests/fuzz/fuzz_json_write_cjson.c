/**
 * @file fuzz_json_write_cjson.c
 * @brief Every document oarc's JSON writer produces, read back by an
 * independent parser, Debian's cJSON (libcjson-dev), to the same values.
 *
 * The input is a program for the writer: each byte picks an operation
 * (open or close an object or array, a key, a string, an integer, true,
 * false, null, a printable string), and string operations take their bytes
 * from the input. The same program builds the expected tree with cJSON's own
 * constructors. When the writer says OARC_OK, cJSON must parse its output,
 * and the tree must equal the expected one (cJSON_Compare). Strings
 * written with oarc_json_write_printable may be any bytes: the output must
 * still parse, and equal the input whenever that is UTF-8 without NUL.
 * A failure aborts.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "json_write.h"
#include "text.h"

#define OUT_CAP 16384u
#define MAX_DEPTH 24
#define MAX_STRING 64u

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

typedef struct program {
    const uint8_t *p;
    size_t n;
} program;

static bool take(program *pg, uint8_t *b)
{
    if (pg->n == 0u) {
        return false;
    }
    *b = *pg->p++;
    pg->n--;
    return true;
}

/* A string operand: a length byte, then that many bytes (NUL-terminated
 * copy in buf for cJSON, which reads C strings). */
static oarc_span take_string(program *pg, char buf[MAX_STRING + 1u])
{
    uint8_t len = 0;
    (void)take(pg, &len);
    size_t n = len % (MAX_STRING + 1u);
    if (n > pg->n) {
        n = pg->n;
    }
    memcpy(buf, pg->p, n);
    buf[n] = '\0';
    pg->p += n;
    pg->n -= n;
    return (oarc_span){ buf, n };
}

static bool has_nul(oarc_span s)
{
    return memchr(s.ptr, '\0', s.len) != NULL;
}

/* Where the next value goes in the expected tree: under the open container,
 * with the pending key when that is an object. */
typedef struct builder {
    cJSON *stack[MAX_DEPTH + 1];
    int depth;
    cJSON *root;
    char key[MAX_STRING + 1u];
    bool comparable; /* false once a value cJSON cannot hold exactly was written */
} builder;

static void add(builder *b, cJSON *item)
{
    if (b->depth == 0) {
        b->root = item; /* run() stops once there is one */
        return;
    }
    cJSON *top = b->stack[b->depth - 1];
    bool added = cJSON_IsObject(top) ? cJSON_AddItemToObject(top, b->key, item)
                                     : cJSON_AddItemToArray(top, item);
    if (!added) {
        b->comparable = false;
        cJSON_Delete(item);
    }
}

static void run(program *pg, oarc_json_writer *w, builder *b)
{
    char s[MAX_STRING + 1u];
    uint8_t op;

    /* Each round takes at least one byte: bounded by the input's length.
     * The program ends with the first complete top-level value. */
    while ((b->depth > 0 || b->root == NULL) && take(pg, &op)) {
        switch (op % 10u) {
        case 0:
        case 1: {
            cJSON *c = (op % 10u == 0u) ? cJSON_CreateObject() : cJSON_CreateArray();
            if (op % 10u == 0u) {
                oarc_json_write_begin_object(w);
            } else {
                oarc_json_write_begin_array(w);
            }
            add(b, c);
            if (b->depth < MAX_DEPTH) {
                b->stack[b->depth++] = c;
            } else {
                b->comparable = false; /* the writer refuses this depth anyway */
            }
            break;
        }
        case 2:
            if (b->depth > 0 && cJSON_IsObject(b->stack[b->depth - 1])) {
                oarc_json_write_end_object(w);
                b->depth--;
            } else if (b->depth > 0) {
                oarc_json_write_end_array(w);
                b->depth--;
            }
            break;
        case 3: {
            oarc_span k = take_string(pg, b->key);
            oarc_json_write_key(w, k);
            b->comparable &= !has_nul(k);
            /* A repeated key: cJSON_Compare looks members up by name, so
             * two trees that are equal would not compare equal. */
            if (b->depth > 0 && cJSON_GetObjectItemCaseSensitive(b->stack[b->depth - 1], b->key)) {
                b->comparable = false;
            }
            break;
        }
        case 4: {
            oarc_span v = take_string(pg, s);
            oarc_json_write_string(w, v);
            b->comparable &= !has_nul(v);
            add(b, cJSON_CreateString(s));
            break;
        }
        case 5: {
            uint8_t hi = 0;
            uint8_t lo = 0;
            (void)take(pg, &hi);
            (void)take(pg, &lo);
            /* Within +-2^53, where a double (cJSON's number) is exact. */
            int64_t v = ((int64_t)(int8_t)hi * 65536 * 65536 * 65536 / 8) + lo;
            oarc_json_write_int(w, v);
            add(b, cJSON_CreateNumber((double)v));
            break;
        }
        case 6:
            oarc_json_write_bool(w, true);
            add(b, cJSON_CreateTrue());
            break;
        case 7:
            oarc_json_write_bool(w, false);
            add(b, cJSON_CreateFalse());
            break;
        case 8:
            oarc_json_write_null(w);
            add(b, cJSON_CreateNull());
            break;
        default: {
            /* Network text: any bytes. Its value is the input only when the
             * input is UTF-8 without NUL (else bytes become \xHH text). */
            oarc_span v = take_string(pg, s);
            oarc_json_write_printable(w, v);
            if (has_nul(v) || !oarc_utf8_valid(v.ptr, v.len)) {
                b->comparable = false;
            }
            add(b, cJSON_CreateString(s));
            break;
        }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char out[OUT_CAP + 1u];
    static builder b;
    oarc_json_writer w;
    program pg = { data, size };
    size_t len = 0;

    memset(&b, 0, sizeof b);
    b.comparable = true;
    oarc_json_writer_init(&w, out, OUT_CAP);
    run(&pg, &w, &b);
    if (oarc_json_writer_finish(&w, &len) == OARC_OK) {
        out[len] = '\0';
        /* With the NUL: cJSON then checks that nothing follows the value. */
        cJSON *parsed = cJSON_ParseWithLengthOpts(out, len + 1u, NULL, true);
        check(parsed != NULL); /* whatever was written is JSON */
        if (b.comparable) {
            check(b.root != NULL && cJSON_Compare(parsed, b.root, true));
        }
        cJSON_Delete(parsed);
    }
    cJSON_Delete(b.root);
    return 0;
}
