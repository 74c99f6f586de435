/**
 * @file board_prepare.c
 * @brief The host-side checks of the lwIP host boards: see board_prepare.h.
 */
#include "board_prepare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board_entropy.h"
#include "board_tap.h"

/* getenv as the settings reader's getter (whose type returns const char *). */
static const char *host_getenv(const char *name)
{
    return getenv(name);
}

/* The TAP device: checked on the first init; a later init finds it attached
 * already (by us) and must name the same one. */
static oarc_status claim_tap(const board_settings *s, const char *attached, char *why,
                             size_t why_len)
{
    if (attached == NULL) {
        return board_tap_check(s->tap, why, why_len);
    }
    if (strcmp(s->tap, attached) != 0) {
        (void)snprintf(why, why_len, "OARC_LWIP_TAP='%s': this process is attached to %s "
                       "already (one TAP device per process)", s->tap, attached);
        return OARC_ERR_ARGUMENT;
    }
    return OARC_OK;
}

oarc_status board_prepare(board_settings *s, const char *board, const char *attached)
{
    char why[256];
    oarc_status st = board_settings_read(s, host_getenv, why, sizeof why);
    if (st == OARC_OK) {
        st = claim_tap(s, attached, why, sizeof why);
    }
    if (st != OARC_OK) {
        fprintf(stderr, "%s: %s\n", board, why);
        return st;
    }
    if (board_entropy_seed_rand() != OARC_OK) {
        fprintf(stderr, "%s: no entropy from the kernel (getrandom)\n", board);
        return OARC_ERR_IO;
    }
    return board_tap_select(s->tap);
}
