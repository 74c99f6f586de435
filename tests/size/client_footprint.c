/**
 * @file client_footprint.c
 * @brief Prints what one oarc_client costs in RAM with this build's config:
 * the whole object and its parts. (mbedTLS's record buffers are extra: on
 * the host they come from its own allocator, on a board from its static pool.)
 */
#include <stdio.h>

#include "oarc/oarc.h"

int main(void)
{
    static oarc_client c;
    printf("sizeof(oarc_client) = %zu bytes: tx %zu, rx %zu, path %zu, json tokens %zu (%u), "
           "tls %zu, url %zu, other %zu\n",
           sizeof(c), sizeof(c.tx), sizeof(c.rx), sizeof(c.path), sizeof(c.tokens),
           (unsigned)OARC_JSON_MAX_TOKENS, sizeof(c.tls), sizeof(c.url),
           sizeof(c) - sizeof(c.tx) - sizeof(c.rx) - sizeof(c.path) - sizeof(c.tokens) -
               sizeof(c.tls) - sizeof(c.url));
    return sizeof(c) > 0 ? 0 : 1;
}
