/**
 * @file tls.h
 * @brief TLS 1.2 client over the port with mbedTLS: the peer is always
 * verified (CA chain + hostname), SNI is always sent, and the last session is
 * kept so a reconnect can resume it. mbedTLS reaches the network only through
 * the oarc_port given to oarc_tls_init.
 */
#ifndef OARC_TLS_INTERNAL_H
#define OARC_TLS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_port.h"
#include "oarc/oarc_status.h"
#include "oarc/oarc_tls.h"

/**
 * Set up the configuration: TLS 1.2 client, verification required, the CA
 * chain parsed from ca_pem (PEM text; ca_len counts the bytes with or without
 * a final NUL), the DRBG seeded from port->entropy. OARC_ERR_ARGUMENT for a
 * missing CA, OARC_ERR_TLS_CERT when no certificate in it parses,
 * OARC_ERR_ENTROPY when seeding fails.
 */
oarc_status oarc_tls_init(oarc_tls *tls, const oarc_port *port,
                          const char *ca_pem, size_t ca_len);

/**
 * Run the handshake on the connection the port has just opened, sending
 * hostname as SNI and checking the certificate against it. Offers the saved
 * session, if any. OARC_ERR_TLS_CERT when the chain or the name does not
 * verify (oarc_tls_verify_flags() tells why), OARC_ERR_TLS_HANDSHAKE for any
 * other handshake failure, OARC_ERR_TIMEOUT / OARC_ERR_CLOSED / OARC_ERR_IO
 * when the port failed underneath.
 */
oarc_status oarc_tls_handshake(oarc_tls *tls, const char *hostname, uint32_t timeout_ms);

/** As oarc_port.send, through TLS: bytes written (> 0) or a negative status. */
int oarc_tls_send(oarc_tls *tls, const uint8_t *buf, size_t len, uint32_t timeout_ms);

/** As oarc_port.recv, through TLS: bytes read (> 0), 0 when the peer closed
 *  (close_notify or TCP close), or a negative status. */
int oarc_tls_recv(oarc_tls *tls, uint8_t *buf, size_t len, uint32_t timeout_ms);

/** End the session on this connection (best-effort close_notify), keeping the
 *  session for resumption. Does not close the port. */
void oarc_tls_close(oarc_tls *tls);

/** Release everything oarc_tls_init set up (and wipe the saved session). */
void oarc_tls_free(oarc_tls *tls);

/** mbedTLS verify flags of the last handshake (0 when it verified). */
uint32_t oarc_tls_verify_flags(const oarc_tls *tls);

#endif /* OARC_TLS_INTERNAL_H */
