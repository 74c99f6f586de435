/**
 * @file test_version.c
 * @brief The version the library reports is the generated header's, made of
 * its parts, and the TLS backend names mbedTLS with the version built against.
 */
#include <stdlib.h>

#include "test_main.h"

#include "oarc/oarc_version.h"

#include <mbedtls/version.h>

static void library_version_is_the_headers(void **state)
{
    (void)state;
    char parts[32];
    snprintf(parts, sizeof parts, "%d.%d.%d", OARC_VERSION_MAJOR, OARC_VERSION_MINOR,
             OARC_VERSION_PATCH);
    assert_string_equal(oarc_version(), OARC_VERSION_STRING);
    assert_string_equal(oarc_version(), parts);
}

static void tls_backend_names_mbedtls_and_its_version(void **state)
{
    (void)state;
    assert_string_equal(oarc_tls_backend(), "mbedTLS " MBEDTLS_VERSION_STRING);
    /* 2.28 or 3.6: the two backends lib/src has files for. */
    assert_true(MBEDTLS_VERSION_MAJOR == 2 || MBEDTLS_VERSION_MAJOR == 3);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(library_version_is_the_headers),
    cmocka_unit_test(tls_backend_names_mbedtls_and_its_version),
};

OARC_TEST_MAIN(tests)
