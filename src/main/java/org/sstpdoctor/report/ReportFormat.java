package org.sstpdoctor.report;

import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;

/** The forms a report can be saved in, for a "Save report as" dialog. */
public enum ReportFormat {
    TEXT("Text", "txt"),
    MARKDOWN("Markdown", "md"),
    HTML("HTML", "html"),
    JSON("JSON", "json");

    private final String label;
    private final String extension;

    ReportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** For a file-type chooser: "Markdown". */
    public String label() {
        return label;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The report in this format. JSON is exactly what {@code sstp-doctor probe --json} prints (without
     * the final line break), so scripts read a saved file and the command's output alike.
     */
    public String render(ProbeReport report, Resolution resolution) {
        return switch (this) {
            case TEXT -> TextReport.render(report, resolution);
            case MARKDOWN -> MarkdownReport.render(report, resolution);
            case HTML -> HtmlReport.render(report, resolution);
            case JSON -> JsonReport.render(report, ResolutionJson.toNode(resolution));
        };
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
}
