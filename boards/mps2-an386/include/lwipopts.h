/**
 * @file lwipopts.h
 * @brief lwIP for the mps2-an386 board: NO_SYS=1 (no RTOS, one loop that
 * polls the LAN9118 and runs lwIP's timers), raw API only, IPv4 with DHCP
 * and lwIP's DNS client (the server comes from DHCP), TCP for the one oarc
 * connection. All memory from lwIP's static pools (MEM_LIBC_MALLOC=0,
 * MEMP_MEM_MALLOC=0): lwIP never calls the C library's heap.
 *
 * Sizing: one client connection (plus one closing while a reopen starts),
 * one DHCP and one DNS UDP pcb; a receive window of 4 segments, which the
 * oarc raw port drains into the client as records arrive.
 */
#ifndef OARC_MPS2_LWIPOPTS_H
#define OARC_MPS2_LWIPOPTS_H

/* ---- no OS ----------------------------------------------------------- */
#define NO_SYS                      1
#define SYS_LIGHTWEIGHT_PROT        0   /* one loop, lwIP never runs in an interrupt */
#define LWIP_NETCONN                0
#define LWIP_SOCKET                 0
#define LWIP_NETIF_API              0

/* ---- protocols ------------------------------------------------------- */
#define LWIP_IPV4                   1
#define LWIP_IPV6                   0
#define LWIP_ARP                    1
#define LWIP_ETHERNET               1
#define LWIP_ICMP                   1
#define LWIP_RAW                    0
#define LWIP_UDP                    1
#define LWIP_TCP                    1
#define LWIP_IGMP                   0
#define LWIP_AUTOIP                 0
#define LWIP_HAVE_LOOPIF            0
#define LWIP_DHCP                   1
/* Skip the ARP probe of the offered address: it only delays the boot,
 * and the rig's DHCP server hands out a fixed address per MAC. */
#define DHCP_DOES_ARP_CHECK         0
#define LWIP_DNS                    1
#define DNS_MAX_SERVERS             1
#define DNS_MAX_RETRIES             4
#define DNS_TABLE_SIZE              2
#define LWIP_NETIF_HOSTNAME         0

/* ---- memory: static pools only ---------------------------------------- */
#define MEM_LIBC_MALLOC             0
#define MEMP_MEM_MALLOC             0
#define MEM_ALIGNMENT               4
#define MEM_SIZE                    (8 * 1024)   /* TCP segments we send */
#define PBUF_POOL_SIZE              10           /* frames we receive */
#define MEMP_NUM_PBUF               8
#define MEMP_NUM_TCP_PCB            2
#define MEMP_NUM_TCP_PCB_LISTEN     0
#define MEMP_NUM_UDP_PCB            2            /* DHCP, DNS */
#define TCP_MSS                     1460
#define TCP_WND                     (4 * TCP_MSS)
#define TCP_SND_BUF                 (3 * TCP_MSS)
#define TCP_SND_QUEUELEN            (4 * TCP_SND_BUF / TCP_MSS)
#define MEMP_NUM_TCP_SEG            TCP_SND_QUEUELEN
#define LWIP_TCP_KEEPALIVE          0
#define LWIP_NETIF_TX_SINGLE_PBUF   1            /* the driver copies each frame whole */
#define LWIP_RANDOMIZE_INITIAL_LOCAL_PORTS 1

/* ---- diagnostics ------------------------------------------------------ */
#define LWIP_STATS                  0

#endif /* OARC_MPS2_LWIPOPTS_H */
