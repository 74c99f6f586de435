/**
 * @file exit_code.h
 * @brief The provisioner's exit codes, shared by every main (host and
 * boards): 0 every item is as planned; 1 some item failed; 2 bad usage, a
 * bad plan or missing settings (nothing sent); 3 the API could not be
 * reached (network, TLS, certificate, timeout).
 */
#ifndef PROV_EXIT_CODE_H
#define PROV_EXIT_CODE_H

#include "oarc/oarc_status.h"
#include "provision.h"

#define PROV_EXIT_OK 0
#define PROV_EXIT_FAILED_ITEM 1
#define PROV_EXIT_USAGE 2
#define PROV_EXIT_UNREACHABLE 3

/** The exit code of a finished run. */
int prov_exit_code(const prov_summary *summary);

/** The exit code when oarc_client_init() refused with st: a setting at
 *  fault, a CA without a readable certificate included (2), or anything
 *  else (3). */
int prov_client_setup_exit_code(oarc_status st);

#endif /* PROV_EXIT_CODE_H */
