package org.sstpdoctor.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GUI start to first painted page: launches the app {@code runs} times (after one warm-up) with
 * {@code -Dsstpdoctor.measureStartup=true} (through JAVA_TOOL_OPTIONS, so that launchers pass it
 * on); the app prints the time from its process start to the second animation pulse after the window
 * is shown, and the CPU time until then (builds before 2026-12-02 print no CPU time), then exits.
 * Started as {@code java -jar target/sstp-doctor.jar}, as the launcher {@code target/sstp-doctor} (with the build's start-up archive and JVM options) and, when installed,
 * as {@code /opt/sstp-doctor/bin/sstp-doctor}, taking turns. Needs a display (run under
 * {@code xvfb-run} on a headless machine). Prints figures; asserts nothing.
 *
 * <p>Arguments: {@code [runs] [LAUNCHER...]} (default 10 runs); each further argument is another build's
 * launcher to take turns with these, such as {@code /tmp/main/target/sstp-doctor} for a before-and-after
 * in one run.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("java -jar target/sstp-doctor.jar", List.of(java, "-jar", "target/sstp-doctor.jar"));
        if (Files.isExecutable(Path.of("target/sstp-doctor"))) {
            commands.put("target/sstp-doctor", List.of("target/sstp-doctor"));
        }
        for (int i = 1; i < args.length; i++) {
            commands.put(args[i], List.of(args[i]));
        }
        Path installed = Path.of("/opt/sstp-doctor/bin/sstp-doctor");
        if (Files.isExecutable(installed)) {
            commands.put(installed + " (installed)", List.of(installed.toString()));
        }
        Map<String, List<Double>> paint = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        commands.keySet().forEach(k -> paint.put(k, new ArrayList<>()));
        commands.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
        System.out.println("GUI process start to first painted page; load average " + Bench.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; " + runs + " runs each after one warm-up");
        for (int i = 0; i <= runs; i++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                ProcessBuilder builder = new ProcessBuilder(command.getValue()).redirectErrorStream(true);
                builder.environment().put("JAVA_TOOL_OPTIONS", "-Dsstpdoctor.measureStartup=true");
                Process p = builder.start();
                Long ms = null;
                Long cpuMs = null;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("first-paint-ms=")) {
                            ms = Long.parseLong(line.substring("first-paint-ms=".length()).trim());
                        } else if (line.startsWith("first-paint-cpu-ms=")) {
                            cpuMs = Long.parseLong(line.substring("first-paint-cpu-ms=".length()).trim());
                        }
                    }
                }
                p.waitFor();
                if (ms == null) {
                    throw new IllegalStateException(command.getKey() + " did not report its first paint (is there a display?)");
                }
                if (i > 0) { // the first run warms the page cache
                    paint.get(command.getKey()).add((double) ms);
                    if (cpuMs != null) {
                        cpu.get(command.getKey()).add((double) cpuMs);
                    }
                }
            }
        }
        // The CPU time (all threads) up to the first paint, as the app measured it: on a busy machine the
        // wall time mostly says how long the process waited for a core, the CPU time how much work it did.
        for (Map.Entry<String, List<Double>> e : paint.entrySet()) {
            List<Double> cpuTimes = cpu.get(e.getKey());
            System.out.printf(Locale.ROOT, "%-48s median %5.0f ms   max %5.0f ms   CPU median %s%n", e.getKey(),
                    Bench.median(e.getValue()), Bench.percentile(e.getValue(), 1),
                    cpuTimes.isEmpty() ? "not reported" : String.format(Locale.ROOT, "%5.0f ms", Bench.median(cpuTimes)));
        }
        System.out.println("load average at the end " + Bench.loadAverage());
    }
}
