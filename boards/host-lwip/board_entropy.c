/**
 * @file board_entropy.c
 * @brief The host's entropy for the lwIP port: see board_entropy.h. It is
 * the POSIX port's (getrandom), reached through that port's own function,
 * so the host has one entropy source whichever stack carries its bytes.
 */
#include "board_entropy.h"

#include <stdlib.h>

#include "oarc_port_posix.h"

static oarc_port host_port;     /* used for its entropy function only */
static oarc_port_posix host_ctx; /* never connects */

oarc_status board_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    if (host_port.entropy == NULL) {
        oarc_port_posix_init(&host_port, &host_ctx);
    }
    return host_port.entropy(host_port.ctx, out, len);
}

oarc_status board_entropy_seed_rand(void)
{
    unsigned seed = 0;
    oarc_status st = board_entropy(NULL, (uint8_t *)&seed, sizeof seed);
    if (st == OARC_OK) {
        srand(seed);
    }
    return st;
}
