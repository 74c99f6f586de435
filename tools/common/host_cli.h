/**
 * @file host_cli.h
 * @brief What the host programs (oarc, oarc-provisioner) share about talking
 * to a person: the nearest valid word to a mistyped one, files read whole
 * with a refusal that says what to do, --version, and an exit code that
 * tells when the output could not be written.
 */
#ifndef OARC_HOST_CLI_H
#define OARC_HOST_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/** Longest word compared by host_cli_nearest(); longer ones match nothing. */
#define HOST_CLI_MAX_WORD 48u

/** The candidate nearest to word: one a few edits away (insert, delete,
 *  replace or swap two neighbours: at most 1 for short words, 2 from 6
 *  letters on), else the only candidate that starts with word (3 letters or
 *  more); NULL when none is near enough or two are equally near. */
const char *host_cli_nearest(const char *word, const char *const *candidates, size_t count);

/** "unknown WHAT 'WORD'" and, when there is one, "(did you mean 'NEAREST'?)",
 *  written into buf (cut to fit); returns buf. */
const char *host_cli_unknown(char *buf, size_t cap, const char *what, const char *word,
                             const char *nearest);

/** Read the file at path whole into buf (at most cap - 1 bytes) and end it
 *  with a NUL; *len is the bytes read. On failure, say on stderr which file
 *  (named as the option that gave it), what is wrong with it and what to do
 *  (a directory, missing, unreadable, empty, too large), and return false. */
bool host_cli_read_file(const char *option, const char *path, char *buf, size_t cap,
                        size_t *len);

/** "PROGRAM VERSION (library VERSION, TLS BACKEND)" on out. */
void host_cli_print_version(FILE *out, const char *program);

/** The exit code once stdout and stderr are flushed: code, or failed_code
 *  when code is 0 and a write to either failed (said on stderr when it can
 *  be). `oarc --help >/dev/full` does not pass for success. */
int host_cli_finish(int code, int failed_code);

#endif /* OARC_HOST_CLI_H */
