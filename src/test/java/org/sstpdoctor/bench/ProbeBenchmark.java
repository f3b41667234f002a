package org.sstpdoctor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.responder.ResponderCertificates;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.AddressParser;

/**
 * Time to verdict against the local responder, beside curl sending the same SSTP request to the
 * same responder in the same run. Prints figures; asserts nothing. See the README for how to run it.
 *
 * <p>curl stops once it has the 200 (it cannot speak SSTP after it), so it does less work than the
 * probe, which also runs the SSTP control exchange and leaves with CALL_DISCONNECT.
 */
public final class ProbeBenchmark {
    private static final int WARMUP = 200;
    private static final int WARM_RUNS = 200;
    private static final int PROCESS_RUNS = 15;

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/sstp-doctor.jar");
        ResponderCertificates certificates = ResponderCertificates.loopback();
        Path ca = Files.createTempFile("sstp-doctor-bench-ca", ".pem");
        Files.writeString(ca, certificates.caPem(), StandardCharsets.US_ASCII);
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING,
                certificates.serverContext()))) {
            String address = "localhost:" + responder.port();
            ProbeRequest request = new ProbeRequest(address, AddressParser.parse(address), null,
                    List.of(certificates.ca().certificate()), "practice CA", Duration.ofSeconds(10));
            SstpProbe probe = org.sstpdoctor.probe.okhttp.OkHttpProbes.standard();

            System.out.println("SSTP Doctor benchmark: time to verdict against the built-in responder on " + address);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version"));
            System.out.println();

            for (int i = 0; i < WARMUP; i++) {
                check(probe.run(request));
            }
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                long start = System.nanoTime();
                check(probe.run(request));
                warm.add((System.nanoTime() - start) / 1e6);
            }

            List<String> cli = List.of(javaBinary(), "-jar", jar.toString(), "probe", address, "--proxy", "none",
                    "--trust-ca", ca.toString(), "--json");
            List<Double> cliTimes = processTimes(cli, 0, jar);

            List<String> curl = List.of("curl", "-s", "--http1.1", "-g", "--cacert", ca.toString(),
                    "-X", "SSTP_DUPLEX_POST",
                    "-H", "SSTPCORRELATIONID: {11111111-2222-3333-4444-555555555555}",
                    "-H", "Content-Length: 18446744073709551615",
                    // curl stops when the declared length exceeds this: right after the 200's head.
                    "--max-filesize", "1", "--max-time", "10", "-o", "/dev/null",
                    "https://" + address + AddressParser.SSTP_PATH);
            List<Double> curlTimes = processTimes(curl, 63, null);

            row("probe, warm JVM (" + WARM_RUNS + " runs)", warm);
            row("CLI, whole process (" + PROCESS_RUNS + " runs)", cliTimes);
            row("curl, whole process (" + PROCESS_RUNS + " runs)", curlTimes);
            System.out.println();
            double curlMedian = median(curlTimes);
            System.out.printf(Locale.ROOT, "warm probe / curl process (medians): %.2f  (target: at most 1.50)%n",
                    median(warm) / curlMedian);
            System.out.printf(Locale.ROOT, "CLI process / curl process (medians): %.2f%n", median(cliTimes) / curlMedian);
        } finally {
            Files.deleteIfExists(ca);
        }
    }

    private static void check(ProbeReport report) {
        if (report.findings().stream().noneMatch(f -> f.outcome() == Outcome.SSTP_ACK)) {
            throw new IllegalStateException("benchmark probe did not pass: " + report.outcome() + " " + report.detail());
        }
    }

    private static List<Double> processTimes(List<String> command, int expectedExit, Path needed) throws Exception {
        if (needed != null && !Files.exists(needed)) {
            throw new IllegalStateException(needed + " is missing: build it first with ./mvnw -DskipTests package");
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < PROCESS_RUNS + 1; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            double ms = (System.nanoTime() - start) / 1e6;
            if (code != expectedExit) {
                throw new IllegalStateException(command.get(0) + " exited " + code + " (expected " + expectedExit + ")");
            }
            if (i > 0) { // the first run warms the page cache
                times.add(ms);
            }
        }
        return times;
    }

    private static void row(String label, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-36s median %8.2f ms   p90 %8.2f ms   min %8.2f ms%n", label, median(sorted),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(0));
    }

    private static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String javaBinary() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.exists(java) ? java.toString() : "java";
    }
}
