/**
 * @file fuzz_plan_json.c
 * @brief The provisioner's plan parser: JSON text from a file -> a plan.
 *
 * The text is parsed in place, so every string of an accepted plan must lie
 * inside the input buffer, NUL-terminated there; an accepted plan must pass
 * prov_plan_check() again (the parser promises it was checked whole); a
 * refusal must carry a status and a reason, and its path must be a
 * terminated string within its array.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plan_check.h"
#include "plan_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TEXT_CAP 8192u

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

typedef struct fuzz_state {
    prov_plan_json parsed; /* large: static, as on a host */
    char text[TEXT_CAP + 1u];
} fuzz_state;

static fuzz_state state;

/* s is NULL (when allowed) or a string inside text[0..len], NUL included. */
static void check_string(const char *s, size_t len, bool may_be_null)
{
    if (s == NULL) {
        check(may_be_null);
        return;
    }
    check(s >= state.text && s <= state.text + len);
    size_t room = (size_t)(state.text + len - s);
    check(memchr(s, '\0', room + 1u) != NULL);
}

static void check_role(const prov_role *r, size_t len)
{
    check_string(r->name, len, false);
    check_string(r->project_id, len, r->scope != PROV_SCOPE_PROJECT);
    check_string(r->description, len, r->description_state != OARC_FIELD_SET);
    check_string(r->id, len, true);
    for (size_t i = 0; i < r->permission_count; i++) {
        check_string(r->permissions[i], len, false);
    }
}

static void check_assignment(const prov_assignment *a, size_t len)
{
    check_string(a->principal_id, len, false);
    check_string(a->project_id, len, a->scope != PROV_SCOPE_PROJECT);
    check((a->role_name == NULL) != (a->role_id == NULL));
    check_string(a->role_name, len, true);
    check_string(a->role_id, len, true);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > TEXT_CAP) {
        return 0;
    }
    memcpy(state.text, data, size);
    state.text[size] = '\0';
    prov_plan_error err;
    oarc_status st = prov_plan_json_parse(&state.parsed, state.text, size, &err);
    if (st != OARC_OK) {
        check(st < 0 && err.status == st && err.reason != NULL);
        check(memchr(err.path, '\0', sizeof err.path) != NULL);
        return 0;
    }
    const prov_plan *plan = &state.parsed.plan;
    check(plan->role_count <= PROVISIONER_MAX_ROLES);
    check(plan->assignment_count <= PROVISIONER_MAX_ASSIGNMENTS);
    for (size_t i = 0; i < plan->role_count; i++) {
        check_role(&plan->roles[i], size);
    }
    for (size_t i = 0; i < plan->assignment_count; i++) {
        check_assignment(&plan->assignments[i], size);
    }
    prov_plan_error again;
    check(prov_plan_check(plan, &again) == OARC_OK);
    return 0;
}
