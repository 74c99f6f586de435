/**
 * @file plan_builtin.h
 * @brief The plan a device compiles in: what it converges the organization
 * onto at every boot. The host runs the same table with `--builtin`, so the
 * integration tests exercise it against the simulator.
 */
#ifndef PROV_PLAN_BUILTIN_H
#define PROV_PLAN_BUILTIN_H

#include "plan.h"

/** The compiled-in plan (constant data, valid for the program's life). */
const prov_plan *prov_builtin_plan(void);

#endif /* PROV_PLAN_BUILTIN_H */
