/**
 * @file cli_print.h
 * @brief JSON output of the oarc CLI, in the API's shapes. Each function
 * prints one JSON value; the cli_print_* of a whole result ends it with a
 * newline, the list functions frame items streamed one at a time.
 */
#ifndef OARC_CLI_PRINT_H
#define OARC_CLI_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "oarc/oarc_role.h"

/** A Role: `{"object":"role","id",...}`. */
void cli_print_role(FILE *out, const oarc_role *role);

/** An AssignedRoleDetails (the role's seven fields, no "object"). */
void cli_print_assigned_role(FILE *out, const oarc_role *role);

/** A RoleDeletedResource: `{"object":"role.deleted","id","deleted"}`. */
void cli_print_deleted(FILE *out, const oarc_role_deleted *deleted);

/** A UserRoleAssignment (`"user":{...}`) or, with group, a GroupRoleAssignment. */
void cli_print_assignment(FILE *out, bool group, const oarc_role_assignment *assignment);

/** A DeletedRoleAssignmentResource: `{"object","deleted"}`. */
void cli_print_unassigned(FILE *out, const oarc_role_unassigned *unassigned);

/** `{"object":"list","data":[`: the start of a list. */
void cli_print_list_begin(FILE *out);

/** One item of the list begun above; index 0 is the first. */
void cli_print_list_item(FILE *out, size_t index, bool assigned, const oarc_role *role);

/** `],"has_more":...,"next":...}` and a newline; next.ptr NULL prints null. */
void cli_print_list_end(FILE *out, bool has_more, oarc_span next);

#endif /* OARC_CLI_PRINT_H */
