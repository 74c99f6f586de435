/**
 * @file lwipopts.h
 * @brief lwIP's configuration for the host-lwip-raw board: lwIP without an
 * OS (NO_SYS 1, raw API only, one thread polling), on one TAP device through
 * Debian's unix port tapif, IPv4 only, lwIP's DNS client. What a bare-metal
 * Cortex-M board runs, on a Linux host. Read by every lwIP source and by the
 * oarc raw port.
 *
 * Sizing: one oarc client holds one TCP connection, and the DNS client one
 * UDP pcb; the pools leave room for a second connection while the first one
 * is still in TIME_WAIT or being torn down (a reopen), nothing more.
 */
#ifndef OARC_HOST_LWIP_RAW_LWIPOPTS_H
#define OARC_HOST_LWIP_RAW_LWIPOPTS_H

/* ---- no OS: the raw API, polled ------------------------------------- */
#define NO_SYS                      1
#define LWIP_NETCONN                0
#define LWIP_SOCKET                 0
#define SYS_LIGHTWEIGHT_PROT        0   /* one thread: nothing to protect against */
#define LWIP_NETIF_LINK_CALLBACK    0
#define LWIP_NETIF_STATUS_CALLBACK  0

/* ---- protocols ------------------------------------------------------ */
#define LWIP_IPV4                   1
#define LWIP_IPV6                   0
#define LWIP_ARP                    1
#define LWIP_ETHERNET               1
#define LWIP_ICMP                   1
#define LWIP_RAW                    0
#define LWIP_UDP                    1
#define LWIP_TCP                    1
#define LWIP_IGMP                   0
#define LWIP_DHCP                   0
#define LWIP_AUTOIP                 0
#define LWIP_HAVE_LOOPIF            0
/* lwIP's resolver: the port asks it with dns_gethostbyname and waits no
 * longer than a call's timeout. One server (OARC_LWIP_DNS): an unanswered
 * lookup ends in lwIP after DNS_MAX_RETRIES tries, about 7 s. */
#define LWIP_DNS                    1
#define DNS_MAX_SERVERS             1
#define DNS_MAX_RETRIES             4
#define DNS_TABLE_SIZE              4

/* ---- memory and TCP sizes ------------------------------------------ */
#define MEM_ALIGNMENT               8   /* LP64 host */
#define MEM_SIZE                    (32 * 1024)
#define MEMP_NUM_TCP_PCB            4
#define MEMP_NUM_TCP_PCB_LISTEN     1
#define MEMP_NUM_UDP_PCB            2
#define TCP_MSS                     1460
/* The window is what the port holds unread at most (it calls tcp_recved
 * only for what the client read): a TLS record is up to 16 KB, so a few
 * segments keep a reply flowing without holding more than that. */
#define TCP_WND                     (4 * TCP_MSS)
#define TCP_SND_BUF                 (4 * TCP_MSS)
#define TCP_SND_QUEUELEN            (4 * TCP_SND_BUF / TCP_MSS)
#define MEMP_NUM_TCP_SEG            TCP_SND_QUEUELEN
#define MEMP_NUM_PBUF               16
/* One pool pbuf per received frame: a full window unread, plus frames in
 * flight (ARP, DNS, ACKs) and out-of-order segments. */
#define PBUF_POOL_SIZE              24
#define LWIP_TCP_KEEPALIVE          0
#define LWIP_NETIF_TX_SINGLE_PBUF   1   /* tapif copies each frame anyway */
/* The tcp local port and the DNS transaction ID and source port come from
 * LWIP_RAND (rand() in the unix port's arch/cc.h); the board seeds it. */
#define LWIP_RANDOMIZE_INITIAL_LOCAL_PORTS 1

/* ---- diagnostics ----------------------------------------------------- */
/* LWIP_DEBUG stays undefined: lwIP tests it with #ifdef. */
#define LWIP_STATS                  0

#endif /* OARC_HOST_LWIP_RAW_LWIPOPTS_H */
