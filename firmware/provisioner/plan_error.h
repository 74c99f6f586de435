/**
 * @file plan_error.h
 * @brief Why a plan was refused, and where: a status, a short reason and the
 * path of the member at fault ("roles[2].permissions[5]"), so a plan author
 * can find the line. Built without stdio, so a device can use it too.
 */
#ifndef PROV_PLAN_ERROR_H
#define PROV_PLAN_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_status.h"

/** Room for the longest path the plan's shape allows (list, index, member, index). */
#define PROV_PLAN_PATH_SIZE 64u

/** "No index" for prov_plan_error_set(). */
#define PROV_NO_INDEX SIZE_MAX

typedef struct prov_plan_error {
    oarc_status status;             /**< OARC_OK while the plan is good */
    const char *reason;             /**< static text, such as "unknown member" */
    char path[PROV_PLAN_PATH_SIZE]; /**< where; "" for the document itself */
} prov_plan_error;

/** No error yet. err may be NULL (as for prov_plan_error_set): nothing is
 *  recorded then. */
void prov_plan_error_clear(prov_plan_error *err);

/**
 * Record a refusal at list[index].member[sub]: any part may be left out
 * (NULL list or member, PROV_NO_INDEX index or sub). The first refusal
 * recorded is kept; later ones are ignored, so the report names the
 * earliest fault. err may be NULL: nothing is recorded. Returns status.
 */
oarc_status prov_plan_error_set(prov_plan_error *err, oarc_status status, const char *reason,
                                const char *list, size_t index, const char *member,
                                size_t sub);

#endif /* PROV_PLAN_ERROR_H */
