/**
 * @file board_settings.c
 * @brief oarc_board_settings.h on the emulator: the semihosting command
 * line (QEMU's -append) carries `base_url=URL key_file=PATH ca_file=PATH`,
 * and the two files are read from the host, standing in for a device's
 * provisioned flash. The key is read from a file, never from the command
 * line, and is never printed.
 */
#include "oarc_board_settings.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "board_semihost.h"

#define CMDLINE_MAX 512u
#define URL_MAX 256u
#define PATH_MAX_LEN 200u
#define KEY_MAX 256u
#define CA_MAX (6u * 1024u) /* a few roots in PEM; a real board keeps them in flash */

static char cmdline[CMDLINE_MAX];
static char base_url[URL_MAX];
static char key[KEY_MAX + 1u];
static char ca[CA_MAX];

/* The value of "name=" (a word of the command line) into out: true when
 * present and fitting; *present tells whether it was there at all. */
static bool word_value(const char *name, char *out, size_t cap, bool *present)
{
    size_t name_len = strlen(name);
    const char *p = cmdline;
    *present = false;
    out[0] = '\0';
    while (*p != '\0') {
        size_t n = strcspn(p, " ");
        if (n > name_len && strncmp(p, name, name_len) == 0 && p[name_len] == '=') {
            *present = true;
            size_t v = n - name_len - 1u;
            if (v == 0u || v >= cap) {
                return false;
            }
            memcpy(out, p + name_len + 1u, v);
            out[v] = '\0';
            return true;
        }
        p += n;
        p += strspn(p, " ");
    }
    return true;
}

/* The key file holds the key, maybe with a line end after it. */
static bool load_key(const char *path)
{
    size_t len = 0;
    if (!board_semihost_read_file(path, (uint8_t *)key, sizeof key, &len)) {
        return false;
    }
    while (len > 0u && (key[len - 1u] == '\n' || key[len - 1u] == '\r')) {
        key[--len] = '\0';
    }
    return len > 0u && strlen(key) == len;
}

oarc_status oarc_board_settings_load(oarc_board_settings *out)
{
    char path[PATH_MAX_LEN];
    bool present = false;
    memset(out, 0, sizeof *out);
    if (!board_semihost_cmdline(cmdline, sizeof cmdline)) {
        cmdline[0] = '\0';
    }
    if (!word_value("base_url", base_url, sizeof base_url, &present)) {
        printf("settings: base_url is empty or longer than %u bytes\n", URL_MAX - 1u);
        return OARC_ERR_ARGUMENT;
    }
    out->base_url = present ? base_url : NULL;
    if (!word_value("key_file", path, sizeof path, &present)) {
        printf("settings: key_file path is empty or too long\n");
        return OARC_ERR_ARGUMENT;
    }
    if (present && load_key(path)) {
        out->admin_key = key;
    } else if (present) {
        printf("settings: the key file cannot be read, is empty or holds a NUL\n");
    }
    if (!word_value("ca_file", path, sizeof path, &present)) {
        printf("settings: ca_file path is empty or too long\n");
        return OARC_ERR_ARGUMENT;
    }
    size_t ca_len = 0;
    if (present && board_semihost_read_file(path, (uint8_t *)ca, sizeof ca, &ca_len)) {
        out->ca_pem = ca;
        out->ca_pem_len = ca_len + 1u;
    } else if (present) {
        printf("settings: CA file %s unreadable or larger than %u bytes\n", path, CA_MAX - 1u);
    }
    return OARC_OK;
}

void oarc_board_settings_wipe(void)
{
    /* volatile: the stores must happen although nothing reads them again. */
    volatile char *k = key;
    for (size_t i = 0; i < sizeof key; i++) {
        k[i] = 0;
    }
    memset(cmdline, 0, sizeof cmdline);
}
