/**
 * @file lwipopts.h
 * @brief lwIP for test_port_lwip_raw: the host-lwip-raw board's
 * configuration, with every pool on the C heap (MEMP_MEM_MALLOC), so that a
 * sanitizer build sees a pcb or pbuf used after lwIP freed it, or leaked.
 */
#ifndef OARC_TEST_LWIP_RAW_LWIPOPTS_H
#define OARC_TEST_LWIP_RAW_LWIPOPTS_H

#include "../../../boards/host-lwip-raw/include/lwipopts.h"

#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 1

#endif /* OARC_TEST_LWIP_RAW_LWIPOPTS_H */
