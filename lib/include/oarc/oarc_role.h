/**
 * @file oarc_role.h
 * @brief The data of the Roles API: a decoded Role, the three-state fields of
 * an update, and the error object the API answers with.
 *
 * Decoded strings point into the client's rx buffer (unescaped in place and
 * NUL-terminated there): they stay valid until the next call on that client.
 */
#ifndef OARC_ROLE_H
#define OARC_ROLE_H

#include <stdbool.h>
#include <stddef.h>

#include "oarc_config.h"
#include "oarc_span.h"

/** What an update does with one optional field. */
typedef enum oarc_field_state {
    OARC_FIELD_OMIT = 0, /**< leave the field out of the body: no change */
    OARC_FIELD_NULL = 1, /**< send JSON null */
    OARC_FIELD_SET = 2   /**< send the given value */
} oarc_field_state;

/**
 * The body of an organization or project role update
 * (PublicUpdateOrganizationRoleBody). A zeroed struct is `{}`: change nothing.
 * Strings are NUL-terminated UTF-8 and are checked before anything is sent.
 */
typedef struct oarc_role_update {
    oarc_field_state role_name_state;
    const char *role_name;
    oarc_field_state description_state;
    const char *description;
    oarc_field_state permissions_state;
    const char *const *permissions; /**< permission_count strings */
    size_t permission_count;        /**< 0 with OARC_FIELD_SET sends [] */
} oarc_role_update;

/** A Role as the API returns it (all seven fields are required). */
typedef struct oarc_role {
    oarc_span id;
    oarc_span name;
    oarc_span description;           /**< ptr is NULL when the API sent null */
    oarc_span permissions[OARC_MAX_PERMISSIONS];
    size_t permission_count;
    oarc_span resource_type;         /**< "api.organization" or "api.project" */
    bool predefined_role;
} oarc_role;

/** The `error` object of a failed call; absent members have ptr NULL. */
typedef struct oarc_api_error {
    oarc_span message;
    oarc_span type;
    oarc_span param;
    oarc_span code;
} oarc_api_error;

#endif /* OARC_ROLE_H */
