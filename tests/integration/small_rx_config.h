/**
 * @file small_rx_config.h
 * @brief Sizes for the CLI variant `oarc-small-rx` (OARC_CONFIG_FILE): a
 * receive buffer and token pool so small that one list page holds only a
 * few roles, so that the integration tests see a list walked over many pages
 * and a page too large for rx fetched again with fewer items.
 */
#ifndef OARC_SMALL_RX_CONFIG_H
#define OARC_SMALL_RX_CONFIG_H

/* Head (about 300 bytes from the simulator) plus a few pretty-printed roles. */
#define OARC_RX_BUFFER_SIZE 1536u
#define OARC_HTTP_MAX_HEAD_SIZE 1024u
/* About 20 tokens a role: six or so per page at most. */
#define OARC_JSON_MAX_TOKENS 128u

#endif /* OARC_SMALL_RX_CONFIG_H */
