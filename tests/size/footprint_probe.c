/**
 * @file footprint_probe.c
 * @brief One oarc_client and one prov_run as zero-initialised objects, for
 * the size report: their symbols' sizes (nm -S) are sizeof on the target,
 * with whatever OARC_CONFIG_FILE the build names. Never linked nor run.
 */
#include "oarc/oarc.h"
#include "provision.h"

extern oarc_client oarc_footprint_client;
extern prov_run oarc_footprint_run;
oarc_client oarc_footprint_client;
prov_run oarc_footprint_run;
