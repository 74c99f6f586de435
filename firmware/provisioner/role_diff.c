/**
 * @file role_diff.c
 * @brief Comparing a plan role with the API's, field by field. Everything is
 * bounded by the plan check's maxima: at most PROVISIONER_MAX_ROLE_PERMISSIONS
 * on the plan's side and OARC_MAX_PERMISSIONS on the API's.
 */
#include "role_diff.h"

#include <string.h>

#include "oarc/oarc_json.h"

/* At least as long as any string the plan check lets through. */
#define LONGER(a, b) ((a) > (b) ? (a) : (b))
#define LONGEST_TEXT LONGER(PROVISIONER_MAX_DESCRIPTION_LEN, \
                            LONGER(PROVISIONER_MAX_NAME_LEN, PROVISIONER_MAX_PERMISSION_LEN))

bool prov_span_is(oarc_span span, const char *s)
{
    if (span.ptr == NULL || s == NULL) {
        return false;
    }
    size_t n = oarc_strnlen(s, LONGEST_TEXT);
    return n == span.len && memcmp(span.ptr, s, n) == 0;
}

static bool span_in(const char *s, const oarc_span *have, size_t have_count)
{
    for (size_t i = 0; i < have_count && i < OARC_MAX_PERMISSIONS; i++) {
        if (prov_span_is(have[i], s)) {
            return true;
        }
    }
    return false;
}

static bool string_in(oarc_span span, const char *const *want, size_t want_count)
{
    for (size_t i = 0; i < want_count && i < PROVISIONER_MAX_ROLE_PERMISSIONS; i++) {
        if (prov_span_is(span, want[i])) {
            return true;
        }
    }
    return false;
}

/* Two sets are equal when each is contained in the other; counting would
 * be wrong, since either side may repeat an item. */
bool prov_permissions_equal(const char *const *want, size_t want_count,
                            const oarc_span *have, size_t have_count)
{
    for (size_t i = 0; i < want_count && i < PROVISIONER_MAX_ROLE_PERMISSIONS; i++) {
        if (!span_in(want[i], have, have_count)) {
            return false;
        }
    }
    for (size_t i = 0; i < have_count && i < OARC_MAX_PERMISSIONS; i++) {
        if (!string_in(have[i], want, want_count)) {
            return false;
        }
    }
    return true;
}

static bool description_differs(const prov_role *want, const oarc_role *have)
{
    switch (want->description_state) {
    case OARC_FIELD_NULL:
        return have->description.ptr != NULL;
    case OARC_FIELD_SET:
        return !prov_span_is(have->description, want->description);
    default:
        return false; /* not managed by the plan */
    }
}

unsigned prov_role_diff(const prov_role *want, const oarc_role *have)
{
    unsigned fields = 0;

    if (!prov_span_is(have->name, want->name)) {
        fields |= PROV_FIELD_NAME;
    }
    if (description_differs(want, have)) {
        fields |= PROV_FIELD_DESCRIPTION;
    }
    if (!prov_permissions_equal(want->permissions, want->permission_count, have->permissions,
                                have->permission_count)) {
        fields |= PROV_FIELD_PERMISSIONS;
    }
    return fields;
}

size_t prov_unique_permissions(const prov_role *want, const char **out, size_t cap)
{
    size_t n = 0;

    for (size_t i = 0; i < want->permission_count && n < cap; i++) {
        oarc_span candidate = { want->permissions[i], oarc_strnlen(want->permissions[i],
                                                                   LONGEST_TEXT) };
        if (!string_in(candidate, out, n)) {
            out[n++] = want->permissions[i];
        }
    }
    return n;
}

void prov_update_for(const prov_role *want, unsigned fields, const char **perms,
                     oarc_role_update *out)
{
    memset(out, 0, sizeof(*out)); /* every field OARC_FIELD_OMIT */
    if (fields & PROV_FIELD_NAME) {
        out->role_name_state = OARC_FIELD_SET;
        out->role_name = want->name;
    }
    if (fields & PROV_FIELD_DESCRIPTION) {
        out->description_state = want->description_state;
        out->description = want->description;
    }
    if (fields & PROV_FIELD_PERMISSIONS) {
        out->permissions_state = OARC_FIELD_SET;
        out->permission_count = prov_unique_permissions(want, perms,
                                                        PROVISIONER_MAX_ROLE_PERMISSIONS);
        out->permissions = perms;
    }
}

void prov_create_for(const prov_role *want, const char **perms, oarc_role_create *out)
{
    memset(out, 0, sizeof(*out));
    out->role_name = want->name;
    out->description_state = want->description_state;
    out->description = want->description;
    out->permission_count = prov_unique_permissions(want, perms, PROVISIONER_MAX_ROLE_PERMISSIONS);
    out->permissions = perms;
}
