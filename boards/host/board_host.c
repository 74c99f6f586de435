/**
 * @file board_host.c
 * @brief The Linux host board: the operating system's network, reached
 * through the POSIX port. Nothing to bring up.
 */
#include "oarc_board.h"
#include "oarc_port_posix.h"

static oarc_port_posix host_port; /* the board's one connection */

oarc_status oarc_board_init(oarc_port *port)
{
    if (port == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    oarc_port_posix_init(port, &host_port);
    return OARC_OK;
}

const char *oarc_board_name(void)
{
    return "host";
}

void oarc_board_deinit(void)
{
    /* The client closes its connection; the OS network stays up. */
}
