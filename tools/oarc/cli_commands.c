/**
 * @file cli_commands.c
 * @brief The command table and the calls it names: one line per library
 * operation, fed with the command's IDs (in path order) and options. What
 * to print is the table's business too, so printing and failure reports
 * live in one place, cli_command_run(). Lists stream their items and have a
 * runner of their own (cli_list.c).
 */
#include "cli_commands.h"

#include <stdio.h>
#include <string.h>

#include "cli_args.h"
#include "cli_list.h"
#include "cli_print.h"
#include "cli_report.h"
#include "oarc/oarc_assignments.h"
#include "oarc/oarc_roles.h"

/** The create body from the field options (cli_create_check made sure of them). */
static oarc_role_create create_body(const cli_args *a)
{
    oarc_role_create body = {
        .role_name = a->update.role_name,
        .permissions = a->update.permissions,
        .permission_count = a->update.permission_count,
        .description_state = a->update.description_state,
        .description = a->update.description,
    };
    return body;
}

/* ---- Roles: IDs are [PROJECT_ID] [ROLE_ID] ------------------------------------------ */

static oarc_status org_role_create(oarc_client *c, const cli_args *a, cli_result *r)
{
    oarc_role_create body = create_body(a);
    return oarc_org_role_create(c, &body, &r->role);
}

static oarc_status org_role_get(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_role_retrieve(c, a->ids[0], &r->role);
}

static oarc_status org_role_update(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_role_update(c, a->ids[0], &a->update, &r->role);
}

static oarc_status org_role_delete(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_role_delete(c, a->ids[0], &r->deleted);
}

static oarc_status project_role_create(oarc_client *c, const cli_args *a, cli_result *r)
{
    oarc_role_create body = create_body(a);
    return oarc_project_role_create(c, a->ids[0], &body, &r->role);
}

static oarc_status project_role_get(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_role_retrieve(c, a->ids[0], a->ids[1], &r->role);
}

static oarc_status project_role_update(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_role_update(c, a->ids[0], a->ids[1], &a->update, &r->role);
}

static oarc_status project_role_delete(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_role_delete(c, a->ids[0], a->ids[1], &r->deleted);
}

/* ---- Organization assignments: IDs are USER_ID|GROUP_ID ROLE_ID ------------------ */

static oarc_status org_user_assign(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_user_role_assign(c, a->ids[0], a->ids[1], &r->assignment);
}

static oarc_status org_user_get(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_user_role_retrieve(c, a->ids[0], a->ids[1], &r->role);
}

static oarc_status org_user_remove(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_user_role_unassign(c, a->ids[0], a->ids[1], &r->unassigned);
}

static oarc_status org_group_assign(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_group_role_assign(c, a->ids[0], a->ids[1], &r->assignment);
}

static oarc_status org_group_get(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_group_role_retrieve(c, a->ids[0], a->ids[1], &r->role);
}

static oarc_status org_group_remove(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_org_group_role_unassign(c, a->ids[0], a->ids[1], &r->unassigned);
}

/* ---- Project assignments: IDs are PROJECT_ID USER_ID|GROUP_ID ROLE_ID ------------- */

static oarc_status proj_user_assign(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_user_role_assign(c, a->ids[0], a->ids[1], a->ids[2], &r->assignment);
}

static oarc_status proj_user_get(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_user_role_retrieve(c, a->ids[0], a->ids[1], a->ids[2], &r->role);
}

static oarc_status proj_user_remove(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_user_role_unassign(c, a->ids[0], a->ids[1], a->ids[2], &r->unassigned);
}

static oarc_status proj_group_assign(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_group_role_assign(c, a->ids[0], a->ids[1], a->ids[2], &r->assignment);
}

static oarc_status proj_group_get(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_group_role_retrieve(c, a->ids[0], a->ids[1], a->ids[2], &r->role);
}

static oarc_status proj_group_remove(oarc_client *c, const cli_args *a, cli_result *r)
{
    return oarc_project_group_role_unassign(c, a->ids[0], a->ids[1], a->ids[2],
                                            &r->unassigned);
}

/* ---- The table -------------------------------------------------------------------- */

/* Short names, so that each row fits one line. */
#define ORG OARC_SCOPE_ORG_ROLES
#define PROJ OARC_SCOPE_PROJECT_ROLES
#define ORG_USER OARC_SCOPE_ORG_USER_ROLES
#define ORG_GROUP OARC_SCOPE_ORG_GROUP_ROLES
#define PROJ_USER OARC_SCOPE_PROJECT_USER_ROLES
#define PROJ_GROUP OARC_SCOPE_PROJECT_GROUP_ROLES
#define NO_OPTS CLI_OPTIONS_NONE
#define LIST_OPTS CLI_OPTIONS_LIST
#define CREATE_OPTS CLI_OPTIONS_CREATE
#define UPDATE_OPTS CLI_OPTIONS_UPDATE
#define LIST CLI_OUTPUT_LIST
#define ROLE CLI_OUTPUT_ROLE
#define ASSIGNED CLI_OUTPUT_ASSIGNED_ROLE
#define DELETED CLI_OUTPUT_DELETED
#define USER_ASG CLI_OUTPUT_USER_ASSIGNMENT
#define GROUP_ASG CLI_OUTPUT_GROUP_ASSIGNMENT
#define UNASSIGNED CLI_OUTPUT_UNASSIGNED

static const cli_command commands[] = {
    { "org-role", "list", 0, LIST_OPTS, ORG, LIST, NULL },
    { "org-role", "create", 0, CREATE_OPTS, ORG, ROLE, org_role_create },
    { "org-role", "get", 1, NO_OPTS, ORG, ROLE, org_role_get },
    { "org-role", "update", 1, UPDATE_OPTS, ORG, ROLE, org_role_update },
    { "org-role", "delete", 1, NO_OPTS, ORG, DELETED, org_role_delete },
    { "project-role", "list", 1, LIST_OPTS, PROJ, LIST, NULL },
    { "project-role", "create", 1, CREATE_OPTS, PROJ, ROLE, project_role_create },
    { "project-role", "get", 2, NO_OPTS, PROJ, ROLE, project_role_get },
    { "project-role", "update", 2, UPDATE_OPTS, PROJ, ROLE, project_role_update },
    { "project-role", "delete", 2, NO_OPTS, PROJ, DELETED, project_role_delete },
    { "org-user-role", "list", 1, LIST_OPTS, ORG_USER, LIST, NULL },
    { "org-user-role", "assign", 2, NO_OPTS, ORG_USER, USER_ASG, org_user_assign },
    { "org-user-role", "get", 2, NO_OPTS, ORG_USER, ASSIGNED, org_user_get },
    { "org-user-role", "remove", 2, NO_OPTS, ORG_USER, UNASSIGNED, org_user_remove },
    { "org-group-role", "list", 1, LIST_OPTS, ORG_GROUP, LIST, NULL },
    { "org-group-role", "assign", 2, NO_OPTS, ORG_GROUP, GROUP_ASG, org_group_assign },
    { "org-group-role", "get", 2, NO_OPTS, ORG_GROUP, ASSIGNED, org_group_get },
    { "org-group-role", "remove", 2, NO_OPTS, ORG_GROUP, UNASSIGNED, org_group_remove },
    { "project-user-role", "list", 2, LIST_OPTS, PROJ_USER, LIST, NULL },
    { "project-user-role", "assign", 3, NO_OPTS, PROJ_USER, USER_ASG, proj_user_assign },
    { "project-user-role", "get", 3, NO_OPTS, PROJ_USER, ASSIGNED, proj_user_get },
    { "project-user-role", "remove", 3, NO_OPTS, PROJ_USER, UNASSIGNED, proj_user_remove },
    { "project-group-role", "list", 2, LIST_OPTS, PROJ_GROUP, LIST, NULL },
    { "project-group-role", "assign", 3, NO_OPTS, PROJ_GROUP, GROUP_ASG, proj_group_assign },
    { "project-group-role", "get", 3, NO_OPTS, PROJ_GROUP, ASSIGNED, proj_group_get },
    { "project-group-role", "remove", 3, NO_OPTS, PROJ_GROUP, UNASSIGNED, proj_group_remove },
};

const cli_command *cli_command_find(const char *noun, const char *verb)
{
    for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++) {
        if (strcmp(commands[k].noun, noun) == 0 && strcmp(commands[k].verb, verb) == 0) {
            return &commands[k];
        }
    }
    return NULL;
}

const cli_command *cli_command_at(size_t k)
{
    return k < sizeof(commands) / sizeof(commands[0]) ? &commands[k] : NULL;
}

/* ---- Running one ------------------------------------------------------------------ */

static void print_result(cli_output output, const cli_result *r)
{
    switch (output) {
    case CLI_OUTPUT_ROLE:
        cli_print_role(stdout, &r->role);
        break;
    case CLI_OUTPUT_ASSIGNED_ROLE:
        cli_print_assigned_role(stdout, &r->role);
        break;
    case CLI_OUTPUT_DELETED:
        cli_print_deleted(stdout, &r->deleted);
        break;
    case CLI_OUTPUT_USER_ASSIGNMENT:
    case CLI_OUTPUT_GROUP_ASSIGNMENT:
        cli_print_assignment(stdout, output == CLI_OUTPUT_GROUP_ASSIGNMENT, &r->assignment);
        break;
    case CLI_OUTPUT_UNASSIGNED:
        cli_print_unassigned(stdout, &r->unassigned);
        break;
    default:
        break;
    }
}

int cli_command_run(oarc_client *client, const cli_args *args)
{
    const cli_command *command = args->command;
    if (command->output == CLI_OUTPUT_LIST || command->call == NULL) {
        return cli_list_run(client, args);
    }
    static cli_result result; /* a role with its permissions: kept off the stack */
    oarc_status st = command->call(client, args, &result);
    if (st != OARC_OK) {
        return cli_fail(client, st);
    }
    print_result(command->output, &result);
    return CLI_EXIT_OK;
}
