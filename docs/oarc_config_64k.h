/**
 * @file oarc_config_64k.h
 * @brief An OARC_CONFIG_FILE for a part with 64 KB of RAM (a Cortex-M0+ or
 * a small RV32 with lwIP and mbedTLS beside oarc): buffers for one role or
 * one short list page at a time. Build the library and everything that
 * includes its headers with -DOARC_CONFIG_FILE='"oarc_config_64k.h"' (both
 * sides must agree on sizeof(oarc_client)). docs/size.md gives what it saves.
 *
 * What it costs: a role with a long description or many permissions, or a
 * list page of many items, needs more rx; list iterators halve their page
 * until a page fits, down to one item.
 */
#ifndef OARC_CONFIG_64K_H
#define OARC_CONFIG_64K_H

/* Request: head (with the admin key) and a role's JSON body. */
#define OARC_TX_BUFFER_SIZE 1024u
/* Response: head and body of one role or a page of a few items. */
#define OARC_RX_BUFFER_SIZE 2048u
#define OARC_HTTP_MAX_HEAD_SIZE 1024u
#define OARC_JSON_MAX_TOKENS 96u
#define OARC_JSON_MAX_DEPTH 8u
#define OARC_PATH_BUFFER_SIZE 256u
#define OARC_MAX_HOST_LEN 64u
#define OARC_MAX_PATH_PREFIX_LEN 16u
#define OARC_MAX_PERMISSIONS 16u
#define OARC_MAX_CURSOR_LEN 64u

/* The provisioner's plan: a device converges a handful of roles. */
#define PROVISIONER_MAX_ROLES 8u
#define PROVISIONER_MAX_ASSIGNMENTS 16u
#define PROVISIONER_MAX_HELD_PAGES 4u

#endif /* OARC_CONFIG_64K_H */
