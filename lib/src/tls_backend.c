/**
 * @file tls_backend.c
 * @brief Which TLS library the client was built against (see oarc_version.h).
 * Either mbedTLS major names its version in mbedtls/version.h (3.x through
 * build_info.h).
 */
#include "oarc/oarc_version.h"

#include <mbedtls/version.h>

const char *oarc_tls_backend(void)
{
    return "mbedTLS " MBEDTLS_VERSION_STRING;
}
