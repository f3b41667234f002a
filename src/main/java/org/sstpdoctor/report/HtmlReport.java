package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.List;
import java.util.Locale;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Reference;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.probe.TlsInfo;
import org.sstpdoctor.probe.Verdict;

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
        StringBuilder out = new StringBuilder(16_384);
        String title = "SSTP Doctor: " + MarkdownReport.verdictTitle(r.verdict()) + " - " + MarkdownReport.target(r);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                // No script may run and nothing may be fetched, even if an escaping bug let markup through.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>SSTP Doctor report: ").append(esc(MarkdownReport.target(r))).append("</h1>\n");
        out.append("<p><span class=\"verdict ").append(verdictClass(r.verdict())).append("\">")
                .append(esc(TextReport.verdictLine(r.verdict()))).append("</span></p>\n");

        out.append("<dl class=\"facts\">\n");
        fact(out, "Server", "<code>" + esc(r.target().sstpUrl().isEmpty() ? r.target().typed() : r.target().sstpUrl()) + "</code>");
        if (!r.target().typed().isEmpty()) {
            fact(out, "Typed", "<code>" + esc(r.target().typed()) + "</code>");
        }
        fact(out, "Proxy", esc(TextReport.proxyLine(r)));
        fact(out, "Outcome", esc(r.outcome().title()) + " <code>" + esc(r.outcome().id()) + "</code>");
        fact(out, "Answered by", esc(r.answeredBy().phrase()));
        if (r.httpResponse() != null) {
            fact(out, "HTTP status", httpStatus(r.httpResponse()));
        }
        if (!r.detail().isEmpty()) {
            fact(out, "Detail", esc(r.detail()));
        }
        fact(out, "Tested", esc(TextReport.localTime(r.startedAt())) + " with SSTP Doctor " + esc(r.toolVersion()));
        fact(out, "Total time", esc(TextReport.millis(r.totalMillis())));
        out.append("</dl>\n");

        if (r.beyondCertificate() != null) {
            Finding b = r.beyondCertificate();
            out.append("<p><strong>Past the certificate:</strong> ").append(esc(b.outcome().title())).append(" (")
                    .append(esc(b.detail())).append(')');
            if (b.verdict() == Verdict.PASS) {
                out.append(" &ndash; the certificate is the only problem found.");
            }
            out.append("</p>\n");
        }

        appendResolution(out, resolution);

        if (r.findings().size() > 1) {
            out.append("<h2>All findings</h2>\n<ul>\n");
            for (Finding f : r.findings()) {
                out.append("<li>").append(esc(f.outcome().title())).append(" <code>").append(esc(f.outcome().id())).append("</code>");
                if (!f.detail().isEmpty()) {
                    out.append(": ").append(esc(f.detail()));
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }

        out.append(InsightsSections.html(r.insights()));
        appendStages(out, r);
        appendProxyReplies(out, r.proxyReplies(), "h2");
        appendHttp(out, r.httpResponse());
        appendTls(out, r.tls());
        RevocationSection.html(out, r);
        if (r.sstp() != null) {
            out.append("<h2>SSTP exchange</h2>\n<dl class=\"facts\">\n");
            fact(out, "Sent", "CALL_CONNECT_REQUEST <code>" + esc(r.sstp().requestHex()) + "</code>");
            fact(out, "Received", r.sstp().answerDescription().isEmpty() ? "nothing" : esc(r.sstp().answerDescription()));
            if (!r.sstp().ending().isEmpty()) {
                fact(out, "Ending", esc(r.sstp().ending()));
            }
            out.append("</dl>\n");
        }
        if (!r.resolvedAddresses().isEmpty() || !r.connectAttempts().isEmpty()) {
            out.append("<h2>Network</h2>\n");
            if (!r.resolvedAddresses().isEmpty()) {
                out.append("<p>Resolved to: ").append(esc(String.join(", ", r.resolvedAddresses()))).append("</p>\n");
            }
            list(out, r.connectAttempts());
        }
        if (!r.notes().isEmpty()) {
            out.append("<h2>Notes</h2>\n");
            list(out, r.notes());
        }
        if (r.authenticatedRetry() != null) {
            appendRetry(out, r.authenticatedRetry());
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void appendResolution(StringBuilder out, Resolution resolution) {
        if (resolution == null || resolution.entries().isEmpty()) {
            return;
        }
        KbEntry primary = resolution.entries().get(0);
        out.append("<h2>What this means</h2>\n");
        out.append("<p><strong>").append(esc(primary.title())).append("</strong> <code>").append(esc(primary.id()))
                .append("</code></p>\n");
        out.append("<p>").append(esc(primary.endUser().explanation())).append("</p>\n");
        if (!primary.endUser().actions().isEmpty()) {
            out.append("<h3>What you can do</h3>\n");
            list(out, primary.endUser().actions());
        }
        out.append("<h3>For the helpdesk");
        if (resolution.site() != null) {
            out.append(" (").append(esc(resolution.site())).append(')');
        }
        out.append("</h3>\n");
        if (!primary.helpdesk().steps().isEmpty()) {
            out.append("<ol>\n");
            primary.helpdesk().steps().forEach(s -> out.append("<li>").append(esc(s)).append("</li>\n"));
            out.append("</ol>\n");
        }
        if (!primary.helpdesk().contact().isBlank()) {
            out.append("<p><strong>Contact:</strong> ").append(esc(primary.helpdesk().contact())).append("</p>\n");
        }
        List<KbEntry> more = resolution.entries().subList(1, resolution.entries().size());
        if (!more.isEmpty()) {
            out.append("<h3>See also</h3>\n<ul>\n");
            for (KbEntry e : more) {
                out.append("<li><strong>").append(esc(e.title())).append("</strong> <code>").append(esc(e.id()))
                        .append("</code>: ").append(esc(e.summary())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!primary.references().isEmpty()) {
            out.append("<h3>References</h3>\n<ul>\n");
            for (Reference ref : primary.references()) {
                out.append("<li>").append(link(ref.title(), ref.url())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private static void appendStages(StringBuilder out, ProbeReport r) {
        // The scale is the whole probe; a stage that outlasted the recorded total still fits.
        double total = r.totalMillis();
        for (StageResult s : r.stages()) {
            if (s.started() && s.durationMillis() >= 0) {
                total = Math.max(total, s.startMillis() + s.durationMillis());
            }
        }
        out.append("<h2>Stages</h2>\n<table>\n<thead><tr><th>Stage</th><th>Status</th><th>Start ms</th><th>Duration ms</th>")
                .append("<th>Timeline</th><th>Detail</th></tr></thead>\n<tbody>\n");
        for (StageResult s : r.stages()) {
            boolean timed = s.started() && s.durationMillis() >= 0;
            out.append("<tr><td>").append(esc(s.stage().title())).append("</td><td>").append(esc(statusLabel(s.status())))
                    .append("</td><td class=\"num\">").append(timed ? number(s.startMillis()) : "")
                    .append("</td><td class=\"num\">").append(timed ? number(s.durationMillis()) : "")
                    .append("</td><td><div class=\"wf\">");
            if (timed && total > 0) {
                double left = clamp(s.startMillis() / total * 100.0);
                // A very short stage still gets a visible sliver.
                double width = Math.max(0.4, Math.min(100.0 - left, s.durationMillis() / total * 100.0));
                left = Math.min(left, 100.0 - width); // the sliver of a stage that ends the probe stays inside the track
                out.append("<div class=\"bar s-").append(s.status().id()).append("\" style=\"left:")
                        .append(percent(left)).append("%;width:").append(percent(width)).append("%\" title=\"")
                        .append(esc(s.stage().title() + ": " + number(s.durationMillis()) + " ms")).append("\"></div>");
            }
            out.append("</div></td><td>").append(esc(s.detail())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"muted\">Total: ").append(esc(TextReport.millis(r.totalMillis())))
                .append("</p>\n");
    }

    private static void appendProxyReplies(StringBuilder out, List<ProxyReply> replies, String heading) {
        if (replies.isEmpty()) {
            return;
        }
        out.append('<').append(heading).append(">Proxy replies</").append(heading).append(">\n<table>\n<thead><tr><th>CONNECT to</th><th>Credentials sent</th><th>Answer</th>")
                .append("<th>Sign-in offered</th><th>Product hints</th></tr></thead>\n<tbody>\n");
        for (ProxyReply p : replies) {
            out.append("<tr><td>").append(esc(p.connectTarget())).append("</td><td>").append(p.credentialsSent() ? "yes" : "no")
                    .append("</td><td><code>").append(esc(p.reply().statusLine())).append("</code></td><td>")
                    .append(esc(String.join(", ", p.authSchemes()))).append("</td><td>");
            for (Header h : p.reply().productHints()) {
                out.append(esc(h.name())).append(": ").append(esc(h.value())).append("<br>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void appendHttp(StringBuilder out, HttpReply h) {
        if (h == null) {
            return;
        }
        out.append("<h2>Server's HTTP answer</h2>\n<p><code>").append(esc(h.statusLine())).append("</code></p>\n");
        if (!h.headers().isEmpty()) {
            out.append("<table>\n<thead><tr><th>Header</th><th>Value</th></tr></thead>\n<tbody>\n");
            for (Header header : h.headers()) {
                out.append("<tr><td>").append(esc(header.name())).append("</td><td>").append(esc(header.value()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        if (h.headersOmitted() > 0) {
            out.append("<p class=\"muted\">(").append(h.headersOmitted()).append(" more headers not shown)</p>\n");
        }
        if (!h.bodyExcerpt().isBlank()) {
            out.append("<p>Start of the page the server sent:</p>\n<pre>").append(esc(h.bodyExcerpt())).append("</pre>\n");
        }
    }

    private static void appendTls(StringBuilder out, TlsInfo t) {
        if (t == null || t.chain().isEmpty() && t.protocol().isEmpty()) {
            return;
        }
        out.append("<h2>Secure connection</h2>\n<dl class=\"facts\">\n");
        if (!t.protocol().isEmpty()) {
            fact(out, "Protocol", esc(t.protocol()) + ", " + esc(t.cipherSuite()));
        }
        fact(out, "Trusted", t.trusted() ? "yes" : "no" + (t.trustDetail().isEmpty() ? "" : " (" + esc(t.trustDetail()) + ")"));
        fact(out, "Name matches", t.nameMatches() ? "yes" : "no");
        out.append("</dl>\n");
        if (!t.findings().isEmpty()) {
            out.append("<ul>\n");
            for (Finding f : t.findings()) {
                out.append("<li>").append(esc(f.outcome().title())).append(" <code>").append(esc(f.outcome().id())).append("</code>");
                if (!f.detail().isEmpty()) {
                    out.append(": ").append(esc(f.detail()));
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!t.chain().isEmpty()) {
            out.append("<h3>Certificate chain</h3>\n<table>\n<thead><tr><th>#</th><th>Subject</th><th>Issuer</th>")
                    .append("<th>Valid from</th><th>Valid to</th><th>Names (SAN)</th><th>Key</th><th>SHA-256 fingerprint</th>")
                    .append("</tr></thead>\n<tbody>\n");
            int i = 0;
            for (CertificateInfo c : t.chain()) {
                out.append("<tr><td class=\"num\">").append(i++)
                        .append("</td><td>").append(esc(c.subject()))
                        .append("</td><td>").append(esc(c.issuer()))
                        .append("</td><td>").append(esc(String.valueOf(c.notBefore())))
                        .append("</td><td>").append(esc(String.valueOf(c.notAfter())))
                        .append("</td><td>").append(esc(String.join(", ", c.subjectAltNames())))
                        .append("</td><td>").append(esc(c.keyAlgorithm() + " " + c.keyBits() + " bits, " + c.signatureAlgorithm()))
                        .append("</td><td><code>").append(esc(c.sha256Fingerprint()))
                        .append("</code></td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
    }

    private static void appendRetry(StringBuilder out, ProbeReport retry) {
        out.append("<h2>With the proxy credentials</h2>\n<p>Windows' SSTP client cannot sign in to a web proxy; ")
                .append("this second attempt shows what lies beyond it.</p>\n<dl class=\"facts\">\n");
        fact(out, "Verdict", "<span class=\"verdict " + verdictClass(retry.verdict()) + "\">"
                + esc(TextReport.verdictLine(retry.verdict())) + "</span>");
        fact(out, "Outcome", esc(retry.outcome().title()) + " <code>" + esc(retry.outcome().id()) + "</code>");
        fact(out, "Answered by", esc(retry.answeredBy().phrase()));
        if (retry.httpResponse() != null) {
            fact(out, "HTTP status", httpStatus(retry.httpResponse()));
        }
        if (!retry.detail().isEmpty()) {
            fact(out, "Detail", esc(retry.detail()));
        }
        out.append("</dl>\n");
        appendProxyReplies(out, retry.proxyReplies(), "h3");
    }

    private static String httpStatus(HttpReply h) {
        return h.code() + (h.reason().isEmpty() ? " <span class=\"muted\">(no reason phrase)</span>" : " " + esc(h.reason()));
    }

    private static void fact(StringBuilder out, String name, String html) {
        out.append("<dt>").append(esc(name)).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static void list(StringBuilder out, List<String> items) {
        out.append("<ul>\n");
        items.forEach(i -> out.append("<li>").append(esc(i)).append("</li>\n"));
        out.append("</ul>\n");
    }

    private static String verdictClass(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
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
