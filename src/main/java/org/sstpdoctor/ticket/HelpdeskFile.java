package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.ReportFormat;
import org.sstpdoctor.report.ResolutionJson;
import org.sstpdoctor.text.Sentences;

/**
 * "Save for the helpdesk": one zip with the report in every format, the environment that matters
 * for a diagnosis (redacted, {@link Environment}), this server's history on this computer, a
 * manifest and a README saying exactly what is inside. Nothing secret: the reports never hold a
 * password, and neither does anything else here.
 */
public final class HelpdeskFile {
    public static final String SCHEMA = "sstp-doctor/helpdesk-file/v1";
    static final String MANIFEST = "helpdesk-file.json";
    static final String REPORT_JSON = "report.json";
    static final String ENVIRONMENT = "environment.json";
    static final String HISTORY = "history.jsonl";
    static final String README = "README.txt";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private HelpdeskFile() {
    }

    /** A name for the file: "sstp-doctor-vpn.contoso.com-R-3F9A2C71.zip". */
    public static String suggestedName(ProbeReport report) {
        ReportSummary s = ReportSummary.of(JsonReport.toTree(report, null));
        String host = s.host().replaceAll("[^A-Za-z0-9.-]", "_");
        return "sstp-doctor-" + (host.isEmpty() ? "report" : host) + "-" + s.shortId() + ".zip";
    }

    /**
     * Writes the file (through a temporary file beside it, so a failure never leaves half a zip).
     * {@code history} is this server's kept tests, newest first.
     */
    public static void write(Path zip, ProbeReport report, Resolution resolution, Environment environment,
                             List<HistoryStore.Entry> history, Instant now) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ReportFormat f : ReportFormat.values()) {
            files.put(reportFile(f), f.document(report, resolution).getBytes(StandardCharsets.UTF_8));
        }
        files.put(ENVIRONMENT, MAPPER.writeValueAsBytes(environment.toJson()));
        ReportSummary summary = ReportSummary.of(JsonReport.toTree(report, ResolutionJson.toNode(resolution)));
        StringBuilder lines = new StringBuilder();
        int earlier = 0;
        for (HistoryStore.Entry e : history) {
            // The report itself is kept in the history before it is saved: only the tests before it go here.
            boolean before = summary.startedAt() == null || e.summary().startedAt() == null
                    || e.summary().startedAt().isBefore(summary.startedAt());
            if (before && !e.summary().shortId().equals(summary.shortId())) {
                lines.append(LINE.writeValueAsString(e.report())).append('\n');
                earlier++;
            }
        }
        files.put(HISTORY, lines.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("schema", SCHEMA);
        manifest.put("createdAt", now.toString());
        manifest.put("reportId", summary.shortId());
        manifest.put("computer", environment.computer());
        manifest.put("server", summary.server());
        ArrayNode names = manifest.putArray("files");
        names.add(README);
        files.keySet().forEach(names::add);
        names.add(MANIFEST);
        byte[] readme = readme(summary, environment, earlier, files.keySet()).getBytes(StandardCharsets.UTF_8);

        Path parent = zip.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, README, readme, now);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                put(z, e.getKey(), e.getValue(), now);
            }
            put(z, MANIFEST, MAPPER.writeValueAsBytes(manifest), now);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes, Instant now) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(now.toEpochMilli());
        z.putNextEntry(e);
        z.write(bytes);
        z.closeEntry();
    }

    static String readme(ReportSummary s, Environment env, int historyCount, Iterable<String> names) {
        StringBuilder out = new StringBuilder();
        out.append(Sentences.get("readme.title", s.server())).append('\n');
        out.append(Sentences.get("readme.report", s.shortId(), s.startedAt() == null ? Sentences.get("time.unknown")
                : s.startedAt().toString(), env.computer())).append("\n\n");
        out.append(Sentences.get("readme.open")).append("\n\n");
        out.append(Sentences.get("readme.contents")).append('\n');
        out.append("  ").append(README).append("  ").append(Sentences.get("readme.file.readme")).append('\n');
        for (String n : names) {
            out.append("  ").append(n).append("  ").append(describe(n, historyCount)).append('\n');
        }
        out.append("  ").append(MANIFEST).append("  ").append(Sentences.get("readme.file.manifest")).append("\n\n");
        out.append(Sentences.get("readme.nothing_secret")).append('\n');
        return out.toString();
    }

    /** Every file a helpdesk file holds, in the order it holds them: what its README and the project's README list. */
    public static List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add(README);
        for (ReportFormat f : ReportFormat.values()) {
            names.add(reportFile(f));
        }
        names.add(ENVIRONMENT);
        names.add(HISTORY);
        names.add(MANIFEST);
        return List.copyOf(names);
    }

    /** The name of the report in this format inside the file: report.txt, report.md, ..., report-table.txt. */
    public static String reportFile(ReportFormat format) {
        return format.fileName("report");
    }

    private static String describe(String name, int historyCount) {
        return switch (name) {
            case ENVIRONMENT -> Sentences.get("readme.file.environment");
            case HISTORY -> Sentences.get("readme.file.history", String.valueOf(historyCount));
            case REPORT_JSON -> Sentences.get("readme.file.json");
            default -> Arrays.stream(ReportFormat.values()).filter(f -> reportFile(f).equals(name)).findFirst()
                    .map(f -> Sentences.get(f.forOneServer() ? "readme.file.format" : f.header().isEmpty()
                            ? "readme.file.line" : "readme.file.rows", f.label()))
                    .orElse(name.toUpperCase(Locale.ROOT));
        };
    }

    /** The JSON report a zip entry holds, parsed; used by {@link OpenedReport}. */
    static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }
}
