/**
 * @file oarc_board.h
 * @brief What a board gives an application: its network brought up and an
 * oarc_port over it. Applications (the CLI, the provisioner) call only this
 * and the library, so the same application source links against any board:
 * boards/host (POSIX sockets), boards/host-lwip (lwIP in user space on a TAP
 * device), boards/host-lwip-raw (lwIP without an OS, NO_SYS=1, on a TAP
 * device) and boards/mps2-an386 (the one Cortex-M board: a Cortex-M4 under
 * QEMU, running the provisioner firmware).
 *
 * A board owns its own state (it is not library code); it reads any settings
 * it needs (addresses, interface names) from where that board keeps them:
 * the environment on a host, compiled-in constants on a device.
 */
#ifndef OARC_BOARD_H
#define OARC_BOARD_H

#include "oarc/oarc_port.h"
#include "oarc/oarc_status.h"

/**
 * Bring the board's network up (a no-op where the OS already has one) and
 * fill port with functions bound to the board's transport. Call once, before
 * oarc_client_init(). Returns OARC_OK, or OARC_ERR_ARGUMENT for a bad board
 * setting, OARC_ERR_IO when the network cannot be brought up.
 */
oarc_status oarc_board_init(oarc_port *port);

/** The board's short name, for messages ("board host-lwip: network not up")
 *  and the firmware's banner: "host", "host-lwip", "host-lwip-raw",
 *  "mps2-an386". */
const char *oarc_board_name(void);

/** Take the network down again; harmless when init failed or never ran. */
void oarc_board_deinit(void);

#endif /* OARC_BOARD_H */
