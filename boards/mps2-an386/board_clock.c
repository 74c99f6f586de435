/**
 * @file board_clock.c
 * @brief SysTick as the board's millisecond clock (lwIP's sys_now, the
 * oarc port's now_ms, mbedTLS's mbedtls_ms_time), and the cycle count read
 * from the tick count plus the running counter.
 */
#include "board_mps2.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SYST_CSR_ENABLE_TICKINT_CORECLK 0x7u
#define SYST_CSR_COUNTFLAG (1u << 16)
#define CORE_HZ 25000000u
#define CYCLES_PER_MS (CORE_HZ / 1000u)

void board_systick(void);

static volatile uint32_t ticks_ms;
static uint64_t idle_cycles; /* spent waiting in board_idle() */

void board_systick(void)
{
    ticks_ms++;
}

void board_clock_start(void)
{
    SYST_RVR = CYCLES_PER_MS - 1u;
    SYST_CVR = 0u;
    SYST_CSR = SYST_CSR_ENABLE_TICKINT_CORECLK;
}

uint32_t board_ms(void)
{
    return ticks_ms;
}

uint64_t board_cycles(void)
{
    /* Read the tick count on both sides of the counter: if a tick came in
     * between (the count changed), read again. */
    for (;;) {
        uint32_t before = ticks_ms;
        uint32_t down = SYST_CVR;
        if (ticks_ms == before) {
            return (uint64_t)before * CYCLES_PER_MS + (CYCLES_PER_MS - 1u - down);
        }
    }
}

void board_idle(void)
{
    uint64_t before = board_cycles();
    __asm volatile("wfi" ::: "memory");
    idle_cycles += board_cycles() - before;
}

uint64_t board_busy_instructions(void)
{
    return (board_cycles() - idle_cycles) * BOARD_NS_PER_CYCLE;
}
