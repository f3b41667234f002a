package org.sstpdoctor.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.sstpdoctor.text.Sentences;

/** The history as plain text: one line per test, and a server's tests with what changed between them. */
public final class HistoryText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private HistoryText() {
    }

    /** "2026-11-30 09:12  vpn.contoso.com  Not reachable  cert_revocation_offline  R-3F9A2C71". */
    public static String line(ReportSummary s, ZoneId zone, Instant now) {
        String when = s.startedAt() == null ? "????-??-?? ??:??" : WHEN.format(s.startedAt().atZone(zone));
        StringBuilder out = new StringBuilder();
        out.append(when).append("  ").append(s.server()).append("  ").append(s.verdictWords());
        if (!s.outcome().isEmpty()) {
            out.append("  ").append(s.outcome());
        }
        if (s.httpStatus() != null) {
            out.append("  ").append(Sentences.get("history.http", String.valueOf(s.httpStatus())));
        }
        certificateNote(s, now).ifPresent(n -> out.append("  ").append(n));
        out.append("  ").append(s.shortId());
        return out.toString();
    }

    /**
     * The same as {@link #line} in two lines for a narrow list: "2026-11-30 09:12 · vpn.contoso.com ·
     * Not reachable", then the outcome in words (the wizard's list is for people; the id is in the
     * command line's list), the HTTP status, the certificate's days left and the id.
     */
    public static String twoLines(ReportSummary s, ZoneId zone, Instant now) {
        String when = s.startedAt() == null ? "????-??-?? ??:??" : WHEN.format(s.startedAt().atZone(zone));
        List<String> second = new java.util.ArrayList<>();
        String outcome = s.outcomeTitle().isEmpty() ? s.outcome() : s.outcomeTitle();
        if (!outcome.isEmpty()) {
            second.add(outcome);
        }
        if (s.httpStatus() != null) {
            second.add(Sentences.get("history.http", String.valueOf(s.httpStatus())));
        }
        certificateNote(s, now).ifPresent(second::add);
        second.add(s.shortId());
        return when + " · " + s.server() + " · " + s.verdictWords() + "\n" + String.join(" · ", second);
    }

    /** "certificate expires in 12 days", when it expires within 30 days of {@code now}. */
    public static java.util.Optional<String> certificateNote(ReportSummary s, Instant now) {
        return s.certificateDaysLeft(now).map(HistoryText::daysLeft);
    }

    /** "certificate expires in 12 days" / "in 1 day" / "today". */
    public static String daysLeft(long days) {
        return Sentences.get("history.cert", expires(days));
    }

    /** "expires in 12 days" / "in 1 day" / "today". */
    public static String expires(long days) {
        return days == 0 ? Sentences.get("cert.expires.today") : Sentences.get("cert.expires.days", days);
    }

    /** Every test, newest first. */
    public static String list(List<HistoryStore.Entry> entries, ZoneId zone, Instant now) {
        StringBuilder out = new StringBuilder();
        for (HistoryStore.Entry e : entries) {
            out.append(line(e.summary(), zone, now)).append('\n');
        }
        return out.toString();
    }

    /** A server's tests, newest first, each with what changed since the one before it. */
    public static String server(List<HistoryStore.Entry> entries, ZoneId zone, Instant now) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            ReportSummary s = entries.get(i).summary();
            out.append(line(s, zone, now)).append('\n');
            if (i + 1 < entries.size()) {
                Comparison c = Comparison.between(entries.get(i + 1).summary(), s, s.startedAt() == null ? now
                        : s.startedAt());
                out.append("    ").append(c.changes().isEmpty() ? Sentences.get("history.no_change")
                        : Sentences.get("history.changes", String.join(", ", c.changes()))).append('\n');
            }
        }
        return out.toString();
    }
}
