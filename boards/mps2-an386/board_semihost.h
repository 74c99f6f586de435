/**
 * @file board_semihost.h
 * @brief Arm semihosting (bkpt 0xab) as QEMU implements it with
 * `-semihosting-config enable=on,target=native`: the emulated board's link
 * to the host for its exit status, its command line, and reading host files
 * (the settings and the entropy stand-in). A real board has none of this.
 */
#ifndef BOARD_SEMIHOST_H
#define BOARD_SEMIHOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Print a NUL-terminated string on the host's stdout (not the UART). */
void board_semihost_write0(const char *text);

/** The command line given with QEMU's -append, NUL-terminated, into
 *  buf[0..cap). false when there is none or it does not fit. */
bool board_semihost_cmdline(char *buf, size_t cap);

/**
 * Read the whole host file at path into buf[0..cap): true with *len set when
 * it could be opened and read and is shorter than cap (a NUL is added after
 * it); false otherwise. Binary mode.
 */
bool board_semihost_read_file(const char *path, uint8_t *buf, size_t cap, size_t *len);

/** Read exactly len bytes from the start of the host file at path (a
 *  device such as /dev/urandom: no length is asked). */
bool board_semihost_read_exact(const char *path, uint8_t *buf, size_t len);

/** Stop the emulator with this exit status. */
__attribute__((noreturn)) void board_semihost_exit(int code);

#endif /* BOARD_SEMIHOST_H */
