/**
 * @file exit_code.c
 * @brief The provisioner's exit codes (see exit_code.h).
 */
#include "exit_code.h"

int prov_exit_code(const prov_summary *summary)
{
    return summary->unreachable != OARC_OK ? PROV_EXIT_UNREACHABLE
           : summary->failed != 0u         ? PROV_EXIT_FAILED_ITEM
                                           : PROV_EXIT_OK;
}

int prov_client_setup_exit_code(oarc_status st)
{
    /* The one status table says whose fault a failure is. */
    return oarc_status_class_of(st) == OARC_CLASS_INPUT ? PROV_EXIT_USAGE : PROV_EXIT_UNREACHABLE;
}
