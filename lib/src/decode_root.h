/**
 * @file decode_root.h
 * @brief What every decoder of a whole answer does around its members: refuse
 * NULLs, start from a zeroed result, refuse a root that is not an object
 * naming what was expected, and leave no half-decoded result behind.
 */
#ifndef OARC_DECODE_ROOT_H
#define OARC_DECODE_ROOT_H

#include <stddef.h>

#include "json_read.h"

/**
 * Start decoding the resource at the root of doc into out (size bytes):
 * OARC_ERR_ARGUMENT for a NULL doc or out (nothing touched); else out is
 * zeroed and doc->bad_field cleared, and a root that is not an object is
 * OARC_ERR_JSON_SHAPE blaming name (a string literal).
 */
oarc_status oarc_decode_root_begin(oarc_json_doc *doc, void *out, size_t size, const char *name);

/** End it: out (unless NULL) zeroed again when status is a failure;
 *  returns status. */
oarc_status oarc_decode_root_end(void *out, size_t size, oarc_status status);

#endif /* OARC_DECODE_ROOT_H */
