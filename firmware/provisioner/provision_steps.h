/**
 * @file provision_steps.h
 * @brief Private to the provisioner: its two phases. Roles come first, as
 * the assignments need the ids of the roles they name.
 */
#ifndef PROV_PROVISION_STEPS_H
#define PROV_PROVISION_STEPS_H

#include "provision.h"

/** Most items one list walk hands out: the iterator's page limit times the
 *  API's largest page, so a walk's loop is bounded by what the iterator
 *  allows anyway. */
#define PROV_WALK_MAX_ITEMS ((size_t)OARC_LIST_MAX_PAGES * 1000u + 1u)

/** Read, compare, update or create every plan role; reports each. */
void prov_converge_roles(prov_run *run);

/** Make every missing assignment; reports each. */
void prov_converge_assignments(prov_run *run);

/** True for the statuses one item of a list, or a 2xx answer's body, fails
 *  to decode with (JSON_SHAPE, JSON_SYNTAX, TOO_MANY_ITEMS). */
bool prov_undecodable(oarc_status status);

/** The reason every not-found item of a blind walk fails with. */
#define PROV_REASON_BLIND "the list has an item that cannot be read"

/**
 * Notes what one list item means for the group that plan item `first` opens.
 * decoded is OARC_OK, or how the item failed to decode: then only item->id
 * and item->name are set, each only when it could be read (ptr NULL if not;
 * see oarc_role_page_next), and the client's last call names the bad field.
 */
typedef void (*prov_match_fn)(prov_run *run, size_t first, const oarc_role *item,
                              oarc_status decoded);

/**
 * Walks the list at scope once, handing each item to match, those that do
 * not decode too: such an item still exists, and taking it for absent would
 * create or assign it again on every run. Clears run->priv.walk_blind first,
 * for match to set. Any other failure ends the walk and is returned. The
 * iterator owns the client meanwhile, so match must not make a call.
 */
oarc_status prov_walk(prov_run *run, const oarc_role_scope *scope, prov_match_fn match,
                      size_t first);

#endif /* PROV_PROVISION_STEPS_H */
