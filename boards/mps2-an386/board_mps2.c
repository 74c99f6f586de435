/**
 * @file board_mps2.c
 * @brief oarc_board.h on the mps2-an386: mbedTLS's static pool, lwIP up
 * with a DHCP lease (board_net.c), and the lwIP raw-API port over the
 * board's poll step and entropy. At deinit the board prints what a run
 * cost it: the pool's peak, the stack's high-water mark, and the stack
 * mbedTLS's handshake took below oarc's call (board_stack_probe.c).
 */
#include <stdio.h>

#include "oarc_board.h"
#include "oarc_port_lwip_raw.h"

#include "board_entropy.h"
#include "board_mps2.h"
#include "board_net.h"
#include "board_stack_probe.h"
#include "board_tls_memory.h"

#define DHCP_TIMEOUT_MS 10000u

static oarc_port_lwip_raw raw_port; /* the board's one connection */
static int net_up;

oarc_status oarc_board_init(oarc_port *port)
{
    if (port == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    board_tls_memory_start();
    if (!net_up) {
        oarc_status st = board_net_start(DHCP_TIMEOUT_MS);
        if (st != OARC_OK) {
            return st == OARC_ERR_TIMEOUT ? OARC_ERR_IO : st;
        }
        net_up = 1;
    }
    const oarc_lwip_raw_board board = {
        .poll = board_net_poll,
        .entropy = board_entropy,
        .board_ctx = NULL,
    };
    oarc_port_lwip_raw_init(&raw_port, &board, port);
    return OARC_OK;
}

const char *oarc_board_name(void)
{
    return "mps2-an386";
}

void oarc_board_deinit(void)
{
    size_t peak = 0, size = 0;
    board_tls_memory_peak(&peak, &size);
    printf("board: mbedTLS pool peak %u of %u bytes; stack high-water %u of %u bytes\n",
           (unsigned)peak, (unsigned)size, (unsigned)board_stack_high_water(),
           (unsigned)board_stack_size());
    board_stack_probe_print();
}
