/**
 * @file host_cli.c
 * @brief Shared by the host programs: suggestions, whole-file reads with
 * actionable refusals, --version and checked output (see host_cli.h).
 */
#include "host_cli.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "oarc/oarc_version.h"

/* Optimal string alignment distance (Levenshtein plus swapped neighbours),
 * over words of at most HOST_CLI_MAX_WORD bytes: three rows on the stack. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
    size_t rows[3][HOST_CLI_MAX_WORD + 1u];
    size_t *before = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0u : 1u;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1u < best) {
                best = prev[j] + 1u;
            }
            if (cur[j - 1] + 1u < best) {
                best = cur[j - 1] + 1u;
            }
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1u < best) {
                best = before[j - 2] + 1u;
            }
            cur[j] = best;
        }
        size_t *t = before;
        before = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *host_cli_nearest(const char *word, const char *const *candidates, size_t count)
{
    size_t lw = strnlen(word, HOST_CLI_MAX_WORD + 1u);
    if (lw == 0 || lw > HOST_CLI_MAX_WORD) {
        return NULL;
    }
    size_t limit = lw >= 6u ? 2u : 1u;
    const char *best = NULL, *prefixed = NULL;
    size_t best_d = limit + 1u, prefixes = 0;
    bool tie = false;
    for (size_t i = 0; i < count; i++) {
        size_t lc = strnlen(candidates[i], HOST_CLI_MAX_WORD + 1u);
        if (lc > HOST_CLI_MAX_WORD) {
            continue;
        }
        if (lw >= 3u && lw < lc && strncmp(candidates[i], word, lw) == 0) {
            prefixed = candidates[i];
            prefixes++;
        }
        size_t d = distance(word, lw, candidates[i], lc);
        if (d < best_d) {
            best = candidates[i];
            best_d = d;
            tie = false;
        } else if (d == best_d && best != NULL && strcmp(best, candidates[i]) != 0) {
            tie = true;
        }
    }
    if (best != NULL && !tie) {
        return best;
    }
    return prefixes == 1u ? prefixed : NULL;
}

const char *host_cli_unknown(char *buf, size_t cap, const char *what, const char *word,
                             const char *nearest)
{
    if (nearest != NULL) {
        snprintf(buf, cap, "unknown %s '%s' (did you mean '%s'?)", what, word, nearest);
    } else {
        snprintf(buf, cap, "unknown %s '%s'", what, word);
    }
    return buf;
}

bool host_cli_read_file(const char *option, const char *path, char *buf, size_t cap,
                        size_t *len)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "error: usage: %s %s: %s: give an existing file\n", option, path,
                strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "error: usage: %s %s is a directory: give a file in it\n", option, path);
        return false;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "error: usage: %s %s cannot be opened: %s\n", option, path,
                strerror(errno));
        return false;
    }
    size_t n = fread(buf, 1, cap, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        fprintf(stderr, "error: usage: %s %s cannot be read\n", option, path);
    } else if (n == 0) {
        fprintf(stderr, "error: usage: %s %s is empty\n", option, path);
    } else if (n >= cap) {
        fprintf(stderr, "error: usage: %s %s is larger than %zu bytes\n", option, path,
                cap - 1u);
    } else {
        buf[n] = '\0';
        *len = n;
        return true;
    }
    return false;
}

void host_cli_print_version(FILE *out, const char *program)
{
    fprintf(out, "%s %s (library %s, TLS %s)\n", program, OARC_VERSION_STRING, oarc_version(),
            oarc_tls_backend());
}

int host_cli_finish(int code, int failed_code)
{
    /* stdout is buffered when not a terminal: its write happens here. */
    bool out_failed = fflush(stdout) != 0 || ferror(stdout) != 0;
    int out_errno = errno;
    if (out_failed) {
        fprintf(stderr, "error: cannot write the output: %s\n", strerror(out_errno));
    }
    bool err_failed = fflush(stderr) != 0 || ferror(stderr) != 0;
    return (code == 0 && (out_failed || err_failed)) ? failed_code : code;
}
