/**
 * @file oarc_role.h
 * @brief The data of the Roles API: a decoded Role, the three-state fields of
 * an update, the body of a create, role assignments, pages of a list, and
 * the error object the API answers with.
 *
 * Decoded strings point into the client's rx buffer (unescaped in place and
 * NUL-terminated there): they stay valid until the next call on that client.
 */
#ifndef OARC_ROLE_H
#define OARC_ROLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc_config.h"
#include "oarc_span.h"
#include "oarc_status.h"

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
    oarc_field_state role_name_state;   /**< whether role_name is left out, null or sent */
    const char *role_name;              /**< the new name (OARC_FIELD_SET only) */
    oarc_field_state description_state; /**< whether description is left out, null or sent */
    const char *description;            /**< the new description (OARC_FIELD_SET only) */
    oarc_field_state permissions_state; /**< whether permissions is left out, null or sent */
    const char *const *permissions; /**< permission_count strings */
    size_t permission_count;        /**< 0 with OARC_FIELD_SET sends [] */
} oarc_role_update;

/** A Role as the API returns it (all seven fields are required). */
typedef struct oarc_role {
    oarc_span id;                    /**< the role's ID, e.g. "role_01J1F8ROLE01" */
    oarc_span name;                  /**< its unique name within its scope */
    oarc_span description;           /**< ptr is NULL when the API sent null */
    oarc_span permissions[OARC_MAX_PERMISSIONS]; /**< the first permission_count are set */
    size_t permission_count;         /**< how many permissions the role has */
    oarc_span resource_type;         /**< "api.organization" or "api.project" */
    bool predefined_role;            /**< a role OpenAI defines (cannot be changed) */
} oarc_role;

/** The `error` object of a failed call; absent members have ptr NULL. */
typedef struct oarc_api_error {
    oarc_span message; /**< what went wrong, for a person */
    oarc_span type;    /**< such as "invalid_request_error" */
    oarc_span param;   /**< the request parameter at fault, if one is */
    oarc_span code;    /**< a machine-readable code, if the API sent one */
} oarc_api_error;

/**
 * The body of an organization or project role create
 * (PublicCreateOrganizationRoleBody). role_name (non-empty) and permissions
 * are required; description is left out, null or set. Strings are
 * NUL-terminated UTF-8 and are checked before anything is sent; the name and
 * the permissions are single-line (a control byte is OARC_ERR_CONTROL_CHAR),
 * the description is free text.
 */
typedef struct oarc_role_create {
    const char *role_name;          /**< the new role's name: required, non-empty */
    const char *const *permissions; /**< permission_count strings */
    size_t permission_count;        /**< 0 sends [] */
    oarc_field_state description_state; /**< whether description is left out, null or sent */
    const char *description;        /**< the description (OARC_FIELD_SET only) */
} oarc_role_create;

/** RoleDeletedResource: `{"object": "role.deleted", "id", "deleted"}`. */
typedef struct oarc_role_deleted {
    oarc_span id;  /**< the deleted role's ID */
    bool deleted;  /**< true when the API says it is gone */
} oarc_role_deleted;

/** The user or group a role is assigned to. */
typedef struct oarc_principal {
    oarc_span id;    /**< "user_..." or "group_..." */
    oarc_span name;  /**< a group's is always set; a user's ptr is NULL when absent or null */
    oarc_span email; /**< users only; ptr NULL when absent or null, and for a group */
} oarc_principal;

/** UserRoleAssignment or GroupRoleAssignment: who got which role. */
typedef struct oarc_role_assignment {
    oarc_principal principal; /**< the `user` or the `group` object */
    oarc_role role;           /**< the role assigned */
} oarc_role_assignment;

/** DeletedRoleAssignmentResource: `{"object", "deleted"}`. */
typedef struct oarc_role_unassigned {
    oarc_span object; /**< such as "user.role.deleted" or "group.role.deleted" */
    bool deleted;     /**< true when the API says the assignment is gone */
} oarc_role_unassigned;

/**
 * Which collection of roles an operation or a list addresses: the roles of
 * the organization or of a project, or the roles assigned to a user or a
 * group at organization or at project level. IDs a scope does not use must
 * be NULL.
 */
typedef enum oarc_scope_kind {
    OARC_SCOPE_ORG_ROLES = 0,       /**< /organization/roles */
    OARC_SCOPE_PROJECT_ROLES,       /**< /projects/{project_id}/roles */
    OARC_SCOPE_ORG_USER_ROLES,      /**< /organization/users/{principal_id}/roles */
    OARC_SCOPE_ORG_GROUP_ROLES,     /**< /organization/groups/{principal_id}/roles */
    OARC_SCOPE_PROJECT_USER_ROLES,  /**< /projects/{project_id}/users/{principal_id}/roles */
    OARC_SCOPE_PROJECT_GROUP_ROLES  /**< /projects/{project_id}/groups/{principal_id}/roles */
} oarc_scope_kind;

/** A collection of roles: which kind, and the IDs its path needs. */
typedef struct oarc_role_scope {
    oarc_scope_kind kind;     /**< which collection */
    const char *project_id;   /**< project scopes only */
    const char *principal_id; /**< the user or group of an assignment scope */
} oarc_role_scope;

/** Who holds an assignment: a user or a group. It decides the path
 *  ("/users" or "/groups") and the member of the answer. */
typedef enum oarc_principal_type {
    OARC_PRINCIPAL_USER = 0,
    OARC_PRINCIPAL_GROUP = 1
} oarc_principal_type;

/** The user or group an assignment operation addresses. */
typedef struct oarc_principal_ref {
    oarc_principal_type type; /**< a user or a group */
    const char *id;           /**< its ID: one path segment, checked like every ID */
} oarc_principal_ref;

/** Sort order of a list. */
typedef enum oarc_list_order {
    OARC_ORDER_DEFAULT = 0, /**< not sent: the server's default (asc) */
    OARC_ORDER_ASC = 1,     /**< oldest first */
    OARC_ORDER_DESC = 2     /**< newest first */
} oarc_list_order;

/** The query of one list request. A zeroed struct asks for the first page
 *  with the server's defaults. */
typedef struct oarc_list_params {
    uint32_t limit;        /**< items per page, 1..1000; 0: not sent (server default) */
    const char *after;     /**< a previous page's next; NULL or "": from the start */
    oarc_list_order order; /**< sort order; OARC_ORDER_DEFAULT: not sent */
} oarc_list_params;

/**
 * One page of a list (PublicRoleListResource or RoleListResource), decoded
 * lazily: the envelope at once, each item by oarc_role_page_next()
 * (oarc_roles.h). Items
 * live in the client's rx, so a page is good until the next call on it.
 */
typedef struct oarc_role_page {
    size_t count;          /**< items in `data` */
    bool has_more;         /**< the server says more items follow */
    oarc_span next;        /**< cursor for the next page; ptr NULL when null */
    const char *bad_field; /**< after an item failed to decode: the member at fault */

    /** Private to the library: where the items lie. */
    struct {
        char *text;
        size_t text_len;
        void *tokens;      /**< the document's jsmntok_t array */
        int token_count;
        int item_tok;      /**< token of the next item */
        size_t taken;      /**< items handed out (or skipped) */
        bool assigned;     /**< items are AssignedRoleDetails, not Roles */
    } priv;
} oarc_role_page;

#endif /* OARC_ROLE_H */
