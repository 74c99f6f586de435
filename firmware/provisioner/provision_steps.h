/**
 * @file provision_steps.h
 * @brief Private to the provisioner: its two phases, which prov_run_plan()
 * runs in turn. Roles come first, as the assignments need the ids of the
 * roles they name.
 */
#ifndef PROV_PROVISION_STEPS_H
#define PROV_PROVISION_STEPS_H

#include "provision.h"

/** Read, compare, update or create every plan role; reports each. */
void prov_converge_roles(prov_run *run);

/** Make every missing assignment; reports each. */
void prov_converge_assignments(prov_run *run);

#endif /* PROV_PROVISION_STEPS_H */
