package org.sstpdoctor.probe.windows;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the first answer to a ClientHello: TLS records (RFC 8446 5.1) until a whole ServerHello
 * (RFC 8446 4.1.3) or an alert (RFC 8446 6) has come. Nothing after the ServerHello is read. The
 * input is bounded: a record is at most 2^14 + 2048 bytes, and only the first handshake message is
 * assembled.
 */
public final class ServerHelloReader {
    /** SHA-256("HelloRetryRequest"), the random of a HelloRetryRequest (RFC 8446 4.1.3). */
    static final byte[] HELLO_RETRY_RANDOM = hex(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");
    private static final int MAX_RECORD = (1 << 14) + 2048;
    private static final int MAX_HANDSHAKE = 1 << 16;

    private ServerHelloReader() {
    }

    public static HelloAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        boolean first = true;
        while (true) {
            int type = in.read();
            if (type < 0) {
                return HelloAnswer.of(HelloAnswer.Kind.CLOSED, first
                        ? "the server closed the connection without answering the ClientHello"
                        : "the server closed the connection in the middle of its answer");
            }
            if (first && type != 21 && type != 22) {
                return notTls(type, in);
            }
            first = false;
            byte[] header = readFully(in, 4);
            int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            if (length > MAX_RECORD || header[0] != 3) {
                return HelloAnswer.of(HelloAnswer.Kind.NOT_TLS, "the answer is not a TLS record (length "
                        + length + ", version byte " + (header[0] & 0xFF) + ")");
            }
            byte[] fragment = readFully(in, length);
            if (type == 21) {
                if (fragment.length < 2) {
                    return HelloAnswer.of(HelloAnswer.Kind.NOT_TLS, "a TLS alert record too short to read");
                }
                int description = fragment[1] & 0xFF;
                return new HelloAnswer(HelloAnswer.Kind.ALERT, -1, -1, -1, description,
                        "the server refused with the TLS alert " + TlsNames.alertName(description)
                                + " (" + description + ")");
            }
            if (type != 22) {
                return HelloAnswer.of(HelloAnswer.Kind.NOT_TLS, "a TLS record of type " + type + " before the ServerHello");
            }
            handshake.writeBytes(fragment);
            byte[] soFar = handshake.toByteArray();
            if (soFar.length >= 4) {
                int bodyLength = ((soFar[1] & 0xFF) << 16) | ((soFar[2] & 0xFF) << 8) | (soFar[3] & 0xFF);
                if (bodyLength > MAX_HANDSHAKE) {
                    return HelloAnswer.of(HelloAnswer.Kind.NOT_TLS, "a handshake message of " + bodyLength + " bytes");
                }
                if (soFar.length >= 4 + bodyLength) {
                    if (soFar[0] != 2) {
                        return HelloAnswer.of(HelloAnswer.Kind.NOT_TLS,
                                "the first handshake message is of type " + (soFar[0] & 0xFF) + ", not a ServerHello");
                    }
                    return parseServerHello(Arrays.copyOfRange(soFar, 4, 4 + bodyLength));
                }
            }
        }
    }

    /** The body of a ServerHello handshake message. */
    static HelloAnswer parseServerHello(byte[] body) {
        try {
            Cursor c = new Cursor(body);
            int legacyVersion = c.u16();
            byte[] random = c.bytes(32);
            c.bytes(c.u8()); // session id echo
            int suite = c.u16();
            c.u8(); // compression
            int version = legacyVersion;
            int group = -1;
            boolean retry = Arrays.equals(random, HELLO_RETRY_RANDOM);
            if (c.remaining() >= 2) {
                Cursor extensions = new Cursor(c.bytes(c.u16()));
                while (extensions.remaining() >= 4) {
                    int type = extensions.u16();
                    Cursor data = new Cursor(extensions.bytes(extensions.u16()));
                    if (type == ClientHello.EXT_SUPPORTED_VERSIONS && data.remaining() >= 2) {
                        version = data.u16();
                    } else if (type == ClientHello.EXT_KEY_SHARE && data.remaining() >= 2) {
                        group = data.u16();
                    }
                }
            }
            String what = TlsNames.versionName(version) + ", " + TlsNames.suiteName(suite)
                    + (group >= 0 ? ", " + TlsNames.groupName(group) : "");
            if (retry) {
                return new HelloAnswer(HelloAnswer.Kind.HELLO_RETRY, version, suite, group, -1,
                        "the server asked for a key share for " + TlsNames.groupName(group) + " (HelloRetryRequest): " + what);
            }
            return new HelloAnswer(HelloAnswer.Kind.SERVER_HELLO, version, suite, group, -1, "ServerHello: " + what);
        } catch (IndexOutOfBoundsException e) {
            return HelloAnswer.of(HelloAnswer.Kind.NOT_TLS, "a ServerHello too short to read");
        }
    }

    private static HelloAnswer notTls(int firstByte, InputStream in) throws IOException {
        byte[] more = new byte[4095];
        int n = 0;
        try {
            n = Math.max(0, in.read(more));
        } catch (IOException e) {
            // the first byte is enough to say it is not TLS
        }
        byte[] all = new byte[n + 1];
        all[0] = (byte) firstByte;
        System.arraycopy(more, 0, all, 1, n);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        String firstLine = text.split("\r?\n", 2)[0];
        String visible = org.sstpdoctor.text.PeerText.line(firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine);
        return new HelloAnswer(HelloAnswer.Kind.NOT_TLS, -1, -1, -1, -1, text.startsWith("HTTP/")
                ? "the server answered in plain HTTP, not TLS: " + visible
                : "the answer is not TLS (first byte 0x" + String.format("%02X", firstByte & 0xFF) + ")", text);
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new EOFException("the server closed the connection in the middle of a TLS record");
        }
        return data;
    }

    static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static final class Cursor {
        private final byte[] data;
        private int pos;

        Cursor(byte[] data) {
            this.data = data;
        }

        int u8() {
            if (pos >= data.length) {
                throw new IndexOutOfBoundsException();
            }
            return data[pos++] & 0xFF;
        }

        int u16() {
            return (u8() << 8) | u8();
        }

        byte[] bytes(int n) {
            if (pos + n > data.length) {
                throw new IndexOutOfBoundsException();
            }
            byte[] out = Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return out;
        }

        int remaining() {
            return data.length - pos;
        }
    }
}
