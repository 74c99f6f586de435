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
#include <stdint.h>

#include "oarc/oarc.h"
#include "plan.h"
#include "plan_error.h"

/** Bytes kept of a request id that decided an outcome (the API's are 36). */
#ifndef PROVISIONER_REQUEST_ID_SIZE
#define PROVISIONER_REQUEST_ID_SIZE 64u
#endif

/**
 * Pages of one principal's roles whose request ids are kept, for the
 * unchanged assignments they showed (each names the page that decided it).
 * Past this many such pages in one walk, an unchanged assignment names no
 * request id (`-`) rather than cost a request id per plan assignment.
 */
#ifndef PROVISIONER_MAX_HELD_PAGES
#define PROVISIONER_MAX_HELD_PAGES 8u
#endif
#if PROVISIONER_MAX_HELD_PAGES < 1 || PROVISIONER_MAX_HELD_PAGES > 255
#error "PROVISIONER_MAX_HELD_PAGES must be 1..255 (an assignment keeps its page in a byte)"
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
 * One item's outcome. Spans, and reason, point into the client or the run:
 * valid only during the callback (copy what is to be kept).
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
    const char *reason;                   /**< the provisioner's reason, or NULL; valid only
                                               during the callback */
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

/** Room for the reason of a failure the run words itself (the longest is
 *  that of a role that does not decode, naming the member at fault). */
#define PROVISIONER_REASON_SIZE 128u

/** What the run keeps of one plan role between reading and writing it. */
typedef struct prov_role_slot {
    bool found;                                      /**< the API has it */
    bool has_id;                                     /**< id is set (found or created) */
    bool would_create;                               /**< dry run: missing, would be created */
    unsigned differs;                                /**< PROV_FIELD_* bits */
    /** OARC_OK, or how the API's role of this name (or id) failed to decode:
     *  it exists, but cannot be compared, so it is neither updated nor
     *  created. id then holds its id when that could be read, but has_id
     *  stays false: an assignment naming the role fails like any other. */
    oarc_status undecodable;
    const char *bad_field;                           /**< the library's literal, or NULL */
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
        /** The principal-list page that showed each held assignment: 1 +
         *  its index in held_request_id, or 0 for none kept. */
        uint8_t assignment_page[PROVISIONER_MAX_ASSIGNMENTS];
        /** Request ids of the pages of the current principal walk that
         *  showed a held assignment, in walk order, and which page each was
         *  (the iterator's page count). */
        char held_request_id[PROVISIONER_MAX_HELD_PAGES][PROVISIONER_REQUEST_ID_SIZE];
        size_t held_page_no[PROVISIONER_MAX_HELD_PAGES];
        size_t held_pages;
        /** The last walk met an item whose identity (the name of a role, the
         *  id of a held role) could not be read: what it did not find may
         *  still be there, so nothing is created or assigned on its word. */
        bool walk_blind;
        char reason[PROVISIONER_REASON_SIZE]; /**< a worded reason, during its report */
        oarc_role_iter iter;
        /** One decoded answer, kept here rather than on the stack: a role
         *  (a list item, a read's or a write's), or an assignment's. */
        union {
            oarc_role role;
            oarc_role_assignment assignment;
        };
        const char *perms[PROVISIONER_MAX_ROLE_PERMISSIONS]; /**< a body's permissions */
    } priv;
} prov_run;

/**
 * Check plan whole (prov_plan_check; on a fault, err, unless NULL, says where and nothing
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
