/**
 * @file cc.h
 * @brief lwIP's compiler and platform glue for a Cortex-M4 with GCC and
 * newlib (arm-none-eabi), as the compile check of the oarc lwIP port sees it.
 *
 * errno: LWIP_PROVIDE_ERRNO, so lwIP's own errno numbers and one
 * `int errno` (defined by the board) are what lwIP's sockets set and the
 * port reads; newlib's <errno.h> is never involved. An RTOS board whose
 * tasks share sockets would rather map errno to newlib's per-task one
 * (LWIP_ERRNO_STDINCLUDE with newlib reentrancy); the port compiles the same.
 */
#ifndef OARC_CM4_CHECK_ARCH_CC_H
#define OARC_CM4_CHECK_ARCH_CC_H

#include <stdint.h>

#define LWIP_PROVIDE_ERRNO 1

#define BYTE_ORDER LITTLE_ENDIAN

/* Interrupt masking, saved PRIMASK. */
typedef uint32_t sys_prot_t;

/* The board's hardware RNG (TCP ports, DNS IDs). */
uint32_t board_rng_u32(void);
#define LWIP_RAND() board_rng_u32()

/* No printf on the device: the board logs or halts. */
void board_lwip_assert(const char *msg, const char *file, int line);
#define LWIP_PLATFORM_DIAG(x) do { } while (0)
#define LWIP_PLATFORM_ASSERT(x) board_lwip_assert((x), __FILE__, __LINE__)

#endif /* OARC_CM4_CHECK_ARCH_CC_H */
