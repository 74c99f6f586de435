/**
 * @file board_tls_memory.c
 * @brief mbedTLS's memory on this board: one static array handed to
 * MBEDTLS_MEMORY_BUFFER_ALLOC_C, and the "no heap" stand-ins mbedTLS calls
 * before that (mbedtls_board_config.h), which fail instead of reaching the
 * C library. Also mbedTLS's clocks (MBEDTLS_PLATFORM_MS_TIME_ALT, and
 * seconds since boot as its time()).
 */
#include "board_tls_memory.h"

#include <mbedtls/memory_buffer_alloc.h>
#include <mbedtls/platform_time.h>

#include "board_mps2.h"

static unsigned char pool[BOARD_TLS_POOL_SIZE] __attribute__((aligned(8)));
static int pool_ready;

void *oarc_mps2_no_calloc(size_t n, size_t size)
{
    (void)n;
    (void)size;
    return NULL;
}

void oarc_mps2_no_free(void *p)
{
    (void)p;
}

void board_tls_memory_start(void)
{
    if (!pool_ready) {
        mbedtls_memory_buffer_alloc_init(pool, sizeof pool);
        pool_ready = 1;
    }
}

void board_tls_memory_peak(size_t *peak, size_t *size)
{
    size_t blocks = 0;
    *peak = 0;
    mbedtls_memory_buffer_alloc_max_get(peak, &blocks);
    *size = sizeof pool;
}

long long oarc_mps2_time(long long *t)
{
    long long now = (long long)(board_ms() / 1000u);
    if (t != NULL) {
        *t = now;
    }
    return now;
}

mbedtls_ms_time_t mbedtls_ms_time(void)
{
    return (mbedtls_ms_time_t)board_ms();
}
