package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP answer as it came over the wire, from a proxy or from the server.
 *
 * @param statusLine the first line exactly as received (control characters made visible)
 * @param protocol "HTTP/1.1", "HTTP/1.0"
 * @param reason the reason phrase; empty when the peer sent none (Windows sends none)
 * @param bodyExcerpt the start of an error page, as text with control characters made visible
 * @param headersOmitted how many headers beyond the first {@value #MAX_HEADERS} were not kept
 */
public record HttpReply(String statusLine, String protocol, int code, String reason, List<Header> headers,
                        String bodyExcerpt, int headersOmitted) {
    /** How much of an error page is kept: enough to recognise who wrote it. */
    public static final int MAX_EXCERPT = 2048;
    /** A hostile peer may send thousands of headers or huge lines; a report keeps this much. */
    public static final int MAX_HEADERS = 100;
    public static final int MAX_LINE = 1024;

    public HttpReply {
        // Peer text: made visible before anything else sees it (PeerText is null-safe).
        bodyExcerpt = PeerText.lines(bodyExcerpt);
        statusLine = clip(PeerText.line(statusLine));
        protocol = PeerText.line(protocol);
        if (headers != null && headers.size() > MAX_HEADERS) {
            headersOmitted += headers.size() - MAX_HEADERS;
            headers = headers.subList(0, MAX_HEADERS);
        }
        headers = headers == null ? List.of() : headers.stream()
                .map(h -> new Header(clip(h.name()), clip(h.value()))).toList();
        headers = headers == null ? List.of() : List.copyOf(headers);
        reason = clip(PeerText.line(reason));
    }

    public HttpReply withBodyExcerpt(String excerpt) {
        return new HttpReply(statusLine, protocol, code, reason, headers, excerpt, headersOmitted);
    }

    static String clip(String s) {
        return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE) + "... (" + (s.length() - MAX_LINE) + " more characters)";
    }

    /** The first header with this name, ignoring case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /** Hints at what product answered: Server, Via, X-Squid-Error and the like. */
    public List<Header> productHints() {
        return headers.stream().filter(h -> switch (h.name().toLowerCase(Locale.ROOT)) {
            case "server", "via", "x-squid-error", "x-cache", "x-powered-by", "proxy-agent", "x-forwarded-for" -> true;
            default -> false;
        }).toList();
    }
}
