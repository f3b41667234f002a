package org.sstpdoctor.exporter;

import static org.sstpdoctor.exporter.HttpReplies.escapeHtml;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sstpdoctor.probe.Version;

/** {@code GET /}: what the exporter is configured to do and the last probes, each linked to its full report. */
final class StatusPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private StatusPage() {
    }

    static String render(ExporterConfig config, RecentProbes recent, String reloadProblem, ZoneId zone) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SSTP Doctor exporter</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:1.5em;color:#1b1b1b}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}")
                .append(".pass{color:#0a6b2a}.warn{color:#8a5a00}.fail{color:#a4161a;font-weight:bold}</style></head><body>")
                .append("<h1>SSTP Doctor exporter</h1><p>Version ").append(escapeHtml(Version.current()))
                .append(". <a href=\"metrics\">Exporter metrics</a>. Probe with <code>/probe?target=HOST:PORT&amp;module=NAME</code>.</p>");
        if (reloadProblem != null) {
            b.append("<p class=\"fail\">The last reload failed; the previous configuration is still in use: ")
                    .append(escapeHtml(reloadProblem)).append("</p>");
        }
        b.append("<h2>Configuration</h2><p>From ").append(config.source() == null ? "the built-in default"
                : escapeHtml(config.source().toString())).append(". Allowed targets: ")
                .append(escapeHtml(config.policy().toString())).append(". At most ").append(config.maxConcurrentProbes())
                .append(" probes at once.</p><table><tr><th>module</th><th>proxy</th><th>trusted CA files</th><th>timeout</th><th>checks</th><th>sign-in</th></tr>");
        for (ModuleConfig m : config.modules().values()) {
            b.append("<tr><td>").append(escapeHtml(m.name())).append("</td><td>").append(escapeHtml(m.proxyText()))
                    .append("</td><td>").append(m.trustCa().isEmpty() ? "system's" : escapeHtml(m.trustCa().toString()))
                    .append("</td><td>").append(m.timeout().toMillis()).append(" ms</td><td>")
                    .append(checks(m)).append("</td><td>").append(m.signIn() == null ? "off"
                            : escapeHtml(m.signIn().account() + " (password from " + m.signIn().passwordSource() + ")"))
                    .append("</td></tr>");
        }
        b.append("</table><h2>Recent probes</h2>");
        if (recent.size() == 0) {
            b.append("<p>None yet.</p>");
        } else {
            b.append("<table><tr><th>time</th><th>module</th><th>target</th><th>verdict</th><th>outcome</th>")
                    .append("<th>seconds</th><th>report</th></tr>");
            for (RecentProbes.Entry e : recent.newestFirst()) {
                String verdict = e.report().verdict().name().toLowerCase(Locale.ROOT);
                b.append("<tr><td>").append(escapeHtml(TIME.format(e.at().atZone(zone)))).append("</td><td>")
                        .append(escapeHtml(e.module())).append("</td><td>").append(escapeHtml(e.target()))
                        .append("</td><td class=\"").append(verdict).append("\">").append(verdict).append("</td><td>")
                        .append(escapeHtml(e.report().outcome().id())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.3f", e.seconds())).append("</td><td><a href=\"report?id=")
                        .append(e.id()).append("\">full report</a></td></tr>");
            }
            b.append("</table>");
        }
        b.append("</body></html>");
        return b.toString();
    }

    private static String checks(ModuleConfig m) {
        String expected = m.expectedCertificate().isEmpty() ? "" : ", expected certificate";
        return "Windows " + (m.windowsCheck() ? "on" : "off") + ", revocation " + (m.revocationCheck() ? "on" : "off")
                + expected;
    }
}
