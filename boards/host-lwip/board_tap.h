/**
 * @file board_tap.h
 * @brief The host side of the host-lwip board's link: checks that the TAP
 * device the rig made is there and usable, and points lwIP's tapif driver at
 * it. Kept apart from the lwIP code because it needs Linux headers that
 * clash with lwIP's socket definitions.
 */
#ifndef BOARD_TAP_H
#define BOARD_TAP_H

#include <stddef.h>

#include "oarc/oarc_status.h"

/**
 * Check, before lwIP's tapif driver tries (it exits the process on
 * failure), that /dev/net/tun opens, that the TAP device tap exists in this
 * network namespace, is administratively up, and can be attached to.
 * Nothing is created or configured. Returns OARC_OK, or OARC_ERR_IO with a
 * one-line reason and the fix in why.
 */
oarc_status board_tap_check(const char *tap, char *why, size_t why_len);

/**
 * Make lwIP's tapif attach to the existing device tap and leave its
 * configuration alone (tapif reads PRECONFIGURED_TAPIF; without it, tapif
 * would run ifconfig on the device itself). Returns OARC_OK or OARC_ERR_IO.
 */
oarc_status board_tap_select(const char *tap);

#endif /* BOARD_TAP_H */
