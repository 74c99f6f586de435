/**
 * @file plan_json.h
 * @brief A plan read from JSON text, strictly and without a heap:
 *
 *     {"roles": [{"scope": "organization" | "project", "project_id": "...",
 *                 "name": "...", "description": "..." | null,
 *                 "permissions": ["...", ...], "create_if_missing": true,
 *                 "id": "role_..."}],
 *      "assignments": [{"principal": "user" | "group", "principal_id": "...",
 *                       "scope": "organization" | "project", "project_id": "...",
 *                       "role": "a plan role's name" | "role_id": "role_..."}]}
 *
 * Required: a role's scope, name and permissions; an assignment's principal,
 * principal_id, scope and one of role / role_id; project_id exactly for the
 * project scope. A role's description left out is not managed; null means
 * "must have none". An unknown member, a member given twice, a wrong type,
 * too many items or an over-long string is refused with the member's path,
 * and then the plan passes prov_plan_check() as a whole.
 *
 * The text is parsed in place: strings are unescaped and NUL-terminated
 * inside it, and the plan points there, so the text must outlive the plan.
 */
#ifndef PROV_PLAN_JSON_H
#define PROV_PLAN_JSON_H

#include <stddef.h>

#include "oarc/oarc_json.h"

#include "plan.h"
#include "plan_error.h"

/** Tokens one plan document may use (each value, key and array item is one). */
#ifndef PROVISIONER_JSON_MAX_TOKENS
#define PROVISIONER_JSON_MAX_TOKENS 4096u
#endif

/** Permission strings one plan may list in all, across its roles. */
#ifndef PROVISIONER_JSON_MAX_PERMISSIONS
#define PROVISIONER_JSON_MAX_PERMISSIONS 512u
#endif

/** A parsed plan and all the memory it needs (declare it static). */
typedef struct prov_plan_json {
    prov_plan plan;  /**< points into the arrays below and into the text */

    /** Private to the parser. */
    struct {
        prov_role roles[PROVISIONER_MAX_ROLES];
        prov_assignment assignments[PROVISIONER_MAX_ASSIGNMENTS];
        const char *permissions[PROVISIONER_JSON_MAX_PERMISSIONS];
        size_t permissions_used;
        oarc_json_token tokens[PROVISIONER_JSON_MAX_TOKENS];
    } priv;
} prov_plan_json;

/**
 * Parse text[0..len) into out->plan. OARC_OK, or the first fault with err
 * naming it: OARC_ERR_JSON_SYNTAX (not one JSON document),
 * OARC_ERR_JSON_TOO_MANY_TOKENS (larger than the token pool),
 * OARC_ERR_JSON_SHAPE (wrong type, unknown or repeated member, unknown enum
 * value), OARC_ERR_TOO_MANY_ITEMS, or what prov_plan_check() refuses.
 */
oarc_status prov_plan_json_parse(prov_plan_json *out, char *text, size_t len,
                                 prov_plan_error *err);

#endif /* PROV_PLAN_JSON_H */
