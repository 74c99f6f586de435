/**
 * @file board_mps2.h
 * @brief The mps2-an386 board's own services, for its files and for the
 * firmware's board-specific main: clock, console, exit, stack use.
 */
#ifndef BOARD_MPS2_H
#define BOARD_MPS2_H

#include <stddef.h>
#include <stdint.h>

/** Word the stack is painted with at reset. */
#define BOARD_STACK_PAINT 0xC0DEFACEu

/** Exit status of a fault exception (never an exit code of the firmware). */
#define BOARD_EXIT_FAULT 99
/** Exit status of a boot stopped for want of entropy. */
#define BOARD_EXIT_NO_ENTROPY 98

/* The reset handler starts the clock and the UART before main(). */

/** Start SysTick: a 1 ms tick from the 25 MHz core clock. */
void board_clock_start(void);

/** Milliseconds since board_clock_start(); wraps after 49 days. */
uint32_t board_ms(void);

/**
 * Core clock cycles since board_clock_start() (25 MHz). Under QEMU's
 * `-icount shift=0` virtual time follows executed instructions, one per
 * nanosecond, so cycles * 40 is an exact count of instructions executed.
 */
uint64_t board_cycles(void);

/** Nanoseconds per core clock cycle (25 MHz). */
#define BOARD_NS_PER_CYCLE 40u

/** Wait for the next interrupt (the next SysTick at the latest). */
void board_idle(void);

/**
 * Instructions executed since board_clock_start(), the time spent waiting in
 * board_idle() left out: exact to 40 instructions under QEMU's
 * `-icount shift=0`, meaningless without it.
 */
uint64_t board_busy_instructions(void);

/** Set up UART0 (CMSDK APB UART) as the console behind stdout. */
void board_uart_start(void);

/** Write bytes to UART0, waiting while its transmit buffer is full. */
void board_uart_write(const char *text, size_t len);

/** Stop the emulator with this exit status (through semihosting). */
__attribute__((noreturn)) void board_exit(int code);

/** Bytes of the stack ever used (painted words overwritten), repaints included. */
size_t board_stack_high_water(void);

/** Bytes reserved for the stack by the linker script. */
size_t board_stack_size(void);

/** Address just above the stack (its initial stack pointer). */
uintptr_t board_stack_top(void);

/**
 * Paint the stack from its limit up to end (exclusive; a point below the
 * caller's frame, with room for this function's own), after keeping the
 * deepest use so far for board_stack_high_water().
 */
void board_stack_paint_below(uintptr_t end);

/** Address of the lowest stack word overwritten since the last paint. */
uintptr_t board_stack_deepest(void);

/** The current stack pointer (the calling function's frame is above it). */
__attribute__((always_inline)) static inline uintptr_t board_stack_pointer(void)
{
    uintptr_t sp;
    __asm volatile("mov %0, sp" : "=r"(sp));
    return sp;
}

#endif /* BOARD_MPS2_H */
