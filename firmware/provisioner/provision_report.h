/**
 * @file provision_report.h
 * @brief Private to the provisioner: filling an item's report from the
 * last call, counting it into the summary and handing it to the callback.
 */
#ifndef PROV_PROVISION_REPORT_H
#define PROV_PROVISION_REPORT_H

#include "provision.h"

/** Transport failures: no usable connection to the API, so the run stops. */
bool prov_is_unreachable(oarc_status status);

/** True for the statuses a role of the API's (a list item, or a 2xx
 *  answer's body) fails to decode with here: JSON_SHAPE, JSON_SYNTAX,
 *  TOO_MANY_ITEMS. Such a role exists, but cannot be compared. */
bool prov_undecodable(oarc_status status);

/** True for the statuses of a 2xx answer the run can do without reading:
 *  those of prov_undecodable(), and an answer too large for rx or the token
 *  pool (JSON_TOO_MANY_TOKENS, HTTP_BODY_TOO_LARGE). */
bool prov_unread(oarc_status status);

/** A report for item index of kind, outcome, with nothing else set. */
prov_report prov_report_for(const prov_run *run, prov_item_kind kind, size_t index,
                            prov_outcome outcome);

/** Count report into the summary and hand it to the callback. */
void prov_report_emit(prov_run *run, const prov_report *report);

/** A failure of the call just made: status, HTTP status, API message and
 *  request id from the client's last call. A transport failure also stops
 *  the run. */
void prov_report_call_failed(prov_run *run, prov_item_kind kind, size_t index,
                             oarc_status status);

/** A failure decided without a call (reason says why; nothing was sent). */
void prov_report_refused(prov_run *run, prov_item_kind kind, size_t index, const char *reason);

/** A success of the call just made, with its request id. */
void prov_report_call_done(prov_run *run, prov_item_kind kind, size_t index,
                           prov_outcome outcome, unsigned fields, oarc_span role_id);

/** A role that exists but does not decode here failed: its own words
 *  (naming the member at fault and what to do), the status it failed with,
 *  the id when it could be read and the request id of the call that read
 *  it, taken from its slot. Nothing was sent for it. */
void prov_report_undecodable(prov_run *run, size_t index);

/** Copies s into dst[0..cap) NUL-terminated, cut to fit. */
void prov_copy_span(char *dst, size_t cap, oarc_span s);

/** A span over a NUL-terminated buffer of cap bytes (ptr NULL when empty). */
oarc_span prov_span_of(const char *s, size_t cap);

#endif /* PROV_PROVISION_REPORT_H */
