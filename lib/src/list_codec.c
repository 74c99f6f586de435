/**
 * @file list_codec.c
 * @brief List pages and their items (see list_codec.h). A page keeps where
 * its items lie in the parsed document rather than the items themselves:
 * decoding one item at a time is what lets a page of any length pass
 * through a fixed, small amount of memory.
 */
#include "list_codec.h"

#include <string.h>

#include "json_field.h"
#include "role_codec.h"

/* ---- Envelope --------------------------------------------------------------- */

static void page_clear(oarc_role_page *page)
{
    memset(page, 0, sizeof *page);
}

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
    oarc_status status;
    int data = OARC_JSON_NONE;

    if (doc == NULL || page == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    page_clear(page);
    doc->bad_field = NULL;
    if (doc->count <= 0 || !oarc_json_is_object(doc, 0)) {
        return oarc_field_blame(doc, "list", OARC_ERR_JSON_SHAPE);
    }
    status = decode_envelope(doc, page, &data);
    if (status != OARC_OK) {
        page_clear(page); /* no half-decoded page */
        return status;
    }
    page->count = oarc_json_size(doc, data);
    page_remember(page, doc, data, assigned);
    return OARC_OK;
}

/* ---- AssignedRoleDetails ------------------------------------------------------ */

/* The six members it shares with a Role, in the schema's order. */
static oarc_status decode_assigned_members(oarc_json_doc *doc, int obj, oarc_role *out)
{
    oarc_status status = oarc_field_string(doc, obj, "id", &out->id);

    if (status == OARC_OK) {
        status = oarc_field_string(doc, obj, "name", &out->name);
    }
    if (status == OARC_OK) {
        status = oarc_field_string_array(doc, obj, "permissions", out->permissions,
                                         OARC_MAX_PERMISSIONS, &out->permission_count);
    }
    if (status == OARC_OK) {
        status = oarc_field_string(doc, obj, "resource_type", &out->resource_type);
    }
    if (status == OARC_OK) {
        status = oarc_field_bool(doc, obj, "predefined_role", &out->predefined_role);
    }
    if (status == OARC_OK) {
        /* Required, though it may be null. */
        status = oarc_field_string_or_null(doc, obj, "description", &out->description);
    }
    return status;
}

oarc_status oarc_assigned_role_decode(oarc_json_doc *doc, int tok, oarc_role *out)
{
    oarc_status status;

    if (doc == NULL || out == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    doc->bad_field = NULL;
    if (tok < 0 || tok >= doc->count || !oarc_json_is_object(doc, tok)) {
        return oarc_field_blame(doc, "role", OARC_ERR_JSON_SHAPE);
    }
    status = decode_assigned_members(doc, tok, out);
    if (status != OARC_OK) {
        oarc_role_keep_identity(doc, tok, out);
    }
    return status;
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
