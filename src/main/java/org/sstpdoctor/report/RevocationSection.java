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

    /** The CONNECT head sent to the proxy, and the revocation check, as outline sections. */
    static List<ReportOutline.Section> sections(ProbeReport report) {
        List<ReportOutline.Section> out = new ArrayList<>();
        if (!report.connectHead().isEmpty()) {
            out.add(new ReportOutline.Section(2, "CONNECT request sent to the proxy",
                    List.of(new ReportOutline.Preformatted(report.connectHead()))));
        }
        RevocationResult r = report.revocation();
        if (r == null) {
            return out;
        }
        List<ReportOutline.Block> blocks = new ArrayList<>();
        blocks.add(new ReportOutline.Facts(List.of(new ReportOutline.Fact("Result", ReportOutline.Line.plain(summary(r))))));
        if (!r.certificates().isEmpty()) {
            blocks.add(new ReportOutline.Bullets(certificateLines(r).stream().map(ReportOutline.Line::peer).toList(), false));
        }
        if (!r.fetches().isEmpty()) {
            blocks.add(new ReportOutline.Bullets(r.fetches().stream().map(f -> ReportOutline.Line.quoted(fetchLine(f)))
                    .toList(), false));
        }
        out.add(new ReportOutline.Section(2, "Revocation (" + r.path() + ")", blocks));
        return out;
    }
}
