/**
 * @file oarc_port_posix.h
 * @brief The oarc port over POSIX sockets, for Linux hosts: getaddrinfo,
 * non-blocking sockets waited on with poll(), CLOCK_MONOTONIC, nanosleep and
 * getrandom.
 *
 * Every call is bounded by the timeout it is given, except name resolution:
 * getaddrinfo() blocks for as long as the system resolver takes (its own
 * timeouts come from resolv.conf), and only the time left afterwards is spent
 * connecting.
 */
#ifndef OARC_PORT_POSIX_H
#define OARC_PORT_POSIX_H

#include <stdint.h>

#include "oarc/oarc_port.h"

struct addrinfo;

/** The port's state: one socket. Declare it next to the client. */
typedef struct oarc_port_posix {
    int fd; /**< -1 when no connection is open */
} oarc_port_posix;

/**
 * Fill port with the POSIX functions, bound to ctx, and mark ctx closed.
 * Always initialise ctx through this function: a zeroed ctx would hold
 * file descriptor 0.
 */
void oarc_port_posix_init(oarc_port *port, oarc_port_posix *ctx);

/**
 * Connect ctx to the first address of the list that accepts, in list order,
 * within timeout_ms for the whole list. This is the second half of
 * port->connect (after getaddrinfo), exposed for callers that resolve names
 * themselves and for tests of the fall-through from one address to the next.
 * Returns OARC_OK, OARC_ERR_CONNECT (every address refused or unusable),
 * OARC_ERR_TIMEOUT (the time ran out) or OARC_ERR_ARGUMENT.
 */
oarc_status oarc_port_posix_connect_addrinfo(oarc_port_posix *ctx,
                                             const struct addrinfo *list,
                                             uint32_t timeout_ms);

#endif /* OARC_PORT_POSIX_H */
