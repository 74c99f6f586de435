/**
 * @file board_settings.h
 * @brief The host-lwip board's settings, read from the environment and
 * checked strictly, so a typo is an error with a message and never a
 * silently different network.
 *
 *   OARC_LWIP_TAP      TAP device to attach to (default tap0); it must exist
 *   OARC_LWIP_ADDR     lwIP's IPv4 address, dotted quad (required)
 *   OARC_LWIP_NETMASK  default 255.255.255.0; contiguous
 *   OARC_LWIP_GW       gateway, on the same subnet (default: none)
 *   OARC_LWIP_DNS      DNS server for lwIP's resolver (default: none; then
 *                      only IP-literal hosts connect)
 */
#ifndef BOARD_SETTINGS_H
#define BOARD_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_status.h"

/** Longest TAP device name Linux accepts (IFNAMSIZ less the NUL). */
#define BOARD_TAP_NAME_MAX 15u

/** An IPv4 address as its four octets, most significant first. */
typedef struct board_ipv4 {
    uint8_t octet[4];
} board_ipv4;

/** Every setting, checked. */
typedef struct board_settings {
    char tap[BOARD_TAP_NAME_MAX + 1u];
    board_ipv4 addr;
    board_ipv4 netmask;
    board_ipv4 gw;  /**< 0.0.0.0 when has_gw is false */
    board_ipv4 dns; /**< 0.0.0.0 when has_dns is false */
    bool has_gw;
    bool has_dns;
} board_settings;

/** Where settings come from: getenv on the host, a table in tests. */
typedef const char *(*board_getenv_fn)(const char *name);

/**
 * Parse a dotted-quad IPv4 address: exactly four decimal fields 0..255, no
 * leading zeros (inet_aton would read them as octal), nothing else.
 * Returns true and fills out on success.
 */
bool board_parse_ipv4(const char *text, board_ipv4 *out);

/**
 * Read and check every setting through get. Returns OARC_OK, or
 * OARC_ERR_ARGUMENT with a one-line reason in why (naming the variable and
 * its value) when a value is missing or malformed.
 */
oarc_status board_settings_read(board_settings *out, board_getenv_fn get,
                                char *why, size_t why_len);

#endif /* BOARD_SETTINGS_H */
