/**
 * @file plan.h
 * @brief A provisioning plan: the roles an organization should have and who
 * should hold them, as constant data. A device compiles one in
 * (plan_builtin.c); the host reads one from a JSON file (plan_json.c). Either
 * way the provisioner only reads it, and plan_check.c validates it whole
 * before anything is sent.
 *
 * Every maximum is an `#ifndef` default a build may override (-D or the
 * OARC_CONFIG_FILE header), as with the library's own sizes.
 */
#ifndef PROV_PLAN_H
#define PROV_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "oarc/oarc_config.h"
#include "oarc/oarc_role.h"

/** Most roles one plan holds. */
#ifndef PROVISIONER_MAX_ROLES
#define PROVISIONER_MAX_ROLES 32u
#endif

/** Most assignments one plan holds. */
#ifndef PROVISIONER_MAX_ASSIGNMENTS
#define PROVISIONER_MAX_ASSIGNMENTS 64u
#endif

/** Most permissions one plan role lists, counted as written: duplicates
 *  count, although they are compared and sent only once (the plan's storage
 *  and its checks see the raw list). A role read back holds at most
 *  OARC_MAX_PERMISSIONS, so this cannot be larger. */
#ifndef PROVISIONER_MAX_ROLE_PERMISSIONS
#define PROVISIONER_MAX_ROLE_PERMISSIONS OARC_MAX_PERMISSIONS
#endif

/** Longest role name, permission and description, in bytes. */
#ifndef PROVISIONER_MAX_NAME_LEN
#define PROVISIONER_MAX_NAME_LEN 128u
#endif
#ifndef PROVISIONER_MAX_PERMISSION_LEN
#define PROVISIONER_MAX_PERMISSION_LEN 128u
#endif
#ifndef PROVISIONER_MAX_DESCRIPTION_LEN
#define PROVISIONER_MAX_DESCRIPTION_LEN 512u
#endif

/** Where a role lives, or where an assignment applies. The values are the
 *  library's, so a plan item's scope is handed to it as is (prov_scope_of). */
typedef enum prov_scope {
    PROV_SCOPE_ORG = OARC_SCOPE_ORG_ROLES,        /**< the organization */
    PROV_SCOPE_PROJECT = OARC_SCOPE_PROJECT_ROLES /**< one project (project_id) */
} prov_scope;

/** Who an assignment gives a role to; the library's values too. */
typedef enum prov_principal {
    PROV_PRINCIPAL_USER = OARC_PRINCIPAL_USER,
    PROV_PRINCIPAL_GROUP = OARC_PRINCIPAL_GROUP
} prov_principal;

/**
 * One desired role. It is found by name in its scope, or by id when the
 * plan knows it (then the name is compared like any other field, so a known
 * id can rename a role). Permissions are a set: order and duplicates do not
 * matter.
 */
typedef struct prov_role {
    prov_scope scope;
    const char *project_id;           /**< PROV_SCOPE_PROJECT only, else NULL */
    const char *name;                 /**< required, non-empty, single line */
    /** OARC_FIELD_OMIT: not managed (left as it is, not sent on create);
     *  OARC_FIELD_NULL: must be null; OARC_FIELD_SET: must be description. */
    oarc_field_state description_state;
    const char *description;
    const char *const *permissions;   /**< permission_count strings */
    size_t permission_count;
    bool create_if_missing;           /**< create it when no role has the name */
    const char *id;                   /**< a known role id, or NULL to find it by name */
} prov_role;

/**
 * One desired assignment: the principal holds the role in scope. The role is
 * named either by role_name (a role of this plan in the same scope, resolved
 * to its id at run time) or by an explicit role_id; exactly one is set.
 */
typedef struct prov_assignment {
    prov_principal principal;
    const char *principal_id;
    prov_scope scope;
    const char *project_id;   /**< PROV_SCOPE_PROJECT only, else NULL */
    const char *role_name;    /**< a plan role's name, or NULL */
    const char *role_id;      /**< an explicit role id, or NULL */
} prov_assignment;

/** The whole plan: two arrays the caller owns. */
typedef struct prov_plan {
    const prov_role *roles;
    size_t role_count;
    const prov_assignment *assignments;
    size_t assignment_count;
} prov_plan;

#endif /* PROV_PLAN_H */
