package org.sstpdoctor.eventlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sstpdoctor.settings.ExternalTool;

/**
 * The recent VPN errors in this Windows computer's event log, read with {@code wevtutil}: RasClient
 * 20227 (a connection failed) and 20226 (it ended) in the Application log, and the RasSstp client
 * events in the System log. Read-only and never failing: without wevtutil, or when it refuses, the
 * list is empty. Call it off the FX thread.
 */
public final class EventLogReader {
    static final Duration TIMEOUT = Duration.ofSeconds(6);
    static final int MAX_OUTPUT = 1024 * 1024;
    static final int PER_QUERY = 25;

    /** How wevtutil is asked, so tests can answer with fixture XML. */
    @FunctionalInterface
    public interface Wevtutil {
        String run(List<String> arguments) throws IOException;
    }

    private final Wevtutil wevtutil;

    public EventLogReader(Wevtutil wevtutil) {
        this.wevtutil = wevtutil;
    }

    /** The reader for this computer, when it is Windows and has wevtutil. */
    public static Optional<EventLogReader> ofThisComputer() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Optional.empty();
        }
        Map<String, String> env = System.getenv();
        Optional<Path> exe = ExternalTool.findOnPath("wevtutil.exe", env);
        if (exe.isEmpty()) {
            String root = env.getOrDefault("SystemRoot", "C:\\Windows");
            Path p = Path.of(root, "System32", "wevtutil.exe");
            exe = java.nio.file.Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return exe.map(path -> {
            ExternalTool tool = new ExternalTool(path, new LinkedHashMap<>(env), TIMEOUT, MAX_OUTPUT);
            return new EventLogReader(args -> {
                ExternalTool.Result r = tool.run(args, null);
                return r.exitCode() == 0 ? new String(r.stdout(), StandardCharsets.UTF_8) : "";
            });
        });
    }

    /** The queries made: the log and its XPath filter. */
    static List<List<String>> queries() {
        return List.of(
                query("Application", "*[System[Provider[@Name='RasClient'] and (EventID=20227 or EventID=20226)]]"),
                query("System", "*[System[Provider[@Name='RasSstp' or @Name='Microsoft-Windows-RasSstp']]]"));
    }

    private static List<String> query(String log, String xpath) {
        return List.of("qe", log, "/q:" + xpath, "/c:" + PER_QUERY, "/rd:true", "/f:RenderedXml");
    }

    /** The events found, newest first; empty when nothing could be read. */
    public List<VpnEvent> recent() {
        List<VpnEvent> out = new ArrayList<>();
        for (List<String> q : queries()) {
            try {
                out.addAll(EventText.parse(wevtutil.run(q)));
            } catch (IOException | RuntimeException e) {
                // this log could not be read (no rights, no such provider): offer what the others give
            }
        }
        out.sort(Comparator.comparing((VpnEvent e) -> e.when()).reversed());
        return List.copyOf(out);
    }
}
