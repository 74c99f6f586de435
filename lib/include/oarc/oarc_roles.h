/**
 * @file oarc_roles.h
 * @brief The Roles operations. Each one checks its inputs first (bad input
 * returns an error and sends nothing), then makes one call on the client.
 * Decoded results point into the client's rx buffer: valid until the next
 * call on that client. On OARC_ERR_API, oarc_client_last_call() has the
 * HTTP status, the API's error object and the request id.
 */
#ifndef OARC_ROLES_H
#define OARC_ROLES_H

#include "oarc_client.h"
#include "oarc_role.h"
#include "oarc_status.h"

/** POST /organization/roles/{role_id}: change the fields update sets. */
oarc_status oarc_org_role_update(oarc_client *client, const char *role_id,
                                 const oarc_role_update *update, oarc_role *out);

/** POST /projects/{project_id}/roles/{role_id}: change the fields update sets. */
oarc_status oarc_project_role_update(oarc_client *client, const char *project_id,
                                     const char *role_id,
                                     const oarc_role_update *update, oarc_role *out);

#endif /* OARC_ROLES_H */
