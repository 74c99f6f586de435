/**
 * @file tls.c
 * @brief TLS client over the oarc_port with mbedTLS (see tls.h): the logic
 * both backends share. What differs between mbedTLS 2.28 and 3.6 (versions,
 * groups, signature algorithms, PSA, TLS 1.3 tickets) is in the one
 * tls_mbedtls<N>.c CMake compiled in, behind tls_mbedtls.h.
 *
 * mbedTLS reaches the network only through the two bio callbacks below,
 * which call the port with the time left of the current operation: a
 * handshake, send, receive or close is bounded as a whole, however many
 * records it takes. When the port fails underneath, the callback keeps the
 * port's oarc_status and hands mbedTLS a transport error code; the operation
 * then returns the port's status exactly, rather than a TLS error.
 *
 * There is deliberately no way to turn verification off: authmode is always
 * REQUIRED and a host name is always checked.
 */
#include "tls.h"

#include <stdalign.h>
#include <string.h>

#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/x509.h>

#include "tls_mbedtls.h"

/* oarc_tls reserves mbedTLS's contexts as raw storage sized by CMake for
 * this backend: a build whose headers or config changed since must fail. */
_Static_assert(sizeof(oarc_tls_mbedtls) <= OARC_TLS_MBEDTLS_SIZE,
               "OARC_TLS_MBEDTLS_SIZE is smaller than mbedTLS's contexts: reconfigure");
_Static_assert(alignof(oarc_tls_mbedtls) <= alignof(max_align_t),
               "mbedTLS's contexts need more than max_align_t");

static oarc_tls_mbedtls *mb(oarc_tls *tls)
{
    return (oarc_tls_mbedtls *)(void *)tls->mbedtls;
}

/* OARC_TLS_CLOSE_TIMEOUT_MS and OARC_TLS_MAX_FRAG_LEN: oarc_config_defaults.h. */

/* mbedTLS asks for another turn (WANT_READ / WANT_WRITE) when the port gave
 * up early (see timed_out) or a record carried no application data (a TLS
 * 1.3 ticket); this caps those turns on top of the time limit. */
#define OARC_TLS_MAX_TURNS 64u

/* The certificate chain's policy: no SHA-1 (nor MD5) signature anywhere in
 * it, RSA keys of 2048 bits or more; any key type and curve mbedTLS has. */
static const mbedtls_x509_crt_profile chain_profile = {
    MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA256) | MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA384) |
        MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA512),
    0xFFFFFFFu, 0xFFFFFFFu, 2048u,
};

/* OARC_TLS_WEAK_LEGACY_POLICY only: SHA-1 and SHA-224 too, RSA from 1024
 * bits, for an old device server that cannot be fixed. */
static const mbedtls_x509_crt_profile legacy_chain_profile = {
    MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA1) | MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA224) |
        MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA256) | MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA384) |
        MBEDTLS_X509_ID_FLAG(MBEDTLS_MD_SHA512),
    0xFFFFFFFu, 0xFFFFFFFu, 1024u,
};

/* Mixed into the DRBG seed so its output differs from any other user of the
 * same entropy source. */
static const unsigned char oarc_tls_drbg_label[] = "oarc tls drbg";

/* ---- time --------------------------------------------------------------- */

static void begin_op(oarc_tls *tls, uint32_t timeout_ms)
{
    tls->op_start_ms = tls->port->now_ms(tls->port->ctx);
    tls->op_budget_ms = timeout_ms;
    tls->io_status = OARC_OK;
    tls->io_code = 0; /* no mbedTLS failure is 0 */
}

/* Milliseconds left of the current operation; wrap-safe. */
static uint32_t op_left(const oarc_tls *tls)
{
    uint32_t elapsed = tls->port->now_ms(tls->port->ctx) - tls->op_start_ms;
    return elapsed >= tls->op_budget_ms ? 0u : tls->op_budget_ms - elapsed;
}

/* ---- bio callbacks ------------------------------------------------------ */

/* The port failed under mbedTLS: keep its status, and the code handed to
 * mbedTLS, by which failure_status() knows the failure for this one. */
static int port_failed(oarc_tls *tls, int status, int code)
{
    tls->io_status = status;
    tls->io_code = code;
    return code;
}

/* The port gave up waiting before the operation's time was over (a port may
 * wait in shorter steps than it is given): mbedTLS is told to try again
 * (want: WANT_READ or WANT_WRITE), which the loops below do while time is
 * left. At the deadline it is the port's timeout. */
static int timed_out(oarc_tls *tls, int want)
{
    return op_left(tls) > 0u ? want
                             : port_failed(tls, OARC_ERR_TIMEOUT, MBEDTLS_ERR_SSL_TIMEOUT);
}

static int bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    oarc_tls *tls = ctx;
    uint32_t left = op_left(tls);
    int n = left == 0u ? (int)OARC_ERR_TIMEOUT
                       : tls->port->send(tls->port->ctx, buf, len, left);
    if (n > 0) {
        return n;
    }
    if (n == OARC_ERR_TIMEOUT) {
        return timed_out(tls, MBEDTLS_ERR_SSL_WANT_WRITE);
    }
    if (n == OARC_ERR_CLOSED) {
        return port_failed(tls, n, MBEDTLS_ERR_NET_CONN_RESET);
    }
    /* A port never sends 0: taken as broken. */
    return port_failed(tls, n < 0 ? n : (int)OARC_ERR_IO, MBEDTLS_ERR_NET_SEND_FAILED);
}

/* timeout is mbedTLS's read timeout, which oarc never configures (0: none);
 * the operation's own time left is what bounds the wait. */
static int bio_recv_timeout(void *ctx, unsigned char *buf, size_t len, uint32_t timeout)
{
    oarc_tls *tls = ctx;
    uint32_t left = op_left(tls);
    (void)timeout;
    int n = left == 0u ? (int)OARC_ERR_TIMEOUT
                       : tls->port->recv(tls->port->ctx, buf, len, left);
    if (n > 0) {
        return n;
    }
    if (n == 0) { /* the peer closed: what mbedTLS itself makes of a 0 */
        return port_failed(tls, OARC_ERR_CLOSED, MBEDTLS_ERR_SSL_CONN_EOF);
    }
    if (n == OARC_ERR_TIMEOUT) {
        return timed_out(tls, MBEDTLS_ERR_SSL_WANT_READ);
    }
    return port_failed(tls, n, MBEDTLS_ERR_NET_RECV_FAILED);
}

/* ---- error mapping ------------------------------------------------------ */

/* The port's status when mbedTLS failed because the port did; otherwise
 * fallback. mbedTLS hands the bio's code up unchanged; a different code
 * means it failed for its own reason first (a bad record, say) and only then
 * could not send its alert, which is not the port's failure. */
static oarc_status failure_status(oarc_tls *tls, int ret, oarc_status fallback)
{
    tls->last_error = ret;
    return ret == tls->io_code ? (oarc_status)tls->io_status : fallback;
}

/* mbedTLS asks to be called again (see OARC_TLS_MAX_TURNS). */
static bool wants_more(int ret)
{
    return ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE;
}

static bool wants_another_turn(const oarc_tls *tls, int ret, uint32_t turn)
{
    return wants_more(ret) && turn < OARC_TLS_MAX_TURNS && op_left(tls) > 0u;
}

/* ---- setup -------------------------------------------------------------- */

/* The DRBG's entropy source is the port: a device has no /dev/urandom and
 * mbedtls_entropy_context's platform sources do not exist there. */
static int drbg_entropy(void *ctx, unsigned char *out, size_t len)
{
    const oarc_tls *tls = ctx;
    oarc_status st = tls->port->entropy(tls->port->ctx, out, len);
    return st == OARC_OK ? 0 : MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
}

/* mbedtls_x509_crt_parse takes PEM only with the final NUL counted. ca_pem
 * is NUL-terminated by contract, so when ca_len stops short of the NUL the
 * byte at ca_len must be it: anything else is a wrong length, refused
 * rather than silently parsed as DER or cut short. */
static oarc_status parse_ca(oarc_tls *tls, const char *ca_pem, size_t ca_len)
{
    size_t parse_len;
    if (ca_len > 0u && ca_pem[ca_len - 1u] == '\0') {
        parse_len = ca_len;
    } else if (ca_pem[ca_len] == '\0') {
        parse_len = ca_len + 1u;
    } else {
        return OARC_ERR_ARGUMENT;
    }
    mbedtls_x509_crt *ca = &mb(tls)->ca;
    int ret = mbedtls_x509_crt_parse(ca, (const unsigned char *)ca_pem, parse_len);
    /* ret > 0 counts certificates that did not parse: a bundle with one odd
     * entry is still usable as long as one certificate made it. None at all
     * (random bytes, PEM armour around garbage) is the caller's bad input. */
    if (ret < 0) {
        tls->last_error = ret;
        return OARC_ERR_CA_NO_CERT;
    }
    return OARC_OK;
}

static oarc_status seed_drbg(oarc_tls *tls)
{
    int ret = mbedtls_ctr_drbg_seed(&mb(tls)->drbg, drbg_entropy, tls, oarc_tls_drbg_label,
                                    sizeof oarc_tls_drbg_label - 1u);
    if (ret != 0) {
        /* The seed's only input that can fail is the port's entropy. */
        tls->last_error = ret;
        return OARC_ERR_ENTROPY;
    }
    /* 3.6's TLS 1.3 runs on PSA Crypto, which has its own random source. */
    return oarc_tls_backend_start(&tls->last_error);
}

static oarc_status configure(oarc_tls *tls)
{
    mbedtls_ssl_config *conf = &mb(tls)->conf;
    int ret = mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_CLIENT,
                                          MBEDTLS_SSL_TRANSPORT_STREAM,
                                          MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        tls->last_error = ret;
        return OARC_ERR_TLS;
    }
    oarc_tls_backend_policy(conf);
    mbedtls_ssl_conf_cert_profile(conf, OARC_TLS_WEAK_LEGACY_POLICY ? &legacy_chain_profile
                                                                   : &chain_profile);
    mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(conf, &mb(tls)->ca, NULL);
    mbedtls_ssl_conf_rng(conf, mbedtls_ctr_drbg_random, &mb(tls)->drbg);
#if OARC_TLS_MAX_FRAG_LEN != 0 && defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
    /* A board short of RAM may ask for smaller records (RFC 6066) with an
     * MBEDTLS_SSL_MAX_FRAG_LEN_* code; servers are free to ignore it, so its
     * input buffer must still fit theirs. The host keeps mbedTLS defaults. */
    ret = mbedtls_ssl_conf_max_frag_len(conf, OARC_TLS_MAX_FRAG_LEN);
    if (ret != 0) {
        tls->last_error = ret;
        return OARC_ERR_TLS;
    }
#endif
    /* The record buffers are allocated here, once: a connection reuses them
     * through mbedtls_ssl_session_reset. */
    ret = mbedtls_ssl_setup(&mb(tls)->ssl, conf);
    if (ret != 0) {
        tls->last_error = ret;
        return OARC_ERR_TLS;
    }
    mbedtls_ssl_set_bio(&mb(tls)->ssl, tls, bio_send, NULL, bio_recv_timeout);
    return OARC_OK;
}

static bool port_usable(const oarc_port *port)
{
    return port != NULL && port->send != NULL && port->recv != NULL &&
           port->now_ms != NULL && port->entropy != NULL;
}

oarc_status oarc_tls_init(oarc_tls *tls, const oarc_port *port,
                          const char *ca_pem, size_t ca_len)
{
    if (tls == NULL || !port_usable(port) || ca_pem == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    memset(tls, 0, sizeof *tls);
    oarc_tls_mbedtls *m = mb(tls);
    mbedtls_ssl_init(&m->ssl);
    mbedtls_ssl_config_init(&m->conf);
    mbedtls_x509_crt_init(&m->ca);
    mbedtls_ctr_drbg_init(&m->drbg);
    mbedtls_ssl_session_init(&m->saved);
    tls->port = port;

    oarc_status st = parse_ca(tls, ca_pem, ca_len);
    if (st == OARC_OK) {
        st = seed_drbg(tls);
    }
    if (st == OARC_OK) {
        st = configure(tls);
    }
    if (st != OARC_OK) {
        int err = tls->last_error;
        oarc_tls_free(tls);
        tls->last_error = err; /* still safe to free again: the rest is zero */
        return st;
    }
    tls->ready = true;
    return OARC_OK;
}

/* ---- session resumption ------------------------------------------------- */

static void drop_saved_session(oarc_tls *tls)
{
    mbedtls_ssl_session_free(&mb(tls)->saved);
    mbedtls_ssl_session_init(&mb(tls)->saved);
    tls->saved_host[0] = '\0';
    tls->has_saved = false;
}

/* The connection's session, kept for the next connect to saved_host (set by
 * the handshake: resuming skips the certificate check, so a session must
 * only ever be offered to the name it was made with). Called after a TLS 1.2
 * handshake, full or abbreviated (the server may have sent a fresh ticket),
 * and for each TLS 1.3 NewSessionTicket, which arrives after the handshake. */
void oarc_tls_save_session(oarc_tls *tls)
{
    mbedtls_ssl_session_free(&mb(tls)->saved);
    mbedtls_ssl_session_init(&mb(tls)->saved);
    int ret = mbedtls_ssl_get_session(&mb(tls)->ssl, &mb(tls)->saved);
    tls->has_saved = ret == 0;
    if (ret != 0) {
        tls->last_error = ret;
    }
}

static void offer_saved_session(oarc_tls *tls, const char *hostname, size_t host_len)
{
    if (!tls->has_saved) {
        return;
    }
    if (memcmp(tls->saved_host, hostname, host_len + 1u) != 0 ||
        mbedtls_ssl_set_session(&mb(tls)->ssl, &mb(tls)->saved) != 0) {
        drop_saved_session(tls); /* a full handshake follows instead */
    }
}

/* ---- connection --------------------------------------------------------- */

/* strlen that reads at most max + 1 bytes; returns max + 1 when longer. */
static size_t bounded_len(const char *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0') {
        n++;
    }
    return n;
}

/* Forget the connection's TLS state (keys, buffers' contents) so the context
 * is ready for the next one; the configuration and saved session stay. */
static void end_connection(oarc_tls *tls)
{
    int ret = mbedtls_ssl_session_reset(&mb(tls)->ssl);
    if (ret != 0) {
        tls->last_error = ret;
    }
    tls->open = false;
}

static oarc_status handshake_result(oarc_tls *tls, int ret, const char *hostname, size_t host_len)
{
    if (ret == 0) {
        tls->verify_flags = mbedtls_ssl_get_verify_result(&mb(tls)->ssl);
        memcpy(tls->saved_host, hostname, host_len + 1u);
        oarc_tls_backend_handshake_done(tls, &mb(tls)->ssl);
        return OARC_OK;
    }
    oarc_status st = failure_status(tls, ret, OARC_ERR_TLS_HANDSHAKE);
    if (ret == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
        tls->verify_flags = mbedtls_ssl_get_verify_result(&mb(tls)->ssl);
        st = OARC_ERR_TLS_CERT;
    }
    if (st == OARC_ERR_TLS_CERT || st == OARC_ERR_TLS_HANDSHAKE) {
        /* The server no longer takes this session, or is not who it was. */
        drop_saved_session(tls);
    }
    end_connection(tls);
    return st;
}

oarc_status oarc_tls_handshake(oarc_tls *tls, const char *hostname, uint32_t timeout_ms)
{
    if (tls == NULL || !tls->ready || hostname == NULL) {
        return OARC_ERR_ARGUMENT;
    }
    size_t host_len = bounded_len(hostname, OARC_MAX_HOST_LEN);
    if (host_len == 0u || host_len > OARC_MAX_HOST_LEN) {
        return OARC_ERR_ARGUMENT;
    }
    tls->verify_flags = 0;
    /* Whatever the previous connection left (an error, no close), start clean. */
    end_connection(tls);
    /* Sets SNI and the name the certificate is checked against. */
    int ret = mbedtls_ssl_set_hostname(&mb(tls)->ssl, hostname);
    if (ret != 0) {
        tls->last_error = ret;
        return OARC_ERR_TLS;
    }
    offer_saved_session(tls, hostname, host_len);
    tls->open = true;
    begin_op(tls, timeout_ms);
    ret = mbedtls_ssl_handshake(&mb(tls)->ssl);
    for (uint32_t turn = 1; wants_another_turn(tls, ret, turn); turn++) {
        ret = mbedtls_ssl_handshake(&mb(tls)->ssl);
    }
    if (wants_more(ret)) {
        tls->last_error = ret;
        end_connection(tls);
        return OARC_ERR_TIMEOUT;
    }
    return handshake_result(tls, ret, hostname, host_len);
}

int oarc_tls_send(oarc_tls *tls, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    if (tls == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (!tls->open) {
        return OARC_ERR_CLOSED;
    }
    begin_op(tls, timeout_ms);
    /* mbedtls_ssl_write takes at most one record's worth and says how much;
     * the caller loops like it does over port->send. */
    int ret = mbedtls_ssl_write(&mb(tls)->ssl, buf, len);
    for (uint32_t turn = 1; wants_another_turn(tls, ret, turn); turn++) {
        ret = mbedtls_ssl_write(&mb(tls)->ssl, buf, len);
    }
    if (ret > 0) {
        return ret;
    }
    if (wants_more(ret)) {
        tls->last_error = ret;
        return OARC_ERR_TIMEOUT;
    }
    return failure_status(tls, ret, OARC_ERR_TLS);
}

int oarc_tls_recv(oarc_tls *tls, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    if (tls == NULL || buf == NULL || len == 0u) {
        return OARC_ERR_ARGUMENT;
    }
    if (!tls->open) {
        return OARC_ERR_CLOSED;
    }
    begin_op(tls, timeout_ms);
    int ret = oarc_tls_backend_read(tls, &mb(tls)->ssl, buf, len);
    for (uint32_t turn = 1; wants_another_turn(tls, ret, turn); turn++) {
        ret = oarc_tls_backend_read(tls, &mb(tls)->ssl, buf, len);
    }
    if (ret > 0) {
        return ret;
    }
    /* The peer is done: with close_notify, or by closing TCP (EOF, which
     * mbedtls_ssl_read reports as 0). */
    if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
        return 0;
    }
    if (wants_more(ret)) {
        tls->last_error = ret;
        return OARC_ERR_TIMEOUT;
    }
    return failure_status(tls, ret, OARC_ERR_TLS);
}

void oarc_tls_close(oarc_tls *tls)
{
    if (tls == NULL || !tls->ready || !tls->open) {
        return;
    }
    /* Best effort: the connection may already be dead, and then the alert
     * simply fails to go out. The session was saved after the handshake. */
    begin_op(tls, OARC_TLS_CLOSE_TIMEOUT_MS);
    int ret = mbedtls_ssl_close_notify(&mb(tls)->ssl);
    for (uint32_t turn = 1; wants_another_turn(tls, ret, turn); turn++) {
        ret = mbedtls_ssl_close_notify(&mb(tls)->ssl);
    }
    end_connection(tls);
}

void oarc_tls_free(oarc_tls *tls)
{
    if (tls == NULL) {
        return;
    }
    /* Each free is harmless on a context that is zeroed or only init'ed. */
    oarc_tls_mbedtls *m = mb(tls);
    mbedtls_ssl_session_free(&m->saved);
    mbedtls_ssl_free(&m->ssl);
    mbedtls_ssl_config_free(&m->conf);
    mbedtls_x509_crt_free(&m->ca);
    mbedtls_ctr_drbg_free(&m->drbg);
    /* The DRBG state and the session's master secret must not linger. */
    mbedtls_platform_zeroize(tls, sizeof *tls);
}

uint32_t oarc_tls_verify_flags(const oarc_tls *tls)
{
    return tls == NULL ? 0u : tls->verify_flags;
}

void oarc_tls_wipe(void *p, size_t n)
{
    mbedtls_platform_zeroize(p, n);
}
