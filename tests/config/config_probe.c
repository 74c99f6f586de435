/* Compiled by check_config.py with one user config header after another:
 * oarc's public headers, nothing else, so that the only way this fails is a
 * setting's #error check in oarc_config_defaults.h. */
#include "oarc/oarc_config.h"

int oarc_config_probe(void);

int oarc_config_probe(void)
{
    return (int)OARC_TX_BUFFER_SIZE;
}
