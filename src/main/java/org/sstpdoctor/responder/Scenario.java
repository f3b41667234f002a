package org.sstpdoctor.responder;

import java.util.Locale;
import java.util.Optional;

/**
 * How the built-in responder behaves: as a working SSTP server, or as one of the broken servers and
 * devices that SSTP Doctor has to recognise. Each scenario is named for what a helpdesk would see.
 */
public enum Scenario {
    WORKING("A working SSTP server: 200, then a Call Connect Ack"),
    WINDOWS_STYLE("A working Windows RRAS-style server: 'HTTP/1.1 200' with no reason phrase"),
    NAK("The SSTP service refuses the call with a Call Connect Nak"),
    ABORT("The SSTP service ends the call with CALL_ABORT instead of an Ack"),
    HTTP_STATUS("The server refuses the SSTP request with an HTTP status (404 unless set)"),
    WEB_SERVER("An ordinary web server on the port: 200 OK with a web page"),
    NGINX_PROXY("A web reverse proxy that rejects SSTP's huge Content-Length with 400"),
    HTTP_1_0("A server that answers 200 in HTTP/1.0"),
    SILENT_AFTER_TLS("Accepts the secure connection, then never answers the SSTP request"),
    SILENT_AFTER_200("Answers 200, then never answers the Call Connect Request"),
    CLOSE_AFTER_REQUEST("Closes the connection after reading the SSTP request"),
    RESET_AFTER_REQUEST("Resets the connection after reading the SSTP request"),
    RESET_AFTER_200("Answers 200, then resets the connection"),
    GARBAGE_REPLY("Answers the SSTP request with bytes that are not HTTP"),
    BAD_PACKET("Answers 200, then sends an SSTP packet whose length field is wrong"),
    SLOW_REPLY("Answers the SSTP request one byte per second"),
    HUGE_STATUS_LINE("Answers with a status line of 1 MB"),
    MANY_HEADERS("Answers with 10,000 headers"),
    INVALID_UTF8("Answers with a status line and headers that are not valid UTF-8"),
    HTTP_0_9("Answers like an HTTP/0.9 server: a page with no status line"),
    CLOSE_ON_ACCEPT("Accepts the TCP connection and closes it at once"),
    RESET_ON_ACCEPT("Accepts the TCP connection and resets it at once"),
    SILENT_ON_ACCEPT("Accepts the TCP connection and never starts TLS"),
    TLS_ALERT("Ends the TLS handshake with a fatal alert"),
    PLAIN_HTTP("Speaks plain HTTP, not TLS, on the port"),
    // Hostile peers: terminal escapes, a bare CR, C1 controls and bidi overrides where peer text is shown.
    HOSTILE_REASON("Refuses with 404 and a reason phrase, headers and page holding terminal escapes and bidi overrides"),
    HOSTILE_TRANSFER_ENCODING("Answers 200 with a Transfer-Encoding value holding terminal escapes"),
    HOSTILE_CERTIFICATE("Presents a self-signed certificate whose names hold terminal escapes and bidi overrides"),
    HOSTILE_PROXY("A web proxy that refuses CONNECT with 407 and a reason phrase that forges a passed stage"),
    REFLECTING_PROXY("A web proxy whose 407 page reflects the request, Proxy-Authorization included"),
    ENDLESS_102("Answers the SSTP request with '102 Processing' over and over, never a final answer"),
    ENDLESS_PROXY_HEADERS("A web proxy that answers CONNECT with headers that never end"),
    // Will Windows connect? (issue 12)
    TLS_1_3_ONLY("Accepts only TLS 1.3: Windows 11 connects, Windows 10 and older cannot"),
    CHACHA20_ONLY("TLS 1.2 with only ChaCha20 cipher suites, which Windows does not offer: no Windows can connect"),
    CAPTIVE_PORTAL("A hotel-style network login page answers on the port with a redirect"),
    INSPECTING_PROXY("A TLS-inspecting proxy answers the SSTP request itself: squid's 411 Length Required"),
    SKEWED_CLOCK("A working server whose clock (Date) is two days ahead of this computer's"),
    // Revocation (issue 11): a working SSTP server; its certificate (PracticePki) tells the story.
    REVOKED_CERTIFICATE("A working SSTP server whose certificate has been revoked (its CRL and OCSP say so)"),
    REVOCATION_DOWN("A working SSTP server whose certificate's CRL and OCSP addresses do not answer"),
    // Will Windows connect? (issue 12), continued: SSL offload in front of the server (practice expects the
    // certificate "the VPN server is configured with", PracticePki#expectedFingerprint).
    SSL_OFFLOAD("A load balancer in front presents its own certificate, not the one the VPN server is configured with"),
    // What answered (issue 12): working servers of each family, answering as that product does (Imitation).
    LIKE_WINDOWS_RRAS("A working Windows RRAS server: 'HTTP/1.1 200' with no reason phrase, HTTP.sys' 404 elsewhere"),
    LIKE_SOFTETHER("A working SoftEther server: '200 OK' imitating Windows' Server header, SHA-256 only, 403 to GET /"),
    LIKE_MIKROTIK("A working MikroTik router: 'HTTP/1.1 200' with Server: MikroTik-SSTP"),
    LIKE_ACCEL_PPP("A working accel-ppp server: '200 OK' with no Server header, SHA-1 and SHA-256, 404 to a GET");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Command-line form: "silent-after-200". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Scenario> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String normal = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Scenario s : values()) {
            if (s.name().equals(normal)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    boolean usesTls() {
        return behaviour().usesTls();
    }

    /** Listens as a web proxy (plain HTTP, CONNECT) rather than as the VPN server. */
    public boolean actsAsProxy() {
        return behaviour().tls() == Behaviour.Tls.PROXY;
    }

    /** The scenario as data: its effect at each phase. */
    public Behaviour behaviour() {
        return Presets.ALL.get(this);
    }

    /** Made once: some presets carry a megabyte of reply. */
    private static final class Presets {
        static final java.util.Map<Scenario, Behaviour> ALL = new java.util.EnumMap<>(Scenario.class);

        static {
            for (Scenario s : values()) {
                ALL.put(s, s.preset());
            }
        }
    }

    private Behaviour preset() {
        Behaviour w = Behaviour.WORKING;
        return switch (this) {
            case WORKING -> w;
            case WINDOWS_STYLE -> w.onRequest(new Behaviour.OnRequest.Route("HTTP/1.1 200"));
            case NAK -> w.onCallConnect(Behaviour.OnCallConnect.NAK);
            case ABORT -> w.onCallConnect(Behaviour.OnCallConnect.ABORT);
            case HTTP_STATUS -> w.onRequest(new Behaviour.OnRequest.Status(0, "Microsoft-HTTPAPI/2.0"));
            case WEB_SERVER -> w.onRequest(Behaviour.OnRequest.ReplyAndClose.ascii(webPage()));
            case NGINX_PROXY -> w.onRequest(new Behaviour.OnRequest.Status(400, "nginx"));
            case HTTP_1_0 -> w.onRequest(new Behaviour.OnRequest.Route("HTTP/1.0 200 OK"));
            case SILENT_AFTER_TLS -> w.onRequest(new Behaviour.OnRequest.StaySilent());
            case SILENT_AFTER_200 -> w.after200(new Behaviour.After200.StaySilent());
            case CLOSE_AFTER_REQUEST -> w.onRequest(new Behaviour.OnRequest.Close());
            case RESET_AFTER_REQUEST -> w.onRequest(new Behaviour.OnRequest.Reset());
            case RESET_AFTER_200 -> w.after200(new Behaviour.After200.ResetAfterFirstPacket());
            // Binary junk with a line end, so the client reads a whole "status line" that is not HTTP.
            case GARBAGE_REPLY -> w.onRequest(new Behaviour.OnRequest.Reply(new byte[] {0x16, 0x03, 0x01, 0x00,
                (byte) 0xff, 'n', 'o', 't', ' ', 'H', 'T', 'T', 'P', '\r', '\n', '\r', '\n'}));
            // The length field claims 0x30 bytes; only 12 follow before the connection ends.
            case BAD_PACKET -> w.after200(new Behaviour.After200.Send(new byte[] {0x10, 0x01, 0x00, 0x30, 0x00, 0x02,
                0x00, 0x01, 0x00, 0x04, 0x00, 0x28}));
            case SLOW_REPLY -> w.onRequest(new Behaviour.OnRequest.ReplySlowly(("HTTP/1.1 200 OK\r\nContent-Length: "
                    + org.sstpdoctor.sstp.SstpHttp.CONTENT_LENGTH + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1000));
            case HUGE_STATUS_LINE -> w.onRequest(Behaviour.OnRequest.ReplyAndClose.ascii(
                    "HTTP/1.1 200 " + "O".repeat(1024 * 1024) + "\r\n\r\n"));
            case MANY_HEADERS -> w.onRequest(Behaviour.OnRequest.Reply.ascii(manyHeaders()));
            case INVALID_UTF8 -> w.onRequest(new Behaviour.OnRequest.Reply(new byte[] {'H', 'T', 'T', 'P', '/', '1', '.',
                '1', ' ', '2', '0', '0', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\r', '\n', 'X', '-', (byte) 0xFE, ':',
                ' ', (byte) 0x80, (byte) 0xBF, '\r', '\n', 'C', 'o', 'n', 't', 'e', 'n', 't', '-', 'L', 'e', 'n', 'g', 't',
                'h', ':', ' ', '0', '\r', '\n', '\r', '\n'}));
            case HTTP_0_9 -> w.onRequest(Behaviour.OnRequest.ReplyAndClose.ascii("<html><body>It works!</body></html>\n"));
            case CLOSE_ON_ACCEPT -> w.onAccept(Behaviour.OnAccept.CLOSE);
            case RESET_ON_ACCEPT -> w.onAccept(Behaviour.OnAccept.RESET);
            case SILENT_ON_ACCEPT -> w.onAccept(Behaviour.OnAccept.STAY_SILENT);
            case TLS_ALERT -> w.tls(Behaviour.Tls.FATAL_ALERT);
            case PLAIN_HTTP -> w.tls(Behaviour.Tls.NONE);
            case HOSTILE_REASON -> w.onRequest(new Behaviour.OnRequest.Hostile(Behaviour.OnRequest.Hostile.Kind.REASON));
            case HOSTILE_TRANSFER_ENCODING -> w.onRequest(
                    new Behaviour.OnRequest.Hostile(Behaviour.OnRequest.Hostile.Kind.TRANSFER_ENCODING));
            case HOSTILE_CERTIFICATE -> w.tls(Behaviour.Tls.HOSTILE_CERTIFICATE);
            case HOSTILE_PROXY -> w.tls(Behaviour.Tls.PROXY)
                    .onRequest(new Behaviour.OnRequest.Hostile(Behaviour.OnRequest.Hostile.Kind.PROXY_407));
            case REFLECTING_PROXY -> w.tls(Behaviour.Tls.PROXY)
                    .onRequest(new Behaviour.OnRequest.Hostile(Behaviour.OnRequest.Hostile.Kind.REFLECTING_PROXY));
            case ENDLESS_102 -> w.onRequest(new Behaviour.OnRequest.Hostile(Behaviour.OnRequest.Hostile.Kind.ENDLESS_102));
            case ENDLESS_PROXY_HEADERS -> w.tls(Behaviour.Tls.PROXY)
                    .onRequest(new Behaviour.OnRequest.Hostile(Behaviour.OnRequest.Hostile.Kind.ENDLESS_HEADERS));
            case TLS_1_3_ONLY -> w.tls(Behaviour.Tls.TLS_1_3_ONLY);
            case CHACHA20_ONLY -> w.tls(Behaviour.Tls.CHACHA20_ONLY);
            case CAPTIVE_PORTAL -> w.tls(Behaviour.Tls.LOGIN_PAGE);
            case INSPECTING_PROXY -> w.onRequest(new Behaviour.OnRequest.Made(WindowsScenarios::squidLengthRequiredBytes));
            case SKEWED_CLOCK -> w.onRequest(new Behaviour.OnRequest.Route("HTTP/1.1 200 OK", WindowsScenarios.SKEW));
            // The SSTP side works; the certificate PracticePki issues for the scenario (revoked, or with its CRL and
            // OCSP addresses on closed ports) is what Windows refuses.
            case REVOKED_CERTIFICATE, REVOCATION_DOWN -> w;
            // The SSTP side works; the certificate is not the one practice says to expect.
            case SSL_OFFLOAD -> w;
            case LIKE_WINDOWS_RRAS -> w.onRequest(new Behaviour.OnRequest.Imitate(Imitation.WINDOWS_RRAS));
            case LIKE_SOFTETHER -> w.onRequest(new Behaviour.OnRequest.Imitate(Imitation.SOFTETHER));
            case LIKE_MIKROTIK -> w.onRequest(new Behaviour.OnRequest.Imitate(Imitation.MIKROTIK));
            case LIKE_ACCEL_PPP -> w.onRequest(new Behaviour.OnRequest.Imitate(Imitation.ACCEL_PPP));
        };
    }

    private static String webPage() {
        String page = "<html><body><h1>It works!</h1></body></html>\n";
        return "HTTP/1.1 200 OK\r\nServer: Apache\r\nContent-Type: text/html\r\nContent-Length: " + page.length()
                + "\r\n\r\n" + page;
    }

    private static String manyHeaders() {
        StringBuilder reply = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 10_000; i++) {
            reply.append("X-Header-").append(i).append(": value\r\n");
        }
        return reply.append("\r\n").toString();
    }
}
