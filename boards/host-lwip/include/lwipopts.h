/**
 * @file lwipopts.h
 * @brief lwIP's configuration for the host-lwip board: lwIP with threads
 * (Debian's unix port: pthreads, sys_now on CLOCK_MONOTONIC) on one TAP
 * device, IPv4 only, the sockets API under its lwip_* names, and lwIP's DNS
 * client. Read by every lwIP source and by the oarc lwIP port.
 *
 * Sizing: one oarc client holds one TCP connection, and the DNS client one
 * UDP socket; the pools below leave room for a second connection while the
 * first one is still in TIME_WAIT or being torn down (a reopen), nothing more.
 */
#ifndef OARC_HOST_LWIP_LWIPOPTS_H
#define OARC_HOST_LWIP_LWIPOPTS_H

/* ---- threads and API ------------------------------------------------ */
#define NO_SYS                      0
#define LWIP_TCPIP_CORE_LOCKING     1
#define LWIP_NETCONN                1
#define LWIP_SOCKET                 1
/* The oarc port calls lwip_socket, lwip_connect, ...: no BSD names (which
 * would clash with the host's <sys/socket.h>) and no read/write/close
 * macros over the host's file descriptors. */
#define LWIP_COMPAT_SOCKETS         0
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
/* The port waits with lwip_poll; no SO_RCVTIMEO/SO_SNDTIMEO needed. */
#define LWIP_SOCKET_SELECT          1
#define LWIP_SOCKET_POLL            1
#define LWIP_SO_RCVTIMEO            0
#define LWIP_SO_SNDTIMEO            0
/* Debian's sockets.c fills sockaddr lengths through these hooks (its own
 * build takes them from the Hurd's socket headers); lwIP's own sockaddr
 * types, used here, carry sin_len / sa_len as upstream lwIP sets them. */
#define IP4ADDR_SOCKADDR_SET_LEN(sin)  ((sin)->sin_len = (u8_t)sizeof(struct sockaddr_in))
#define IP6ADDR_SOCKADDR_SET_LEN(sin6) ((sin6)->sin6_len = (u8_t)sizeof(struct sockaddr_in6))
#define IPADDR_SOCKADDR_GET_LEN(addr)  ((addr)->sa.sa_len)
/* netifapi_netif_add & co.: the board adds its netif from the main thread. */
#define LWIP_NETIF_API              1
#define LWIP_NETIF_LINK_CALLBACK    0
#define LWIP_NETIF_STATUS_CALLBACK  0
/* The unix port's sys_arch checks that core functions run under the lock. */
void sys_check_core_locking(void);
#define LWIP_ASSERT_CORE_LOCKED()   sys_check_core_locking()
void sys_mark_tcpip_thread(void);
#define LWIP_MARK_TCPIP_THREAD()    sys_mark_tcpip_thread()
void sys_lock_tcpip_core(void);
#define LOCK_TCPIP_CORE()           sys_lock_tcpip_core()
void sys_unlock_tcpip_core(void);
#define UNLOCK_TCPIP_CORE()         sys_unlock_tcpip_core()

/* The unix port's mailboxes have a fixed size; lwIP only asks for non-zero. */
#define TCPIP_MBOX_SIZE             32
#define DEFAULT_TCP_RECVMBOX_SIZE   32
#define DEFAULT_UDP_RECVMBOX_SIZE   8
#define DEFAULT_RAW_RECVMBOX_SIZE   8
#define DEFAULT_ACCEPTMBOX_SIZE     8

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
/* lwIP's resolver, which the oarc port asks with dns_gethostbyname and
 * waits on no longer than a call's timeout. One server (OARC_LWIP_DNS): an
 * unanswered lookup ends in lwIP after DNS_MAX_RETRIES tries, about 7 s;
 * DNS_TABLE_SIZE also sizes the port's table of lookups still in flight. */
#define LWIP_DNS                    1
#define DNS_MAX_SERVERS             1
#define DNS_MAX_RETRIES             4
#define DNS_TABLE_SIZE              4

/* ---- memory and TCP sizes ------------------------------------------ */
#define MEM_ALIGNMENT               8   /* LP64 host */
#define MEM_SIZE                    (64 * 1024)
#define PBUF_POOL_SIZE              64
#define MEMP_NUM_PBUF               32
#define MEMP_NUM_TCP_PCB            4
#define MEMP_NUM_TCP_PCB_LISTEN     1
#define MEMP_NUM_UDP_PCB            2
#define MEMP_NUM_NETCONN            6
#define MEMP_NUM_SELECT_CB          4
#define MEMP_NUM_TCPIP_MSG_INPKT    32
#define TCP_MSS                     1460
/* A TLS record is up to 16 KB; a window of a few segments keeps a reply
 * flowing without holding more than the client can read at once. */
#define TCP_WND                     (8 * TCP_MSS)
#define TCP_SND_BUF                 (8 * TCP_MSS)
#define TCP_SND_QUEUELEN            (4 * TCP_SND_BUF / TCP_MSS)
#define MEMP_NUM_TCP_SEG            TCP_SND_QUEUELEN
#define LWIP_TCP_KEEPALIVE          0
#define LWIP_NETIF_TX_SINGLE_PBUF   1   /* tapif copies each frame anyway */
/* The tcp local port and the DNS transaction ID and source port come from
 * LWIP_RAND (rand() in the unix port); the board seeds it from the OS. */
#define LWIP_RANDOMIZE_INITIAL_LOCAL_PORTS 1

/* ---- diagnostics ----------------------------------------------------- */
/* LWIP_DEBUG stays undefined: lwIP tests it with #ifdef. */
#define LWIP_STATS                  0

#endif /* OARC_HOST_LWIP_LWIPOPTS_H */
