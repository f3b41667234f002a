package org.sstpdoctor.responder;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.net.ssl.SSLSocket;

/**
 * What the responder does differently for the "Will Windows connect?" scenarios: restricted TLS
 * (through the socket's enabled protocols and suites, as a hardened server is), a login page, an
 * inspecting squid, a skewed clock.
 */
final class WindowsScenarios {
    /** How far ahead {@link Scenario#SKEWED_CLOCK}'s Date is. */
    static final Duration SKEW = Duration.ofDays(2);

    static final String CAPTIVE_PORTAL_REPLY = "HTTP/1.1 302 Found\r\n"
            + "Location: http://login.hotel-wifi.example/portal?continue=vpn\r\n"
            + "Content-Type: text/html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

    private WindowsScenarios() {
    }

    static void restrict(SSLSocket tls, Behaviour.Tls effect) {
        switch (effect) {
            case TLS_1_3_ONLY -> tls.setEnabledProtocols(new String[] {"TLSv1.3"});
            case CHACHA20_ONLY -> {
                tls.setEnabledProtocols(new String[] {"TLSv1.2"});
                tls.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"});
            }
            default -> { }
        }
    }

    /** What an intercepting squid answers after decrypting SSTP's request (it rejects the 2^64-1 length). */
    static byte[] squidLengthRequiredBytes() {
        return squidLengthRequired().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static String squidLengthRequired() {
        String body = "<html><body><h1>ERROR</h1><p>The requested URL could not be retrieved</p></body></html>\n";
        return "HTTP/1.1 411 Length Required\r\nServer: squid/5.7\r\nMime-Version: 1.0\r\nDate: "
                + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\nContent-Type: text/html;charset=utf-8\r\n"
                + "Content-Length: " + body.length() + "\r\nX-Squid-Error: ERR_INVALID_REQ 0\r\n"
                + "Via: 1.1 proxy.example (squid/5.7)\r\nConnection: close\r\n\r\n" + body;
    }

    static String skewedStatusHead(String statusLine, Duration skew) {
        return statusLine + "\r\nContent-Length: 18446744073709551615\r\nServer: Microsoft-HTTPAPI/2.0\r\nDate: "
                + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).plus(skew)) + "\r\n\r\n";
    }
}
