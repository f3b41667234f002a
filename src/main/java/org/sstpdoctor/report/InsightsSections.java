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

    /** The "Will Windows connect?" section: a row per Windows, how it was found out, then the facts. */
    static List<ReportOutline.Section> sections(Insights in) {
        if (in.windowsCompatibility() == null && facts(in).isEmpty()) {
            return List.of();
        }
        List<ReportOutline.Block> blocks = new ArrayList<>();
        if (!rows(in).isEmpty()) {
            List<ReportOutline.Row> rows = new ArrayList<>();
            for (WindowsCompatibility.Row row : rows(in)) {
                String can = switch (row.status()) {
                    case YES -> "yes, " + row.version();
                    case NO -> "no";
                    case NOT_TESTED -> "not tested";
                };
                rows.add(new ReportOutline.Row(List.of(ReportOutline.Line.plain(row.family().label()),
                        ReportOutline.Line.plain(can), ReportOutline.Line.peer(row.reason())),
                        ReportOutline.Line.peer(row.verdictText())));
            }
            blocks.add(new ReportOutline.Table(List.of(new ReportOutline.Column("Windows", false),
                    new ReportOutline.Column("Can connect", false), new ReportOutline.Column("Why", false)), rows));
        }
        if (in.windowsCompatibility() != null) {
            blocks.add(new ReportOutline.Paragraph(ReportOutline.Line.plain(handshakesNote(in))));
        }
        List<ReportOutline.Fact> facts = facts(in).stream()
                .map(f -> new ReportOutline.Fact(f.label(), ReportOutline.Line.peer(f.value()))).toList();
        if (!facts.isEmpty()) {
            blocks.add(new ReportOutline.Facts(facts));
        }
        return List.of(new ReportOutline.Section(2, "Will Windows connect?", blocks));
    }
}
