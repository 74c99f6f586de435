/**
 * @file board_stack_probe.h
 * @brief The stack mbedtls_ssl_handshake needs below oarc's call of it,
 * measured on this board (board_stack_probe.c).
 */
#ifndef BOARD_STACK_PROBE_H
#define BOARD_STACK_PROBE_H

/**
 * Print the measurement on the console, one line a test reads:
 * `board: mbedtls_ssl_handshake stack B bytes below its call, called at D of
 * S bytes (deepest of N calls)`: B the deepest any call went below its own
 * call site, D that call site's depth from the stack's top, S the stack's
 * size; or `board: mbedtls_ssl_handshake stack not measured (never called)`.
 */
void board_stack_probe_print(void);

#endif /* BOARD_STACK_PROBE_H */
