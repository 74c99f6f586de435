/**
 * @file role_codec.h
 * @brief The Roles API's bodies: update bodies out, Role and error objects in.
 */
#ifndef OARC_ROLE_CODEC_H
#define OARC_ROLE_CODEC_H

#include "json_read.h"
#include "json_write.h"
#include "oarc/oarc_role.h"

/** Write PublicUpdateOrganizationRoleBody: each field left out, null or set. */
void oarc_role_update_write(oarc_json_writer *w, const oarc_role_update *update);

/**
 * Decode the Role at token tok. OARC_ERR_JSON_SHAPE (doc->bad_field names the
 * member) for a missing required field or a wrong type; OARC_ERR_TOO_MANY_ITEMS
 * for more than OARC_MAX_PERMISSIONS permissions. Unknown members are skipped.
 */
oarc_status oarc_role_decode(oarc_json_doc *doc, int tok, oarc_role *out);

/** Decode {"error": {"message", "type", "param", "code"}}; members that are
 *  absent or null are left {NULL, 0}. OARC_ERR_JSON_SHAPE when there is no
 *  error object or a member has a wrong type. */
oarc_status oarc_api_error_decode(oarc_json_doc *doc, oarc_api_error *out);

#endif /* OARC_ROLE_CODEC_H */
