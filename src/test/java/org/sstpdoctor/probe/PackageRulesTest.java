package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The separation a newcomer can see, checked on the sources. */
class PackageRulesTest {
    static final Path MAIN = Path.of("src/main/java/org/sstpdoctor");

    static List<String> offenders(Path folder, boolean recursive, String forbidden) throws IOException {
        return offenders(folder, recursive, forbidden, false);
    }

    static List<String> offenders(Path folder, boolean recursive, String forbidden, boolean importsOnly) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = recursive ? Files.walk(folder) : Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    // With importsOnly, a module name in a string (the installers' jlink list) is no dependency.
                    if ((!importsOnly || line.startsWith("import ")) && line.contains(forbidden)) {
                        found.add(MAIN.relativize(file) + ": " + line.trim());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theProbeKnowsNothingOfItsOkHttpTransport() throws IOException {
        assertTrue(Files.isDirectory(MAIN.resolve("probe")));
        assertEquals(List.of(), offenders(MAIN.resolve("probe"), false, "org.sstpdoctor.probe.okhttp"));
        assertEquals(List.of(), offenders(MAIN.resolve("probe"), false, "okhttp3"));
    }

    @Test
    void theEngineAndTheKnowledgeBaseKnowNothingOfJavaFx() throws IOException {
        for (String pkg : List.of("probe", "kb", "report", "target", "sstp", "responder", "diag", "cli", "history", "ticket",
                "eventlog", "profiles", "text")) {
            assertEquals(List.of(), offenders(MAIN.resolve(pkg), true, "javafx.", true), pkg);
        }
    }
}
