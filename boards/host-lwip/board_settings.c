/**
 * @file board_settings.c
 * @brief Reading and checking the host-lwip board's environment settings:
 * see board_settings.h.
 */
#include "board_settings.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_TAP "tap0"
#define DEFAULT_NETMASK "255.255.255.0"

/* One field of a dotted quad: 1-3 digits, no leading zero, <= 255. */
static const char *parse_octet(const char *p, uint8_t *out)
{
    unsigned value = 0;
    unsigned digits = 0;
    while (*p >= '0' && *p <= '9') {
        if (digits == 3u || (digits == 1u && value == 0u)) {
            return NULL; /* too long, or a leading zero */
        }
        value = value * 10u + (unsigned)(*p - '0');
        digits++;
        p++;
    }
    if (digits == 0u || value > 255u) {
        return NULL;
    }
    *out = (uint8_t)value;
    return p;
}

bool board_parse_ipv4(const char *text, board_ipv4 *out)
{
    if (text == NULL || out == NULL) {
        return false;
    }
    board_ipv4 a;
    const char *p = text;
    for (unsigned i = 0; i < 4u; i++) {
        p = parse_octet(p, &a.octet[i]);
        if (p == NULL || *p != (i < 3u ? '.' : '\0')) {
            return false;
        }
        p += i < 3u ? 1 : 0;
    }
    *out = a;
    return true;
}

static uint32_t to_u32(board_ipv4 a)
{
    return (uint32_t)a.octet[0] << 24 | (uint32_t)a.octet[1] << 16 |
           (uint32_t)a.octet[2] << 8 | (uint32_t)a.octet[3];
}

/* A netmask is ones then zeros (and not all zeros). */
static bool contiguous_mask(board_ipv4 m)
{
    uint32_t v = to_u32(m);
    uint32_t inverted = ~v;
    return v != 0u && (inverted & (inverted + 1u)) == 0u;
}

/* An address lwIP can own or send to: not 0.0.0.0, broadcast, loopback or
 * multicast. */
static bool unicast(board_ipv4 a)
{
    uint32_t v = to_u32(a);
    return v != 0u && v != 0xFFFFFFFFu && a.octet[0] != 127u &&
           (a.octet[0] < 224u || a.octet[0] > 239u);
}

/* A TAP name Linux would take: 1..15 bytes, printable, no '/' or blank. */
static bool valid_tap_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0u || n > BOARD_TAP_NAME_MAX || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c <= ' ' || c >= 0x7Fu || c == '/' || c == ':') {
            return false;
        }
    }
    return true;
}

static oarc_status reject(char *why, size_t why_len, const char *name, const char *value,
                          const char *what)
{
    if (why != NULL && why_len > 0u) {
        (void)snprintf(why, why_len, "%s='%s' is not %s", name, value, what);
    }
    return OARC_ERR_ARGUMENT;
}

/* One address setting: unset (or empty) leaves *present false. */
static oarc_status read_address(board_getenv_fn get, const char *name, board_ipv4 *out,
                                bool *present, char *why, size_t why_len)
{
    const char *text = get(name);
    memset(out, 0, sizeof *out);
    *present = text != NULL && text[0] != '\0';
    if (!*present) {
        return OARC_OK;
    }
    if (!board_parse_ipv4(text, out) || !unicast(*out)) {
        return reject(why, why_len, name, text, "a unicast IPv4 address like 10.77.0.2");
    }
    return OARC_OK;
}

static oarc_status read_tap(board_settings *out, board_getenv_fn get, char *why, size_t why_len)
{
    const char *tap = get("OARC_LWIP_TAP");
    if (tap == NULL || tap[0] == '\0') {
        tap = DEFAULT_TAP;
    }
    if (!valid_tap_name(tap)) {
        return reject(why, why_len, "OARC_LWIP_TAP", tap, "a network device name (1-15 characters)");
    }
    memcpy(out->tap, tap, strlen(tap) + 1u);
    return OARC_OK;
}

static oarc_status read_netmask(board_settings *out, board_getenv_fn get, char *why, size_t why_len)
{
    const char *mask = get("OARC_LWIP_NETMASK");
    if (mask == NULL || mask[0] == '\0') {
        mask = DEFAULT_NETMASK;
    }
    if (!board_parse_ipv4(mask, &out->netmask) || !contiguous_mask(out->netmask)) {
        return reject(why, why_len, "OARC_LWIP_NETMASK", mask, "a contiguous netmask like 255.255.255.0");
    }
    return OARC_OK;
}

/* The gateway must be reachable on the link: same subnet, not lwIP itself. */
static oarc_status check_gateway(const board_settings *s, char *why, size_t why_len)
{
    uint32_t mask = to_u32(s->netmask);
    if (s->has_gw && ((to_u32(s->gw) ^ to_u32(s->addr)) & mask) != 0u) {
        if (why != NULL && why_len > 0u) {
            (void)snprintf(why, why_len, "OARC_LWIP_GW is not on OARC_LWIP_ADDR's subnet "
                                         "(OARC_LWIP_NETMASK)");
        }
        return OARC_ERR_ARGUMENT;
    }
    return OARC_OK;
}

oarc_status board_settings_read(board_settings *out, board_getenv_fn get,
                                char *why, size_t why_len)
{
    if (out == NULL || get == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    bool has_addr = false;
    oarc_status st = read_tap(out, get, why, why_len);
    if (st == OARC_OK) {
        st = read_address(get, "OARC_LWIP_ADDR", &out->addr, &has_addr, why, why_len);
    }
    if (st == OARC_OK && !has_addr) {
        if (why != NULL && why_len > 0u) {
            (void)snprintf(why, why_len, "OARC_LWIP_ADDR is not set: lwIP needs an IPv4 "
                                         "address of its own on the TAP link (e.g. 10.77.0.2)");
        }
        st = OARC_ERR_ARGUMENT;
    }
    if (st == OARC_OK) {
        st = read_netmask(out, get, why, why_len);
    }
    if (st == OARC_OK) {
        st = read_address(get, "OARC_LWIP_GW", &out->gw, &out->has_gw, why, why_len);
    }
    if (st == OARC_OK) {
        st = read_address(get, "OARC_LWIP_DNS", &out->dns, &out->has_dns, why, why_len);
    }
    if (st == OARC_OK) {
        st = check_gateway(out, why, why_len);
    }
    return st;
}
