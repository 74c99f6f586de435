/**
 * @file board_stack.c
 * @brief The board's one stack, measured by painting: every word below a
 * point is filled with BOARD_STACK_PAINT, and after the code under
 * measurement ran, the lowest word no longer holding it is the deepest the
 * stack went (interrupts taken meanwhile included: they run on this stack
 * too). The reset handler paints the whole stack once (board_stack_high_water
 * reads it at exit); board_stack_probe.c paints again below one call to
 * measure that call alone, after keeping what had been used so far, so the
 * whole run's high-water mark survives the repainting.
 */
#include "board_mps2.h"

/* From mps2_an386.ld. */
extern uint32_t __stack_limit[], __stack_top[];

/* The run's deepest use before the last repaint, in bytes from the top. */
static size_t used_before_repaint;
/* Before the reset handler's paint the stack holds whatever RAM held. */
static int painted;

uintptr_t board_stack_deepest(void)
{
    const uint32_t *p = __stack_limit;
    while (p < __stack_top && *p == BOARD_STACK_PAINT) {
        p++;
    }
    return (uintptr_t)p;
}

static size_t used_since_repaint(void)
{
    return (size_t)((uintptr_t)__stack_top - board_stack_deepest());
}

void board_stack_paint_below(uintptr_t end)
{
    size_t used = painted ? used_since_repaint() : 0u;
    if (used > used_before_repaint) {
        used_before_repaint = used;
    }
    painted = 1;
    volatile uint32_t *p = __stack_limit;
    while ((uintptr_t)p < end) {
        *p++ = BOARD_STACK_PAINT;
    }
}

size_t board_stack_high_water(void)
{
    size_t used = used_since_repaint();
    return used > used_before_repaint ? used : used_before_repaint;
}

size_t board_stack_size(void)
{
    return (size_t)((uintptr_t)__stack_top - (uintptr_t)__stack_limit);
}

uintptr_t board_stack_top(void)
{
    return (uintptr_t)__stack_top;
}
