/**
 * @file test_board_settings.c
 * @brief The host-lwip board's environment settings: what is accepted, the
 * defaults, and that each malformed value is refused with a message naming
 * its variable (a typo must never become a different network).
 */
#include "test_main.h"

#include "board_settings.h"

/* The fake environment of one test: name/value pairs, NULL-terminated. */
static const char *const *fake_env;

static const char *fake_getenv(const char *name)
{
    for (const char *const *p = fake_env; p != NULL && p[0] != NULL; p += 2) {
        if (strcmp(p[0], name) == 0) {
            return p[1];
        }
    }
    return NULL;
}

static void assert_ipv4(const char *text, uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
    board_ipv4 ip;
    assert_true(board_parse_ipv4(text, &ip));
    assert_int_equal(ip.octet[0], a);
    assert_int_equal(ip.octet[1], b);
    assert_int_equal(ip.octet[2], c);
    assert_int_equal(ip.octet[3], d);
}

static void parse_accepts_dotted_quads(void **state)
{
    (void)state;
    assert_ipv4("10.77.0.2", 10, 77, 0, 2);
    assert_ipv4("0.0.0.0", 0, 0, 0, 0);
    assert_ipv4("255.255.255.255", 255, 255, 255, 255);
    assert_ipv4("192.168.100.1", 192, 168, 100, 1);
}

static void parse_refuses_everything_else(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "10.77.0", "10.77.0.2.", ".10.77.0.2", "10.77.0.256", "010.1.2.3",
        "1.2.3.04", "1..2.3", "a.b.c.d", "1.2.3.-4", "+1.2.3.4", "1.2.3.4/24",
        " 1.2.3.4", "1.2.3.4 ", "1234.1.1.1", "0x0a.1.2.3", "1.2.3.4.5", "10.77.0.2:53",
    };
    board_ipv4 ip = { { 9, 9, 9, 9 } };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (board_parse_ipv4(bad[i], &ip)) {
            fail_msg("accepted '%s'", bad[i]);
        }
    }
    assert_int_equal(ip.octet[0], 9); /* untouched on failure */
    assert_false(board_parse_ipv4(NULL, &ip));
}

static void defaults_with_only_an_address(void **state)
{
    (void)state;
    static const char *const env[] = { "OARC_LWIP_ADDR", "10.77.0.2", NULL };
    fake_env = env;
    board_settings s;
    char why[200] = "";
    assert_int_equal(board_settings_read(&s, fake_getenv, why, sizeof why), OARC_OK);
    assert_string_equal(s.tap, "tap0");
    assert_int_equal(s.addr.octet[3], 2);
    assert_int_equal(s.netmask.octet[0], 255);
    assert_int_equal(s.netmask.octet[3], 0);
    assert_false(s.has_gw);
    assert_false(s.has_dns);
}

static void every_setting_read(void **state)
{
    (void)state;
    static const char *const env[] = {
        "OARC_LWIP_TAP", "oarctap1", "OARC_LWIP_ADDR", "172.16.5.9",
        "OARC_LWIP_NETMASK", "255.255.0.0", "OARC_LWIP_GW", "172.16.0.1",
        "OARC_LWIP_DNS", "9.9.9.9", NULL,
    };
    fake_env = env;
    board_settings s;
    char why[200] = "";
    assert_int_equal(board_settings_read(&s, fake_getenv, why, sizeof why), OARC_OK);
    assert_string_equal(s.tap, "oarctap1");
    assert_int_equal(s.netmask.octet[2], 0);
    assert_true(s.has_gw);
    assert_int_equal(s.gw.octet[3], 1);
    assert_true(s.has_dns); /* the DNS server may be anywhere routable */
    assert_int_equal(s.dns.octet[0], 9);
}

/* env must be refused, with a message that names variable. */
static void assert_refused(const char *const *env, const char *variable)
{
    fake_env = env;
    board_settings s;
    char why[200] = "";
    assert_int_equal(board_settings_read(&s, fake_getenv, why, sizeof why), OARC_ERR_ARGUMENT);
    if (strstr(why, variable) == NULL) {
        fail_msg("message '%s' does not name %s", why, variable);
    }
}

static void missing_address_refused(void **state)
{
    (void)state;
    static const char *const unset[] = { "OARC_LWIP_DNS", "10.77.0.1", NULL };
    static const char *const empty[] = { "OARC_LWIP_ADDR", "", NULL };
    assert_refused(unset, "OARC_LWIP_ADDR");
    assert_refused(empty, "OARC_LWIP_ADDR");
}

static void non_unicast_address_refused(void **state)
{
    (void)state;
    static const char *const bad[] = { "0.0.0.0", "255.255.255.255", "127.0.0.1", "224.0.0.1",
                                       "10.77.0.300" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *const env[] = { "OARC_LWIP_ADDR", bad[i], NULL };
        assert_refused(env, "OARC_LWIP_ADDR");
    }
}

static void bad_netmask_refused(void **state)
{
    (void)state;
    static const char *const holes[] = { "OARC_LWIP_ADDR", "10.77.0.2",
                                         "OARC_LWIP_NETMASK", "255.0.255.0", NULL };
    static const char *const zero[] = { "OARC_LWIP_ADDR", "10.77.0.2",
                                        "OARC_LWIP_NETMASK", "0.0.0.0", NULL };
    static const char *const prefix[] = { "OARC_LWIP_ADDR", "10.77.0.2",
                                          "OARC_LWIP_NETMASK", "24", NULL };
    assert_refused(holes, "OARC_LWIP_NETMASK");
    assert_refused(zero, "OARC_LWIP_NETMASK");
    assert_refused(prefix, "OARC_LWIP_NETMASK");
}

static void gateway_off_the_subnet_refused(void **state)
{
    (void)state;
    static const char *const off[] = { "OARC_LWIP_ADDR", "10.77.0.2",
                                       "OARC_LWIP_GW", "10.78.0.1", NULL };
    static const char *const malformed[] = { "OARC_LWIP_ADDR", "10.77.0.2",
                                             "OARC_LWIP_GW", "10.77.0.1x", NULL };
    assert_refused(off, "OARC_LWIP_GW");
    assert_refused(malformed, "OARC_LWIP_GW");
}

static void malformed_dns_refused(void **state)
{
    (void)state;
    static const char *const env[] = { "OARC_LWIP_ADDR", "10.77.0.2",
                                       "OARC_LWIP_DNS", "dns.example", NULL };
    assert_refused(env, "OARC_LWIP_DNS");
}

static void bad_tap_name_refused(void **state)
{
    (void)state;
    static const char *const bad[] = { "abcdefghijklmnop", "tap/0", "tap 0", "..", "tap:1" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *const env[] = { "OARC_LWIP_TAP", bad[i], "OARC_LWIP_ADDR", "10.77.0.2", NULL };
        assert_refused(env, "OARC_LWIP_TAP");
    }
    static const char *const longest[] = { "OARC_LWIP_TAP", "abcdefghijklmno",
                                           "OARC_LWIP_ADDR", "10.77.0.2", NULL };
    fake_env = longest;
    board_settings s;
    char why[200] = "";
    assert_int_equal(board_settings_read(&s, fake_getenv, why, sizeof why), OARC_OK);
    assert_string_equal(s.tap, "abcdefghijklmno");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(parse_accepts_dotted_quads),
    cmocka_unit_test(parse_refuses_everything_else),
    cmocka_unit_test(defaults_with_only_an_address),
    cmocka_unit_test(every_setting_read),
    cmocka_unit_test(missing_address_refused),
    cmocka_unit_test(non_unicast_address_refused),
    cmocka_unit_test(bad_netmask_refused),
    cmocka_unit_test(gateway_off_the_subnet_refused),
    cmocka_unit_test(malformed_dns_refused),
    cmocka_unit_test(bad_tap_name_refused),
};

OARC_TEST_MAIN(tests)
