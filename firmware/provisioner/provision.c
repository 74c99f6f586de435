/**
 * @file provision.c
 * @brief The run: check the plan, then the roles, then the assignments.
 */
#include "provision.h"

#include <string.h>

#include "plan_check.h"
#include "provision_steps.h"

/* A status only one list item failed to decode with: the walk goes on. */
bool prov_undecodable(oarc_status status)
{
    return status == OARC_ERR_JSON_SHAPE || status == OARC_ERR_JSON_SYNTAX ||
           status == OARC_ERR_TOO_MANY_ITEMS;
}

oarc_status prov_walk(prov_run *run, const oarc_role_scope *scope, prov_match_fn match,
                      size_t first)
{
    oarc_status st = oarc_role_iter_init(&run->priv.iter, run->priv.client, scope, NULL);

    run->priv.walk_blind = false;
    for (size_t n = 0; st == OARC_OK && n < PROV_WALK_MAX_ITEMS; n++) {
        st = oarc_role_iter_next(&run->priv.iter, &run->priv.role);
        /* While the walk goes on, st is an item or one that did not decode;
         * a page that does not decode ends it with the same statuses. */
        if (!oarc_role_iter_ended(&run->priv.iter)) {
            match(run, first, &run->priv.role, st);
            st = OARC_OK;
        }
    }
    return st == OARC_ITER_END ? OARC_OK : st;
}

oarc_status prov_run_plan(prov_run *run, oarc_client *client, const prov_plan *plan,
                          const prov_options *options, prov_plan_error *err)
{
    prov_plan_error local;

    if (err == NULL) {
        err = &local;
    }
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
