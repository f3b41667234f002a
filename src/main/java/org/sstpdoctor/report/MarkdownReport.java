package org.sstpdoctor.report;

import org.sstpdoctor.text.PeerText;

import java.util.Locale;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.ReportOutline.Block;
import org.sstpdoctor.report.ReportOutline.Bullets;
import org.sstpdoctor.report.ReportOutline.Column;
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
 * The report as Markdown for a ticket: the {@link ReportOutline} with the verdict in the title,
 * facts as bold labels, lists and tables. Every value that came from the network or from a file is escaped, so a
 * hostile server cannot inject links, images or raw HTML into the ticket system.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ProbeReport r, Resolution resolution) {
        return render(ReportOutline.of(r, resolution));
    }

    public static String render(ReportOutline outline) {
        StringBuilder out = new StringBuilder();
        out.append("# SSTP Doctor: ").append(outline.headline().verdictTitle()).append(" - ")
                .append(text(outline.headline().target())).append("\n\n");
        outline.facts().forEach(f -> field(out, f.label(), inline(f.value())));
        out.append('\n');
        for (Section s : outline.sections()) {
            out.append("#".repeat(s.level())).append(' ').append(text(s.title())).append("\n\n");
            for (Block b : s.blocks()) {
                block(out, b);
            }
        }
        return PeerText.lines(out.toString()); // second guard: nothing invisible reaches a ticket raw
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Facts f) {
            f.facts().forEach(fact -> field(out, fact.label(), inline(fact.value())));
            out.append('\n');
        } else if (block instanceof Paragraph p) {
            out.append(paragraph(inline(p.line()), false)).append("\n\n");
        } else if (block instanceof Bullets b) {
            int n = 1;
            for (Line item : b.items()) {
                out.append(b.numbered() ? (n++) + ". " : "- ").append(paragraph(inline(item), false)).append('\n');
            }
            out.append('\n');
        } else if (block instanceof Table t) {
            table(out, t);
        } else if (block instanceof Stages s) {
            stages(out, s);
        } else if (block instanceof Preformatted p) {
            out.append(fenced(p.text())).append('\n');
        }
    }

    private static void table(StringBuilder out, Table t) {
        StringBuilder rule = new StringBuilder("|");
        out.append('|');
        for (Column c : t.columns()) {
            out.append(' ').append(cell(c.name())).append(" |");
            rule.append(c.numeric() ? "---:|" : "---|");
        }
        out.append('\n').append(rule).append('\n');
        for (Row r : t.rows()) {
            out.append('|');
            r.cells().forEach(c -> out.append(' ').append(inCell(c)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    private static void stages(StringBuilder out, Stages stages) {
        out.append("| Stage | Status | Start ms | Duration ms | Detail |\n");
        out.append("|---|---|---:|---:|---|\n");
        for (StageRow s : stages.rows()) {
            out.append("| ").append(cell(s.title()))
                    .append(" | ").append(cell(s.status().id().replace('_', ' ')))
                    .append(" | ").append(s.timed() ? number(s.startMillis()) : "")
                    .append(" | ").append(s.timed() ? number(s.durationMillis()) : "")
                    .append(" | ").append(peer(s.detail()))
                    .append(" |\n");
        }
        out.append("\nTotal: ").append(text(TextReport.millis(stages.totalMillis()))).append("\n\n");
    }

    /** A line as inline Markdown, each span escaped for what it is. */
    private static String inline(Line line) {
        StringBuilder out = new StringBuilder();
        for (Span s : line.spans()) {
            out.append(switch (s.style()) {
                case PLAIN, VERDICT -> text(s.text());
                case PEER, QUOTED -> peer(s.text());
                case CODE, ID -> code(s.text());
                case LINK -> link(s.text(), s.ref());
            });
        }
        return out.toString();
    }

    /** A line inside a table cell: no code spans (a pipe ends a cell even inside one in GitHub's tables). */
    private static String inCell(Line line) {
        StringBuilder out = new StringBuilder();
        for (Span s : line.spans()) {
            out.append(switch (s.style()) {
                case PLAIN, VERDICT, CODE, ID -> cell(s.text());
                case PEER, QUOTED -> peer(s.text());
                case LINK -> link(s.text(), s.ref());
            });
        }
        return out.toString();
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
