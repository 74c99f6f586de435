/**
 * @file role_codec.h
 * @brief The Roles API's bodies: update bodies out, Role and error objects in.
 */
#ifndef OARC_ROLE_CODEC_H
#define OARC_ROLE_CODEC_H

#include "json_read.h"
#include "json_write.h"
#include "oarc/oarc_role.h"

/**
 * Write PublicUpdateOrganizationRoleBody as the whole document of w: each of
 * role_name, description and permissions (in that order) left out, null or
 * set; a zeroed update is `{}` and permissions set with count 0 is `[]`.
 *
 * The update is checked before anything is written. OARC_ERR_ARGUMENT for a
 * NULL update, an unknown field state, a NULL string in a set field or NULL
 * permissions with a count; OARC_ERR_TOO_MANY_ITEMS for more than
 * OARC_MAX_PERMISSIONS permissions; OARC_ERR_BUFFER_TOO_SMALL for a string
 * longer than OARC_TX_BUFFER_SIZE bytes (the bound up to which strings are
 * measured, so an unterminated one is never read further). After a refusal w
 * holds nothing, so oarc_json_writer_finish() reports OARC_ERR_ARGUMENT too.
 * Otherwise returns oarc_json_writer_finish(w, NULL): OARC_OK, or the
 * writer's verdict (OARC_ERR_INVALID_UTF8, OARC_ERR_BUFFER_TOO_SMALL).
 */
oarc_status oarc_role_update_write(oarc_json_writer *w, const oarc_role_update *update);

/**
 * Decode the Role at token tok. OARC_ERR_JSON_SHAPE (doc->bad_field names the
 * member) for a missing required field or a wrong type; OARC_ERR_TOO_MANY_ITEMS
 * for more than OARC_MAX_PERMISSIONS permissions. Unknown members are skipped.
 * On a failure out is as oarc_role_keep_identity() leaves it.
 */
oarc_status oarc_role_decode(oarc_json_doc *doc, int tok, oarc_role *out);

/**
 * After an item at obj failed to decode: zero out, then set out->id and
 * out->name from the members "id" and "name" when each is there as a string
 * that unescapes (each on its own: one may be set and the other not). Every
 * other field stays zeroed, and doc->bad_field is left as the failure set it.
 * Nothing is set when obj is not an object. So a caller can still tell which
 * role it was, say one with more permissions than OARC_MAX_PERMISSIONS.
 */
void oarc_role_keep_identity(oarc_json_doc *doc, int obj, oarc_role *out);

/** Decode {"error": {"message", "type", "param", "code"}}; members that are
 *  absent or null are left {NULL, 0}. OARC_ERR_JSON_SHAPE when there is no
 *  error object or a member has a wrong type. */
oarc_status oarc_api_error_decode(oarc_json_doc *doc, oarc_api_error *out);

#endif /* OARC_ROLE_CODEC_H */
