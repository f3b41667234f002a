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
    SKEWED_CLOCK("A working server whose clock (Date) is two days ahead of this computer's");

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
        return this != PLAIN_HTTP && this != CAPTIVE_PORTAL && !actsAsProxy();
    }

    /** Listens as a web proxy (plain HTTP, CONNECT) rather than as the VPN server. */
    public boolean actsAsProxy() {
        return this == HOSTILE_PROXY || this == REFLECTING_PROXY || this == ENDLESS_PROXY_HEADERS;
    }
}
