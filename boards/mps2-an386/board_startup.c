/**
 * @file board_startup.c
 * @brief Reset and fault entry of the mps2-an386 board: the vector table,
 * then .data copied from flash, .bss zeroed, the FPU enabled, picolibc's
 * thread pointer set (errno is thread-local there), the stack painted, and
 * main() run; its return value leaves through semihosting as the
 * emulator's exit status.
 */
#include <stdint.h>
#include <string.h>

#include <stdio.h>

#include "board_entropy.h"
#include "board_mps2.h"
#include "board_semihost.h"

int main(void);
void board_reset(void);
void board_fault(void);
void board_systick(void);
void _set_tls(void *tls); /* picolibc */

/* From mps2_an386.ld. */
extern uint32_t __data_start[], __data_end[], __data_source[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_top[];
extern uint8_t __tls_base[];

#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)
#define CPACR_CP10_CP11_FULL (0xFu << 20)

typedef void (*vector)(void);

/* Initial stack pointer, then the 15 system exceptions. No peripheral
 * interrupt is enabled: the UART and the Ethernet controller are polled. */
__attribute__((section(".vectors"), used))
static const vector vector_table[16] = {
    (vector)(uintptr_t)__stack_top,
    board_reset,
    board_fault, /* NMI */
    board_fault, /* HardFault */
    board_fault, /* MemManage */
    board_fault, /* BusFault */
    board_fault, /* UsageFault */
    0, 0, 0, 0,
    board_fault, /* SVCall */
    board_fault, /* DebugMon */
    0,
    board_fault, /* PendSV */
    board_systick,
};

/* No entropy, no boot: keys made from a guessable seed are worse than no
 * device at all, so there is no fallback. */
static void require_entropy(void)
{
    uint8_t probe[16];
    if (board_entropy(NULL, probe, sizeof probe) != OARC_OK) {
        printf("mps2-an386: no entropy: the host's /dev/urandom (this emulator's stand-in "
               "for a TRNG) cannot be read through semihosting; stopping the boot\n");
        board_exit(BOARD_EXIT_NO_ENTROPY);
    }
    memset(probe, 0, sizeof probe);
}

__attribute__((noreturn)) void board_reset(void)
{
    size_t data = (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start);
    size_t bss = (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start);
    memcpy(__data_start, __data_source, data);
    memset(__bss_start, 0, bss);
    SCB_CPACR |= CPACR_CP10_CP11_FULL;
    __asm volatile("dsb\n\tisb" ::: "memory");
    _set_tls(__tls_base);
    /* For board_stack_high_water(): all of the stack below this frame,
     * with a margin for board_stack_paint_below's own. */
    board_stack_paint_below(board_stack_pointer() - 256u);
    board_clock_start();
    board_uart_start();
    require_entropy();
    board_exit(main());
}

/* A fault is a bug: say so where the test sees it and stop the emulator. */
__attribute__((noreturn)) void board_fault(void)
{
    board_semihost_write0("mps2-an386: fault exception, stopping\n");
    board_exit(BOARD_EXIT_FAULT);
}

void board_exit(int code)
{
    board_semihost_exit(code);
}

/* The C library's exit() ends here: the emulator stops with that status. */
void _exit(int code);
void _exit(int code)
{
    board_exit(code);
}
