package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * The user's report beside the same test run here, row by row, differences marked, with what the
 * difference means: the quickest way to tell "the user's network" from "the server".
 *
 * @param rows what was compared, in reading order
 * @param conclusion one sentence: where the problem most likely is
 */
public record SideBySide(List<Row> rows, String conclusion) {

    /**
     * One compared item: its label, the user's value, ours, and whether they differ. {@code key}
     * names a fixed row ("server", "http_status") for a translated label; it is empty for a stage,
     * whose label is the report's own title for it.
     */
    public record Row(String key, String label, String theirs, String ours, boolean differs) {
    }

    public SideBySide {
        rows = List.copyOf(rows);
    }

    public static SideBySide of(JsonNode theirsReport, JsonNode oursReport) {
        return of(theirsReport, oursReport, java.time.Instant.now());
    }

    /** As {@link #of(JsonNode, JsonNode)}; a certificate's days left are counted from {@code now}. */
    public static SideBySide of(JsonNode theirsReport, JsonNode oursReport, java.time.Instant now) {
        ReportSummary t = ReportSummary.of(theirsReport);
        ReportSummary o = ReportSummary.of(oursReport);
        List<Row> rows = new ArrayList<>();
        add(rows, "server", t.server(), o.server());
        add(rows, "result", t.verdictWords(), o.verdictWords());
        add(rows, "finding", t.outcomeTitle(), o.outcomeTitle());
        add(rows, "answered_by", t.answeredBy(), o.answeredBy());
        add(rows, "http_status", t.httpStatus() == null ? Sentences.get("value.none") : t.httpStatus().toString(),
                o.httpStatus() == null ? Sentences.get("value.none") : o.httpStatus().toString());
        add(rows, "addresses", String.join(", ", t.resolvedAddresses()), String.join(", ", o.resolvedAddresses()));
        add(rows, "proxy", t.proxy(), o.proxy());
        add(rows, "tls", t.tlsProtocol(), o.tlsProtocol());
        add(rows, "cert_issuer", t.certificateIssuer(), o.certificateIssuer());
        add(rows, "cert_fingerprint", shortPrint(t.certificateSha256()), shortPrint(o.certificateSha256()));
        add(rows, "cert_valid_until", validUntil(t, now), validUntil(o, now));
        Map<String, String> theirStages = stages(theirsReport);
        Map<String, String> ourStages = stages(oursReport);
        for (Map.Entry<String, String> e : theirStages.entrySet()) {
            add(rows, "", e.getKey(), e.getValue(), ourStages.getOrDefault(e.getKey(), "—"));
        }
        return new SideBySide(rows, withAge(conclusion(t, o), t, o));
    }

    /** Their test ran more than an hour before ours: the server may have been changed in between. */
    static String withAge(String conclusion, ReportSummary t, ReportSummary o) {
        if (t.startedAt() == null || o.startedAt() == null
                || java.time.Duration.between(t.startedAt(), o.startedAt()).compareTo(java.time.Duration.ofHours(1)) < 0) {
            return conclusion;
        }
        return conclusion + " " + Sentences.get("side.older", org.sstpdoctor.history.Comparison.ago(t.startedAt(),
                o.startedAt()));
    }

    static String conclusion(ReportSummary t, ReportSummary o) {
        boolean theyFail = t.verdict().equals("fail");
        boolean weFail = o.verdict().equals("fail");
        if (theyFail && !weFail) {
            if (!t.certificateSha256().isEmpty() && !o.certificateSha256().isEmpty()
                    && !t.certificateSha256().equals(o.certificateSha256())) {
                return Sentences.get("side.works_here.other_certificate");
            }
            boolean direct = t.proxy().equals(Sentences.get("value.none")) && o.proxy().equals(Sentences.get("value.none"));
            if (direct && !t.resolvedAddresses().isEmpty() && !o.resolvedAddresses().isEmpty()
                    && java.util.Collections.disjoint(t.resolvedAddresses(), o.resolvedAddresses())) {
                return Sentences.get("side.works_here.other_address", String.join(", ", t.resolvedAddresses()));
            }
            return Sentences.get("side.works_here");
        }
        if (theyFail) {
            return t.outcome().equals(o.outcome()) ? Sentences.get("side.fails_same")
                    : Sentences.get("side.fails_differently");
        }
        if (weFail) {
            return Sentences.get("side.fails_here");
        }
        if (!t.certificateSha256().isEmpty() && !o.certificateSha256().isEmpty()
                && !t.certificateSha256().equals(o.certificateSha256())) {
            return Sentences.get("side.certificates_differ");
        }
        return Sentences.get("side.both_reach");
    }

    /** Stage title → "passed 12 ms" for each stage the report lists. */
    private static Map<String, String> stages(JsonNode report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode s : report.path("stages")) {
            if (out.size() >= 16) {
                break;
            }
            String title = UntrustedText.line(s.path("title").asText(s.path("stage").asText("")), 60);
            String status = UntrustedText.line(s.path("status").asText(""), 30);
            String time = s.path("durationMs").isNumber()
                    ? String.format(Locale.ROOT, " %.0f ms", s.path("durationMs").asDouble()) : "";
            if (!title.isEmpty()) {
                out.put(title, status + time);
            }
        }
        return out;
    }

    /** A fixed row: its label is the sentence {@code side.row.KEY}. */
    private static void add(List<Row> rows, String key, String theirs, String ours) {
        add(rows, key, Sentences.get("side.row." + key), theirs, ours);
    }

    private static void add(List<Row> rows, String key, String label, String theirs, String ours) {
        String a = theirs == null || theirs.isEmpty() ? "—" : theirs;
        String b = ours == null || ours.isEmpty() ? "—" : ours;
        // Timings always differ a little; only the status part of a stage counts as a difference.
        boolean differs = !statusPart(a).equals(statusPart(b));
        rows.add(new Row(key, label, a, b, differs));
    }

    private static String statusPart(String value) {
        return value.replaceAll("\\s+\\d+ ms$", "");
    }

    /** "2026-12-13 (12 days left)" within 30 days of {@code now}, else the date alone. */
    static String validUntil(ReportSummary s, java.time.Instant now) {
        if (s.certificateNotAfter() == null) {
            return "";
        }
        String date = s.certificateNotAfter().toString().substring(0, 10);
        return s.certificateDaysLeft(now).map(d -> d == 0 ? Sentences.get("side.valid.today", date)
                : Sentences.get("side.valid.days", date, d)).orElse(date);
    }

    private static String shortPrint(String fingerprint) {
        return fingerprint.length() > 23 ? fingerprint.substring(0, 23) + "…" : fingerprint;
    }

    /** As the command line prints it: a table with "≠" beside each difference, then the conclusion. */
    public String toText(String theirsLabel, String oursLabel) {
        int w = 4;
        int v = Math.max(theirsLabel.length(), 10);
        for (Row r : rows) {
            w = Math.max(w, r.label().length());
            v = Math.max(v, Math.min(r.theirs().length(), 40));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %-" + w + "s  %-" + v + "s    %s%n", "", theirsLabel, oursLabel));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%s %-" + w + "s  %-" + v + "s  %s %s%n", r.differs() ? "≠" : " ",
                    r.label(), clip(r.theirs(), 40), r.differs() ? "≠" : " ", clip(r.ours(), 60)));
        }
        out.append('\n').append(conclusion).append('\n');
        return out.toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
