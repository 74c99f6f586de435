/**
 * @file board_uart.c
 * @brief UART0 (CMSDK APB UART at 0x40004000) as the console, and
 * picolibc's stdout/stderr over it (a FILE with a put function: no buffer,
 * no heap).
 */
#include <stdio.h>

#include "board_mps2.h"

#define UART0_DATA (*(volatile uint32_t *)0x40004000u)
#define UART0_STATE (*(volatile uint32_t *)0x40004004u)
#define UART0_CTRL (*(volatile uint32_t *)0x40004008u)
#define UART0_BAUDDIV (*(volatile uint32_t *)0x40004010u)
#define UART_STATE_TX_FULL 0x1u
#define UART_CTRL_TX_ENABLE 0x1u
#define UART_BAUDDIV_MIN 16u /* the smallest divider the CMSDK UART accepts */

void board_uart_start(void)
{
    UART0_BAUDDIV = UART_BAUDDIV_MIN;
    UART0_CTRL = UART_CTRL_TX_ENABLE;
}

static void put_byte(char c)
{
    while (UART0_STATE & UART_STATE_TX_FULL) {
    }
    UART0_DATA = (uint8_t)c;
}

void board_uart_write(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        put_byte(text[i]);
    }
}

static int console_put(char c, FILE *f)
{
    (void)f;
    if (c == '\n') {
        put_byte('\r');
    }
    put_byte(c);
    return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdin = NULL;
FILE *const stdout = &console;
FILE *const stderr = &console;
