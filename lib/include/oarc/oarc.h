/**
 * @file oarc.h
 * @brief oarc, the OpenAI Admin Roles Client: everything a caller needs.
 */
#ifndef OARC_H
#define OARC_H

#include "oarc_assignments.h"
#include "oarc_client.h"
#include "oarc_config.h"
#include "oarc_port.h"
#include "oarc_printable.h"
#include "oarc_role.h"
#include "oarc_role_page.h"
#include "oarc_roles.h"
#include "oarc_span.h"
#include "oarc_status.h"

#endif /* OARC_H */
