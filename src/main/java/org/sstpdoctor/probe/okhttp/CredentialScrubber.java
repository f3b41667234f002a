package org.sstpdoctor.probe.okhttp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sstpdoctor.probe.Header;

/**
 * Removes the proxy credentials we sent from what the proxy answered, before any of it becomes part
 * of a report: some proxies' error pages reflect the request, {@code Proxy-Authorization} included.
 * The secrets are taken from the requests actually sent (the header value, its Base64 token, the
 * decoded {@code user:password} and the password alone, also URL- and HTML-encoded), so whatever
 * was sent is what is looked for. Works on text decoded as ISO-8859-1, one char per byte, as the
 * captured heads are.
 */
final class CredentialScrubber implements UnaryOperator<String> {
    static final String REMOVED = "[credentials removed]";
    /** Any authorization header line a page may quote, whatever its value. */
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)((?:proxy-)?authorization\\s*:\\s*)[^\\r\\n<\"']*");

    /** Secrets shorter than this are removed only where they stand alone, not inside words. */
    private static final int SHORT = 4;

    static final CredentialScrubber NONE = new CredentialScrubber(List.of());

    private final List<String> secrets;

    private CredentialScrubber(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets in the CONNECT requests we sent ({@code sent}: raw bytes captured before TLS). */
    static CredentialScrubber fromSent(byte[] sent) {
        Set<String> found = new LinkedHashSet<>();
        for (RawHttp.RawRequest request : RawHttp.parseRequests(sent)) {
            for (Header h : request.headers()) {
                if (h.name().equalsIgnoreCase("Proxy-Authorization")) {
                    addCredential(h.value(), found);
                }
            }
        }
        List<String> secrets = new ArrayList<>(found);
        secrets.removeIf(String::isEmpty);
        secrets.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no half-removed secret
        return new CredentialScrubber(List.copyOf(secrets));
    }

    private static void addCredential(String value, Set<String> found) {
        found.add(value);
        String[] parts = value.trim().split("\\s+", 2);
        if (parts.length < 2) {
            return;
        }
        String token = parts[1];
        found.add(token);
        if (!parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return;
        }
        String userAndPassword = new String(decoded, StandardCharsets.ISO_8859_1);
        found.add(userAndPassword);
        found.add(Base64.getUrlEncoder().withoutPadding().encodeToString(decoded));
        found.add(Base64.getEncoder().withoutPadding().encodeToString(decoded));
        int colon = userAndPassword.indexOf(':');
        if (colon >= 0) {
            String password = userAndPassword.substring(colon + 1);
            found.add(password);
            String unicode = new String(password.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            String urlEncoded = URLEncoder.encode(unicode, StandardCharsets.UTF_8);
            found.add(new String(urlEncoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            found.add(new String(html(unicode).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    boolean isEmpty() {
        return secrets.isEmpty();
    }

    @Override
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!secrets.isEmpty()) {
            Matcher m = AUTH_HEADER.matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + REMOVED));
        }
        for (String secret : secrets) {
            if (secret.length() >= SHORT) {
                out = out.replace(secret, REMOVED);
            } else {
                // A password of one to three characters would otherwise wipe those letters from the whole page.
                out = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(secret) + "(?![\\p{L}\\p{N}])")
                        .matcher(out).replaceAll(Matcher.quoteReplacement(REMOVED));
            }
        }
        return out;
    }
}
