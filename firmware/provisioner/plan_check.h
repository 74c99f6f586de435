/**
 * @file plan_check.h
 * @brief Validates a whole plan before the provisioner sends anything: every
 * ID, name, permission and description is one the library would send, every
 * count is within the plan's maxima, no role or assignment is listed twice,
 * and every role an assignment names by role_name is a plan role of the
 * same scope.
 */
#ifndef PROV_PLAN_CHECK_H
#define PROV_PLAN_CHECK_H

#include "plan.h"
#include "plan_error.h"

/**
 * OARC_OK, or the first fault (also recorded in err, with its path):
 * OARC_ERR_ARGUMENT (missing or contradictory member, unknown enum, a
 * duplicate, an unknown role_name), OARC_ERR_TOO_MANY_ITEMS (over a maximum),
 * OARC_ERR_INVALID_ID / OARC_ERR_ID_TOO_LONG (an ID),
 * OARC_ERR_BUFFER_TOO_SMALL (a text over its maximum length),
 * OARC_ERR_INVALID_UTF8, OARC_ERR_CONTROL_CHAR (a name or permission).
 */
oarc_status prov_plan_check(const prov_plan *plan, prov_plan_error *err);

/** True when two scopes are the same (scope and project_id alike). */
bool prov_same_scope(prov_scope a, const char *a_project, prov_scope b, const char *b_project);

/** The library's scope of a plan item: {scope, project_id, NULL}, for
 *  oarc_roles_* and oarc_assignments_* (only for a plan that passed the check). */
oarc_role_scope prov_scope_of(prov_scope scope, const char *project_id);

/** The library's principal of a plan assignment. */
oarc_principal_ref prov_principal_of(const prov_assignment *assignment);

/** True when a and b are both NULL or both hold the same text. */
bool prov_same_text(const char *a, const char *b);

/** The index of the plan role an assignment's role_name names, or
 *  PROV_NO_INDEX when none (only for a plan that passed the check). */
size_t prov_plan_find_role(const prov_plan *plan, const prov_assignment *assignment);

#endif /* PROV_PLAN_CHECK_H */
