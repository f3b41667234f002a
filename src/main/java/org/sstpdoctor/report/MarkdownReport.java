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
import org.sstpdoctor.probe.TlsInfo;
import org.sstpdoctor.probe.Verdict;

/**
 * The report as Markdown for a ticket: verdict in the title, the knowledge base's advice, then the
 * evidence as tables. Every value that came from the network or from a file is escaped, so a
 * hostile server cannot inject links, images or raw HTML into the ticket system.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ProbeReport r, Resolution resolution) {
        StringBuilder out = new StringBuilder();
        out.append("# SSTP Doctor: ").append(verdictTitle(r.verdict())).append(" - ").append(text(target(r))).append("\n\n");
        field(out, "Verdict", text(TextReport.verdictLine(r.verdict())));
        field(out, "Server", code(r.target().sstpUrl().isEmpty() ? r.target().typed() : r.target().sstpUrl()));
        if (!r.target().typed().isEmpty()) {
            field(out, "Typed", code(r.target().typed()));
        }
        field(out, "Proxy", text(TextReport.proxyLine(r)));
        field(out, "Outcome", text(r.outcome().title()) + " " + code(r.outcome().id()));
        field(out, "Answered by", text(r.answeredBy().phrase()));
        if (r.httpResponse() != null) {
            field(out, "HTTP status", httpStatus(r.httpResponse()));
        }
        if (!r.detail().isEmpty()) {
            field(out, "Detail", peer(r.detail()));
        }
        field(out, "Tested", text(TextReport.localTime(r.startedAt())) + " with SSTP Doctor " + text(r.toolVersion()));
        field(out, "Total time", text(TextReport.millis(r.totalMillis())));
        out.append('\n');

        if (r.beyondCertificate() != null) {
            Finding b = r.beyondCertificate();
            out.append("**Past the certificate:** ").append(text(b.outcome().title())).append(" (").append(peer(b.detail()))
                    .append(")");
            if (b.verdict() == Verdict.PASS) {
                out.append(" - the certificate is the only problem found.");
            }
            out.append("\n\n");
        }

        appendResolution(out, resolution);

        if (r.findings().size() > 1) {
            out.append("## All findings\n\n");
            for (Finding f : r.findings()) {
                out.append("- ").append(text(f.outcome().title())).append(' ').append(code(f.outcome().id()));
                if (!f.detail().isEmpty()) {
                    out.append(": ").append(peer(f.detail()));
                }
                out.append('\n');
            }
            out.append('\n');
        }

        out.append(InsightsSections.markdown(r.insights()));
        appendStages(out, r);
        appendProxyReplies(out, r.proxyReplies(), "##");
        appendHttp(out, r.httpResponse());
        appendTls(out, r.tls());
        RevocationSection.markdown(out, r);
        if (r.sstp() != null) {
            out.append("## SSTP exchange\n\n");
            field(out, "Sent", "CALL_CONNECT_REQUEST " + code(r.sstp().requestHex()));
            field(out, "Received", r.sstp().answerDescription().isEmpty() ? "nothing" : peer(r.sstp().answerDescription()));
            if (!r.sstp().ending().isEmpty()) {
                field(out, "Ending", text(r.sstp().ending()));
            }
            out.append('\n');
        }
        if (!r.resolvedAddresses().isEmpty() || !r.connectAttempts().isEmpty()) {
            out.append("## Network\n\n");
            if (!r.resolvedAddresses().isEmpty()) {
                field(out, "Resolved to", text(String.join(", ", r.resolvedAddresses())));
                out.append('\n');
            }
            for (String attempt : r.connectAttempts()) {
                out.append("- ").append(paragraph(attempt)).append('\n');
            }
            out.append('\n');
        }
        if (!r.notes().isEmpty()) {
            out.append("## Notes\n\n");
            r.notes().forEach(n -> out.append("- ").append(paragraph(peer(n), false)).append('\n'));
            out.append('\n');
        }
        if (r.authenticatedRetry() != null) {
            appendRetry(out, r.authenticatedRetry());
        }
        return PeerText.lines(out.toString()); // second guard: nothing invisible reaches a ticket raw
    }

    private static void appendResolution(StringBuilder out, Resolution resolution) {
        if (resolution == null || resolution.entries().isEmpty()) {
            return;
        }
        KbEntry primary = resolution.entries().get(0);
        out.append("## What this means\n\n");
        out.append("**").append(text(primary.title())).append("** ").append(code(primary.id())).append("\n\n");
        out.append(paragraph(primary.endUser().explanation())).append("\n\n");
        if (!primary.endUser().actions().isEmpty()) {
            out.append("### What you can do\n\n");
            primary.endUser().actions().forEach(a -> out.append("- ").append(paragraph(a)).append('\n'));
            out.append('\n');
        }
        out.append("### For the helpdesk");
        if (resolution.site() != null) {
            out.append(" (").append(text(resolution.site())).append(')');
        }
        out.append("\n\n");
        int n = 1;
        for (String step : primary.helpdesk().steps()) {
            out.append(n++).append(". ").append(paragraph(step)).append('\n');
        }
        if (!primary.helpdesk().steps().isEmpty()) {
            out.append('\n');
        }
        if (!primary.helpdesk().contact().isBlank()) {
            out.append("**Contact:** ").append(text(primary.helpdesk().contact())).append("\n\n");
        }
        List<KbEntry> more = resolution.entries().subList(1, resolution.entries().size());
        if (!more.isEmpty()) {
            out.append("### See also\n\n");
            for (KbEntry e : more) {
                out.append("- **").append(text(e.title())).append("** ").append(code(e.id())).append(": ")
                        .append(text(e.summary())).append('\n');
            }
            out.append('\n');
        }
        if (!primary.references().isEmpty()) {
            out.append("### References\n\n");
            for (Reference ref : primary.references()) {
                out.append("- ").append(link(ref.title(), ref.url())).append('\n');
            }
            out.append('\n');
        }
    }

    private static void appendStages(StringBuilder out, ProbeReport r) {
        out.append("## Stages\n\n");
        out.append("| Stage | Status | Start ms | Duration ms | Detail |\n");
        out.append("|---|---|---:|---:|---|\n");
        for (StageResult s : r.stages()) {
            boolean timed = s.started() && s.durationMillis() >= 0;
            out.append("| ").append(cell(s.stage().title()))
                    .append(" | ").append(cell(s.status().id().replace('_', ' ')))
                    .append(" | ").append(timed ? number(s.startMillis()) : "")
                    .append(" | ").append(timed ? number(s.durationMillis()) : "")
                    .append(" | ").append(peer(s.detail()))
                    .append(" |\n");
        }
        out.append("\nTotal: ").append(text(TextReport.millis(r.totalMillis()))).append("\n\n");
    }

    private static void appendProxyReplies(StringBuilder out, List<ProxyReply> replies, String heading) {
        if (replies.isEmpty()) {
            return;
        }
        out.append(heading).append(" Proxy replies\n\n");
        out.append("| CONNECT to | Credentials sent | Answer | Sign-in offered | Product hints |\n");
        out.append("|---|---|---|---|---|\n");
        for (ProxyReply p : replies) {
            StringBuilder hints = new StringBuilder();
            for (Header h : p.reply().productHints()) {
                if (!hints.isEmpty()) {
                    hints.append("; ");
                }
                hints.append(h.name()).append(": ").append(h.value());
            }
            out.append("| ").append(peer(p.connectTarget()))
                    .append(" | ").append(p.credentialsSent() ? "yes" : "no")
                    .append(" | ").append(peer(p.reply().statusLine()))
                    .append(" | ").append(peer(String.join(", ", p.authSchemes())))
                    .append(" | ").append(peer(hints.toString()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static void appendHttp(StringBuilder out, HttpReply h) {
        if (h == null) {
            return;
        }
        out.append("## Server's HTTP answer\n\n");
        // Escaped text, not a code span: some ticket systems do not honour code spans, and the line is the server's.
        out.append("Status line: ").append(peer(h.statusLine())).append("\n\n");
        if (!h.headers().isEmpty()) {
            out.append("| Header | Value |\n|---|---|\n");
            for (Header header : h.headers()) {
                out.append("| ").append(peer(header.name())).append(" | ").append(peer(header.value())).append(" |\n");
            }
            out.append('\n');
        }
        if (h.headersOmitted() > 0) {
            out.append('(').append(h.headersOmitted()).append(" more headers not shown)\n\n");
        }
        if (!h.bodyExcerpt().isBlank()) {
            out.append("Start of the page the server sent:\n\n").append(fenced(h.bodyExcerpt())).append('\n');
        }
    }

    private static void appendTls(StringBuilder out, TlsInfo t) {
        if (t == null || t.chain().isEmpty() && t.protocol().isEmpty()) {
            return;
        }
        out.append("## Secure connection\n\n");
        if (!t.protocol().isEmpty()) {
            field(out, "Protocol", text(t.protocol()) + ", " + text(t.cipherSuite()));
        }
        field(out, "Trusted", t.trusted() ? "yes" : "no" + (t.trustDetail().isEmpty() ? "" : " (" + peer(t.trustDetail()) + ")"));
        field(out, "Name matches", t.nameMatches() ? "yes" : "no");
        out.append('\n');
        if (!t.findings().isEmpty()) {
            for (Finding f : t.findings()) {
                out.append("- ").append(text(f.outcome().title())).append(' ').append(code(f.outcome().id()));
                if (!f.detail().isEmpty()) {
                    out.append(": ").append(peer(f.detail()));
                }
                out.append('\n');
            }
            out.append('\n');
        }
        if (!t.chain().isEmpty()) {
            out.append("### Certificate chain\n\n");
            out.append("| # | Subject | Issuer | Valid from | Valid to | Names (SAN) | Key | SHA-256 fingerprint |\n");
            out.append("|---:|---|---|---|---|---|---|---|\n");
            int i = 0;
            for (CertificateInfo c : t.chain()) {
                out.append("| ").append(i++)
                        .append(" | ").append(peer(c.subject()))
                        .append(" | ").append(peer(c.issuer()))
                        .append(" | ").append(cell(String.valueOf(c.notBefore())))
                        .append(" | ").append(cell(String.valueOf(c.notAfter())))
                        .append(" | ").append(peer(String.join(", ", c.subjectAltNames())))
                        .append(" | ").append(cell(c.keyAlgorithm() + " " + c.keyBits() + " bits, " + c.signatureAlgorithm()))
                        .append(" | ").append(cell(c.sha256Fingerprint()))
                        .append(" |\n");
            }
            out.append('\n');
        }
    }

    private static void appendRetry(StringBuilder out, ProbeReport retry) {
        out.append("## With the proxy credentials\n\n");
        out.append("Windows' SSTP client cannot sign in to a web proxy; this second attempt shows what lies beyond it.\n\n");
        field(out, "Verdict", text(TextReport.verdictLine(retry.verdict())));
        field(out, "Outcome", text(retry.outcome().title()) + " " + code(retry.outcome().id()));
        field(out, "Answered by", text(retry.answeredBy().phrase()));
        if (retry.httpResponse() != null) {
            field(out, "HTTP status", httpStatus(retry.httpResponse()));
        }
        if (!retry.detail().isEmpty()) {
            field(out, "Detail", peer(retry.detail()));
        }
        out.append('\n');
        appendProxyReplies(out, retry.proxyReplies(), "###");
    }

    private static String httpStatus(HttpReply h) {
        return h.code() + (h.reason().isEmpty() ? " (no reason phrase)" : " " + peer(h.reason()));
    }

    static String target(ProbeReport r) {
        String host = r.target().displayHost().isEmpty() ? r.target().typed() : r.target().displayHost();
        return r.target().port() == 443 || r.target().port() == 0 ? host : host + ":" + r.target().port();
    }

    static String verdictTitle(Verdict v) {
        return switch (v) {
            case PASS -> "REACHABLE";
            case WARN -> "REACHABLE WITH WARNINGS";
            case FAIL -> "NOT REACHABLE";
        };
    }

    private static void field(StringBuilder out, String name, String markdownValue) {
        // Two trailing spaces: a hard line break, so the fields stay on separate lines in every renderer.
        out.append("**").append(name).append(":** ").append(markdownValue).append("  \n");
    }

    private static String number(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    /**
     * Inline text with every character that Markdown (CommonMark and GitHub's tables) gives a meaning
     * backslash-escaped; line breaks become spaces so a value cannot start a heading or a list.
     */
    static String text(String s) {
        return escape(s, false);
    }

    /**
     * Text a peer chose (a reason phrase, a header, a certificate name, a detail quoting them): also
     * escapes ':', '.' and '@', so that GitHub-style renderers do not turn a server-chosen
     * "www.evil.example", "https://…" or "name@host" into a link inside a ticket.
     */
    static String peer(String s) {
        return escape(s, true);
    }

    private static String escape(String raw, boolean peer) {
        if (raw == null) {
            return "";
        }
        // Line breaks become spaces (a value cannot start a heading); every other invisible character is shown.
        String s = PeerText.line(raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&' -> {
                    b.append('\\').append(c);
                }
                case ':', '.', '@' -> {
                    if (peer) {
                        b.append('\\');
                    }
                    b.append(c);
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Text that begins a line (a paragraph, a list item's body): besides {@link #text}, a leading
     * "# ", "- ", "+ ", "1. " or a run of '=' or '-' would make it a heading, a list or an underline,
     * so its first character is escaped.
     */
    static String paragraph(String s) {
        return paragraph(s, true);
    }

    /** {@link #paragraph(String)} of text that is already escaped when {@code escape} is false. */
    static String paragraph(String s, boolean escape) {
        String t = (escape ? text(s) : s).stripLeading();
        if (t.matches("^(#{1,6}(\\s|$)|[-+=](\\s|$)|[-=]+\\s*$|\\d{1,9}[.)](\\s|$)).*")) {
            int i = t.matches("^\\d.*") ? t.replaceFirst("^(\\d+).*", "$1").length() : 0;
            return t.substring(0, i) + "\\" + t.substring(i);
        }
        return t;
    }

    /** A table cell: escaped text (pipes included, so a value cannot add columns). */
    static String cell(String s) {
        return text(s);
    }

    /**
     * Inline code, for ids and status lines. A code span cannot contain its own delimiter run, so the
     * delimiter is one backtick longer than the longest run inside; pipes still end a table cell in
     * GitHub's tables even in code, so this is used outside tables only.
     */
    static String code(String s) {
        String v = s == null ? "" : s.replaceAll("[\\r\\n\\t]", " ").replaceAll("[\\x00-\\x1f\\x7f]", "?");
        if (v.isEmpty()) {
            return "";
        }
        String fence = "`".repeat(longestRun(v, '`') + 1);
        String pad = v.startsWith("`") || v.endsWith("`") ? " " : "";
        return fence + pad + v + pad + fence;
    }

    /** A fenced block whose fence is longer than any backtick run in the content. */
    static String fenced(String s) {
        String v = s.replace("\r\n", "\n").replace('\r', '\n');
        String fence = "`".repeat(Math.max(3, longestRun(v, '`') + 1));
        return fence + "text\n" + v + (v.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    /** A link only for http(s) addresses, with the characters that would end the address percent-encoded. */
    static String link(String title, String url) {
        if (url == null || !url.matches("(?i)https?://\\S+")) {
            return text(title) + (url == null || url.isBlank() ? "" : ": " + text(url));
        }
        StringBuilder safe = new StringBuilder();
        for (char c : url.toCharArray()) {
            switch (c) {
                case '(' -> safe.append("%28");
                case ')' -> safe.append("%29");
                case '<' -> safe.append("%3C");
                case '>' -> safe.append("%3E");
                case ' ' -> safe.append("%20");
                case '"' -> safe.append("%22");
                case '\\' -> safe.append("%5C");
                default -> safe.append(c);
            }
        }
        return "[" + text(title) + "](" + safe + ")";
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
