/**
 * @file mbedtls_device_config.h
 * @brief Included at the end of Debian's mbedTLS config (as
 * MBEDTLS_USER_CONFIG_FILE) for the device builds of the size report: a device has no
 * pthreads, so the threading layer Debian turns on is turned off, as a
 * device's own mbedTLS config would. Only the headers are used here.
 */
#undef MBEDTLS_THREADING_C
#undef MBEDTLS_THREADING_PTHREAD
