package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.List;
import java.util.Locale;
import org.sstpdoctor.probe.ProbeReport;

/** One row per server (RFC 4180 quoting), for spreadsheets and scripts. */
public final class CsvReport {
    public static final List<String> COLUMNS = List.of("target", "verdict", "outcome", "answered_by", "http_status",
            "proxy_status", "tls_protocol", "certificate_expires", "total_ms", "detail", "windows", "revocation",
            // Added at the end, like every column since the first: scripts that read by position keep working.
            "certificate_days_left");

    private CsvReport() {
    }

    public static String header() {
        return String.join(",", COLUMNS);
    }

    public static String row(ProbeReport r) {
        String proxyStatus = r.proxyReplies().isEmpty() ? ""
                : Integer.toString(r.proxyReplies().get(r.proxyReplies().size() - 1).reply().code());
        String expires = r.tls() == null || r.tls().chain().isEmpty() ? "" : r.tls().chain().get(0).notAfter().toString();
        return String.join(",", List.of(
                quote(r.target().typed()),
                r.verdict().name().toLowerCase(Locale.ROOT),
                r.outcome().id(),
                r.answeredBy().name().toLowerCase(Locale.ROOT),
                r.httpResponse() == null ? "" : Integer.toString(r.httpResponse().code()),
                proxyStatus,
                quote(r.tls() == null ? "" : r.tls().protocol()),
                expires,
                String.format(Locale.ROOT, "%.1f", r.totalMillis()),
                quote(r.detail()),
                quote(InsightsSections.compact(r.insights(), "; ")),
                r.revocation() == null ? "" : r.revocation().outcome().id(),
                daysLeft(r)));
    }

    /**
     * The server certificate's whole days left when fewer than 30 remain (negative once expired), as
     * the JSON report's {@code daysLeft}; empty otherwise.
     */
    static String daysLeft(ProbeReport r) {
        if (r.tls() == null || r.tls().chain().isEmpty()) {
            return "";
        }
        return OutlineBuilder.daysLeft(r.tls().chain().get(0).notAfter(), r.startedAt()).map(String::valueOf).orElse("");
    }

    /** Quotes a field when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
    static String quote(String s) {
        // Second guard: a field is one visible line (peer text is already made visible where it is captured).
        String v = PeerText.line(s);
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
