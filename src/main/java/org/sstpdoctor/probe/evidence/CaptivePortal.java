package org.sstpdoctor.probe.evidence;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.text.PeerText;

/**
 * A network that wants a sign-in first (a hotel or guest Wi-Fi login): it answers the TLS port or
 * the proxy CONNECT with a redirect, a 511 Network Authentication Required (RFC 6585 section 6), or
 * an HTML page, instead of a tunnel or TLS.
 *
 * @param pageAddress where the login page is (Location, a meta refresh, or the 511 page's link); may be empty
 * @param how what gave it away, technically
 */
public record CaptivePortal(String pageAddress, String how) {
    private static final Pattern META_REFRESH = Pattern.compile(
            "http-equiv\\s*=\\s*[\"']?refresh[\"']?[^>]*content\\s*=\\s*[\"'][^\"']*url\\s*=\\s*([^\"'>\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_URL = Pattern.compile("(https?://[^\"'<>\\s]{1,400})", Pattern.CASE_INSENSITIVE);

    /**
     * An answer where no page belongs: the proxy's reply to CONNECT, or plain HTTP on the TLS port.
     * A redirect, a 511 or an HTML page there is a login page.
     */
    public static Optional<CaptivePortal> fromReply(HttpReply reply, String where) {
        if (reply == null) {
            return Optional.empty();
        }
        int code = reply.code();
        Optional<String> location = reply.header("Location").map(String::trim).filter(s -> !s.isEmpty());
        if (code >= 300 && code < 400 && location.isPresent()) {
            return Optional.of(new CaptivePortal(PeerText.line(location.get()), where + " answered " + reply.statusLine()
                    + " redirecting to " + location.get()));
        }
        boolean html = reply.header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("html")).orElse(false)
                || looksLikeHtml(reply.bodyExcerpt());
        if (code == 511 || (html && (code == 200 || code >= 300 && code < 400))) {
            return Optional.of(new CaptivePortal(pageIn(reply.bodyExcerpt()).orElse(""),
                    where + " answered " + reply.statusLine() + " with a web page instead of "
                            + (where.contains("proxy") ? "a tunnel" : "TLS")));
        }
        return Optional.empty();
    }

    /** Raw text that came instead of TLS (status line, headers, body start). */
    public static Optional<CaptivePortal> fromPlainText(String text, String where) {
        // Raw bytes from a stranger: RawReply makes them visible where they are captured.
        return RawReply.parse(text).flatMap(reply -> fromReply(reply, where));
    }

    static boolean looksLikeHtml(String body) {
        String b = body == null ? "" : body.stripLeading().toLowerCase(Locale.ROOT);
        return b.startsWith("<!doctype html") || b.startsWith("<html") || b.contains("<html");
    }

    static Optional<String> pageIn(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher refresh = META_REFRESH.matcher(body);
        if (refresh.find()) {
            return Optional.of(PeerText.line(refresh.group(1)));
        }
        Matcher url = ANY_URL.matcher(body);
        return url.find() ? Optional.of(PeerText.line(url.group(1))) : Optional.empty();
    }
}
