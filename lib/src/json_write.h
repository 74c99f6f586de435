/**
 * @file json_write.h
 * @brief The bounded JSON writer, for lib/'s codecs: public as
 * oarc/oarc_json.h (the writer's contract is there).
 */
#ifndef OARC_JSON_WRITE_H
#define OARC_JSON_WRITE_H

#include "oarc/oarc_json.h"

#endif /* OARC_JSON_WRITE_H */
