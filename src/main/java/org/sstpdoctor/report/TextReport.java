package org.sstpdoctor.report;

import java.util.List;
import java.util.Locale;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.probe.Verdict;
import org.sstpdoctor.report.ReportOutline.Block;
import org.sstpdoctor.report.ReportOutline.Bullets;
import org.sstpdoctor.report.ReportOutline.Fact;
import org.sstpdoctor.report.ReportOutline.Facts;
import org.sstpdoctor.report.ReportOutline.Line;
import org.sstpdoctor.report.ReportOutline.Paragraph;
import org.sstpdoctor.report.ReportOutline.Preformatted;
import org.sstpdoctor.report.ReportOutline.Row;
import org.sstpdoctor.report.ReportOutline.Section;
import org.sstpdoctor.report.ReportOutline.StageRow;
import org.sstpdoctor.report.ReportOutline.Stages;
import org.sstpdoctor.report.ReportOutline.Table;
import org.sstpdoctor.text.PeerText;

/**
 * The report as plain text for a terminal or a ticket: the {@link ReportOutline} laid out in
 * indented lines, the verdict first. ASCII layout, so it pastes cleanly anywhere.
 */
public final class TextReport {
    /** The top facts' values start in this column, so they read as one block. */
    private static final int HEAD_LABEL_WIDTH = 14;

    private TextReport() {
    }

    public static String render(ProbeReport r) {
        return render(r, null);
    }

    /** The report with the knowledge base's explanation and steps right after the key facts. */
    public static String render(ProbeReport r, Resolution resolution) {
        return render(ReportOutline.of(r, resolution));
    }

    public static String render(ReportOutline outline) {
        StringBuilder out = new StringBuilder();
        out.append("SSTP Doctor ").append(outline.headline().toolVersion()).append(" - ")
                .append(outline.headline().target()).append('\n');
        for (Fact f : outline.facts()) {
            fact(out, "", f, HEAD_LABEL_WIDTH);
        }
        for (Section s : outline.sections()) {
            out.append('\n').append(s.title()).append('\n');
            s.blocks().forEach(b -> block(out, b));
        }
        // Second guard for the terminal: peer text is made visible where it is captured; nothing raw gets out here either.
        return PeerText.lines(out.toString());
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Facts f) {
            facts(out, f.facts());
        } else if (block instanceof Paragraph p) {
            item(out, p.line(), "  ", "  ");
        } else if (block instanceof Bullets b) {
            int n = 1;
            for (Line item : b.items()) {
                String mark = b.numbered() ? (n++) + ". " : "- ";
                item(out, item, "  " + mark, "  " + " ".repeat(mark.length()));
            }
        } else if (block instanceof Table t) {
            table(out, t);
        } else if (block instanceof Stages s) {
            stages(out, s);
        } else if (block instanceof Preformatted p) {
            p.text().lines().forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }

    /** Labels padded to the longest, so the values line up. */
    private static void facts(StringBuilder out, List<Fact> facts) {
        int width = facts.stream().mapToInt(f -> f.label().length()).max().orElse(0) + 2;
        for (Fact f : facts) {
            fact(out, "  ", f, width);
        }
    }

    /** One fact; a value in our own words wraps under itself, one quoting a peer is kept whole. */
    private static void fact(StringBuilder out, String indent, Fact f, int width) {
        String first = indent + pad(f.label() + ":", width);
        item(out, f.value(), first, " ".repeat(first.length()));
    }

    /**
     * A table in lines: two columns as "name: value"; rows with a one-line reading as the first cell,
     * aligned, then that reading; any other table as one record per row.
     */
    private static void table(StringBuilder out, Table t) {
        if (t.rows().stream().allMatch(r -> r.summary() != null)) {
            int width = t.rows().stream().mapToInt(r -> r.cells().get(0).plainText().length()).max().orElse(0) + 4;
            for (Row r : t.rows()) {
                out.append("  ").append(pad(r.cells().get(0).plainText(), width)).append(r.summary().plainText()).append('\n');
            }
        } else if (t.columns().size() == 2) {
            for (Row r : t.rows()) {
                out.append("  ").append(r.cells().get(0).plainText()).append(": ").append(r.cells().get(1).plainText())
                        .append('\n');
            }
        } else {
            for (Row r : t.rows()) {
                out.append("  [").append(r.cells().get(0).plainText()).append("] ").append(r.cells().get(1).plainText())
                        .append('\n');
                int width = t.columns().stream().skip(2).mapToInt(c -> c.name().length()).max().orElse(0) + 2;
                for (int i = 2; i < t.columns().size(); i++) {
                    if (!r.cells().get(i).isEmpty()) {
                        out.append("      ").append(pad(t.columns().get(i).name() + ":", width))
                                .append(r.cells().get(i).plainText()).append('\n');
                    }
                }
            }
        }
    }

    private static void stages(StringBuilder out, Stages stages) {
        for (StageRow s : stages.rows()) {
            String detail = s.detail().isEmpty() && s.status() == StageStatus.NOT_REACHED ? "not reached" : s.detail();
            out.append("  ").append(mark(s.status())).append(' ')
                    .append(pad(s.title(), 24))
                    .append(pad(s.timed() && s.status() != StageStatus.SKIPPED ? millis(s.durationMillis()) : "", 11))
                    .append(detail)
                    .append('\n');
        }
        out.append("  Total ").append(millis(stages.totalMillis())).append('\n');
    }

    /** Our own prose wrapped at 100 columns (ResolutionText.wrap); a line quoting a peer kept whole, as it was said. */
    private static void item(StringBuilder out, Line line, String first, String rest) {
        if (line.isProse()) {
            ResolutionText.wrap(out, line.plainText(), first, rest);
        } else {
            out.append(first).append(line.plainText()).append('\n');
        }
    }

    /** The proxy in one line, as every format and the result page show it; never a password. */
    public static String proxyLine(ProbeReport r) {
        return OutlineBuilder.proxyLine(r);
    }

    static String verdictLine(Verdict v) {
        return OutlineBuilder.verdictLine(v);
    }

    private static String mark(StageStatus s) {
        return switch (s) {
            case PASSED -> "[ OK ]";
            case WARNED -> "[WARN]";
            case FAILED -> "[FAIL]";
            case SKIPPED -> "[SKIP]";
            case NOT_REACHED -> "[ -- ]";
        };
    }

    private static final java.time.format.DateTimeFormatter LOCAL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", java.util.Locale.ROOT);

    /** When a test ran, for people: local time to the second with its UTC offset (the JSON keeps the ISO instant). */
    public static String localTime(java.time.Instant at) {
        return at == null ? "" : LOCAL_TIME.format(at.atZone(java.time.ZoneId.systemDefault()));
    }

    /** A duration as people read it: "0.6 ms", "26 ms", "12.3 s"; empty when not measured. */
    public static String millis(double ms) {
        if (ms < 0) {
            return "";
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
