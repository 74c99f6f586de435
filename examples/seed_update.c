/**
 * @file seed_update.c
 * @brief Set a project role's permissions and clear its description:
 *   seed_update PROJECT_ID ROLE_ID PERMISSION...
 * Only the fields named are sent; the role's name is left out.
 */
#include <stdio.h>

#include "example_client.h"

static oarc_client client; /* all of oarc's memory */

int main(int argc, char **argv)
{
    if (argc < 4 || (size_t)(argc - 3) > OARC_MAX_PERMISSIONS) {
        fprintf(stderr, "usage: seed_update PROJECT_ID ROLE_ID PERMISSION...\n");
        return 2;
    }
    if (example_client_init(&client) != OARC_OK) {
        return 2;
    }
    oarc_role_update change = {
        .description_state = OARC_FIELD_NULL,
        .permissions_state = OARC_FIELD_SET,
        .permissions = (const char *const *)&argv[3],
        .permission_count = (size_t)(argc - 3),
    };
    oarc_role role;
    oarc_status st = oarc_project_role_update(&client, argv[1], argv[2], &change, &role);
    if (st == OARC_OK) {
        printf("%s \"%s\": %zu permissions\n", role.id.ptr, role.name.ptr, role.permission_count);
    } else {
        const oarc_call_info *info = oarc_client_last_call(&client);
        fprintf(stderr, "%s (HTTP %d)\n", oarc_status_str(st), info->http_status);
    }
    example_client_deinit(&client);
    return st == OARC_OK ? 0 : 1;
}
