/**
 * @file provision_walk.c
 * @brief One walk of a list of roles for a phase of the run: every item,
 * those that do not decode included, goes to the phase's match function.
 */
#include "provision_walk.h"

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
