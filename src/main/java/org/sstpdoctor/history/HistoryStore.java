package org.sstpdoctor.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every test, kept in the user's data folder as one JSON report per line ({@code history.jsonl}, the
 * same JSON contract and the same redaction as a saved report: no password is ever in it). Bounded:
 * when the file passes {@link #MAX_BYTES} the oldest half is dropped (a report is a few KiB, so that
 * is some hundreds of tests). A file
 * that cannot be read gives an empty history, never an error; a line that is not a report is skipped.
 * Blocking I/O: call it off the FX thread.
 */
public final class HistoryStore {
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    /** A single report above this is not kept (it would crowd out the rest). */
    static final int MAX_LINE = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One kept test: its summary, and the full report. */
    public record Entry(ReportSummary summary, JsonNode report) {
    }

    private final Path file;

    public HistoryStore(Path folder) {
        this.file = folder.resolve("history.jsonl");
    }

    public static HistoryStore ofThisUser() {
        return new HistoryStore(DataFolder.ofThisUser());
    }

    public Path file() {
        return file;
    }

    /** Keeps a report (its JSON contract form); trims the oldest when the history is over its bounds. */
    public synchronized void record(JsonNode report) throws IOException {
        String line = MAPPER.writeValueAsString(report);
        if (line.length() > MAX_LINE) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (Files.size(file) > MAX_BYTES) {
            List<String> lines = readLines();
            List<String> keep = lines.subList(lines.size() / 2, lines.size());
            Path tmp = file.resolveSibling("history.jsonl.tmp");
            Files.write(tmp, keep, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Every kept test, newest first. */
    public synchronized List<Entry> all() {
        return parse(readLines());
    }

    private static List<Entry> parse(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = MAPPER.readTree(line);
                if (n != null && n.isObject() && n.path("schema").asText("").startsWith("sstp-doctor/report/")) {
                    out.add(new Entry(ReportSummary.of(n), n));
                }
            } catch (IOException e) {
                // a damaged line (a crash mid-write): the others are still good
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * The tests of this server (host and port), newest first. Only lines that name the host are
     * parsed: a full history is some megabytes of JSON, and this runs after every test.
     */
    public synchronized List<Entry> forServer(String serverKey) {
        String needle = hostNeedle(serverKey);
        List<String> lines = readLines().stream()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(needle)).toList();
        return parse(lines).stream().filter(e -> e.summary().serverKey().equals(serverKey)).toList();
    }

    private static String hostNeedle(String serverKey) {
        int colon = serverKey.lastIndexOf(':');
        return ("\"host\":\"" + (colon > 0 ? serverKey.substring(0, colon) : serverKey) + "\"").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The last test of the same server before this one (skipping the report itself if it is already
     * kept), to compare with. Read from the newest line back, parsing only until it is found: this
     * runs after every test, and a history of one server tested in a loop is megabytes of its lines.
     */
    public synchronized Optional<Entry> previous(ReportSummary current) {
        String needle = hostNeedle(current.serverKey());
        List<String> lines = readLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!line.toLowerCase(java.util.Locale.ROOT).contains(needle)) {
                continue;
            }
            for (Entry e : parse(List.of(line))) {
                if (e.summary().serverKey().equals(current.serverKey()) && !e.summary().shortId().equals(current.shortId())
                        && (current.startedAt() == null || e.summary().startedAt() == null
                        || e.summary().startedAt().isBefore(current.startedAt()))) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** Forgets every test. */
    public synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The file's size in bytes (0 when there is none). */
    public long sizeBytes() {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private List<String> readLines() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long total = 0;
            while ((line = r.readLine()) != null && total <= MAX_BYTES * 2) {
                total += line.length() + 1;
                if (!line.isBlank() && line.length() <= MAX_LINE) {
                    lines.add(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return lines;
        }
        return lines;
    }
}
