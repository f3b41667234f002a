package org.sstpdoctor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.probe.Verdict;

/**
 * What a report says, before any format: the headline, the key facts, then the sections in order,
 * each a list of blocks (facts, paragraphs, lists, tables, the stages, preformatted text). Built
 * once by {@link #of}; the text, Markdown and HTML renderers only mark it up and escape it, so the
 * three formats say the same things in the same order.
 *
 * <p>Every piece of text is a {@link Span} that says what it is: the program's own words, text a
 * peer chose (a reason phrase, a header, a certificate name), an identifier, a literal value, a
 * link. Each renderer escapes each kind as its syntax needs.
 *
 * @param headline the verdict and what was tested
 * @param facts the key facts at the top, in order
 * @param sections the sections after them, in order
 */
public record ReportOutline(Headline headline, List<Fact> facts, List<Section> sections) {
    public ReportOutline {
        Objects.requireNonNull(headline, "headline");
        facts = List.copyOf(facts);
        sections = List.copyOf(sections);
    }

    /** The outline of a report, with the knowledge base's advice when {@code resolution} is not null. */
    public static ReportOutline of(ProbeReport report, Resolution resolution) {
        return OutlineBuilder.build(report, resolution);
    }

    /**
     * What every format says beside a certificate's end of validity: "12 days left", "less than a day left",
     * "expired 3 days ago"; empty when more than 30 days remain (or a time is unknown).
     */
    public static java.util.Optional<String> expiryNote(java.time.Instant notAfter, java.time.Instant testedAt) {
        return OutlineBuilder.daysLeft(notAfter, testedAt).map(OutlineBuilder::daysLeftWords);
    }

    /** The section with this title, if the report has one. */
    public java.util.Optional<Section> section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst();
    }

    /** The top fact with this label, if there is one. */
    public java.util.Optional<Fact> fact(String label) {
        return facts.stream().filter(f -> f.label().equals(label)).findFirst();
    }

    /**
     * @param verdict the verdict
     * @param verdictTitle "REACHABLE", for titles
     * @param target what was tested: "vpn.example.com" or "vpn.example.com:4443"
     * @param toolVersion the version of SSTP Doctor that tested it
     */
    public record Headline(Verdict verdict, String verdictTitle, String target, String toolVersion) {
    }

    /** What a span of text is, which decides how each format escapes and shows it. */
    public enum Style {
        /** The program's own words. */
        PLAIN,
        /** Text a peer chose, or that quotes it: escaped hardest (Markdown must not make links of it). */
        PEER,
        /** A literal value of the program's to be read exactly (an address, a hex dump, a fingerprint): code. */
        CODE,
        /**
         * A peer's literal line (a status line, a fetch line quoting one): code in HTML, escaped as a
         * peer's text in Markdown, where code spans are neither honoured everywhere nor safe in tables.
         */
        QUOTED,
        /** An identifier (an outcome id, a knowledge-base id): "[id]" in text, code elsewhere. */
        ID,
        /** A link: the text is its title, {@link Span#ref()} the address (only http(s) becomes a link). */
        LINK,
        /** A verdict badge: {@link Span#ref()} is the verdict's id (pass, warn, fail). */
        VERDICT
    }

    /** One run of text of one kind; {@code ref} is a link's address or a verdict's id, else "". */
    public record Span(String text, Style style, String ref) {
        public Span {
            text = text == null ? "" : text;
            Objects.requireNonNull(style, "style");
            ref = ref == null ? "" : ref;
        }
    }

    /** A line of spans: a fact's value, a list item, a paragraph, a table cell. */
    public record Line(List<Span> spans) {
        public Line {
            spans = List.copyOf(spans);
        }

        public static Line plain(String text) {
            return new Line(List.of(new Span(text, Style.PLAIN, "")));
        }

        public static Line peer(String text) {
            return new Line(List.of(new Span(text, Style.PEER, "")));
        }

        public static Line code(String text) {
            return new Line(List.of(new Span(text, Style.CODE, "")));
        }

        public static Line quoted(String text) {
            return new Line(List.of(new Span(text, Style.QUOTED, "")));
        }

        /** Builds a line of several spans. */
        public static Builder with() {
            return new Builder();
        }

        /** The line's text without any markup (identifiers in brackets, links as "title: address"). */
        public String plainText() {
            StringBuilder out = new StringBuilder();
            for (Span s : spans) {
                switch (s.style()) {
                    case ID -> out.append('[').append(s.text()).append(']');
                    case LINK -> out.append(s.text()).append(s.ref().isBlank() ? "" : ": " + s.ref());
                    default -> out.append(s.text());
                }
            }
            return out.toString();
        }

        public boolean isEmpty() {
            return spans.stream().allMatch(s -> s.text().isEmpty());
        }

        /**
         * Whether the line is only the program's own prose (words and identifiers), which plain text may
         * wrap; a line quoting a peer, a literal or a link is kept whole, as it was said.
         */
        public boolean isProse() {
            return spans.stream().allMatch(s -> s.style() == Style.PLAIN || s.style() == Style.ID);
        }

        public static final class Builder {
            private final List<Span> spans = new ArrayList<>();

            public Builder plain(String text) {
                return add(text, Style.PLAIN, "");
            }

            public Builder peer(String text) {
                return add(text, Style.PEER, "");
            }

            public Builder code(String text) {
                return add(text, Style.CODE, "");
            }

            public Builder quoted(String text) {
                return add(text, Style.QUOTED, "");
            }

            public Builder id(String text) {
                return add(text, Style.ID, "");
            }

            public Builder link(String title, String url) {
                return add(title, Style.LINK, url);
            }

            public Builder verdict(String text, Verdict verdict) {
                return add(text, Style.VERDICT, verdict.name().toLowerCase(java.util.Locale.ROOT));
            }

            private Builder add(String text, Style style, String ref) {
                if (text != null && !text.isEmpty()) {
                    spans.add(new Span(text, style, ref));
                }
                return this;
            }

            public Line build() {
                return new Line(spans);
            }
        }
    }

    /** A label and its value. */
    public record Fact(String label, Line value) {
    }

    /**
     * A heading and what follows it. Level 2 is a top section, level 3 belongs to the level-2 section
     * before it.
     */
    public record Section(int level, String title, List<Block> blocks) {
        public Section {
            if (level != 2 && level != 3) {
                throw new IllegalArgumentException("level 2 or 3, not " + level);
            }
            blocks = List.copyOf(blocks);
        }
    }

    /** One piece of a section. */
    public sealed interface Block permits Facts, Paragraph, Bullets, Table, Stages, Preformatted {
    }

    /** Label/value pairs. */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /** A paragraph. */
    public record Paragraph(Line line) implements Block {
    }

    /** A list, numbered or not. */
    public record Bullets(List<Line> items, boolean numbered) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A column's name, and whether it holds numbers (right-aligned). */
    public record Column(String name, boolean numeric) {
    }

    /**
     * A table row. {@code summary}, when not null, is the row read as one line after its first cell
     * ("yes, TLS 1.3"); a plain-text renderer may show that instead of every cell.
     */
    public record Row(List<Line> cells, Line summary) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A table: the columns, then one row each (as many cells as columns). */
    public record Table(List<Column> columns, List<Row> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            for (Row r : rows) {
                if (r.cells().size() != columns.size()) {
                    throw new IllegalArgumentException(r.cells().size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * One stage of the probe as a report shows it.
     *
     * @param timed whether it ran and was timed (start and duration are meaningful)
     * @param detail what happened, which may quote a peer
     */
    public record StageRow(String title, StageStatus status, boolean timed, double startMillis, double durationMillis,
                           String detail) {
    }

    /** The stages in order, and the whole probe's time. */
    public record Stages(List<StageRow> rows, double totalMillis) implements Block {
        public Stages {
            rows = List.copyOf(rows);
        }
    }

    /** Text to be shown exactly, line for line (a request head, the start of a page). */
    public record Preformatted(String text) implements Block {
    }
}
