package org.sstpdoctor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sstpdoctor.text.Sentences;

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
            c.add(Sentences.get("compare.result", lower(before.verdictWords()), lower(now.verdictWords())));
        } else if (!before.outcome().equals(now.outcome())) {
            c.add(Sentences.get("compare.finding", before.outcomeTitle(), now.outcomeTitle()));
        }
        if (!before.answeredBy().equals(now.answeredBy())) {
            c.add(Sentences.get("compare.answered", orNone(before.answeredBy()), orNone(now.answeredBy())));
        }
        if (!Objects.equals(before.httpStatus(), now.httpStatus())) {
            c.add(Sentences.get("compare.http", status(before.httpStatus()), status(now.httpStatus())));
        }
        if (!before.certificateSha256().equals(now.certificateSha256())) {
            if (now.certificateSha256().isEmpty()) {
                c.add(Sentences.get("compare.cert.gone"));
            } else if (before.certificateSha256().isEmpty()) {
                c.add(Sentences.get("compare.cert.first", orNone(now.certificateIssuer())));
            } else if (!before.certificateIssuer().equals(now.certificateIssuer())) {
                c.add(Sentences.get("compare.cert.issuer", orNone(now.certificateIssuer())));
            } else {
                c.add(Sentences.get("compare.cert.renewed", date(now.certificateNotAfter())));
            }
        }
        if (!before.resolvedAddresses().isEmpty() && !now.resolvedAddresses().isEmpty()
                && !sameSet(before.resolvedAddresses(), now.resolvedAddresses())) {
            c.add(Sentences.get("compare.addresses", String.join(", ", before.resolvedAddresses()),
                    String.join(", ", now.resolvedAddresses())));
        }
        if (!before.proxy().equals(now.proxy())) {
            c.add(Sentences.get("compare.proxy", before.proxy(), now.proxy()));
        }
        if (!before.tlsProtocol().isEmpty() && !now.tlsProtocol().isEmpty()
                && !before.tlsProtocol().equals(now.tlsProtocol())) {
            c.add(Sentences.get("compare.tls", before.tlsProtocol(), now.tlsProtocol()));
        }
        return new Comparison(Sentences.get("compare.headline", before.verdictWords(), ago(before.startedAt(), at)), c);
    }

    /** One sentence: "Reachable 3 days ago; since then the certificate changed (new issuer: R11)." */
    public String sentence() {
        if (changes.isEmpty()) {
            return Sentences.get("compare.same", headline);
        }
        return Sentences.get("compare.since", headline, String.join(", ", changes));
    }

    /** "just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago", "on 2026-10-01". */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return Sentences.get("ago.unknown");
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return Sentences.get("ago.now");
        }
        if (d.toHours() < 1) {
            return Sentences.get("ago.minutes", d.toMinutes());
        }
        if (d.toDays() < 1) {
            return Sentences.get("ago.hours", d.toHours());
        }
        if (d.toDays() < 2) {
            return Sentences.get("ago.yesterday");
        }
        if (d.toDays() <= 60) {
            return Sentences.get("ago.days", String.valueOf(d.toDays()));
        }
        return Sentences.get("ago.on", date(then));
    }

    private static String date(Instant i) {
        return i == null ? Sentences.get("date.unknown") : i.toString().substring(0, 10);
    }

    private static String status(Integer s) {
        return s == null ? Sentences.get("value.none") : s.toString();
    }

    private static String orNone(String s) {
        return s == null || s.isEmpty() ? Sentences.get("value.none") : s;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }
}
