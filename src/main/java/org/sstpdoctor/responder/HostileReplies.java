package org.sstpdoctor.responder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HeldCertificate;

/**
 * What the hostile scenarios send: peer text that tries to rewrite the technician's screen. Each
 * holds ESC sequences (clear the screen, move the cursor, colours), a bare CR, C1 controls (U+009B
 * is a one-byte CSI, U+0085 a line break), a bidi override and isolate, zero-width characters and a
 * byte-order mark, so that a test can assert none of them reaches any output raw.
 */
public final class HostileReplies {
    /** A forged verdict line: on a terminal it would clear the screen and print a green "REACHABLE". */
    public static final String FORGED_VERDICT = "\u001b[2J\u001b[H\u001b[32mVerdict:      REACHABLE - the SSTP service answered"
            + "\u001b[0m";
    /** A forged stage line, drawn over the real one by a bare CR. */
    public static final String FORGED_STAGE = "\r  [ OK ] Proxy tunnel            1 ms     the proxy opened a tunnel";
    /** The other characters a terminal, a spreadsheet or a text widget would act on. */
    public static final String INVISIBLES = "\u009b2J\u0085\u202Edetcennoc\u202C\u2066x\u2069\u200B\u200F\uFEFF\u0007\u007f";
    /** Every character above, for tests to look for. */
    public static final String ALL = FORGED_VERDICT + FORGED_STAGE + INVISIBLES;

    private HostileReplies() {
    }

    /** 404 whose reason phrase ends in a bare CR, with hostile headers and page. */
    static void reason(OutputStream out) throws IOException {
        byte[] body = ("<html><body>" + ALL + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        write(out, "HTTP/1.1 404 Not Found" + FORGED_VERDICT + INVISIBLES + "\r\r\n"
                + "Server: Microsoft-IIS/10.0" + INVISIBLES + "\r\n"
                + "X-Forged: " + FORGED_VERDICT + FORGED_STAGE + "\r\n"
                + "Content-Type: text/html\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
        out.write(body);
        out.flush();
    }

    /** 200 framed with a Transfer-Encoding that carries the escapes. */
    static void transferEncoding(OutputStream out) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nServer: Apache\r\nTransfer-Encoding: identity" + FORGED_VERDICT + INVISIBLES
                + "\r\nConnection: close\r\n\r\n<html>" + ALL + "</html>\n");
    }

    /** A proxy's 407 whose reason phrase ends in a CR and a forged "[ OK ] Proxy tunnel" line. */
    static void proxy(OutputStream out) throws IOException {
        byte[] body = ("<html><body>" + ALL + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        write(out, "HTTP/1.1 407 Proxy Authentication Required" + FORGED_STAGE + INVISIBLES + "\r\n"
                + "Proxy-Authenticate: Basic realm=\"" + FORGED_VERDICT + "\"\r\n"
                + "Via: 1.1 squid" + INVISIBLES + "\r\n"
                + "Content-Type: text/html\r\nContent-Length: " + body.length + "\r\n\r\n");
        out.write(body);
        out.flush();
    }

    /** A proxy's 407 page that quotes the request it received, as some error pages do. */
    static void reflect(OutputStream out, byte[] requestHead) throws IOException {
        String request = new String(requestHead, StandardCharsets.ISO_8859_1);
        byte[] body = ("<html><body><h1>Access denied</h1><p>Your request:</p><pre>" + request
                + "</pre></body></html>\n").getBytes(StandardCharsets.ISO_8859_1);
        write(out, "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"corp\"\r\n"
                + "X-Request-Echo: " + request.split("\r\n").length + " lines\r\n"
                + "Content-Type: text/html\r\nContent-Length: " + body.length + "\r\n\r\n");
        out.write(body);
        out.flush();
    }

    /** A self-signed server certificate whose subject (and so issuer) holds the escapes. */
    static SSLContext certificateContext() {
        Instant now = Instant.now();
        HeldCertificate hostile = new HeldCertificate.Builder()
                .commonName("localhost" + FORGED_VERDICT + INVISIBLES)
                .organizationalUnit("IT" + FORGED_STAGE)
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .validityInterval(now.minus(Duration.ofHours(1)).toEpochMilli(), now.plus(Duration.ofDays(30)).toEpochMilli())
                .build();
        return ResponderCertificates.serverContext(hostile);
    }

    /** Interim answers without end: each is a complete head, none is the answer. */
    static void endless102(OutputStream out) throws IOException {
        byte[] interim = "HTTP/1.1 102 Processing\r\n\r\n".repeat(64).getBytes(StandardCharsets.US_ASCII);
        while (true) {
            out.write(interim);
            out.flush();
            pace();
        }
    }

    /** A proxy's answer to CONNECT whose head never ends. */
    static void endlessHeaders(OutputStream out) throws IOException {
        write(out, "HTTP/1.1 200 Connection established\r\n");
        for (long i = 0; ; i++) {
            out.write(("X-Padding-" + i + ": " + "x".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (i % 64 == 0) {
                out.flush();
                pace();
            }
        }
    }

    /** Fast enough to overrun any head limit, slow enough not to busy a core; ends when the client hangs up. */
    private static void pace() throws IOException {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("responder stopped");
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One of the hostile answers to a request head. */
    static void answer(Behaviour.OnRequest.Hostile.Kind kind, InputStream in, OutputStream out, byte[] head)
            throws IOException {
        switch (kind) {
            case REASON -> reason(out);
            case TRANSFER_ENCODING -> transferEncoding(out);
            case ENDLESS_102 -> endless102(out);
            case ENDLESS_HEADERS -> endlessHeaders(out);
            case PROXY_407, REFLECTING_PROXY -> {
                // A proxy keeps the connection for the client's next CONNECT (the signed-in one).
                byte[] next = head;
                for (int i = 0; i < 8 && next != null; i++) {
                    if (kind == Behaviour.OnRequest.Hostile.Kind.PROXY_407) {
                        proxy(out);
                    } else {
                        reflect(out, next);
                    }
                    next = ResponderIo.readHead(in).orElse(null);
                }
            }
        }
    }
}
