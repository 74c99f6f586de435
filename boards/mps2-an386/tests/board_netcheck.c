/**
 * @file board_netcheck.c
 * @brief The board's network alone under QEMU (ctest qemu.board_dhcp_dns):
 * DHCP over the LAN9118 to the rig's dnsmasq, then the name given as
 * `name=` on the command line resolved through lwIP's DNS client against
 * the server DHCP named. Exit 0 when both worked, 3 otherwise.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lwip/dns.h"
#include "lwip/ip4_addr.h"

#include "board_mps2.h"
#include "board_net.h"
#include "board_semihost.h"

#define LOOKUP_TIMEOUT_MS 5000u

static char cmdline[256];

typedef struct lookup {
    bool done;
    bool found;
    ip_addr_t addr;
} lookup;

static void found(const char *name, const ip_addr_t *addr, void *arg)
{
    (void)name;
    lookup *l = arg;
    l->done = true;
    l->found = addr != NULL;
    if (addr != NULL) {
        l->addr = *addr;
    }
}

int main(void)
{
    if (!board_semihost_cmdline(cmdline, sizeof cmdline)) {
        cmdline[0] = '\0';
    }
    const char *name = strstr(cmdline, "name=");
    name = name != NULL ? name + 5 : "api.oarc.test";
    if (board_net_start(10000u) != OARC_OK) {
        return 3;
    }
    lookup l = { 0 };
    err_t err = dns_gethostbyname(name, &l.addr, found, &l);
    if (err == ERR_OK) {
        l.done = l.found = true;
    }
    uint32_t start = board_ms();
    while (err == ERR_INPROGRESS && !l.done && board_ms() - start < LOOKUP_TIMEOUT_MS) {
        board_net_poll(NULL);
    }
    char text[IP4ADDR_STRLEN_MAX] = "none";
    if (l.found) {
        ip4addr_ntoa_r(ip_2_ip4(&l.addr), text, sizeof text);
    }
    printf("dns: %s -> %s (%lu ms after boot)\n", name, text, (unsigned long)board_ms());
    return l.found ? 0 : 3;
}
