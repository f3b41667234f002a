package org.sstpdoctor.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;

/**
 * Every form a report comes in, one registry for the command line ({@code --format}) and the
 * wizard (Save report). Whole-report formats render one probe; row formats render one line per
 * probe under a {@link #header()}, for many servers.
 */
public enum ReportFormat {
    TEXT("text", "Text", "txt", Kind.BOTH),
    MARKDOWN("markdown", "Markdown", "md", Kind.ONE),
    HTML("html", "HTML", "html", Kind.ONE),
    JSON("json", "JSON", "json", Kind.ONE),
    TABLE("table", "Table", "txt", Kind.ROWS),
    JSONL("jsonl", "JSON lines", "jsonl", Kind.ROWS),
    CSV("csv", "CSV", "csv", Kind.ROWS);

    private enum Kind { ONE, ROWS, BOTH }

    private final String id;
    private final String label;
    private final String extension;
    private final Kind kind;

    ReportFormat(String id, String label, String extension, Kind kind) {
        this.id = id;
        this.label = label;
        this.extension = extension;
        this.kind = kind;
    }

    /** The command line's name: "markdown". */
    public String id() {
        return id;
    }

    /** For a file-type chooser: "Markdown". */
    public String label() {
        return label;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Renders one probe as a whole report. */
    public boolean forOneServer() {
        return kind != Kind.ROWS;
    }

    /** Renders many probes, one after the other. */
    public boolean forManyServers() {
        return kind != Kind.ONE;
    }

    /** The formats a person saves one report in from the wizard. */
    public static List<ReportFormat> savable() {
        return List.of(TEXT, MARKDOWN, HTML, JSON);
    }

    /** "text|markdown|html|json|table|jsonl|csv", for help texts. */
    public static String ids() {
        return String.join("|", Arrays.stream(values()).map(ReportFormat::id).toList());
    }

    /** The format a person typed: an id, or "md", "htm", "json-lines"; ignoring case. */
    public static Optional<ReportFormat> fromId(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "md" -> Optional.of(MARKDOWN);
            case "htm" -> Optional.of(HTML);
            case "json-lines", "ndjson" -> Optional.of(JSONL);
            default -> Arrays.stream(values()).filter(f -> f.id.equals(t)).findFirst();
        };
    }

    /**
     * The report in this format: the whole report, or for a row format its one row. JSON is exactly
     * what {@code sstp-doctor probe --json} prints (without the final line break), so scripts read a
     * saved file and the command's output alike.
     */
    public String render(ProbeReport report, Resolution resolution) {
        return switch (this) {
            case TEXT -> TextReport.render(report, resolution);
            case MARKDOWN -> MarkdownReport.render(report, resolution);
            case HTML -> HtmlReport.render(report, resolution);
            case JSON -> JsonReport.render(report, ResolutionJson.toNode(resolution));
            case TABLE -> TableReport.row(report);
            case JSONL -> JsonReport.renderLine(report, ResolutionJson.toNode(resolution));
            case CSV -> CsvReport.row(report);
        };
    }

    /** The line above the rows (table, CSV), or empty. */
    public String header() {
        return switch (this) {
            case TABLE -> TableReport.header();
            case CSV -> CsvReport.header();
            default -> "";
        };
    }

    /** Whether rows need the knowledge base's explanation (the others only name the outcome). */
    public boolean needsKnowledgeBase() {
        return this != TABLE && this != CSV;
    }

    /** The format a file name asks for by its extension, ignoring case: .txt .md .markdown .html .htm .json. */
    public static Optional<ReportFormat> forFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || dot == lower.length() - 1) {
            return Optional.empty();
        }
        return switch (lower.substring(dot + 1)) {
            case "txt" -> Optional.of(TEXT);
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "html", "htm" -> Optional.of(HTML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /**
     * This format as a file of its own for one report, a row format with its header line above the
     * row: what a helpdesk file holds for each format, so a format added here is in the file too.
     */
    public String document(ProbeReport report, Resolution resolution) {
        if (forOneServer()) {
            return render(report, resolution);
        }
        String head = header();
        return (head.isEmpty() ? "" : head + "\n") + render(report, resolution) + "\n";
    }

    /**
     * A file name for this format among the files of one report, unique across every format:
     * {@code base.txt}, {@code base.md}, ..., and {@code base-table.txt} for the table, whose
     * extension the text format has already.
     */
    public String fileName(String base) {
        boolean shared = Arrays.stream(values()).anyMatch(f -> f.ordinal() < ordinal() && f.extension.equals(extension));
        return base + (shared ? "-" + id : "") + "." + extension;
    }
}
