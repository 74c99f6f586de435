/**
 * @file provision.h
 * @brief The provisioner: converges an organization onto a plan over one
 * oarc_client, using only the library.
 *
 * For each plan role it reads what the API has (one walk of the scope's list
 * for the roles found by name, a retrieve for those with a known id),
 * compares name, description and permissions (as a set), and sends an update
 * carrying only the fields that differ, or nothing; a role that is missing
 * is created when the plan allows it. Then, for each principal, it walks the
 * roles the principal holds once and assigns only the missing ones. So a
 * second run over an unchanged organization makes no write at all.
 *
 * Every item ends in one outcome, handed to a report callback as soon as it
 * is known (a host prints it, a device logs it). A failed item does not stop
 * the others; only a transport failure (the API cannot be reached) does, and
 * then the items left are reported failed without being tried.
 */
#ifndef PROV_PROVISION_H
#define PROV_PROVISION_H

#include <stdbool.h>
#include <stddef.h>

#include "oarc/oarc.h"
#include "plan.h"
#include "plan_error.h"

/** Bytes kept of a request id that decided an outcome (the API's are 36). */
#ifndef PROVISIONER_REQUEST_ID_SIZE
#define PROVISIONER_REQUEST_ID_SIZE 64u
#endif

/** How one item ended. */
typedef enum prov_outcome {
    PROV_UNCHANGED = 0, /**< already as planned: nothing sent */
    PROV_UPDATED,       /**< a role update carrying the differing fields */
    PROV_CREATED,       /**< a missing role was created */
    PROV_ASSIGNED,      /**< a missing assignment was made */
    PROV_FAILED         /**< see status, reason, http_status, message */
} prov_outcome;

typedef enum prov_item_kind {
    PROV_ITEM_ROLE = 0,
    PROV_ITEM_ASSIGNMENT = 1
} prov_item_kind;

/**
 * One item's outcome. Spans point into the client or the run: valid only
 * during the callback.
 */
typedef struct prov_report {
    prov_item_kind kind;
    size_t index;                         /**< in the plan's roles or assignments */
    const prov_role *role;                /**< PROV_ITEM_ROLE: the plan role */
    const prov_assignment *assignment;    /**< PROV_ITEM_ASSIGNMENT: the plan assignment */
    prov_outcome outcome;
    unsigned fields;                      /**< PROV_UPDATED: PROV_FIELD_* bits sent */
    oarc_span role_id;                    /**< the role's id, when known; ptr NULL if not */
    oarc_span request_id;                 /**< the call that decided it; ptr NULL if none */
    /* PROV_FAILED only: */
    oarc_status status;                   /**< the library's status; OARC_OK for a plan reason */
    const char *reason;                   /**< the provisioner's reason, or NULL */
    int http_status;                      /**< 0 when no answer came */
    oarc_span message;                    /**< the API's error message; ptr NULL if none */
    /** A dry run: the outcome is what a real run would do; no write was sent. */
    bool dry_run;
} prov_report;

/** Called once per item, in the order items are decided. */
typedef void (*prov_report_fn)(void *ctx, const prov_report *report);

/** How a run reports, and whether it writes. */
typedef struct prov_options {
    prov_report_fn report;  /**< called once per item; may be NULL */
    void *report_ctx;       /**< handed to report */
    /** Read and compare as usual but send no write: each item reports what a
     *  real run would do (an assignment to a role that would be created
     *  reports it would be assigned). */
    bool dry_run;
} prov_options;

/** Counts of a run, by outcome. */
typedef struct prov_summary {
    size_t unchanged;
    size_t updated;
    size_t created;
    size_t assigned;
    size_t failed;
    /** OARC_OK, or the transport failure (OARC_ERR_CONNECT, _TLS_CERT, ...)
     *  that stopped the run. */
    oarc_status unreachable;
} prov_summary;

/** What the run keeps of one plan role between reading and writing it. */
typedef struct prov_role_slot {
    bool found;                                      /**< the API has it */
    bool has_id;                                     /**< id is set (found or created) */
    bool would_create;                               /**< dry run: missing, would be created */
    unsigned differs;                                /**< PROV_FIELD_* bits */
    char id[OARC_MAX_ID_LEN + 1u];
    char request_id[PROVISIONER_REQUEST_ID_SIZE];    /**< the call that read it */
} prov_role_slot;

/**
 * All the memory of one run (declare it static on a device: with the
 * defaults it is a few KB). Only summary is meant to be read.
 */
typedef struct prov_run {
    prov_summary summary;

    /** Private to the provisioner. */
    struct {
        oarc_client *client;
        const prov_plan *plan;
        prov_options options;
        prov_role_slot roles[PROVISIONER_MAX_ROLES];
        bool role_done[PROVISIONER_MAX_ROLES];
        bool assignment_done[PROVISIONER_MAX_ASSIGNMENTS];
        bool assignment_present[PROVISIONER_MAX_ASSIGNMENTS];
        oarc_role_iter iter;
        oarc_role role;                                   /**< one decoded role */
        const char *perms[PROVISIONER_MAX_ROLE_PERMISSIONS]; /**< a body's permissions */
    } priv;
} prov_run;

/**
 * Check plan whole (prov_plan_check; on a fault, err says where and nothing
 * is sent), then converge the organization reached through client onto it,
 * reporting each item through options (NULL: no report, writes sent).
 * Returns OARC_OK when the run took place, whatever its items' outcomes
 * (read run->summary), or the plan check's status. client must be
 * initialised; run and plan must outlive the call.
 */
oarc_status prov_run_plan(prov_run *run, oarc_client *client, const prov_plan *plan,
                          const prov_options *options, prov_plan_error *err);

/** A short name of an outcome: "unchanged", "updated", ...; never NULL. */
const char *prov_outcome_str(prov_outcome outcome);

#endif /* PROV_PROVISION_H */
