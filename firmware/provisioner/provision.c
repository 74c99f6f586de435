/**
 * @file provision.c
 * @brief The run: check the plan, then the roles, then the assignments.
 */
#include "provision.h"

#include <string.h>

#include "plan_check.h"
#include "provision_steps.h"

oarc_status prov_run_plan(prov_run *run, oarc_client *client, const prov_plan *plan,
                          const prov_options *options, prov_plan_error *err)
{
    /* err may be NULL: the plan's fault is then returned, not recorded (no
     * local record: this frame stays under the whole run). */
    if (run == NULL || client == NULL) {
        prov_plan_error_clear(err);
        return prov_plan_error_set(err, OARC_ERR_ARGUMENT, "no run or no client", NULL,
                                   PROV_NO_INDEX, NULL, PROV_NO_INDEX);
    }
    memset(run, 0, sizeof(*run));
    oarc_status st = prov_plan_check(plan, err);
    if (st != OARC_OK) {
        return st;
    }
    run->summary.unreachable = OARC_OK;
    run->priv.client = client;
    run->priv.plan = plan;
    if (options != NULL) {
        run->priv.options = *options;
    }
    prov_converge_roles(run);
    prov_converge_assignments(run);
    return OARC_OK;
}
