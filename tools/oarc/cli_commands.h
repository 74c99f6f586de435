/**
 * @file cli_commands.h
 * @brief The oarc CLI's commands as one table: the two words that name a
 * command, how many IDs follow them (in path order), which options it takes,
 * the collection it addresses, what it prints and the operation it calls.
 */
#ifndef OARC_CLI_COMMANDS_H
#define OARC_CLI_COMMANDS_H

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

/** What a command prints on success. */
typedef enum cli_output {
    CLI_OUTPUT_LIST = 0,         /**< streamed by cli_list.c */
    CLI_OUTPUT_ROLE,             /**< Role */
    CLI_OUTPUT_ASSIGNED_ROLE,    /**< AssignedRoleDetails */
    CLI_OUTPUT_DELETED,          /**< RoleDeletedResource */
    CLI_OUTPUT_USER_ASSIGNMENT,  /**< UserRoleAssignment */
    CLI_OUTPUT_GROUP_ASSIGNMENT, /**< GroupRoleAssignment */
    CLI_OUTPUT_UNASSIGNED        /**< DeletedRoleAssignmentResource */
} cli_output;

/** Where a call leaves its result: the member its cli_output names. */
typedef union cli_result {
    oarc_role role;
    oarc_role_deleted deleted;
    oarc_role_assignment assignment;
    oarc_role_unassigned unassigned;
} cli_result;

/** One library operation, called with the command's IDs and options. */
typedef oarc_status (*cli_call)(oarc_client *client, const struct cli_args *args,
                                cli_result *result);

typedef struct cli_command {
    const char *noun;
    const char *verb;
    size_t ids;             /**< positional IDs, in path order */
    cli_option_set options;
    oarc_scope_kind scope;  /**< the collection: says what the IDs are */
    cli_output output;
    cli_call call;          /**< NULL for lists */
} cli_command;

/** The command named by noun and verb, or NULL. */
const cli_command *cli_command_find(const char *noun, const char *verb);

/** The k-th command of the table (for help and suggestions), NULL past its end. */
const cli_command *cli_command_at(size_t k);

/** Run the command on an initialised client: print its JSON on stdout, or
 *  the failure on stderr. Returns the process's exit code. */
int cli_command_run(oarc_client *client, const struct cli_args *args);

#endif /* OARC_CLI_COMMANDS_H */
