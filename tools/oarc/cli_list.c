/**
 * @file cli_list.c
 * @brief Lists. Without --all, one page, printed as the API's list object.
 * With --all, oarc_role_iter walks every page and each item is printed as
 * soon as it is decoded, so the CLI's memory does not grow with the list;
 * the output has the same shape, with has_more false and next null.
 *
 * An item that does not decode is reported on stderr (its index and the
 * member at fault) and left out, the walk goes on, and the exit code is 3.
 * The list's opening is printed with its first item or its end, so a list
 * that fails at its first request prints nothing on stdout. A walk that
 * fails later leaves stdout unterminated (no parser takes it for a whole
 * list) and says why on stderr.
 */
#include "cli_list.h"

#include <stdio.h>

#include "cli_print.h"
#include "cli_report.h"
#include "oarc/oarc_assignments.h"
#include "oarc/oarc_roles.h"

/** Items printed and items passed over, and whether the list was opened. */
typedef struct list_out {
    bool assigned;  /**< AssignedRoleDetails, not Roles */
    bool opened;
    size_t printed;
    size_t bad;
} list_out;

/** One page: the scope's roles, or those the principal holds there. */
static oarc_status fetch_page(oarc_client *c, const cli_target *t,
                              const oarc_list_params *params, oarc_role_page *page)
{
    return t->assigned ? oarc_assignments_list(c, &t->scope, &t->principal, params, page)
                       : oarc_roles_list(c, &t->scope, params, page);
}

/** The list the target names, as oarc_role_iter_init() takes it. */
static oarc_status list_scope(const cli_target *t, oarc_role_scope *out)
{
    if (!t->assigned) {
        *out = t->scope;
        return OARC_OK;
    }
    return oarc_assignments_scope(&t->scope, &t->principal, out);
}

static void open_list(list_out *o)
{
    if (!o->opened) {
        cli_print_list_begin(stdout);
        o->opened = true;
    }
}

/** One item's outcome: print it, or report why it was passed over. */
static void take_item(list_out *o, oarc_status st, const oarc_role *role, const char *bad_field)
{
    open_list(o);
    if (st == OARC_OK) {
        cli_print_list_item(stdout, o->printed++, o->assigned, role);
        return;
    }
    fprintf(stderr, "error: item %zu: %s: bad field '%s' (item left out)\n",
            o->printed + o->bad, oarc_status_str(st), bad_field ? bad_field : "?");
    o->bad++;
}

/** The list is complete: close it; items that were passed over make it exit 3. */
static int close_list(list_out *o, bool has_more, oarc_span next)
{
    open_list(o);
    cli_print_list_end(stdout, has_more, next);
    if (o->bad == 0) {
        return CLI_EXIT_OK;
    }
    fprintf(stderr, "error: %zu of %zu items did not decode\n", o->bad, o->printed + o->bad);
    return CLI_EXIT_NETWORK;
}

static int one_page(oarc_client *client, const cli_target *target, const cli_args *args,
                    list_out *o)
{
    oarc_role_page page;
    /* Without --limit, ask for what fits rx rather than the server's 1000. */
    oarc_list_params params = args->list;
    if (params.limit == 0u) {
        params.limit = oarc_list_fitting_limit();
    }
    oarc_status st = fetch_page(client, target, &params, &page);
    if (st != OARC_OK) {
        return cli_fail(client, st);
    }
    /* count + 1 calls at most: the last one says OARC_ITER_END. */
    for (size_t i = 0; i <= page.count; i++) {
        oarc_role role;
        st = oarc_role_page_next(&page, &role);
        if (st == OARC_ITER_END) {
            break;
        }
        take_item(o, st, &role, page.bad_field);
    }
    return close_list(o, page.has_more, page.next);
}

/** A walk that stopped after it had sent requests: anything but the API's
 *  own answer is about the response, not the input. */
static int walk_failed(oarc_client *client, oarc_status st, const list_out *o)
{
    if (o->opened) {
        fputc('\n', stdout);
    }
    int code = cli_fail(client, st);
    return code == CLI_EXIT_USAGE ? CLI_EXIT_NETWORK : code;
}

static int every_page(oarc_client *client, const cli_target *target, const cli_args *args,
                      list_out *o)
{
    static oarc_role_iter it; /* holds a cursor copy: kept off the stack, as on a device */
    oarc_role_scope scope; /* copied by the iterator; its IDs are argv's */
    oarc_status st = list_scope(target, &scope);
    if (st == OARC_OK) {
        st = oarc_role_iter_init(&it, client, &scope, &args->list);
    }
    if (st != OARC_OK) {
        return cli_fail(client, st); /* nothing was sent */
    }
    /* The iterator itself is bounded (OARC_LIST_MAX_PAGES pages of at most
     * 1000 items); this bound only makes that visible here. */
    const size_t max_items = (size_t)OARC_LIST_MAX_PAGES * 1000u + 1u;
    for (size_t n = 0; n < max_items; n++) {
        oarc_role role;
        st = oarc_role_iter_next(&it, &role);
        if (st == OARC_ITER_END) {
            return close_list(o, false, (oarc_span){ NULL, 0 });
        }
        /* A failure that leaves the walk going is one item's; a page that
         * does not decode ends it with the same statuses. */
        if (st != OARC_OK && oarc_role_iter_ended(&it)) {
            return walk_failed(client, st, o);
        }
        take_item(o, st, &role, it.page.bad_field);
    }
    return walk_failed(client, OARC_ERR_TOO_MANY_PAGES, o);
}

int cli_list_run(oarc_client *client, const cli_args *args)
{
    cli_target target = cli_target_of(args);
    list_out o = { target.assigned, false, 0, 0 };
    int code = args->all ? every_page(client, &target, args, &o)
                         : one_page(client, &target, args, &o);
    fflush(stdout);
    return code;
}
