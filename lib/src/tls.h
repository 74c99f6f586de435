/**
 * @file tls.h
 * @brief TLS client over the port with mbedTLS (2.28: TLS 1.2; 3.6: TLS 1.3
 * preferred, 1.2 offered): the peer is always verified (CA chain + hostname),
 * SNI is always sent, the policy is ECDHE with AEAD only and no SHA-1 (see
 * OARC_TLS_WEAK_LEGACY_POLICY), and the last session is kept so a reconnect
 * can resume it (TLS 1.3: from the server's NewSessionTicket). mbedTLS
 * reaches the network only through the oarc_port given to oarc_tls_init.
 */
#ifndef OARC_TLS_INTERNAL_H
#define OARC_TLS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "oarc/oarc_port.h"
#include "oarc/oarc_status.h"
#include "oarc/oarc_tls.h"

/**
 * Set up the configuration: TLS client with the policy above, verification required, the CA
 * chain parsed from ca_pem, the DRBG seeded from port->entropy, the record
 * buffers allocated by mbedTLS's own allocator (lib/ allocates nothing: on a
 * host, the system mbedTLS uses the C library's; on a board, its static
 * pool). ca_pem is NUL-terminated PEM
 * text; ca_len counts its bytes with or without that NUL. The port must stay
 * where it is for as long as tls is used: tls keeps a pointer to it.
 * OARC_ERR_ARGUMENT for a missing tls, port or CA, or a ca_len that does not
 * reach the NUL; OARC_ERR_CA_NO_CERT when no certificate in it parses;
 * OARC_ERR_ENTROPY when seeding fails (or, 3.6, PSA Crypto finds no
 * entropy); OARC_ERR_TLS for other setup failures.
 * On failure nothing is left to free. Call oarc_tls_free before initialising
 * the same tls again.
 */
oarc_status oarc_tls_init(oarc_tls *tls, const oarc_port *port,
                          const char *ca_pem, size_t ca_len);

/**
 * Run the handshake on the connection the port has just opened, within
 * timeout_ms in all, sending hostname as SNI and checking the certificate
 * against it (a DNS name; 2.28 does not match IP addresses, 3.6 matches IP
 * SANs). Offers the saved session when it was made with the same hostname. OARC_ERR_TLS_CERT
 * when the chain or the name does not verify (oarc_tls_verify_flags() tells
 * why), OARC_ERR_TLS_HANDSHAKE for any other handshake failure,
 * OARC_ERR_TIMEOUT / OARC_ERR_CLOSED / OARC_ERR_IO exactly as the port
 * returned them when it failed underneath, OARC_ERR_ARGUMENT when tls is not
 * initialised or hostname is missing or longer than OARC_MAX_HOST_LEN. A
 * failed handshake leaves nothing to close (the port is still open).
 */
oarc_status oarc_tls_handshake(oarc_tls *tls, const char *hostname, uint32_t timeout_ms);

/** As oarc_port.send, through TLS, within timeout_ms in all: bytes written
 *  (> 0, at most one record's worth) or a negative status: the port's own
 *  for a transport failure, OARC_ERR_TLS for a TLS one, OARC_ERR_CLOSED when
 *  no handshake succeeded on this connection. After a failure the
 *  connection must be closed. */
int oarc_tls_send(oarc_tls *tls, const uint8_t *buf, size_t len, uint32_t timeout_ms);

/** As oarc_port.recv, through TLS, within timeout_ms in all: bytes read
 *  (> 0), 0 when the peer closed (close_notify or TCP close), or a negative
 *  status as for oarc_tls_send. */
int oarc_tls_recv(oarc_tls *tls, uint8_t *buf, size_t len, uint32_t timeout_ms);

/** End the session on this connection (best-effort close_notify, waiting at
 *  most OARC_TLS_CLOSE_TIMEOUT_MS), keeping the session for resumption. Does
 *  not close the port; call it before closing the port. Harmless when no
 *  connection is open. */
void oarc_tls_close(oarc_tls *tls);

/** Release everything oarc_tls_init set up and wipe the whole struct (keys,
 *  DRBG state, saved session). Harmless on a zeroed or already freed tls. */
void oarc_tls_free(oarc_tls *tls);

/** mbedTLS verify flags (MBEDTLS_X509_BADCERT_*) of the last handshake: set
 *  for OARC_ERR_TLS_CERT, 0 when it verified or failed for another reason. */
uint32_t oarc_tls_verify_flags(const oarc_tls *tls);

/** Zero n bytes at p in a way the compiler may not drop (bytes that held a
 *  secret): mbedTLS's mbedtls_platform_zeroize, which the session uses for
 *  the key, so that every wipe of oarc goes through one named, audited call. */
void oarc_tls_wipe(void *p, size_t n);

#endif /* OARC_TLS_INTERNAL_H */
