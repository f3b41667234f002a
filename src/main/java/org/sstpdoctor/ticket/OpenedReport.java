package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.text.BoundedFiles;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * A report someone else made, opened from a helpdesk file (zip) or a saved JSON report. The file is
 * untrusted: its size, the number and size of the zip's entries and the size once unpacked are all
 * bounded, nothing is ever unpacked to disk, and every text is made safe before it is shown. A file
 * that cannot be used gives an {@link OpenException} with a message for the person, never a stack trace.
 */
public record OpenedReport(JsonNode report, ReportSummary summary, Optional<Environment> environment,
                           List<JsonNode> history, String fileName) {
    public static final long MAX_FILE = 16L * 1024 * 1024;
    static final int MAX_ENTRY = 8 * 1024 * 1024;
    static final int MAX_ENTRIES = 64;
    static final long MAX_UNPACKED = 32L * 1024 * 1024;

    public OpenedReport {
        history = List.copyOf(history);
    }

    /** Why a file could not be opened, in words for the person. */
    public static final class OpenException extends Exception {
        public OpenException(String message) {
            super(message);
        }
    }

    public static OpenedReport open(Path file) throws OpenException {
        String name = UntrustedText.line(String.valueOf(file.getFileName()), 120);
        byte[] bytes;
        try {
            bytes = BoundedFiles.readBytes(file, MAX_FILE);
        } catch (NoSuchFileException e) {
            throw new OpenException(Sentences.get("open.missing", name));
        } catch (IOException e) {
            // BoundedFiles says "is larger than 16 MiB" for a file over the bound.
            boolean tooLarge = e.getMessage() != null && e.getMessage().startsWith("is larger");
            throw new OpenException(Sentences.get(tooLarge ? "open.too_large" : "open.unreadable", name,
                    UntrustedText.line(e.getMessage(), 160)));
        }
        return read(bytes, name);
    }

    /** The report in these bytes (a zip or JSON); {@code name} is for messages. */
    public static OpenedReport read(byte[] bytes, String name) throws OpenException {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            return fromZip(bytes, name);
        }
        JsonNode report = json(bytes, name);
        return new OpenedReport(report, ReportSummary.of(report), Optional.empty(), List.of(), name);
    }

    private static OpenedReport fromZip(byte[] bytes, String name) throws OpenException {
        byte[] report = null;
        byte[] environment = null;
        byte[] history = null;
        boolean manifest = false;
        long unpacked = 0;
        int count = 0;
        try (ZipInputStream z = new ZipInputStream(new BufferedInputStream(new java.io.ByteArrayInputStream(bytes)),
                StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    throw new OpenException(Sentences.get("open.too_many_files", name, String.valueOf(MAX_ENTRIES)));
                }
                String entry = e.getName();
                boolean wanted = entry.equals(HelpdeskFile.REPORT_JSON) || entry.equals(HelpdeskFile.ENVIRONMENT)
                        || entry.equals(HelpdeskFile.HISTORY) || entry.equals(HelpdeskFile.MANIFEST);
                byte[] content = bounded(z, name, entry, wanted);
                unpacked += content.length;
                if (unpacked > MAX_UNPACKED) {
                    throw new OpenException(Sentences.get("open.unpacks_too_large", name,
                            String.valueOf(MAX_UNPACKED / (1024 * 1024))));
                }
                switch (entry) {
                    case HelpdeskFile.REPORT_JSON -> report = content;
                    case HelpdeskFile.ENVIRONMENT -> environment = content;
                    case HelpdeskFile.HISTORY -> history = content;
                    case HelpdeskFile.MANIFEST -> manifest = true;
                    default -> {
                        // the other formats of the same report, and the README: not needed to show it
                    }
                }
            }
        } catch (ZipException e) {
            throw new OpenException(Sentences.get("open.bad_zip", name, UntrustedText.line(e.getMessage(), 120)));
        } catch (IOException e) {
            throw new OpenException(Sentences.get("open.read_failed", name, UntrustedText.line(e.getMessage(), 120)));
        }
        if (report == null) {
            throw new OpenException(Sentences.get(manifest ? "open.no_report" : "open.no_report.foreign", name,
                    HelpdeskFile.REPORT_JSON));
        }
        JsonNode r = json(report, name + " (" + HelpdeskFile.REPORT_JSON + ")");
        Optional<Environment> env = Optional.empty();
        if (environment != null) {
            try {
                JsonNode n = HelpdeskFile.parse(environment);
                if (n != null && n.isObject()) {
                    env = Optional.of(Environment.fromJson(n));
                }
            } catch (IOException e) {
                // the report is still worth showing without its environment
            }
        }
        List<JsonNode> past = new ArrayList<>();
        if (history != null) {
            for (String line : new String(history, StandardCharsets.UTF_8).split("\n")) {
                if (past.size() >= 200 || line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = HelpdeskFile.parse(line.getBytes(StandardCharsets.UTF_8));
                    if (n != null && n.path("schema").asText("").startsWith("sstp-doctor/report/")) {
                        past.add(n);
                    }
                } catch (IOException e) {
                    // a damaged line: skip it
                }
            }
        }
        return new OpenedReport(r, ReportSummary.of(r), env, past, name);
    }

    private static byte[] bounded(ZipInputStream z, String name, String entry, boolean keep) throws IOException,
            OpenException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = z.read(buffer)) > 0) {
            total += n;
            if (total > MAX_ENTRY) {
                throw new OpenException(Sentences.get("open.entry_too_large", name, UntrustedText.line(entry, 80),
                        String.valueOf(MAX_ENTRY / (1024 * 1024))));
            }
            if (keep) {
                out.write(buffer, 0, n);
            }
        }
        return keep ? out.toByteArray() : new byte[0];
    }

    private static JsonNode json(byte[] bytes, String name) throws OpenException {
        JsonNode n;
        try {
            n = HelpdeskFile.parse(bytes);
        } catch (IOException e) {
            throw new OpenException(Sentences.get("open.not_json", name));
        }
        if (n == null || !n.isObject()) {
            throw new OpenException(Sentences.get("open.not_report", name));
        }
        String schema = n.path("schema").asText("");
        if (!schema.startsWith("sstp-doctor/report/v")) {
            throw new OpenException(Sentences.get("open.wrong_schema", name, UntrustedText.line(schema, 60)));
        }
        return n;
    }

    /**
     * "Report from alice-laptop, 10:42": the computer it came from and when it ran in the reader's
     * local time (the date too when it was not today).
     */
    public String title(ZoneId zone, LocalDate today) {
        return when(zone, today).map(w -> Sentences.get("opened.title", from(), w))
                .orElse(Sentences.get("opened.title.no_time", from()));
    }

    /**
     * The computer the report came from ("alice-laptop"): the helpdesk file's environment, else the
     * report's own {@code computer} (added within v1); empty for an older report that does not say.
     */
    public Optional<String> computer() {
        return environment.map(Environment::computer).filter(c -> !c.isEmpty())
                .or(() -> Optional.of(UntrustedText.line(report.path("computer").asText(""), 100)).filter(c -> !c.isEmpty()));
    }

    /** The computer the report came from, or the file's name when it does not say. */
    public String from() {
        return computer().orElse(fileName);
    }

    /** When the test ran, in {@code zone}: "10:42" on {@code today}, else "2026-11-30 10:42"; empty if unknown. */
    public Optional<String> when(ZoneId zone, LocalDate today) {
        if (summary.startedAt() == null) {
            return Optional.empty();
        }
        var at = summary.startedAt().atZone(zone);
        return Optional.of(at.toLocalDate().equals(today) ? DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(at)
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(at));
    }

    /** When the report was made, or now when it did not say. */
    public Instant startedAtOrNow() {
        return summary.startedAt() == null ? Instant.now() : summary.startedAt();
    }
}
