package org.sstpdoctor.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * GUI start to first painted page: launches the app {@value #RUNS} times with
 * {@code -Dsstpdoctor.measureStartup=true}; the app prints the time from its process start to the
 * second animation pulse after the window is shown, then exits. Needs a display (run under
 * {@code xvfb-run} on a headless machine). Prints figures; asserts nothing.
 */
public final class StartupBenchmark {
    private static final int RUNS = 10;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/sstp-doctor.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> paint = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < RUNS + 1; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(java, "-Dsstpdoctor.measureStartup=true", "-jar", jar.toString())
                    .redirectErrorStream(true).start();
            Long ms = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("first-paint-ms=")) {
                        ms = Long.parseLong(line.substring("first-paint-ms=".length()).trim());
                    }
                }
            }
            p.waitFor();
            if (ms == null) {
                throw new IllegalStateException("the app did not report its first paint (is there a display?)");
            }
            if (i > 0) { // the first run warms the page cache
                paint.add(ms);
                wall.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(paint);
        Collections.sort(wall);
        System.out.printf(Locale.ROOT, "GUI process start to first painted page (%d runs): median %d ms, max %d ms%n", RUNS,
                paint.get(RUNS / 2), paint.get(RUNS - 1));
        System.out.printf(Locale.ROOT, "whole process including exit: median %d ms%n", wall.get(RUNS / 2));
        System.out.println("jar: " + jar + (Files.exists(jar) ? "" : " (missing: build it first)"));
    }
}
