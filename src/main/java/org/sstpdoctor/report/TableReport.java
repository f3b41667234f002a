package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.Locale;
import org.sstpdoctor.probe.ProbeReport;

/** One line per server, for a list of gateways on a terminal. */
public final class TableReport {
    private static final String FORMAT = "%-32s %-7s %-26s %-14s %5s %9s  %-7s  %-14s %s";

    private TableReport() {
    }

    public static String header() {
        return String.format(Locale.ROOT, FORMAT, "SERVER", "VERDICT", "OUTCOME", "ANSWERED BY", "HTTP", "TIME", "CERT", "WINDOWS", "DETAIL");
    }

    public static String row(ProbeReport r) {
        String target = r.target().typed();
        String http = r.httpResponse() != null ? Integer.toString(r.httpResponse().code())
                : r.proxyReplies().isEmpty() ? "-" : "p" + r.proxyReplies().get(r.proxyReplies().size() - 1).reply().code();
        // Second guard for the terminal: one row stays one visible line whatever the peer sent.
        return PeerText.line(String.format(Locale.ROOT, FORMAT, clip(PeerText.line(target), 32), r.verdict().name(),
                clip(r.outcome().id(), 26), r.answeredBy().name().toLowerCase(Locale.ROOT), http,
                TextReport.millis(r.totalMillis()), certificate(r), InsightsSections.tiny(r.insights()), clip(PeerText.line(r.detail()), 90)));
    }

    /**
     * The server certificate's days left when it ends within 30 days of the test ("12d", "<1d"), or
     * "expired"; "-" otherwise (no certificate, or one with longer to run).
     */
    static String certificate(ProbeReport r) {
        if (r.tls() == null || r.tls().chain().isEmpty()) {
            return "-";
        }
        return OutlineBuilder.daysLeft(r.tls().chain().get(0).notAfter(), r.startedAt())
                .map(d -> d < 0 ? "expired" : d == 0 ? "<1d" : d + "d").orElse("-");
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
