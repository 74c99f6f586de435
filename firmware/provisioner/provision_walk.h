/**
 * @file provision_walk.h
 * @brief Private to the provisioner: one walk of a list of roles, each item
 * handed to a phase's match function. Both phases use it; it calls neither.
 */
#ifndef PROV_PROVISION_WALK_H
#define PROV_PROVISION_WALK_H

#include "provision.h"

/** Most items one list walk hands out: the iterator's page limit times the
 *  API's largest page, so a walk's loop is bounded by what the iterator
 *  allows anyway. */
#define PROV_WALK_MAX_ITEMS ((size_t)OARC_LIST_MAX_PAGES * 1000u + 1u)

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

#endif /* PROV_PROVISION_WALK_H */
