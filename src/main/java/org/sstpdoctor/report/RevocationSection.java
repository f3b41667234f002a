package org.sstpdoctor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.revocation.CertificateRevocation;
import org.sstpdoctor.probe.revocation.RevocationChecker;
import org.sstpdoctor.probe.revocation.RevocationFetch;
import org.sstpdoctor.probe.revocation.RevocationResult;

/**
 * The CONNECT request sent to the proxy and the revocation check, for the text, Markdown and HTML
 * reports: the same facts in each (the JSON has them as fields).
 */
final class RevocationSection {
    private RevocationSection() {
    }

    /** One line per certificate checked. */
    static List<String> certificateLines(RevocationResult r) {
        List<String> lines = new ArrayList<>();
        for (CertificateRevocation c : r.certificates()) {
            StringBuilder line = new StringBuilder();
            line.append(c.position() == 0 ? "server certificate" : "chain certificate " + c.position())
                    .append(" (").append(c.subject()).append(", serial ").append(c.serialNumber()).append("): ")
                    .append(c.outcome().title()).append(" [").append(c.outcome().id()).append("]");
            if (!c.detail().isEmpty()) {
                line.append(": ").append(c.detail());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** One line per fetch: what, where, through what, who answered, status, size, time, why it failed. */
    static String fetchLine(RevocationFetch f) {
        StringBuilder line = new StringBuilder();
        line.append(f.kind().toUpperCase(Locale.ROOT)).append(' ').append(f.url()).append(" via ").append(f.via());
        if (f.fromCache()) {
            line.append(", from this run's cache");
        }
        line.append(": ");
        if (f.httpStatus() > 0) {
            line.append("HTTP ").append(f.httpStatus()).append(", ");
        }
        if (f.bytes() > 0) {
            line.append(f.bytes()).append(" bytes, ");
        }
        if (f.startMillis() >= 0 && !f.fromCache()) {
            line.append(TextReport.millis(f.durationMillis())).append(", ");
        }
        line.append("answered by ").append(f.answeredBy().phrase());
        line.append(f.usable() ? " - usable" : " - " + f.problem() + ": " + f.detail());
        return line.toString();
    }

    static String summary(RevocationResult r) {
        String code = RevocationChecker.windowsCode(r.outcome());
        return r.outcome().title() + " [" + r.outcome().id() + "]" + (code.isEmpty() ? "" : ", Windows: " + code);
    }

    static void text(StringBuilder out, ProbeReport report) {
        if (!report.connectHead().isEmpty()) {
            out.append("\nCONNECT request sent to the proxy\n");
            report.connectHead().lines().forEach(l -> out.append("  ").append(l).append('\n'));
        }
        RevocationResult r = report.revocation();
        if (r == null) {
            return;
        }
        out.append("\nRevocation (").append(r.path()).append(")\n");
        out.append("  ").append(summary(r)).append('\n');
        certificateLines(r).forEach(l -> out.append("  ").append(l).append('\n'));
        r.fetches().forEach(f -> out.append("    ").append(fetchLine(f)).append('\n'));
    }

    static void markdown(StringBuilder out, ProbeReport report) {
        if (!report.connectHead().isEmpty()) {
            out.append("## CONNECT request sent to the proxy\n\n").append(MarkdownReport.fenced(report.connectHead()))
                    .append('\n');
        }
        RevocationResult r = report.revocation();
        if (r == null) {
            return;
        }
        out.append("## Revocation\n\n");
        out.append("- **Result:** ").append(MarkdownReport.text(summary(r))).append('\n');
        out.append("- **Path:** ").append(MarkdownReport.peer(r.path())).append('\n');
        for (String line : certificateLines(r)) {
            out.append("- ").append(MarkdownReport.peer(line)).append('\n');
        }
        for (RevocationFetch f : r.fetches()) {
            out.append("  - ").append(MarkdownReport.peer(fetchLine(f))).append('\n');
        }
        out.append('\n');
    }

    static void html(StringBuilder out, ProbeReport report) {
        if (!report.connectHead().isEmpty()) {
            out.append("<h2>CONNECT request sent to the proxy</h2>\n<pre>").append(HtmlReport.esc(report.connectHead()))
                    .append("</pre>\n");
        }
        RevocationResult r = report.revocation();
        if (r == null) {
            return;
        }
        out.append("<h2>Revocation</h2>\n<p>").append(HtmlReport.esc(summary(r))).append("<br>")
                .append(HtmlReport.esc(r.path())).append("</p>\n<ul>\n");
        for (String line : certificateLines(r)) {
            out.append("<li>").append(HtmlReport.esc(line)).append("</li>\n");
        }
        out.append("</ul>\n<ul class=\"fetches\">\n");
        for (RevocationFetch f : r.fetches()) {
            out.append("<li><code>").append(HtmlReport.esc(fetchLine(f))).append("</code></li>\n");
        }
        out.append("</ul>\n");
    }
}
