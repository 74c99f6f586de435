/**
 * @file plan_error.c
 * @brief The refusal of a plan and its member path, formatted by hand into a
 * fixed buffer (a device has no snprintf to spare). A path too long for the
 * buffer is cut, never overrun.
 */
#include "plan_error.h"

/* Appends s to the path at *len, as much as fits with the terminating NUL. */
static void append_text(prov_plan_error *err, size_t *len, const char *s)
{
    for (size_t i = 0; s[i] != '\0' && *len + 1u < sizeof(err->path); i++) {
        err->path[(*len)++] = s[i];
    }
    err->path[*len] = '\0';
}

/* Appends "[n]". 20 digits hold any 64-bit size_t. */
static void append_index(prov_plan_error *err, size_t *len, size_t n)
{
    char digits[21];
    size_t d = sizeof(digits) - 1u;

    digits[d] = '\0';
    do {
        digits[--d] = (char)('0' + (int)(n % 10u));
        n /= 10u;
    } while (n != 0u && d > 0u);
    append_text(err, len, "[");
    append_text(err, len, &digits[d]);
    append_text(err, len, "]");
}

void prov_plan_error_clear(prov_plan_error *err)
{
    if (err == NULL) {
        return;
    }
    err->status = OARC_OK;
    err->reason = "";
    err->path[0] = '\0';
}

oarc_status prov_plan_error_set(prov_plan_error *err, oarc_status status, const char *reason,
                                const char *list, size_t index, const char *member,
                                size_t sub)
{
    size_t len = 0;

    if (err == NULL || err->status != OARC_OK) {
        return status;
    }
    err->status = status;
    err->reason = reason;
    err->path[0] = '\0';
    if (list != NULL) {
        append_text(err, &len, list);
    }
    if (index != PROV_NO_INDEX) {
        append_index(err, &len, index);
    }
    if (member != NULL) {
        append_text(err, &len, len > 0u ? "." : "");
        append_text(err, &len, member);
    }
    if (sub != PROV_NO_INDEX) {
        append_index(err, &len, sub);
    }
    return status;
}
