/**
 * @file page_decode.c
 * @brief List pages and their items (see page_decode.h). A page keeps where
 * its items lie in the parsed document rather than the items themselves:
 * decoding one item at a time is what lets a page of any length pass
 * through a fixed, small amount of memory.
 */
#include "page_decode.h"

#include <string.h>

#include "oarc/oarc_role_page.h"

#include "decode_root.h"
#include "json_field.h"
#include "role_decode.h"

/* ---- Envelope --------------------------------------------------------------- */

/* Where the items lie: the document the page reads them from. */
static void page_remember(oarc_role_page *page, const oarc_json_doc *doc, int data,
                          bool assigned)
{
    page->priv.text = doc->text;
    page->priv.text_len = doc->len;
    page->priv.tokens = doc->tokens;
    page->priv.token_count = doc->count;
    page->priv.item_tok = data + 1;
    page->priv.taken = 0;
    page->priv.assigned = assigned;
}

/* The four members in the schema's order; the first failure wins. */
static oarc_status decode_envelope(oarc_json_doc *doc, oarc_role_page *page, int *data)
{
    oarc_status status = oarc_field_tag(doc, 0, "list");

    if (status == OARC_OK) {
        status = oarc_field_required(doc, 0, "data", data);
    }
    if (status == OARC_OK && !oarc_json_is_array(doc, *data)) {
        status = oarc_field_blame(doc, "data", OARC_ERR_JSON_SHAPE);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool(doc, 0, "has_more", &page->has_more);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_or_null(doc, 0, "next", &page->next);
    }
    return status;
}

oarc_status oarc_role_page_decode(oarc_json_doc *doc, bool assigned, oarc_role_page *page)
{
    int data = OARC_JSON_NONE;
    oarc_status status = oarc_decode_root_begin(doc, page, sizeof *page, "list");

    if (status == OARC_OK) {
        status = oarc_decode_root_end(page, sizeof *page, decode_envelope(doc, page, &data));
    }
    if (status != OARC_OK) {
        return status; /* no half-decoded page */
    }
    page->count = oarc_json_size(doc, data);
    page_remember(page, doc, data, assigned);
    return OARC_OK;
}

/* ---- Items -------------------------------------------------------------------- */

oarc_status oarc_role_page_next(oarc_role_page *page, oarc_role *out)
{
    oarc_status status;

    if (page == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    page->bad_field = NULL;
    if (page->priv.taken >= page->count) {
        return OARC_ITER_END;
    }
    oarc_json_doc doc = { page->priv.text, page->priv.text_len, page->priv.tokens,
                          page->priv.token_count, NULL };
    status = page->priv.assigned ? oarc_assigned_role_decode(&doc, page->priv.item_tok, out)
                                 : oarc_role_decode(&doc, page->priv.item_tok, out);
    page->bad_field = doc.bad_field;
    /* Passed over even when it failed, so a caller may go on to the next. */
    page->priv.item_tok = oarc_json_skip(&doc, page->priv.item_tok);
    page->priv.taken++;
    return status;
}
