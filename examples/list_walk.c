/**
 * @file list_walk.c
 * @brief Every organization role, page by page, in fixed memory: the
 * iterator fetches the next page when one is spent and shrinks the page
 * size while a page does not fit the receive buffer.
 */
#include <stdio.h>

#include "example_client.h"

static oarc_client client;
static oarc_role_iter it; /* holds the current page: a few KB, so not on the stack */

int main(void)
{
    if (example_client_init(&client) != OARC_OK) {
        return 2;
    }
    const oarc_role_scope scope = { .kind = OARC_SCOPE_ORG_ROLES };
    oarc_status st = oarc_role_iter_init(&it, &client, &scope, NULL);
    size_t count = 0;
    oarc_role role;
    while (st == OARC_OK) {
        st = oarc_role_iter_next(&it, &role);
        if (st == OARC_OK) {
            printf("%s %s\n", role.id.ptr, role.name.ptr);
            count++;
        } else if (st == OARC_ERR_JSON_SHAPE || st == OARC_ERR_TOO_MANY_ITEMS) {
            st = OARC_OK; /* one item this build cannot read: the walk goes on */
        }
    }
    printf("%zu roles in %zu pages: %s\n", count, it.pages, oarc_status_str(st));
    example_client_deinit(&client);
    return st == OARC_ITER_END ? 0 : 1;
}
