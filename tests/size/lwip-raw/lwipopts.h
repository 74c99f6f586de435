/**
 * @file lwipopts.h
 * @brief A bare-metal lwIP configuration (NO_SYS 1, raw API, IPv4, DNS)
 * that the size report compiles the raw-API port against, on every core.
 * arch/cc.h comes from boards/cortex-m4-lwip-check (no OS in it); this file
 * comes first on the include path, so it is the lwipopts.h seen. Once the
 * Cortex-M4 board (boards/mps2-an386) is in, its own include/ can take over.
 */
#ifndef OARC_SIZE_LWIP_RAW_LWIPOPTS_H
#define OARC_SIZE_LWIP_RAW_LWIPOPTS_H

#define NO_SYS                      1
#define SYS_LIGHTWEIGHT_PROT        0
#define LWIP_NETCONN                0
#define LWIP_SOCKET                 0
#define LWIP_IPV4                   1
#define LWIP_IPV6                   0
#define LWIP_TCP                    1
#define LWIP_UDP                    1
#define LWIP_DNS                    1
#define DNS_TABLE_SIZE              2
#define MEM_ALIGNMENT               4
#define MEM_SIZE                    (8 * 1024)
#define PBUF_POOL_SIZE              10
#define MEMP_NUM_TCP_PCB            2
#define TCP_MSS                     1460
#define TCP_WND                     (4 * TCP_MSS)
#define TCP_SND_BUF                 (3 * TCP_MSS)
#define TCP_SND_QUEUELEN            (4 * TCP_SND_BUF / TCP_MSS)
#define MEMP_NUM_TCP_SEG            TCP_SND_QUEUELEN
#define LWIP_STATS                  0

#endif /* OARC_SIZE_LWIP_RAW_LWIPOPTS_H */
