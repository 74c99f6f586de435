/**
 * @file lwipopts.h
 * @brief A minimal lwIP configuration of a Cortex-M4 board running lwIP with
 * an RTOS (NO_SYS 0), or bare metal (NO_SYS 1, when the check defines it):
 * enough to compile the oarc lwIP ports against lwIP's own headers for that
 * target (ctests lwip.port_cortex_m4*, lwip.raw_port_cortex_m4*). Sizes are
 * a small device's; nothing here is linked or run.
 */
#ifndef OARC_CM4_CHECK_LWIPOPTS_H
#define OARC_CM4_CHECK_LWIPOPTS_H

/* NO_SYS 0 (an RTOS, the sockets port's checks) unless the check defines
 * NO_SYS=1: a bare-metal board with the raw API only (the raw port's checks,
 * lwip.raw_port_cortex_m4*). */
#ifndef NO_SYS
#define NO_SYS                      0
#endif
#if NO_SYS
#define LWIP_NETCONN                0
#define LWIP_SOCKET                 0
#define SYS_LIGHTWEIGHT_PROT        1   /* the Ethernet interrupt allocates pbufs */
#else
/* The port reaches lwIP's core with tcpip_api_call: under the core lock
 * here, by a message to the tcpip thread in lwip.port_cortex_m4_minimal. */
#ifndef LWIP_TCPIP_CORE_LOCKING
#define LWIP_TCPIP_CORE_LOCKING     1
#endif
#define LWIP_NETCONN                1
#define LWIP_SOCKET                 1
/* The port uses lwip_* names only; the ctest lwip.port_cortex_m4_bsd_names
 * compiles it again with lwIP's BSD names and I/O macros switched on. */
#ifndef LWIP_COMPAT_SOCKETS
#define LWIP_COMPAT_SOCKETS         0
#endif
#ifndef LWIP_POSIX_SOCKETS_IO_NAMES
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#endif
#define LWIP_SOCKET_SELECT          1
#define LWIP_SOCKET_POLL            1
#define LWIP_NETIF_API              1
#endif

/* Both families, so that the port's AF_UNSPEC path meets IPv6 too. */
#define LWIP_IPV4                   1
#define LWIP_IPV6                   1
#define LWIP_TCP                    1
#define LWIP_UDP                    1
/* The port's resolver path; lwip.port_cortex_m4_minimal compiles it
 * without (IP literals only). */
#ifndef LWIP_DNS
#define LWIP_DNS                    1
#endif
#define LWIP_DHCP                   1

#define MEM_ALIGNMENT               4
#define MEM_SIZE                    (16 * 1024)
#define PBUF_POOL_SIZE              12
#define MEMP_NUM_TCP_PCB            2
#define MEMP_NUM_NETCONN            4
#define TCP_MSS                     1460
#define TCP_WND                     (4 * TCP_MSS)
#define TCP_SND_BUF                 (4 * TCP_MSS)
#define TCPIP_MBOX_SIZE             8
#define DEFAULT_TCP_RECVMBOX_SIZE   8
#define DEFAULT_UDP_RECVMBOX_SIZE   4
#define DEFAULT_ACCEPTMBOX_SIZE     2
#define TCPIP_THREAD_STACKSIZE      1024
#define TCPIP_THREAD_PRIO           3

#define LWIP_STATS                  0

#endif /* OARC_CM4_CHECK_LWIPOPTS_H */
