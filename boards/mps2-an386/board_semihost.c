/**
 * @file board_semihost.c
 * @brief Semihosting calls (see board_semihost.h). Each call is one
 * `bkpt 0xab` with the operation in r0 and a parameter block in r1; QEMU
 * answers in r0.
 */
#include "board_semihost.h"

#include <string.h>

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITE0 0x04
#define SYS_READ 0x06
#define SYS_FLEN 0x0C
#define SYS_GET_CMDLINE 0x15
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define OPEN_MODE_RB 1

static int semihost(int op, const void *arg)
{
    register int r0 __asm("r0") = op;
    register const void *r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void board_semihost_write0(const char *text)
{
    (void)semihost(SYS_WRITE0, text);
}

bool board_semihost_cmdline(char *buf, size_t cap)
{
    if (cap < 2u) {
        return false;
    }
    uintptr_t block[2] = { (uintptr_t)buf, cap };
    if (semihost(SYS_GET_CMDLINE, block) != 0 || block[1] >= cap) {
        return false;
    }
    buf[block[1]] = '\0';
    return true;
}

static int open_rb(const char *path)
{
    uintptr_t block[3] = { (uintptr_t)path, OPEN_MODE_RB, strlen(path) };
    return semihost(SYS_OPEN, block);
}

static void close_handle(int handle)
{
    uintptr_t block[1] = { (uintptr_t)handle };
    (void)semihost(SYS_CLOSE, block);
}

/* SYS_READ answers with the count NOT read. */
static bool read_handle(int handle, uint8_t *buf, size_t len)
{
    uintptr_t block[3] = { (uintptr_t)handle, (uintptr_t)buf, len };
    return semihost(SYS_READ, block) == 0;
}

bool board_semihost_read_file(const char *path, uint8_t *buf, size_t cap, size_t *len)
{
    int handle = open_rb(path);
    if (handle < 0) {
        return false;
    }
    uintptr_t block[1] = { (uintptr_t)handle };
    int flen = semihost(SYS_FLEN, block);
    bool ok = flen >= 0 && (size_t)flen < cap && read_handle(handle, buf, (size_t)flen);
    close_handle(handle);
    if (ok) {
        buf[flen] = 0;
        *len = (size_t)flen;
    }
    return ok;
}

bool board_semihost_read_exact(const char *path, uint8_t *buf, size_t len)
{
    int handle = open_rb(path);
    if (handle < 0) {
        return false;
    }
    bool ok = read_handle(handle, buf, len);
    close_handle(handle);
    return ok;
}

void board_semihost_exit(int code)
{
    uintptr_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)code };
    (void)semihost(SYS_EXIT_EXTENDED, block);
    (void)semihost(SYS_EXIT, (const void *)(uintptr_t)ADP_STOPPED_APPLICATION_EXIT);
    for (;;) {
    }
}
