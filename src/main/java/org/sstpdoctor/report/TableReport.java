package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.Locale;
import org.sstpdoctor.probe.ProbeReport;

/** One line per server, for a list of gateways on a terminal. */
public final class TableReport {
    private static final String FORMAT = "%-32s %-7s %-26s %-14s %5s %9s  %-14s %s";

    private TableReport() {
    }

    public static String header() {
        return String.format(Locale.ROOT, FORMAT, "SERVER", "VERDICT", "OUTCOME", "ANSWERED BY", "HTTP", "TIME", "WINDOWS", "DETAIL");
    }

    public static String row(ProbeReport r) {
        String target = r.target().typed();
        String http = r.httpResponse() != null ? Integer.toString(r.httpResponse().code())
                : r.proxyReplies().isEmpty() ? "-" : "p" + r.proxyReplies().get(r.proxyReplies().size() - 1).reply().code();
        // Second guard for the terminal: one row stays one visible line whatever the peer sent.
        return PeerText.line(String.format(Locale.ROOT, FORMAT, clip(PeerText.line(target), 32), r.verdict().name(),
                clip(r.outcome().id(), 26), r.answeredBy().name().toLowerCase(Locale.ROOT), http,
                TextReport.millis(r.totalMillis()), InsightsSections.tiny(r.insights()), clip(PeerText.line(r.detail()), 90)));
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
