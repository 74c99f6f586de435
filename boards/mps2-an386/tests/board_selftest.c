/**
 * @file board_selftest.c
 * @brief The board alone under QEMU (ctest qemu.board_selftest): the UART
 * prints, SysTick advances, the entropy stand-in gives bytes that differ
 * between reads, the command line and a host file arrive through
 * semihosting, and the exit status leaves through it: `exit=N` on the
 * command line is returned as is, so the test sees that codes get out.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board_entropy.h"
#include "board_mps2.h"
#include "board_semihost.h"

static char cmdline[256];
static uint8_t file_buf[512];

static bool clock_advances(void)
{
    uint32_t start = board_ms();
    for (unsigned i = 0; i < 1000u && board_ms() - start < 10u; i++) {
        board_idle();
    }
    return board_ms() - start >= 10u;
}

static bool entropy_differs(void)
{
    uint8_t a[32], b[32], zero[32] = { 0 };
    if (board_entropy(NULL, a, sizeof a) != OARC_OK || board_entropy(NULL, b, sizeof b) != OARC_OK) {
        return false;
    }
    return memcmp(a, b, sizeof a) != 0 && memcmp(a, zero, sizeof a) != 0;
}

/* The value after "name=" in the command line, copied to out; "" if absent. */
static void arg_value(const char *name, char *out, size_t cap)
{
    out[0] = '\0';
    const char *p = strstr(cmdline, name);
    if (p == NULL) {
        return;
    }
    p += strlen(name);
    size_t n = strcspn(p, " ");
    if (n < cap) {
        memcpy(out, p, n);
        out[n] = '\0';
    }
}

int main(void)
{
    printf("mps2-an386 selftest: uart up\n");
    if (!board_semihost_cmdline(cmdline, sizeof cmdline)) {
        cmdline[0] = '\0';
    }
    printf("cmdline: %s\n", cmdline);
    printf("clock: %s (%lu ms, %lu cycles)\n", clock_advances() ? "advances" : "STUCK",
           (unsigned long)board_ms(), (unsigned long)board_cycles());
    printf("entropy: %s\n", entropy_differs() ? "differs" : "FAILED");
    char path[128], code[16];
    arg_value("file=", path, sizeof path);
    size_t len = 0;
    if (path[0] != '\0' && board_semihost_read_file(path, file_buf, sizeof file_buf, &len)) {
        printf("file: %u bytes: %s\n", (unsigned)len, (const char *)file_buf);
    } else {
        printf("file: unreadable\n");
    }
    printf("stack: %u of %u bytes used\n", (unsigned)board_stack_high_water(),
           (unsigned)board_stack_size());
    arg_value("exit=", code, sizeof code);
    return atoi(code);
}
