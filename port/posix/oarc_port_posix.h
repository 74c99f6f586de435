/**
 * @file oarc_port_posix.h
 * @brief The oarc port over POSIX sockets, for Linux hosts.
 */
#ifndef OARC_PORT_POSIX_H
#define OARC_PORT_POSIX_H

#include "oarc/oarc_port.h"

/** The port's state: one socket. Declare it next to the client. */
typedef struct oarc_port_posix {
    int fd; /**< -1 when no connection is open */
} oarc_port_posix;

/** Fill port with the POSIX functions, bound to ctx (which starts closed). */
void oarc_port_posix_init(oarc_port *port, oarc_port_posix *ctx);

#endif /* OARC_PORT_POSIX_H */
