/**
 * @file cli_commands.c
 * @brief The command table, what a command's IDs name, and the one switch
 * from a command's operation to the library call that does it. The scope and
 * the principal are data handed to the library (oarc_roles_*,
 * oarc_assignments_*), never a branch here. What to print follows from the
 * operation too, so printing and failure reports live in one place,
 * cli_command_run(). Lists stream their items and have a runner of their own
 * (cli_list.c).
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

/* ---- The table -------------------------------------------------------------------- */

/* Short names, so that each row fits one line. */
#define ORG OARC_SCOPE_ORG_ROLES
#define PROJ OARC_SCOPE_PROJECT_ROLES
#define OWN CLI_PRINCIPAL_NONE
#define USER CLI_PRINCIPAL_USER
#define GROUP CLI_PRINCIPAL_GROUP

static const cli_command commands[] = {
    { "org-role", "list", CLI_OP_LIST, ORG, OWN },
    { "org-role", "create", CLI_OP_CREATE, ORG, OWN },
    { "org-role", "get", CLI_OP_GET, ORG, OWN },
    { "org-role", "update", CLI_OP_UPDATE, ORG, OWN },
    { "org-role", "delete", CLI_OP_DELETE, ORG, OWN },
    { "project-role", "list", CLI_OP_LIST, PROJ, OWN },
    { "project-role", "create", CLI_OP_CREATE, PROJ, OWN },
    { "project-role", "get", CLI_OP_GET, PROJ, OWN },
    { "project-role", "update", CLI_OP_UPDATE, PROJ, OWN },
    { "project-role", "delete", CLI_OP_DELETE, PROJ, OWN },
    { "org-user-role", "list", CLI_OP_LIST, ORG, USER },
    { "org-user-role", "assign", CLI_OP_ASSIGN, ORG, USER },
    { "org-user-role", "get", CLI_OP_GET, ORG, USER },
    { "org-user-role", "remove", CLI_OP_REMOVE, ORG, USER },
    { "org-group-role", "list", CLI_OP_LIST, ORG, GROUP },
    { "org-group-role", "assign", CLI_OP_ASSIGN, ORG, GROUP },
    { "org-group-role", "get", CLI_OP_GET, ORG, GROUP },
    { "org-group-role", "remove", CLI_OP_REMOVE, ORG, GROUP },
    { "project-user-role", "list", CLI_OP_LIST, PROJ, USER },
    { "project-user-role", "assign", CLI_OP_ASSIGN, PROJ, USER },
    { "project-user-role", "get", CLI_OP_GET, PROJ, USER },
    { "project-user-role", "remove", CLI_OP_REMOVE, PROJ, USER },
    { "project-group-role", "list", CLI_OP_LIST, PROJ, GROUP },
    { "project-group-role", "assign", CLI_OP_ASSIGN, PROJ, GROUP },
    { "project-group-role", "get", CLI_OP_GET, PROJ, GROUP },
    { "project-group-role", "remove", CLI_OP_REMOVE, PROJ, GROUP },
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

/* ---- What follows from a row ------------------------------------------------------ */

/** Whether the operation addresses one role (its ID comes last). */
static bool takes_role_id(cli_op op)
{
    return op != CLI_OP_LIST && op != CLI_OP_CREATE;
}

size_t cli_command_ids(const cli_command *c)
{
    return (c->scope == OARC_SCOPE_PROJECT_ROLES ? 1u : 0u) +
           (c->principal != CLI_PRINCIPAL_NONE ? 1u : 0u) + (takes_role_id(c->op) ? 1u : 0u);
}

cli_option_set cli_command_options(const cli_command *c)
{
    switch (c->op) {
    case CLI_OP_LIST:
        return CLI_OPTIONS_LIST;
    case CLI_OP_CREATE:
        return CLI_OPTIONS_CREATE;
    case CLI_OP_UPDATE:
        return CLI_OPTIONS_UPDATE;
    case CLI_OP_GET:
    case CLI_OP_DELETE:
    case CLI_OP_ASSIGN:
    case CLI_OP_REMOVE:
        break;
    }
    return CLI_OPTIONS_NONE;
}

cli_target cli_target_of(const cli_args *a)
{
    const cli_command *c = a->command;
    cli_target t = { { c->scope, NULL, NULL }, false, { OARC_PRINCIPAL_USER, NULL }, NULL };
    size_t next = 0;

    if (c->scope == OARC_SCOPE_PROJECT_ROLES) {
        t.scope.project_id = a->ids[next++];
    }
    if (c->principal != CLI_PRINCIPAL_NONE) {
        t.assigned = true;
        t.principal.type =
            c->principal == CLI_PRINCIPAL_GROUP ? OARC_PRINCIPAL_GROUP : OARC_PRINCIPAL_USER;
        t.principal.id = a->ids[next++];
    }
    if (takes_role_id(c->op)) {
        t.role_id = a->ids[next];
    }
    return t;
}

/* ---- Running one ------------------------------------------------------------------ */

/** Where a call leaves its result: the member its operation names. */
typedef union cli_result {
    oarc_role role;
    oarc_role_deleted deleted;
    oarc_role_assignment assignment;
    oarc_role_unassigned unassigned;
} cli_result;

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

/** The command's operation on target: the one library call it names. */
static oarc_status call(oarc_client *c, const cli_args *a, const cli_target *t, cli_result *r)
{
    oarc_role_create body;

    switch (a->command->op) {
    case CLI_OP_CREATE:
        body = create_body(a);
        return oarc_roles_create(c, &t->scope, &body, &r->role);
    case CLI_OP_GET:
        return t->assigned
               ? oarc_assignments_retrieve(c, &t->scope, &t->principal, t->role_id, &r->role)
               : oarc_roles_retrieve(c, &t->scope, t->role_id, &r->role);
    case CLI_OP_UPDATE:
        return oarc_roles_update(c, &t->scope, t->role_id, &a->update, &r->role);
    case CLI_OP_DELETE:
        return oarc_roles_delete(c, &t->scope, t->role_id, &r->deleted);
    case CLI_OP_ASSIGN:
        return oarc_assignments_assign(c, &t->scope, &t->principal, t->role_id,
                                       &r->assignment);
    case CLI_OP_REMOVE:
        return oarc_assignments_remove(c, &t->scope, &t->principal, t->role_id,
                                       &r->unassigned);
    case CLI_OP_LIST:
        break; /* lists run in cli_list.c */
    }
    return OARC_ERR_ARGUMENT;
}

/** The answer, in the shape the API gave it. */
static void print_result(const cli_target *t, cli_op op, const cli_result *r)
{
    switch (op) {
    case CLI_OP_GET:
        if (t->assigned) {
            cli_print_assigned_role(stdout, &r->role);
        } else {
            cli_print_role(stdout, &r->role);
        }
        break;
    case CLI_OP_CREATE:
    case CLI_OP_UPDATE:
        cli_print_role(stdout, &r->role);
        break;
    case CLI_OP_DELETE:
        cli_print_deleted(stdout, &r->deleted);
        break;
    case CLI_OP_ASSIGN:
        cli_print_assignment(stdout, t->principal.type == OARC_PRINCIPAL_GROUP, &r->assignment);
        break;
    case CLI_OP_REMOVE:
        cli_print_unassigned(stdout, &r->unassigned);
        break;
    case CLI_OP_LIST:
        break;
    }
}

int cli_command_run(oarc_client *client, const cli_args *args)
{
    if (args->command->op == CLI_OP_LIST) {
        return cli_list_run(client, args);
    }
    static cli_result result; /* a role with its permissions: kept off the stack */
    cli_target target = cli_target_of(args);
    oarc_status st = call(client, args, &target, &result);
    if (st != OARC_OK) {
        return cli_fail(client, st);
    }
    print_result(&target, args->command->op, &result);
    return CLI_EXIT_OK;
}
