/**
 * @file report_print.h
 * @brief The host's view of a run: one line per item and a summary, as text
 * for people or as JSON lines for scripts (--json).
 */
#ifndef PROV_REPORT_PRINT_H
#define PROV_REPORT_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "provision.h"

/** One item: `role  org  "Deployer"  updated (description, permissions)  req_...`
 *  (in a dry run: `would update (...)`), or, with json, one JSON object on its
 *  own line. */
void prov_print_report(FILE *out, const prov_report *report, bool json);

/** The counts: `summary: 1 unchanged, ...` (`dry run summary: ...`), or
 *  `{"summary": {...}}`. */
void prov_print_summary(FILE *out, const prov_summary *summary, bool dry_run, bool json);

#endif /* PROV_REPORT_PRINT_H */
