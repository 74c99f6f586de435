/**
 * @file board_entropy.c
 * @brief The emulator's stand-in for a TRNG: the host's /dev/urandom, read
 * through semihosting (see board_entropy.h). Also mbedTLS's hardware entropy
 * source (MBEDTLS_ENTROPY_HARDWARE_ALT), so PSA crypto seeds from it too.
 */
#include "board_entropy.h"

#include "board_semihost.h"

/* The host file standing in for the TRNG. */
#define BOARD_TRNG_STAND_IN "/dev/urandom"
/* One semihosting read at most this long (QEMU copies through a bounce buffer). */
#define BOARD_ENTROPY_CHUNK 256u

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen);

oarc_status board_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    if (out == NULL && len != 0u) {
        return OARC_ERR_ENTROPY;
    }
    while (len > 0u) {
        size_t n = len < BOARD_ENTROPY_CHUNK ? len : BOARD_ENTROPY_CHUNK;
        if (!board_semihost_read_exact(BOARD_TRNG_STAND_IN, out, n)) {
            return OARC_ERR_ENTROPY;
        }
        out += n;
        len -= n;
    }
    return OARC_OK;
}

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen)
{
    (void)data;
    if (board_entropy(NULL, output, len) != OARC_OK) {
        *olen = 0;
        return -1;
    }
    *olen = len;
    return 0;
}
