/**
 * @file board_lan9118.c
 * @brief Polled LAN9118 driver (see board_lan9118.h), from the SMSC
 * datasheet: registers at 0x40200000 on a 32-bit bus, MAC registers behind
 * MAC_CSR_CMD/DATA, frames through the TX and RX data FIFOs. Each frame is
 * copied through one static buffer: lwIP's pbufs stay in its pools.
 */
#include "board_lan9118.h"

#include <string.h>

#include "lwip/err.h"
#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"

#include "board_mps2.h"

#define LAN_BASE 0x40200000u
#define REG(off) (*(volatile uint32_t *)(LAN_BASE + (off)))
#define RX_DATA_FIFO REG(0x00u)
#define TX_DATA_FIFO REG(0x20u)
#define RX_STATUS_FIFO REG(0x40u)
#define TX_STATUS_FIFO REG(0x48u)
#define BYTE_TEST REG(0x64u)
#define RX_CFG REG(0x6Cu)
#define TX_CFG REG(0x70u)
#define HW_CFG REG(0x74u)
#define RX_FIFO_INF REG(0x7Cu)
#define TX_FIFO_INF REG(0x80u)
#define PMT_CTRL REG(0x84u)
#define MAC_CSR_CMD REG(0xA4u)
#define MAC_CSR_DATA REG(0xA8u)

#define BYTE_TEST_VALUE 0x87654321u
#define HW_CFG_SRST 0x1u
#define PMT_CTRL_READY 0x1u
#define TX_CFG_TX_ON 0x2u
#define TX_CFG_TXSAO 0x4u /* a full TX status FIFO does not stop sending */
#define CSR_BUSY 0x80000000u
#define CSR_READ 0x40000000u
#define MAC_CR 1u
#define MAC_ADDRH 2u
#define MAC_ADDRL 3u
#define MAC_CR_RXEN (1u << 2)
#define MAC_CR_TXEN (1u << 3)
#define RX_STS_LENGTH(s) (((s) >> 16) & 0x3FFFu)
#define RX_STS_ERROR (1u << 15)
#define RX_INF_STATUS_USED(v) (((v) >> 16) & 0xFFu)
#define TX_INF_DATA_FREE(v) ((v) & 0xFFFFu)
#define TX_CMD_A_FIRST (1u << 13)
#define TX_CMD_A_LAST (1u << 12)
#define ETH_FCS_LEN 4u
#define FRAME_MAX 1536u
#define SPIN_LIMIT 100000u /* register polls before the chip counts as dead */

static uint32_t frame_words[FRAME_MAX / 4u];

static bool wait_clear(volatile uint32_t *reg, uint32_t mask)
{
    for (uint32_t i = 0; i < SPIN_LIMIT; i++) {
        if ((*reg & mask) == 0u) {
            return true;
        }
    }
    return false;
}

static uint32_t mac_read(uint32_t index)
{
    (void)wait_clear(&MAC_CSR_CMD, CSR_BUSY);
    MAC_CSR_CMD = CSR_BUSY | CSR_READ | index;
    (void)wait_clear(&MAC_CSR_CMD, CSR_BUSY);
    return MAC_CSR_DATA;
}

static void mac_write(uint32_t index, uint32_t value)
{
    (void)wait_clear(&MAC_CSR_CMD, CSR_BUSY);
    MAC_CSR_DATA = value;
    MAC_CSR_CMD = CSR_BUSY | index;
    (void)wait_clear(&MAC_CSR_CMD, CSR_BUSY);
}

static bool chip_reset(void)
{
    if (BYTE_TEST != BYTE_TEST_VALUE) {
        return false;
    }
    HW_CFG = HW_CFG_SRST;
    if (!wait_clear(&HW_CFG, HW_CFG_SRST)) {
        return false;
    }
    for (uint32_t i = 0; i < SPIN_LIMIT; i++) {
        if (PMT_CTRL & PMT_CTRL_READY) {
            return true;
        }
    }
    return false;
}

static err_t link_output(struct netif *netif, struct pbuf *p)
{
    (void)netif;
    uint16_t len = p->tot_len;
    if (len > FRAME_MAX || pbuf_copy_partial(p, frame_words, len, 0) != len) {
        return ERR_BUF;
    }
    uint32_t need = ((uint32_t)len + 3u) & ~3u;
    for (uint32_t i = 0; TX_INF_DATA_FREE(TX_FIFO_INF) < need + 8u; i++) {
        if (i == SPIN_LIMIT) {
            return ERR_IF;
        }
    }
    TX_DATA_FIFO = TX_CMD_A_FIRST | TX_CMD_A_LAST | len;
    TX_DATA_FIFO = ((uint32_t)len << 16) | len; /* tag = length, then length */
    for (uint32_t i = 0; i < need / 4u; i++) {
        TX_DATA_FIFO = frame_words[i];
    }
    return ERR_OK;
}

err_t board_lan9118_netif_init(struct netif *netif)
{
    if (!chip_reset()) {
        return ERR_IF;
    }
    uint32_t lo = mac_read(MAC_ADDRL);
    uint32_t hi = mac_read(MAC_ADDRH);
    const uint8_t mac[6] = { (uint8_t)lo, (uint8_t)(lo >> 8), (uint8_t)(lo >> 16),
                             (uint8_t)(lo >> 24), (uint8_t)hi, (uint8_t)(hi >> 8) };
    memcpy(netif->hwaddr, mac, sizeof mac);
    netif->hwaddr_len = ETH_HWADDR_LEN;
    netif->mtu = 1500;
    netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
    netif->name[0] = 'e';
    netif->name[1] = 'n';
    netif->output = etharp_output;
    netif->linkoutput = link_output;
    RX_CFG = 0u; /* no RXDOFF: QEMU's handling of it is inconsistent */
    TX_CFG = TX_CFG_TX_ON | TX_CFG_TXSAO;
    mac_write(MAC_CR, MAC_CR_TXEN | MAC_CR_RXEN); /* and not promiscuous */
    return ERR_OK;
}

/* One received frame: into a pool pbuf and lwIP, or dropped when the pool
 * is empty or the frame is bad (its words are read out either way). */
static void receive_one(struct netif *netif)
{
    uint32_t status = RX_STATUS_FIFO;
    uint32_t len = RX_STS_LENGTH(status);
    uint32_t words = (len + 3u) / 4u;
    bool keep = (status & RX_STS_ERROR) == 0u && len > ETH_FCS_LEN && len <= FRAME_MAX;
    for (uint32_t i = 0; i < words; i++) {
        uint32_t w = RX_DATA_FIFO;
        if (keep) {
            frame_words[i] = w;
        }
    }
    if (!keep) {
        return;
    }
    uint16_t frame_len = (uint16_t)(len - ETH_FCS_LEN);
    struct pbuf *p = pbuf_alloc(PBUF_RAW, frame_len, PBUF_POOL);
    if (p == NULL) {
        return;
    }
    if (pbuf_take(p, frame_words, frame_len) != ERR_OK || netif->input(p, netif) != ERR_OK) {
        pbuf_free(p);
    }
}

bool board_lan9118_poll(struct netif *netif)
{
    bool any = false;
    /* Bounded: at most the frames waiting when the poll began. */
    for (uint32_t n = RX_INF_STATUS_USED(RX_FIFO_INF); n > 0u; n--) {
        receive_one(netif);
        any = true;
    }
    return any;
}
