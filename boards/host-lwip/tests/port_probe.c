/**
 * @file port_probe.c
 * @brief Drives the lwIP port's contract directly, over the host-lwip board,
 * for test_port_lwip.py: one connection, one operation, one JSON line with
 * what the port returned and how long the connect and the operation took on
 * the port's own clock (two connections and two lines for "again").
 *
 * usage: port-lwip-probe HOST PORT TIMEOUT_MS OP [HOST2]
 *   connect   connect only
 *   again     connect to HOST, then echo to HOST2 on the same port state
 *             (two lines: what a failed connect leaves behind must not
 *             disturb the next one)
 *   echo      connect, send "ping\n", receive once (expects the peer to answer)
 *   recv      connect, receive once
 *   send      connect, then send 1 KB at a time until the port reports an
 *             error or 4 MB went out
 *   drain     connect, let the port run for 1.5 s without reading (the peer
 *             may send only what the window lets through), then receive
 *             through a 4 KB buffer until the peer closes: the total, the
 *             number of reads, the largest read and an FNV-1a hash of
 *             the bytes
 *   entropy   no connection: 32 bytes from the board's source
 *   reinit    the board taken down and brought up again, then echo
 * Exit 0 when the probe ran (whatever the port returned), 2 on bad usage,
 * 3 when the board did not come up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oarc/oarc.h"
#include "oarc_board.h"

#define SEND_CHUNK 1024u
#define SEND_MAX_CHUNKS 4096u

/* A result of send/recv: the byte count, or the status's name. */
static void print_result(const char *op, oarc_status connected, uint32_t connect_ms, int result,
                         uint32_t elapsed, const char *data)
{
    char value[48];
    if (result >= 0) {
        (void)snprintf(value, sizeof value, "%d", result);
    } else {
        (void)snprintf(value, sizeof value, "\"%s\"", oarc_status_str((oarc_status)result));
    }
    printf("{\"op\":\"%s\",\"connect\":\"%s\",\"connect_ms\":%u,\"result\":%s,"
           "\"elapsed_ms\":%u,\"data\":\"%s\"}\n",
           op, oarc_status_str(connected), (unsigned)connect_ms, value, (unsigned)elapsed, data);
}

static int probe_entropy(oarc_port *port)
{
    uint8_t a[32], b[32];
    oarc_status st = port->entropy(port->ctx, a, sizeof a);
    if (st == OARC_OK) {
        st = port->entropy(port->ctx, b, sizeof b);
    }
    printf("{\"op\":\"entropy\",\"status\":\"%s\",\"differ\":%s}\n", oarc_status_str(st),
           memcmp(a, b, sizeof a) != 0 ? "true" : "false");
    return 0;
}

/* Send until the port refuses; the result is that refusal (or the last count). */
static int send_until_error(oarc_port *port, uint32_t timeout_ms)
{
    static const uint8_t chunk[SEND_CHUNK];
    int n = 0;
    for (unsigned i = 0; i < SEND_MAX_CHUNKS; i++) {
        n = port->send(port->ctx, chunk, sizeof chunk, timeout_ms);
        if (n < 0) {
            break;
        }
    }
    return n;
}

#define DRAIN_BUFFER 4096u
#define DRAIN_IDLE_MS 1500u
#define DRAIN_MAX_READS 100000u

/* Everything the peer sends, read through a 4 KB buffer after 1.5 s
 * without reading: one JSON line. */
static int drain(oarc_port *port, uint32_t timeout_ms)
{
    static uint8_t buf[DRAIN_BUFFER];
    port->sleep_ms(port->ctx, DRAIN_IDLE_MS);
    uint32_t hash = 2166136261u;
    unsigned long total = 0;
    unsigned reads = 0;
    int largest = 0;
    int n = 0;
    for (unsigned i = 0; i < DRAIN_MAX_READS; i++) {
        n = port->recv(port->ctx, buf, sizeof buf, timeout_ms);
        if (n <= 0) {
            break;
        }
        for (int k = 0; k < n; k++) {
            hash = (hash ^ buf[k]) * 16777619u;
        }
        total += (unsigned long)n;
        reads++;
        largest = n > largest ? n : largest;
    }
    printf("{\"op\":\"drain\",\"connect\":\"OARC_OK\",\"result\":\"%s\",\"bytes\":%lu,"
           "\"reads\":%u,\"largest_read\":%d,\"fnv1a\":%lu}\n",
           n == 0 ? "closed" : oarc_status_str((oarc_status)n), total, reads, largest,
           (unsigned long)hash);
    return 0;
}

static int run(oarc_port *port, const char *host, uint16_t tcp_port, uint32_t timeout_ms,
               const char *op)
{
    uint32_t start = port->now_ms(port->ctx);
    oarc_status connected = port->connect(port->ctx, host, tcp_port, timeout_ms);
    uint32_t connect_ms = port->now_ms(port->ctx) - start;
    int result = (int)connected;
    char data[16] = "";
    if (connected == OARC_OK && strcmp(op, "connect") != 0) {
        start = port->now_ms(port->ctx);
        if (strcmp(op, "drain") == 0) {
            int rc = drain(port, timeout_ms);
            port->close(port->ctx);
            return rc;
        }
        if (strcmp(op, "send") == 0) {
            result = send_until_error(port, timeout_ms);
        } else {
            if (strcmp(op, "echo") == 0) {
                result = port->send(port->ctx, (const uint8_t *)"ping\n", 5u, timeout_ms);
            }
            if (result >= 0) {
                result = port->recv(port->ctx, (uint8_t *)data, sizeof data - 1u, timeout_ms);
            }
            if (result > 0) {
                data[result] = '\0';
                data[strcspn(data, "\r\n\"\\")] = '\0';
            }
        }
    }
    print_result(op, connected, connect_ms, result, port->now_ms(port->ctx) - start, data);
    port->close(port->ctx);
    return 0;
}

int main(int argc, char **argv)
{
    /* HOST2 comes with "again" and only with it. */
    if (argc != 5 && !(argc == 6 && strcmp(argv[4], "again") == 0)) {
        fprintf(stderr, "usage: %s HOST PORT TIMEOUT_MS connect|echo|recv|send|drain|entropy|reinit\n"
                        "       %s HOST PORT TIMEOUT_MS again HOST2\n", argv[0], argv[0]);
        return 2;
    }
    unsigned long tcp_port = strtoul(argv[2], NULL, 10);
    unsigned long timeout_ms = strtoul(argv[3], NULL, 10);
    if (tcp_port == 0u || tcp_port > 65535u || timeout_ms == 0u || timeout_ms > 600000u) {
        fprintf(stderr, "bad PORT or TIMEOUT_MS\n");
        return 2;
    }
    static const char *const ops[] = { "connect", "echo", "recv", "send", "drain", "entropy",
                                       "reinit", "again" };
    size_t op = 0;
    while (op < sizeof ops / sizeof ops[0] && strcmp(argv[4], ops[op]) != 0) {
        op++;
    }
    if (op == sizeof ops / sizeof ops[0]) {
        fprintf(stderr, "unknown operation %s\n", argv[4]);
        return 2;
    }
    oarc_port port;
    if (oarc_board_init(&port) != OARC_OK) {
        fprintf(stderr, "board %s: network not up\n", oarc_board_name());
        return 3;
    }
    const char *what = argv[4];
    if (strcmp(what, "reinit") == 0) {
        oarc_board_deinit();
        if (oarc_board_init(&port) != OARC_OK) {
            fprintf(stderr, "board %s: not up again after deinit\n", oarc_board_name());
            return 3;
        }
        what = "echo";
    }
    int rc = 0;
    if (strcmp(what, "entropy") == 0) {
        rc = probe_entropy(&port);
    } else if (strcmp(what, "again") == 0) {
        /* The same port (and port state) twice, the board left up between. */
        rc = run(&port, argv[1], (uint16_t)tcp_port, (uint32_t)timeout_ms, "connect");
        if (rc == 0) {
            rc = run(&port, argv[5], (uint16_t)tcp_port, (uint32_t)timeout_ms, "echo");
        }
    } else {
        rc = run(&port, argv[1], (uint16_t)tcp_port, (uint32_t)timeout_ms, what);
    }
    oarc_board_deinit();
    return rc;
}
