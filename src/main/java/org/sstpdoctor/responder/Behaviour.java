package org.sstpdoctor.responder;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How the responder behaves, as data: one effect per phase of a connection. A {@link Scenario} is a
 * named preset of these; a test composes a new misbehaviour by changing one effect, without
 * touching the server: {@code Behaviour.WORKING.after200(new After200.Send(bytes))}.
 *
 * @param onAccept right after the TCP connection is accepted
 * @param tls the TLS layer, or none
 * @param onRequest once the request head is read
 * @param after200 after the 200 head was sent, before the SSTP exchange
 * @param onCallConnect the answer to a well-formed Call Connect Request
 */
public record Behaviour(OnAccept onAccept, Tls tls, OnRequest onRequest, After200 after200, OnCallConnect onCallConnect) {
    /** A working SSTP server. */
    public static final Behaviour WORKING = new Behaviour(OnAccept.PROCEED, Tls.HANDSHAKE,
            new OnRequest.Route("HTTP/1.1 200 OK"), After200.PROCEED, OnCallConnect.ACK);

    public Behaviour {
        Objects.requireNonNull(onAccept, "onAccept");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(onRequest, "onRequest");
        Objects.requireNonNull(after200, "after200");
        Objects.requireNonNull(onCallConnect, "onCallConnect");
    }

    public enum OnAccept {
        PROCEED,
        CLOSE,
        /** Close with RST (SO_LINGER 0). */
        RESET,
        /** Keep the connection and never say a word. */
        STAY_SILENT
    }

    public enum Tls {
        HANDSHAKE,
        /** End the handshake with a fatal alert (by asking for a client certificate). */
        FATAL_ALERT,
        /** Present a certificate whose names hold terminal escapes and bidi overrides. */
        HOSTILE_CERTIFICATE,
        /** No TLS: plain HTTP on the port (a ClientHello gets nginx's 400). */
        NONE,
        /** No TLS: a web proxy, answering CONNECT. */
        PROXY,
        /** TLS 1.3 only, as a hardened server: Windows 10 and older cannot connect. */
        TLS_1_3_ONLY,
        /** TLS 1.2 with only ChaCha20 suites, which no Windows offers. */
        CHACHA20_ONLY,
        /** No TLS: a network login page (captive portal); a ClientHello gets a redirect. */
        LOGIN_PAGE
    }

    /** What to do with the request head. */
    public sealed interface OnRequest {
        /** A real server's routing: the SSTP verb to the SSTP path gets {@code statusLine200}, the rest an error. */
        record Route(String statusLine200, java.time.Duration dateSkew) implements OnRequest {
            public Route {
                Objects.requireNonNull(statusLine200, "statusLine200");
                dateSkew = dateSkew == null ? java.time.Duration.ZERO : dateSkew;
            }

            /** With no Date header (the clock is not in question). */
            public Route(String statusLine200) {
                this(statusLine200, java.time.Duration.ZERO);
            }
        }

        record StaySilent() implements OnRequest {
        }

        record Close() implements OnRequest {
        }

        record Reset() implements OnRequest {
        }

        /** These bytes, then wait for the client to leave. */
        record Reply(byte[] bytes) implements OnRequest {
            public static Reply ascii(String text) {
                return new Reply(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }

        /** These bytes, then close. */
        record ReplyAndClose(byte[] bytes) implements OnRequest {
            public static ReplyAndClose ascii(String text) {
                return new ReplyAndClose(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }

        /** Bytes made when the request comes (they carry the current Date), then close. */
        record Made(java.util.function.Supplier<byte[]> bytes) implements OnRequest {
        }

        /** These bytes one at a time, {@code millisPerByte} apart. */
        record ReplySlowly(byte[] bytes, long millisPerByte) implements OnRequest {
        }

        /** An error page with this status (0: the configured one) and Server header. */
        record Status(int code, String server) implements OnRequest {
        }

        /** A real SSTP server's answers ({@link Imitation}): its 200, its Ack's hash protocols, its refusals. */
        record Imitate(Imitation server, int hashBitmask) implements OnRequest {
            public Imitate {
                Objects.requireNonNull(server, "server");
            }

            /** With the hash protocols the product offers by default. */
            public Imitate(Imitation server) {
                this(server, server.hashBitmask());
            }
        }

        /** One of the hostile replies (terminal escapes, forged lines, a reflecting proxy). */
        record Hostile(Kind kind) implements OnRequest {
            public enum Kind { REASON, TRANSFER_ENCODING, PROXY_407, REFLECTING_PROXY, ENDLESS_102, ENDLESS_HEADERS }
        }
    }

    /** What follows the 200 head. */
    public sealed interface After200 {
        After200 PROCEED = new Proceed();

        /** The SSTP exchange. */
        record Proceed() implements After200 {
        }

        record StaySilent() implements After200 {
        }

        /** Read the client's first packet, then reset (so the 200 is surely read first). */
        record ResetAfterFirstPacket() implements After200 {
        }

        /** These bytes, then close. */
        record Send(byte[] bytes) implements After200 {
        }
    }

    public enum OnCallConnect { ACK, NAK, ABORT }

    public Behaviour onAccept(OnAccept effect) {
        return new Behaviour(effect, tls, onRequest, after200, onCallConnect);
    }

    public Behaviour tls(Tls effect) {
        return new Behaviour(onAccept, effect, onRequest, after200, onCallConnect);
    }

    public Behaviour onRequest(OnRequest effect) {
        return new Behaviour(onAccept, tls, effect, after200, onCallConnect);
    }

    public Behaviour after200(After200 effect) {
        return new Behaviour(onAccept, tls, onRequest, effect, onCallConnect);
    }

    public Behaviour onCallConnect(OnCallConnect effect) {
        return new Behaviour(onAccept, tls, onRequest, after200, effect);
    }

    public boolean usesTls() {
        return tls != Tls.NONE && tls != Tls.PROXY && tls != Tls.LOGIN_PAGE;
    }
}
