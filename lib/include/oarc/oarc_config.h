/**
 * @file oarc_config.h
 * @brief Pulls in the user's config header (if `OARC_CONFIG_FILE` names one),
 * then the defaults for everything it left unset.
 */
#ifndef OARC_CONFIG_H
#define OARC_CONFIG_H

#ifdef OARC_CONFIG_FILE
#include OARC_CONFIG_FILE
#endif

#include "oarc_config_defaults.h"

#endif /* OARC_CONFIG_H */
