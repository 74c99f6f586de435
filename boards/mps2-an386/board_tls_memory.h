/**
 * @file board_tls_memory.h
 * @brief The static array mbedTLS allocates from on this board.
 */
#ifndef BOARD_TLS_MEMORY_H
#define BOARD_TLS_MEMORY_H

#include <stddef.h>

/** Bytes of mbedTLS's pool: a 16 KB incoming record buffer, a 4 KB outgoing
 *  one, the handshake, the CA chain and the peer's certificate (peak
 *  measured by the qemu tests: see README.md). */
#ifndef BOARD_TLS_POOL_SIZE
#define BOARD_TLS_POOL_SIZE (40u * 1024u)
#endif

/** Hand the pool to mbedTLS (once; later calls do nothing). */
void board_tls_memory_start(void);

/** The pool's peak use so far and its size, in bytes. */
void board_tls_memory_peak(size_t *peak, size_t *size);

#endif /* BOARD_TLS_MEMORY_H */
