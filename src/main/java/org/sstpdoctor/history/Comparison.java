package org.sstpdoctor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a result differs from an earlier one for the same server: "Reachable 3 days ago; since then
 * the certificate changed (new issuer: R11)". Only what SSTP Doctor checks is compared: the verdict,
 * the deciding outcome, who answered, the HTTP status, the certificate, the resolved addresses, the
 * proxy and the TLS version.
 *
 * @param headline what the earlier test found and when: "Reachable 3 days ago"
 * @param changes each difference, one phrase: "the HTTP status changed (was 200, now 503)"
 */
public record Comparison(String headline, List<String> changes) {

    public Comparison {
        changes = List.copyOf(changes);
    }

    public static Comparison between(ReportSummary before, ReportSummary now, Instant at) {
        List<String> c = new ArrayList<>();
        if (!before.verdict().equals(now.verdict())) {
            c.add("the result changed (was " + lower(before.verdictWords()) + ", now " + lower(now.verdictWords()) + ")");
        } else if (!before.outcome().equals(now.outcome())) {
            c.add("the finding changed (was " + before.outcomeTitle() + ", now " + now.outcomeTitle() + ")");
        }
        if (!before.answeredBy().equals(now.answeredBy())) {
            c.add("who answered changed (was " + orNone(before.answeredBy()) + ", now " + orNone(now.answeredBy()) + ")");
        }
        if (!Objects.equals(before.httpStatus(), now.httpStatus())) {
            c.add("the HTTP status changed (was " + status(before.httpStatus()) + ", now " + status(now.httpStatus()) + ")");
        }
        if (!before.certificateSha256().equals(now.certificateSha256())) {
            if (now.certificateSha256().isEmpty()) {
                c.add("no certificate was seen this time");
            } else if (before.certificateSha256().isEmpty()) {
                c.add("a certificate was seen this time (issuer: " + orNone(now.certificateIssuer()) + ")");
            } else if (!before.certificateIssuer().equals(now.certificateIssuer())) {
                c.add("the certificate changed (new issuer: " + orNone(now.certificateIssuer()) + ")");
            } else {
                c.add("the certificate changed (same issuer; now valid until " + date(now.certificateNotAfter()) + ")");
            }
        }
        if (!before.resolvedAddresses().isEmpty() && !now.resolvedAddresses().isEmpty()
                && !sameSet(before.resolvedAddresses(), now.resolvedAddresses())) {
            c.add("the addresses changed (was " + String.join(", ", before.resolvedAddresses()) + ", now "
                    + String.join(", ", now.resolvedAddresses()) + ")");
        }
        if (!before.proxy().equals(now.proxy())) {
            c.add("the proxy changed (was " + before.proxy() + ", now " + now.proxy() + ")");
        }
        if (!before.tlsProtocol().isEmpty() && !now.tlsProtocol().isEmpty()
                && !before.tlsProtocol().equals(now.tlsProtocol())) {
            c.add("the TLS version changed (was " + before.tlsProtocol() + ", now " + now.tlsProtocol() + ")");
        }
        return new Comparison(before.verdictWords() + " " + ago(before.startedAt(), at), c);
    }

    /** One sentence: "Reachable 3 days ago; since then the certificate changed (new issuer: R11)." */
    public String sentence() {
        if (changes.isEmpty()) {
            return headline + "; nothing that SSTP Doctor checks has changed since.";
        }
        return headline + "; since then " + String.join(", ", changes) + ".";
    }

    /** "just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago", "on 2026-10-01". */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "at an unknown time";
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        if (d.toDays() < 2) {
            return "yesterday";
        }
        if (d.toDays() <= 60) {
            return d.toDays() + " days ago";
        }
        return "on " + date(then);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String date(Instant i) {
        return i == null ? "an unknown date" : i.toString().substring(0, 10);
    }

    private static String status(Integer s) {
        return s == null ? "none" : s.toString();
    }

    private static String orNone(String s) {
        return s == null || s.isEmpty() ? "none" : s;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }
}
