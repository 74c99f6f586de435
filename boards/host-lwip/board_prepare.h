/**
 * @file board_prepare.h
 * @brief What every lwIP host board (host-lwip, host-lwip-raw) does before
 * lwIP touches the link: read and check the settings, check the TAP device
 * (or that a later init names the one already attached), seed LWIP_RAND from
 * the kernel, and point tapif at the device.
 */
#ifndef BOARD_PREPARE_H
#define BOARD_PREPARE_H

#include "board_settings.h"
#include "oarc/oarc_status.h"

/**
 * Fill s from the environment and make the host ready for tapif. attached is
 * the TAP device tapif holds already (a later init in the same process), or
 * NULL on the first init. Failures print one line on stderr, prefixed with
 * board, and return OARC_ERR_ARGUMENT (a bad setting) or OARC_ERR_IO.
 */
oarc_status board_prepare(board_settings *s, const char *board, const char *attached);

#endif /* BOARD_PREPARE_H */
