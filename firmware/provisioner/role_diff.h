/**
 * @file role_diff.h
 * @brief What differs between a plan role and the role the API has, and the
 * update or create body that changes only that. Pure functions: no client,
 * no I/O, so they are unit-tested on their own.
 */
#ifndef PROV_ROLE_DIFF_H
#define PROV_ROLE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "oarc/oarc_role.h"
#include "plan.h"

/** Bits of a difference: the fields an update must carry. */
#define PROV_FIELD_NAME 1u
#define PROV_FIELD_DESCRIPTION 2u
#define PROV_FIELD_PERMISSIONS 4u

/** True when s (NUL-terminated, at most max bytes looked at) is exactly span. */
bool prov_span_is(oarc_span span, const char *s);

/**
 * True when want[0..want_count) and have[0..have_count) hold the same set of
 * permissions: order and duplicates on either side do not matter.
 */
bool prov_permissions_equal(const char *const *want, size_t want_count,
                            const oarc_span *have, size_t have_count);

/**
 * The PROV_FIELD_* bits of the fields that differ: the name, the description
 * when the plan manages it (OARC_FIELD_NULL wants null, OARC_FIELD_SET wants
 * the text; "" and null differ), the permissions as a set. 0: unchanged.
 */
unsigned prov_role_diff(const prov_role *want, const oarc_role *have);

/**
 * want's permissions without duplicates, first occurrence first, into
 * out[0..cap); returns how many. The plan check caps a role's list at
 * PROVISIONER_MAX_ROLE_PERMISSIONS, so a buffer of that size always holds it.
 */
size_t prov_unique_permissions(const prov_role *want, const char **out, size_t cap);

/**
 * The update that sets exactly the fields in `fields` to the plan's values
 * and leaves every other field out. perms (PROVISIONER_MAX_ROLE_PERMISSIONS
 * entries) receives the de-duplicated permissions the update points to.
 */
void prov_update_for(const prov_role *want, unsigned fields, const char **perms,
                     oarc_role_update *out);

/** The create body for want (description left out when the plan does not
 *  manage it); perms as for prov_update_for. */
void prov_create_for(const prov_role *want, const char **perms, oarc_role_create *out);

#endif /* PROV_ROLE_DIFF_H */
