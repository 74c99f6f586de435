/**
 * @file version.c
 * @brief The library's own version (see oarc_version.h).
 */
#include "oarc/oarc_version.h"

const char *oarc_version(void)
{
    return OARC_VERSION_STRING;
}
