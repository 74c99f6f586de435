/**
 * @file oarc_board_settings.h
 * @brief A device's provisioned settings: where the API is, the admin key,
 * the CA bundle the server must chain to. A real board reads them from its
 * own storage (flash, a secure element); the emulated mps2-an386 board gets
 * them through semihosting (its command line names the files), standing in
 * for that storage. The firmware asks only this interface.
 */
#ifndef OARC_BOARD_SETTINGS_H
#define OARC_BOARD_SETTINGS_H

#include <stddef.h>

#include "oarc/oarc_status.h"

/** What a device board provisions for its application. */
typedef struct oarc_board_settings {
    const char *base_url;  /**< NULL: the library's default (the real API) */
    const char *admin_key; /**< NULL when no key is provisioned */
    const char *ca_pem;    /**< NUL-terminated PEM; NULL when none */
    size_t ca_pem_len;     /**< bytes of ca_pem, its NUL included */
} oarc_board_settings;

/**
 * Fill out from the board's storage; the strings stay valid until
 * oarc_board_settings_wipe(). OARC_OK, or OARC_ERR_ARGUMENT when a setting
 * that is there is malformed (said on stdout, the key's value never). A
 * missing key or CA is not an error here: the caller decides.
 */
oarc_status oarc_board_settings_load(oarc_board_settings *out);

/** Wipe the key (and every setting) from the board's RAM. */
void oarc_board_settings_wipe(void);

#endif /* OARC_BOARD_SETTINGS_H */
