#!/usr/bin/env python3
"""A minimal SSTP client with Python's ssl module, for the start-up benchmark (bench.StartupBenchmark,
bench.ProbeBenchmark): the same exchange as `sstp-doctor probe`, and nothing more.

TLS with the given CA file and name check; SSTP_DUPLEX_POST with the literal URL; the 200; a Call
Connect Request (encapsulated protocol PPP); the answer must be CALL_CONNECT_ACK; then CALL_DISCONNECT
and a wait for CALL_DISCONNECT_ACK. Exit code 0 on an Ack, 1 otherwise.

Usage: sstp_minimal_client.py HOST PORT CA_FILE
"""
import socket
import ssl
import struct
import sys
import uuid

SSTP_PATH = "/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/"
CALL_CONNECT_REQUEST, CALL_CONNECT_ACK, CALL_DISCONNECT, CALL_DISCONNECT_ACK = 1, 2, 6, 7


def control_packet(message_type, attributes=b"", count=0):
    # version 1.0, C bit set, 12-bit length; message type, attribute count; attributes
    body = struct.pack(">HH", message_type, count) + attributes
    return struct.pack(">BBH", 0x10, 0x01, 4 + len(body)) + body


def read_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data


def read_packet(conn):
    head = read_exact(conn, 4)
    length = struct.unpack(">H", head[2:4])[0] & 0x0FFF
    body = read_exact(conn, length - 4)
    return struct.unpack(">H", body[0:2])[0] if head[1] & 0x01 else None


def main(host, port, ca_file):
    context = ssl.create_default_context(cafile=ca_file)
    with socket.create_connection((host, port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=host) as conn:
            head = ("SSTP_DUPLEX_POST %s HTTP/1.1\r\nHost: %s:%d\r\nSSTPCORRELATIONID: {%s}\r\n"
                    "Content-Length: 18446744073709551615\r\n\r\n") % (SSTP_PATH, host, port, str(uuid.uuid4()).upper())
            conn.sendall(head.encode("ascii"))
            reply = b""
            while b"\r\n\r\n" not in reply:
                chunk = conn.recv(1)
                if not chunk:
                    return 1
                reply += chunk
            if not reply.startswith(b"HTTP/1.1 200"):
                return 1
            # attribute: reserved, id 1 (encapsulated protocol), length 6, value 1 (PPP)
            conn.sendall(control_packet(CALL_CONNECT_REQUEST, struct.pack(">BBHH", 0, 1, 6, 1), 1))
            if read_packet(conn) != CALL_CONNECT_ACK:
                return 1
            conn.sendall(control_packet(CALL_DISCONNECT))
            try:
                conn.settimeout(1)
                while read_packet(conn) != CALL_DISCONNECT_ACK:
                    pass
            except (EOFError, socket.timeout, ssl.SSLError):
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
