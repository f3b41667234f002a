package org.sstpdoctor.report;

import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.probe.Insights;
import org.sstpdoctor.probe.evidence.ClockSkew;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.probe.windows.WindowsCompatibility;

/**
 * The "Will Windows connect?" part of every report: the per-Windows table, the certificate the
 * crypto binding will see, interception, what the server looks like, clocks and a login page. One
 * list of label/value facts, written out by each renderer in its own syntax, so the formats say the
 * same things.
 */
final class InsightsSections {
    /** One fact: a label and a value; peer text in the value is escaped by the renderer. */
    record Fact(String label, String value) {
    }

    private InsightsSections() {
    }

    static List<WindowsCompatibility.Row> rows(Insights insights) {
        return insights.windowsCompatibility() == null ? List.of() : insights.windowsCompatibility().rows();
    }

    /** The facts after the table, in order. */
    static List<Fact> facts(Insights in) {
        List<Fact> facts = new ArrayList<>();
        CryptoBinding b = in.cryptoBinding();
        if (b != null) {
            facts.add(new Fact("Certificate SHA-256", b.sha256()));
            facts.add(new Fact("Certificate SHA-1", b.sha1()));
            if (!b.expected().isEmpty()) {
                facts.add(new Fact("Expected", b.expected() + (b.matches().orElse(false) ? " (matches)" : " (DOES NOT MATCH)")));
            }
            facts.add(new Fact("Compare with", CryptoBinding.COMPARE_WITH));
        }
        if (in.intercepted()) {
            facts.add(new Fact("Interception", String.join("; ", in.interceptionEvidence())));
        }
        if (in.serverIdentity() != null) {
            facts.add(new Fact("Server", in.serverIdentity().describe()));
        }
        for (ClockSkew skew : in.clockSkews()) {
            facts.add(new Fact("Clock", skew.describe() + (skew.significant() ? "" : " (within " + ClockSkew.THRESHOLD.toMinutes() + " min: fine)")));
        }
        if (in.captivePortal() != null) {
            facts.add(new Fact("Login page", in.captivePortal().pageAddress().isEmpty() ? in.captivePortal().how()
                    : in.captivePortal().pageAddress() + " (" + in.captivePortal().how() + ")"));
        }
        return facts;
    }

    static String handshakesNote(Insights in) {
        WindowsCompatibility w = in.windowsCompatibility();
        if (w == null) {
            return "";
        }
        boolean deduced = w.rows().stream().anyMatch(WindowsCompatibility.Row::deduced);
        return w.handshakes() + " ClientHello" + (w.handshakes() == 1 ? "" : "s") + " sent, each with exactly that "
                + "Windows' Schannel versions, cipher suites and curves" + (deduced ? "; Windows 10 read from Windows 11's "
                + "TLS 1.2 answer (same offer)" : "") + ". Not stated by Microsoft (UNCONFIRMED): "
                + String.join("; ", w.unconfirmed()) + ".";
    }

    /** "Windows 11: yes, TLS 1.3; Windows 10: no — …" for one CSV field; empty without a table. */
    static String compact(Insights in, String separator) {
        return String.join(separator, rows(in).stream().map(WindowsCompatibility.Row::line).toList());
    }

    /** "11y 10n 8y 7n" (y yes, n no, ? not tested) for the one-line table; "-" without a table. */
    static String tiny(Insights in) {
        if (rows(in).isEmpty()) {
            return "-";
        }
        return String.join(" ", rows(in).stream().map(r -> r.family().shortName().replace("Windows ", "").replace(".1", "")
                + switch (r.status()) {
                    case YES -> "y";
                    case NO -> "n";
                    case NOT_TESTED -> "?";
                }).toList());
    }

    static String text(Insights in) {
        if (in.windowsCompatibility() == null && facts(in).isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nWill Windows connect?\n");
        for (WindowsCompatibility.Row row : rows(in)) {
            out.append("  ").append(TextReport.pad(row.family().label(), 38)).append(row.verdictText()).append('\n');
        }
        if (in.windowsCompatibility() != null) {
            out.append("  (").append(handshakesNote(in)).append(")\n");
        }
        for (Fact f : facts(in)) {
            out.append("  ").append(TextReport.pad(f.label() + ":", 21)).append(f.value()).append('\n');
        }
        return out.toString();
    }

    static String markdown(Insights in) {
        if (in.windowsCompatibility() == null && facts(in).isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Will Windows connect?\n\n");
        if (!rows(in).isEmpty()) {
            out.append("| Windows | Can connect | Why |\n|---|---|---|\n");
            for (WindowsCompatibility.Row row : rows(in)) {
                String can = switch (row.status()) {
                    case YES -> "yes, " + row.version();
                    case NO -> "no";
                    case NOT_TESTED -> "not tested";
                };
                out.append("| ").append(MarkdownReport.text(row.family().label())).append(" | ")
                        .append(MarkdownReport.text(can)).append(" | ").append(MarkdownReport.peer(row.reason())).append(" |\n");
            }
            out.append('\n').append(MarkdownReport.text(handshakesNote(in))).append("\n\n");
        }
        for (Fact f : facts(in)) {
            out.append("**").append(MarkdownReport.text(f.label())).append(":** ").append(MarkdownReport.peer(f.value()))
                    .append("  \n");
        }
        return out.append('\n').toString();
    }

    static String html(Insights in) {
        if (in.windowsCompatibility() == null && facts(in).isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Will Windows connect?</h2>\n");
        if (!rows(in).isEmpty()) {
            out.append("<table>\n<tr><th>Windows</th><th>Can connect</th><th>Why</th></tr>\n");
            for (WindowsCompatibility.Row row : rows(in)) {
                String can = switch (row.status()) {
                    case YES -> "yes, " + row.version();
                    case NO -> "no";
                    case NOT_TESTED -> "not tested";
                };
                out.append("<tr><td>").append(HtmlReport.esc(row.family().label()))
                        .append("</td><td>").append(HtmlReport.esc(can)).append("</td><td>")
                        .append(HtmlReport.esc(row.reason())).append("</td></tr>\n");
            }
            out.append("</table>\n<p class=\"note\">").append(HtmlReport.esc(handshakesNote(in))).append("</p>\n");
        }
        List<Fact> facts = facts(in);
        if (!facts.isEmpty()) {
            out.append("<dl class=\"facts\">\n");
            for (Fact f : facts) {
                out.append("<dt>").append(HtmlReport.esc(f.label())).append("</dt><dd>").append(HtmlReport.esc(f.value()))
                        .append("</dd>\n");
            }
            out.append("</dl>\n");
        }
        return out.toString();
    }
}
