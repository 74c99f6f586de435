/**
 * @file provision_builtin.c
 * @brief The provisioner's core with a plan compiled in, as a device runs it
 * at every boot: one organization role, held by one group. A second run
 * writes nothing.
 */
#include <stdio.h>

#include "example_client.h"
#include "provision.h"

static const char *const readers[] = { "api.usage.read" };

static const prov_role roles[] = { {
    .scope = PROV_SCOPE_ORG,
    .name = "Usage Reader",
    .description_state = OARC_FIELD_SET,
    .description = "Reads usage",
    .permissions = readers,
    .permission_count = 1,
    .create_if_missing = true,
} };

static const prov_assignment assignments[] = { {
    .principal = PROV_PRINCIPAL_GROUP,
    .principal_id = "group_01J1F8ENGINEER",
    .scope = PROV_SCOPE_ORG,
    .role_name = "Usage Reader",
} };

static const prov_plan plan = {
    .roles = roles, .role_count = 1, .assignments = assignments, .assignment_count = 1,
};

static oarc_client client;
static prov_run run; /* the run's state: no heap, no globals in the core */

static void report(void *ctx, const prov_report *r)
{
    (void)ctx;
    printf("%s %zu: %s\n", r->kind == PROV_ITEM_ROLE ? "role" : "assignment", r->index,
           prov_outcome_str(r->outcome));
}

int main(void)
{
    if (example_client_init(&client) != OARC_OK) {
        return 2;
    }
    prov_options options = { .report = report };
    prov_plan_error err;
    oarc_status st = prov_run_plan(&run, &client, &plan, &options, &err);
    if (st != OARC_OK) {
        fprintf(stderr, "plan: %s: %s\n", err.path, err.reason);
    }
    example_client_deinit(&client);
    return st != OARC_OK ? 2 : run.summary.failed != 0u ? 1 : 0;
}
