/**
 * @file cc.h
 * @brief lwIP's compiler and platform glue for the mps2-an386 board:
 * arm-none-eabi-gcc with picolibc, little endian, lwIP's own errno numbers
 * (NO_SYS: no sockets set errno), random numbers from the board's
 * generator (seeded from its entropy source), assertions that stop the
 * board with a message.
 */
#ifndef OARC_MPS2_ARCH_CC_H
#define OARC_MPS2_ARCH_CC_H

#include <stdint.h>

#define LWIP_PROVIDE_ERRNO 1
#define BYTE_ORDER LITTLE_ENDIAN

/* Only declared: SYS_LIGHTWEIGHT_PROT is 0. */
typedef uint32_t sys_prot_t;

/* TCP's first local port, DNS query IDs and source ports. */
uint32_t board_lwip_rand(void);
#define LWIP_RAND() board_lwip_rand()

void board_lwip_assert(const char *msg, const char *file, int line);
#define LWIP_PLATFORM_DIAG(x) do { } while (0)
#define LWIP_PLATFORM_ASSERT(x) board_lwip_assert((x), __FILE__, __LINE__)

#endif /* OARC_MPS2_ARCH_CC_H */
