/**
 * @file board_tap.c
 * @brief Checks of the existing TAP device and the tapif hand-over: see
 * board_tap.h. Linux only (TUNSETIFF).
 */
#include "board_tap.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define TUN_DEVICE "/dev/net/tun"

/* why = fmt with the device name for its %s (if any), then errno's text. */
static oarc_status fail(char *why, size_t why_len, const char *fmt, const char *tap, int err)
{
    char detail[160];
    (void)snprintf(detail, sizeof detail, fmt, tap);
    (void)snprintf(why, why_len, "%s (%s)", detail, strerror(err));
    return OARC_ERR_IO;
}

static oarc_status open_tun(int *fd, char *why, size_t why_len)
{
    *fd = open(TUN_DEVICE, O_RDWR | O_CLOEXEC);
    if (*fd >= 0) {
        return OARC_OK;
    }
    int err = errno;
    if (err == ENOENT || err == ENODEV || err == ENXIO) {
        return fail(why, why_len, TUN_DEVICE " is missing: load the tun module "
                    "(modprobe tun) or give the namespace a /dev/net/tun", "", err);
    }
    return fail(why, why_len, "cannot open " TUN_DEVICE ": run as root or as a user "
                "allowed to", "", err);
}

/* Administratively up: the rig's job, but a down device swallows every
 * frame silently, so say it here. */
static oarc_status check_up(const char *tap, char *why, size_t why_len)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) {
        return fail(why, why_len, "cannot query %s: no socket", tap, errno);
    }
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    memcpy(ifr.ifr_name, tap, strnlen(tap, IFNAMSIZ - 1));
    int r = ioctl(s, SIOCGIFFLAGS, &ifr);
    int err = errno;
    (void)close(s);
    if (r != 0) {
        return fail(why, why_len, "cannot read the flags of %s", tap, err);
    }
    if ((ifr.ifr_flags & IFF_UP) == 0) {
        return fail(why, why_len, "TAP device %s is down: ip link set it up", tap, ENETDOWN);
    }
    return OARC_OK;
}

/* Attach and let go again, as tapif is about to attach for good. A device
 * that does not exist is never reached here: TUNSETIFF would create it. */
static oarc_status check_attach(int fd, const char *tap, char *why, size_t why_len)
{
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    memcpy(ifr.ifr_name, tap, strnlen(tap, IFNAMSIZ - 1));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    if (ioctl(fd, TUNSETIFF, &ifr) == 0) {
        return OARC_OK;
    }
    int err = errno;
    if (err == EBUSY) {
        return fail(why, why_len, "TAP device %s is in use by another process", tap, err);
    }
    if (err == EINVAL) {
        return fail(why, why_len, "%s is not a TAP device made without packet info "
                    "(ip tuntap add dev NAME mode tap)", tap, err);
    }
    return fail(why, why_len, "cannot attach to TAP device %s: run as root or as its owner",
                tap, err);
}

oarc_status board_tap_check(const char *tap, char *why, size_t why_len)
{
    if (tap == NULL || why == NULL || why_len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    int fd = -1;
    oarc_status st = open_tun(&fd, why, why_len);
    if (st != OARC_OK) {
        return st;
    }
    if (if_nametoindex(tap) == 0u) {
        st = fail(why, why_len, "TAP device %s does not exist in this network namespace: "
                  "run inside the rig's namespace, or create it (ip tuntap add dev NAME mode tap)",
                  tap, errno);
    }
    if (st == OARC_OK) {
        st = check_up(tap, why, why_len);
    }
    if (st == OARC_OK) {
        st = check_attach(fd, tap, why, why_len);
    }
    (void)close(fd);
    return st;
}

oarc_status board_tap_select(const char *tap)
{
    if (tap == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    return setenv("PRECONFIGURED_TAPIF", tap, 1) == 0 ? OARC_OK : OARC_ERR_IO;
}
