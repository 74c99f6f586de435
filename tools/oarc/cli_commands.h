/**
 * @file cli_commands.h
 * @brief The oarc CLI's commands as one table: the two words that name a
 * command, the library operation it calls, at which scope (the organization
 * or a project) and for whom (the scope's own roles, or those a user or a
 * group holds there). The rest follows from those: the IDs the command takes
 * (in path order: project, principal, role), its options, what it prints.
 */
#ifndef OARC_CLI_COMMANDS_H
#define OARC_CLI_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#include "oarc/oarc_client.h"
#include "oarc/oarc_role.h"

struct cli_args;

/** Which options a command takes besides the global ones. */
typedef enum cli_option_set {
    CLI_OPTIONS_NONE = 0,
    CLI_OPTIONS_UPDATE, /**< the field options of an update */
    CLI_OPTIONS_CREATE, /**< the field options, with --name and permissions required */
    CLI_OPTIONS_LIST    /**< --limit, --after, --order, --all */
} cli_option_set;

/** The operation a command calls: oarc_roles_* for the scope's own roles,
 *  oarc_assignments_* for a principal's. */
typedef enum cli_op {
    CLI_OP_LIST = 0, /**< *_list, or with --all oarc_role_iter (cli_list.c) */
    CLI_OP_CREATE,   /**< oarc_roles_create */
    CLI_OP_GET,      /**< *_retrieve */
    CLI_OP_UPDATE,   /**< oarc_roles_update */
    CLI_OP_DELETE,   /**< oarc_roles_delete */
    CLI_OP_ASSIGN,   /**< oarc_assignments_assign */
    CLI_OP_REMOVE    /**< oarc_assignments_remove */
} cli_op;

/** Whose roles a command addresses. */
typedef enum cli_principal {
    CLI_PRINCIPAL_NONE = 0, /**< the scope's own roles */
    CLI_PRINCIPAL_USER,     /**< those a user holds in the scope */
    CLI_PRINCIPAL_GROUP     /**< those a group holds in the scope */
} cli_principal;

typedef struct cli_command {
    const char *noun;
    const char *verb;
    cli_op op;
    oarc_scope_kind scope;   /**< OARC_SCOPE_ORG_ROLES or OARC_SCOPE_PROJECT_ROLES */
    cli_principal principal;
} cli_command;

/** What a command's IDs name: the scope, the principal (assigned only), the
 *  role (operations on one role). The IDs are pointed to, not copied. */
typedef struct cli_target {
    oarc_role_scope scope;        /**< the organization or the project */
    bool assigned;                /**< a principal's roles: principal is set */
    oarc_principal_ref principal;
    const char *role_id;          /**< NULL for list and create */
} cli_target;

/** The command named by noun and verb, or NULL. */
const cli_command *cli_command_find(const char *noun, const char *verb);

/** The k-th command of the table (for help and suggestions), NULL past its end. */
const cli_command *cli_command_at(size_t k);

/** How many IDs the command takes. */
size_t cli_command_ids(const cli_command *command);

/** The options the command takes besides the global ones. */
cli_option_set cli_command_options(const cli_command *command);

/** What the parsed command's IDs name (args->command set, its IDs all given). */
cli_target cli_target_of(const struct cli_args *args);

/** Run the command on an initialised client: print its JSON on stdout, or
 *  the failure on stderr. Returns the process's exit code. */
int cli_command_run(oarc_client *client, const struct cli_args *args);

#endif /* OARC_CLI_COMMANDS_H */
