/**
 * @file test_main.h
 * @brief main() for a cmocka test file. With no argument it runs every case;
 * with one it runs just that case (ctest registers one test per case) and
 * fails if no case has that name, so a renamed case cannot pass silently.
 */
#ifndef OARC_TEST_MAIN_H
#define OARC_TEST_MAIN_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#define OARC_TEST_MAIN(tests)                                                     \
    int main(int argc, char **argv)                                               \
    {                                                                             \
        if (argc > 1) {                                                           \
            size_t found = 0;                                                     \
            for (size_t i = 0; i < sizeof(tests) / sizeof((tests)[0]); i++) {     \
                found += strcmp((tests)[i].name, argv[1]) == 0;                   \
            }                                                                     \
            if (found != 1) {                                                     \
                fprintf(stderr, "no single test case named '%s'\n", argv[1]);     \
                return 1;                                                         \
            }                                                                     \
            cmocka_set_test_filter(argv[1]);                                      \
        }                                                                         \
        return cmocka_run_group_tests(tests, NULL, NULL);                         \
    }

#endif /* OARC_TEST_MAIN_H */
