/**
 * @file cli_usage.c
 * @brief The --help text: every command, its options, the output and the
 * exit codes.
 */
#include "cli_usage.h"

#include <stdbool.h>
#include <string.h>

#include "cli_commands.h"

static const char usage_head[] =
    "usage: oarc [global options] COMMAND VERB IDS... [options]\n"
    "       oarc help [COMMAND] | oarc COMMAND --help | oarc --version\n";

/* The commands, one line per noun and verbs: `oarc NOUN --help` prints a
 * noun's lines. */
static const char usage_commands[] =
    "\n"
    "Roles (IDs in path order):\n"
    "  org-role list                              [list options]\n"
    "  org-role create                            --name NAME permissions [description]\n"
    "  org-role get|delete ROLE_ID\n"
    "  org-role update ROLE_ID                    [field options]\n"
    "  project-role list PROJECT_ID               [list options]\n"
    "  project-role create PROJECT_ID             --name NAME permissions [description]\n"
    "  project-role get|delete PROJECT_ID ROLE_ID\n"
    "  project-role update PROJECT_ID ROLE_ID     [field options]\n"
    "\n"
    "Role assignments:\n"
    "  org-user-role list USER_ID                 [list options]\n"
    "  org-user-role assign|get|remove USER_ID ROLE_ID\n"
    "  org-group-role list GROUP_ID               [list options]\n"
    "  org-group-role assign|get|remove GROUP_ID ROLE_ID\n"
    "  project-user-role list PROJECT_ID USER_ID  [list options]\n"
    "  project-user-role assign|get|remove PROJECT_ID USER_ID ROLE_ID\n"
    "  project-group-role list PROJECT_ID GROUP_ID [list options]\n"
    "  project-group-role assign|get|remove PROJECT_ID GROUP_ID ROLE_ID\n";

static const char usage_fields[] =
    "\n"
    "Field options of update (an absent option leaves the field unchanged):\n"
    "  --name NAME            set role_name          --null-name         send null\n"
    "  --description TEXT     set description        --null-description  send null\n"
    "  --permission P         add P to permissions (repeatable)\n"
    "  --no-permissions       send [] (no permissions)\n"
    "  --null-permissions     send null\n"
    "create takes --name (required), --permission P (repeatable) or --no-permissions\n"
    "(one is required), and --description TEXT or --null-description (optional).\n";

static const char usage_list[] =
    "\n"
    "List options:\n"
    "  --limit N              items per page, 1..1000 (default: what fits the receive\n"
    "                         buffer; has_more and next tell whether more follow)\n"
    "  --after CURSOR         start after this item (a page's \"next\")\n"
    "  --order asc|desc       default: the server's (asc)\n"
    "  --all                  every page: items are streamed as they arrive and memory\n"
    "                         stays fixed; starts at --after; --limit is the page size\n"
    "                         (halved while a page does not fit the receive buffer,\n"
    "                         grown back after a page that used under half of it)\n";

static const char usage_global[] =
    "\n"
    "Global options:\n"
    "  --base-url URL         default: $OPENAI_BASE_URL, else https://api.openai.com/v1\n"
    "  --ca-file PEM          CA bundle the server must chain to\n"
    "                         (default: " CLI_SYSTEM_CA_BUNDLE ")\n"
    "  --timeout-ms N         deadline of each call, retries included (default 60000)\n"
    "  --max-retries N        retries after the first attempt (default 2)\n"
    "  --insecure-http        INSECURE: allow an http:// base URL (no TLS, key in clear)\n"
    "  --help                 this text (after a command: that command's)\n"
    "  --version              oarc's version, its TLS library and that one's version\n";

static const char usage_tail[] =
    "\n"
    "The admin key is read from $OPENAI_ADMIN_KEY. The result is printed as JSON on\n"
    "stdout in the API's shape: a role, {\"object\":\"role.deleted\",...}, an assignment\n"
    "with its user or group and role, {\"object\":\"user.role.deleted\",\"deleted\":true},\n"
    "or a list {\"object\":\"list\",\"data\":[...],\"has_more\":...,\"next\":...} (with --all:\n"
    "every item, has_more false, next null). A failure prints one line on stderr:\n"
    "  error: <status> <type>: <message> (request id <id>)\n"
    "A list item that does not decode is reported on stderr (its index and field),\n"
    "left out, and the list goes on; the exit code is then 3.\n"
    "Exit codes: 0 success, 1 API error, 2 usage or invalid input (nothing sent),\n"
    "3 network, TLS, certificate, timeout, or a response that could not be read.\n";

void cli_print_usage(FILE *out)
{
    fputs(usage_head, out);
    fputs(usage_commands, out);
    fputs(usage_fields, out);
    fputs(usage_list, out);
    fputs(usage_global, out);
    fputs(usage_tail, out);
}

/* The lines of usage_commands that start with "  NOUN ". */
static void print_noun_lines(FILE *out, const char *noun)
{
    size_t len = strlen(noun);
    for (const char *line = usage_commands; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) + 1u : strlen(line);
        if (n > len + 2u && strncmp(line, "  ", 2) == 0 && strncmp(line + 2, noun, len) == 0 &&
            line[2 + len] == ' ') {
            fwrite(line, 1, n, out);
        }
        line += n;
    }
}

void cli_print_noun_usage(FILE *out, const char *noun)
{
    bool fields = false, list = false;
    const cli_command *c = NULL;
    for (size_t k = 0; (c = cli_command_at(k)) != NULL; k++) {
        if (strcmp(c->noun, noun) == 0) {
            cli_option_set options = cli_command_options(c);
            fields = fields || options == CLI_OPTIONS_UPDATE || options == CLI_OPTIONS_CREATE;
            list = list || options == CLI_OPTIONS_LIST;
        }
    }
    fprintf(out, "usage: oarc [global options] %s VERB IDS... [options]\n\n", noun);
    print_noun_lines(out, noun);
    if (fields) {
        fputs(usage_fields, out);
    }
    if (list) {
        fputs(usage_list, out);
    }
    fputs("\nGlobal options (--base-url, --ca-file, ...), output and exit codes: oarc --help\n", out);
}
