/**
 * @file log.h
 * @brief Logging macros that compile away. A build that wants logs defines
 * OARC_LOG_LEVEL and OARC_LOG_PRINT(level, fmt, ...) in its config header;
 * the core never calls printf itself. Never pass the admin key.
 */
#ifndef OARC_LOG_H
#define OARC_LOG_H

#include "oarc/oarc_config.h"

#if OARC_LOG_LEVEL > 0 && defined(OARC_LOG_PRINT)
#define OARC_LOG_AT(level, ...) do { if ((level) <= OARC_LOG_LEVEL) { OARC_LOG_PRINT((level), __VA_ARGS__); } } while (0)
#else
#define OARC_LOG_AT(level, ...) do { } while (0)
#endif

#define OARC_LOG_ERROR(...) OARC_LOG_AT(1, __VA_ARGS__)
#define OARC_LOG_WARN(...)  OARC_LOG_AT(2, __VA_ARGS__)
#define OARC_LOG_INFO(...)  OARC_LOG_AT(3, __VA_ARGS__)
#define OARC_LOG_DEBUG(...) OARC_LOG_AT(4, __VA_ARGS__)

#endif /* OARC_LOG_H */
