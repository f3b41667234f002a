package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.List;
import java.util.Locale;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.report.ReportOutline.Block;
import org.sstpdoctor.report.ReportOutline.Bullets;
import org.sstpdoctor.report.ReportOutline.Fact;
import org.sstpdoctor.report.ReportOutline.Facts;
import org.sstpdoctor.report.ReportOutline.Line;
import org.sstpdoctor.report.ReportOutline.Paragraph;
import org.sstpdoctor.report.ReportOutline.Preformatted;
import org.sstpdoctor.report.ReportOutline.Row;
import org.sstpdoctor.report.ReportOutline.Section;
import org.sstpdoctor.report.ReportOutline.Span;
import org.sstpdoctor.report.ReportOutline.StageRow;
import org.sstpdoctor.report.ReportOutline.Stages;
import org.sstpdoctor.report.ReportOutline.Table;

/**
 * The report as one self-contained HTML5 page: inline CSS, no scripts, no external resources, so it
 * can be mailed or attached to a ticket and opened anywhere. Everything that came from the network
 * (headers, reason phrases, certificate fields, details) is HTML-escaped, and a Content-Security-Policy
 * forbids scripts and remote loads should anything slip through.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    private static final String CSS = """
            body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;\
            padding:0 1em;color:#1b1f23;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #d0d7de}
            h3{font-size:1.05em}
            .verdict{display:inline-block;padding:.2em .7em;border-radius:4px;color:#fff;font-weight:bold}
            .pass{background:#1a7f37}.warn{background:#9a6700}.fail{background:#cf222e}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}
            dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
            table{border-collapse:collapse;margin:.5em 0;width:100%;font-size:.92em}
            th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top;word-break:break-word}
            th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}
            code,pre{font-family:ui-monospace,Consolas,"Liberation Mono",monospace;font-size:.9em}
            pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap}
            .wf{position:relative;height:1.1em;background:#f6f8fa;min-width:200px}
            .bar{position:absolute;top:0;height:100%;border-radius:2px}
            .s-passed{background:#2da44e}.s-warned{background:#d4a72c}.s-failed{background:#cf222e}
            .s-skipped,.s-not_reached{background:#afb8c1}
            .muted{color:#57606a}
            """;

    public static String render(ProbeReport r, Resolution resolution) {
        return render(ReportOutline.of(r, resolution));
    }

    public static String render(ReportOutline outline) {
        StringBuilder out = new StringBuilder(16_384);
        ReportOutline.Headline head = outline.headline();
        String title = "SSTP Doctor: " + head.verdictTitle() + " - " + head.target();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                // No script may run and nothing may be fetched, even if an escaping bug let markup through.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>SSTP Doctor report: ").append(esc(head.target())).append("</h1>\n");
        facts(out, outline.facts());
        for (Section s : outline.sections()) {
            out.append("<h").append(s.level()).append('>').append(esc(s.title())).append("</h").append(s.level()).append(">\n");
            for (Block b : s.blocks()) {
                block(out, b);
            }
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Facts f) {
            facts(out, f.facts());
        } else if (block instanceof Paragraph p) {
            out.append("<p>").append(inline(p.line())).append("</p>\n");
        } else if (block instanceof Bullets b) {
            String list = b.numbered() ? "ol" : "ul";
            out.append('<').append(list).append(">\n");
            b.items().forEach(i -> out.append("<li>").append(inline(i)).append("</li>\n"));
            out.append("</").append(list).append(">\n");
        } else if (block instanceof Table t) {
            table(out, t);
        } else if (block instanceof Stages s) {
            stages(out, s);
        } else if (block instanceof Preformatted p) {
            out.append("<pre>").append(esc(p.text())).append("</pre>\n");
        }
    }

    private static void facts(StringBuilder out, List<Fact> facts) {
        out.append("<dl class=\"facts\">\n");
        facts.forEach(f -> out.append("<dt>").append(esc(f.label())).append("</dt><dd>").append(inline(f.value()))
                .append("</dd>\n"));
        out.append("</dl>\n");
    }

    private static void table(StringBuilder out, Table t) {
        out.append("<table>\n<thead><tr>");
        t.columns().forEach(c -> out.append("<th>").append(esc(c.name())).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (Row r : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < r.cells().size(); i++) {
                out.append(t.columns().get(i).numeric() ? "<td class=\"num\">" : "<td>").append(inline(r.cells().get(i)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void stages(StringBuilder out, Stages stages) {
        // The scale is the whole probe; a stage that outlasted the recorded total still fits.
        double total = stages.totalMillis();
        for (StageRow s : stages.rows()) {
            if (s.timed()) {
                total = Math.max(total, s.startMillis() + s.durationMillis());
            }
        }
        out.append("<table>\n<thead><tr><th>Stage</th><th>Status</th><th>Start ms</th><th>Duration ms</th>")
                .append("<th>Timeline</th><th>Detail</th></tr></thead>\n<tbody>\n");
        for (StageRow s : stages.rows()) {
            out.append("<tr><td>").append(esc(s.title())).append("</td><td>").append(esc(statusLabel(s.status())))
                    .append("</td><td class=\"num\">").append(s.timed() ? number(s.startMillis()) : "")
                    .append("</td><td class=\"num\">").append(s.timed() ? number(s.durationMillis()) : "")
                    .append("</td><td><div class=\"wf\">");
            if (s.timed() && total > 0) {
                double left = clamp(s.startMillis() / total * 100.0);
                // A very short stage still gets a visible sliver.
                double width = Math.max(0.4, Math.min(100.0 - left, s.durationMillis() / total * 100.0));
                left = Math.min(left, 100.0 - width); // the sliver of a stage that ends the probe stays inside the track
                out.append("<div class=\"bar s-").append(s.status().id()).append("\" style=\"left:")
                        .append(percent(left)).append("%;width:").append(percent(width)).append("%\" title=\"")
                        .append(esc(s.title() + ": " + number(s.durationMillis()) + " ms")).append("\"></div>");
            }
            out.append("</div></td><td>").append(esc(s.detail())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"muted\">Total: ").append(esc(TextReport.millis(stages.totalMillis())))
                .append("</p>\n");
    }

    /** A line as HTML, each span escaped; identifiers and literals as code, a verdict as its badge. */
    private static String inline(Line line) {
        StringBuilder out = new StringBuilder();
        for (Span s : line.spans()) {
            out.append(switch (s.style()) {
                case PLAIN, PEER -> esc(s.text());
                case CODE, ID, QUOTED -> "<code>" + esc(s.text()) + "</code>";
                case LINK -> link(s.text(), s.ref());
                case VERDICT -> "<span class=\"verdict " + esc(s.ref()) + "\">" + esc(s.text()) + "</span>";
            });
        }
        return out.toString();
    }

    private static String statusLabel(StageStatus s) {
        return s.id().replace('_', ' ');
    }

    private static String link(String title, String url) {
        if (url == null || !url.matches("(?i)https?://\\S+")) {
            // Only web addresses become links: "javascript:" and friends stay inert text.
            return esc(title) + (url == null || url.isBlank() ? "" : ": " + esc(url));
        }
        return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(title) + "</a>";
    }

    private static String number(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(100, p));
    }

    /**
     * Escapes for element content and quoted attribute values alike; control characters (which a
     * hostile peer may send and which are not allowed in HTML) are made visible as \\uXXXX.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        // Second guard: control, format and bidi characters made visible, as everywhere else.
        String v = PeerText.lines(s);
        StringBuilder b = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n', '\t' -> b.append(c);
                case '\r' -> b.append(' ');
                default -> b.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
