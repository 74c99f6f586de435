/**
 * @file board_entropy.h
 * @brief The host-lwip board's entropy, the source lwIP itself lacks: the
 * Linux kernel's (getrandom, through the POSIX port). Given to the lwIP port
 * at init, and used once to seed lwIP's LWIP_RAND (rand() in the unix port).
 */
#ifndef BOARD_ENTROPY_H
#define BOARD_ENTROPY_H

#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_status.h"

/**
 * Fill out with len bytes from getrandom(). Matches
 * oarc_port_lwip_entropy_fn; ctx is unused. Returns OARC_OK or
 * OARC_ERR_ENTROPY.
 */
oarc_status board_entropy(void *ctx, uint8_t *out, size_t len);

/**
 * Seed the C library's rand() from board_entropy, so lwIP's first local TCP
 * port and its DNS query IDs and source ports differ between runs. Returns
 * OARC_OK or OARC_ERR_ENTROPY.
 */
oarc_status board_entropy_seed_rand(void);

#endif /* BOARD_ENTROPY_H */
