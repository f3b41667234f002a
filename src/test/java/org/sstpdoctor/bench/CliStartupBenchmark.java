package org.sstpdoctor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sstpdoctor.responder.PracticePki;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.AddressParser;

/**
 * Command line, process start to verdict, against the built-in responder, in one run beside the
 * same exchange made by a minimal Python {@code ssl} client (src/test/python/sstp_minimal_client.py:
 * TLS, SSTP_DUPLEX_POST, the 200, Call Connect Request, the Ack, CALL_DISCONNECT) and by curl
 * (which stops at the 200). The commands take turns, run after run, so that load from elsewhere on
 * the machine falls on all of them alike. Prints figures and ratios; asserts nothing.
 *
 * <p>Also from the probe's own JSON report of each CLI run: when the TCP connection was opened,
 * counted from the process start and from the start of the probe's connection attempt.
 *
 * <p>Arguments: {@code [runs] [installed launcher]}; the installed launcher defaults to
 * /usr/bin/sstp-doctor when it exists (the .deb's). See the README, Performance.
 */
public final class CliStartupBenchmark {
    private CliStartupBenchmark() {
    }

    private record Result(List<Double> total, List<Double> processToTcp, List<Double> attemptToTcp) {
        Result() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path installed = Path.of(args.length > 1 ? args[1] : "/usr/bin/sstp-doctor");
        Path jar = Path.of("target/sstp-doctor.jar").toAbsolutePath();
        Path launcher = Path.of("target/sstp-doctor").toAbsolutePath();
        Path python = Path.of("src/test/python/sstp_minimal_client.py").toAbsolutePath();
        for (Path needed : List.of(jar, launcher, python)) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException(needed + " is missing: build first with ./mvnw -q -DskipTests package");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String pythonBinary = Bench.resolve("python3");

        // As `serve` runs it: the practice CA publishes its CRL and OCSP responder on loopback, so the probe
        // checks revocation as against a real CA (and passes), and the Python client and curl trust the same CA.
        Path ca = Files.createTempFile("sstp-doctor-bench-ca", ".pem");
        try (PracticePki pki = PracticePki.start();
             SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING,
                     pki.serverContext(Scenario.WORKING, PracticePki.LOOPBACK_NAMES)))) {
            Files.writeString(ca, pki.caPem(), StandardCharsets.US_ASCII);
            String address = "localhost:" + responder.port();
            List<String> probeArgs = List.of("probe", address, "--proxy", "none", "--trust-ca", ca.toString(), "--json");
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("python ssl client", List.of(pythonBinary, python.toString(), "localhost",
                    String.valueOf(responder.port()), ca.toString()));
            commands.put("curl (to the 200)", List.of(Bench.resolve("curl"), "-s", "--http1.1", "-g", "--cacert", ca.toString(),
                    "-X", "SSTP_DUPLEX_POST", "-H", "SSTPCORRELATIONID: {11111111-2222-3333-4444-555555555555}",
                    "-H", "Content-Length: 18446744073709551615", "--max-filesize", "1", "--max-time", "10",
                    "-o", "/dev/null", "https://" + address + AddressParser.SSTP_PATH));
            commands.put("java -jar target/sstp-doctor.jar", concat(List.of(java, "-jar", jar.toString()), probeArgs));
            commands.put("target/sstp-doctor", concat(List.of(launcher.toString()), probeArgs));
            if (Files.isExecutable(installed)) {
                commands.put(installed.toString() + " (installed)", concat(List.of(installed.toString()), probeArgs));
            }

            System.out.println("SSTP Doctor CLI start-up benchmark: process start to verdict against the built-in"
                    + " responder on " + address);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + Bench.loadAverage() + ", Java " + System.getProperty("java.version") + "; " + runs
                    + " runs each after one warm-up, taking turns");
            System.out.println();
            Map<String, Result> results = new LinkedHashMap<>();
            commands.keySet().forEach(k -> results.put(k, new Result()));
            for (int run = 0; run <= runs; run++) {
                for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                    boolean isCurl = command.getKey().startsWith("curl");
                    Instant launched = Instant.now();
                    long start = System.nanoTime();
                    Process p = new ProcessBuilder(command.getValue()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    byte[] output = p.getInputStream().readAllBytes();
                    int code = p.waitFor();
                    double ms = (System.nanoTime() - start) / 1e6;
                    int expected = isCurl ? 63 : 0; // curl: "maximum file size exceeded", right after the 200's head
                    if (code != expected) {
                        throw new IllegalStateException(command.getKey() + " exited " + code + " (expected " + expected + ")");
                    }
                    if (run == 0) {
                        continue; // warms the page cache
                    }
                    Result result = results.get(command.getKey());
                    result.total().add(ms);
                    if (command.getValue().contains("--json")) {
                        tcpTimes(output, launched, result);
                    }
                }
            }
            double python0 = Bench.median(results.get("python ssl client").total());
            double curl0 = Bench.median(results.get("curl (to the 200)").total());
            System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s %10s %10s%n", "process start to verdict", "median", "p90",
                    "min", "/ python", "/ curl");
            for (Map.Entry<String, Result> e : results.entrySet()) {
                List<Double> t = e.getValue().total();
                System.out.printf(Locale.ROOT, "%-44s %6.0f ms %6.0f ms %6.0f ms %10.2f %10.2f%n", e.getKey(),
                        Bench.median(t), Bench.percentile(t, 0.9), Bench.percentile(t, 0), Bench.median(t) / python0,
                        Bench.median(t) / curl0);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %22s %22s%n", "TCP connection opened (median / max)", "after process start",
                    "after attempt start");
            for (Map.Entry<String, Result> e : results.entrySet()) {
                if (!e.getValue().processToTcp().isEmpty()) {
                    System.out.printf(Locale.ROOT, "%-44s %10.0f / %5.0f ms %10.1f / %5.1f ms%n", e.getKey(),
                            Bench.median(e.getValue().processToTcp()), Bench.percentile(e.getValue().processToTcp(), 1),
                            Bench.median(e.getValue().attemptToTcp()), Bench.percentile(e.getValue().attemptToTcp(), 1));
                }
            }
            System.out.println();
            System.out.println("Goals (issue 16): CLI median at most 300 ms and at most 3x the python client; TCP"
                    + " connection within 30 ms of the probe's start.");
        } finally {
            Files.deleteIfExists(ca);
        }
    }

    /** From the probe's JSON: startedAt (the attempt's wall-clock start) and the tcp_connect stage's startMs. */
    private static void tcpTimes(byte[] json, Instant launched, Result result) throws Exception {
        JsonNode report = new ObjectMapper().readTree(json);
        Instant attemptStart = Instant.parse(report.get("startedAt").asText());
        for (JsonNode stage : report.get("stages")) {
            if (stage.get("stage").asText().equals("tcp_connect") && stage.get("startMs").isNumber()) {
                double attemptToTcp = stage.get("startMs").asDouble();
                double launchToAttempt = java.time.Duration.between(launched, attemptStart).toNanos() / 1e6;
                result.attemptToTcp().add(attemptToTcp);
                result.processToTcp().add(launchToAttempt + attemptToTcp);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
