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

#define OARC_VERSION_MAJOR 0
#define OARC_VERSION_MINOR 1
#define OARC_VERSION_PATCH 0
#define OARC_VERSION_STRING "0.1.0"

#endif /* OARC_CONFIG_H */
