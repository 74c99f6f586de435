/**
 * @file board_stack_probe.c
 * @brief mbedTLS's handshake's own stack, measured: every image of the board
 * that links the client is linked with `-Wl,--wrap=mbedtls_ssl_handshake`
 * (CMakeLists.txt), so each call of mbedtls_ssl_handshake (oarc's, in
 * tls.c, and mbedTLS's own from mbedtls_ssl_read for a TLS 1.3 ticket) comes
 * here first. The stack below this frame is painted, the real handshake
 * runs, and the lowest word it overwrote gives its depth below the call:
 * mbedTLS's frames and everything they call on the same stack (oarc's bio
 * callbacks, the lwIP raw port, the board's poll step with lwIP's input
 * path, the entropy source, and any interrupt taken meanwhile).
 *
 * Why measured and not analysed: mbedTLS calls through function pointers
 * (PSA drivers, the bio, the md/cipher layers) that a static call graph of
 * its objects cannot follow. tests/size/measured_stack.txt keeps the figure
 * for the stack report (tests/size/stack_usage.py).
 */
#include "board_stack_probe.h"

#include <stdio.h>

#include <mbedtls/ssl.h>

#include "board_mps2.h"

/* Room below this frame for board_stack_paint_below's own: the painting
 * stops this far below the call, so depths under it are not resolved (the
 * handshake needs far more). */
#define PAINT_MARGIN 64u

int __real_mbedtls_ssl_handshake(mbedtls_ssl_context *ssl);
int __wrap_mbedtls_ssl_handshake(mbedtls_ssl_context *ssl);

static struct {
    unsigned calls;
    size_t deepest_below; /* bytes below the call site, the deepest call */
    size_t call_depth;    /* that call site's depth from the stack's top */
} handshake;

int __wrap_mbedtls_ssl_handshake(mbedtls_ssl_context *ssl)
{
    uintptr_t sp = board_stack_pointer();
    board_stack_paint_below(sp - PAINT_MARGIN);
    int ret = __real_mbedtls_ssl_handshake(ssl);
    size_t below = (size_t)(sp - board_stack_deepest());
    handshake.calls++;
    if (below > handshake.deepest_below) {
        handshake.deepest_below = below;
        handshake.call_depth = (size_t)(board_stack_top() - sp);
    }
    return ret;
}

void board_stack_probe_print(void)
{
    if (handshake.calls == 0u) {
        printf("board: mbedtls_ssl_handshake stack not measured (never called)\n");
        return;
    }
    printf("board: mbedtls_ssl_handshake stack %u bytes below its call, called at %u of %u "
           "bytes (deepest of %u calls)\n",
           (unsigned)handshake.deepest_below, (unsigned)handshake.call_depth,
           (unsigned)board_stack_size(), handshake.calls);
}
