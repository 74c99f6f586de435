/**
 * @file board_entropy.h
 * @brief The board's entropy source. QEMU's mps2-an386 has no hardware
 * random number generator: on the emulator the bytes come from the host's
 * /dev/urandom through semihosting, standing in for the TRNG a real part
 * has. There is no fallback and no fixed seed: when this fails, the board
 * does not boot.
 */
#ifndef BOARD_ENTROPY_H
#define BOARD_ENTROPY_H

#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_status.h"

/** Fill out with len strong random bytes: OARC_OK or OARC_ERR_ENTROPY.
 *  ctx is unused (the shape of oarc_lwip_raw_board.entropy). */
oarc_status board_entropy(void *ctx, uint8_t *out, size_t len);

#endif /* BOARD_ENTROPY_H */
