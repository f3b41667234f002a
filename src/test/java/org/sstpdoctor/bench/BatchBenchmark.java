package org.sstpdoctor.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.sstpdoctor.probe.BatchProbe;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.responder.ResponderCertificates;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.AddressParser;

/**
 * 1,000 probes against the local responder with a bounded pool: total time, probes per second,
 * peak resident memory and live threads; the CLI doing the same from a file as one process; and
 * curl run with the same concurrency by {@code xargs -P}. Prints figures; asserts nothing.
 */
public final class BatchBenchmark {
    private static final int PROBES = 1000;
    private static final int CONCURRENCY = 8;

    private BatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/sstp-doctor.jar");
        ResponderCertificates certificates = ResponderCertificates.loopback();
        Path dir = Files.createTempDirectory("sstp-doctor-batch-bench");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, certificates.caPem(), StandardCharsets.US_ASCII);
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING,
                certificates.serverContext()))) {
            String address = "localhost:" + responder.port();
            ProbeRequest request = new ProbeRequest(address, AddressParser.parse(address), null,
                    List.of(certificates.ca().certificate()), "practice CA", Duration.ofSeconds(10));
            SstpProbe probe = org.sstpdoctor.probe.okhttp.OkHttpProbes.standard();
            System.out.println("SSTP Doctor batch benchmark: " + PROBES + " probes, concurrency " + CONCURRENCY
                    + ", against the built-in responder on " + address);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version"));
            System.out.println();

            run(probe, request, 200); // warm-up
            int threadsBefore = Thread.activeCount();
            AtomicInteger peakThreads = new AtomicInteger();
            long start = System.nanoTime();
            BatchProbe.Summary summary = run(probe, request, PROBES, peakThreads);
            double inProcessSeconds = (System.nanoTime() - start) / 1e9;
            if (summary.passed() != PROBES) {
                throw new IllegalStateException("not every probe passed: " + summary);
            }
            System.out.printf(Locale.ROOT, "in-process batch:   %6.2f s   %7.1f probes/s   live threads %d before, peak %d"
                    + "   peak RSS %d MiB (of the benchmark's JVM, which also runs the responder)%n", inProcessSeconds, PROBES / inProcessSeconds, threadsBefore, peakThreads.get(),
                    peakRssMiB());

            Path list = dir.resolve("servers.txt");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                lines.add(address);
            }
            Files.write(list, lines);
            long cliStart = System.nanoTime();
            Path rss = dir.resolve("rss.txt");
            // GNU time reports the process's peak resident set (KiB) into rss.txt.
            Process cli = new ProcessBuilder("/usr/bin/time", "-o", rss.toString(), "-f", "%M", javaBinary(), "-jar",
                    jar.toString(), "probe", "--file", list.toString(), "--concurrency", Integer.toString(CONCURRENCY),
                    "--format", "csv", "--proxy", "none", "--trust-ca", ca.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int cliExit = cli.waitFor();
            double cliSeconds = (System.nanoTime() - cliStart) / 1e9;
            if (cliExit != 0) {
                throw new IllegalStateException("the CLI batch exited " + cliExit);
            }
            long cliRssMiB = Long.parseLong(Files.readString(rss).trim().lines().reduce((a, b) -> b).orElse("0").trim()) / 1024;
            System.out.printf(Locale.ROOT, "CLI batch process:  %6.2f s   %7.1f probes/s   peak RSS %d MiB%n", cliSeconds,
                    PROBES / cliSeconds, cliRssMiB);

            Path urls = dir.resolve("urls.txt");
            List<String> urlLines = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                urlLines.add("https://" + address + AddressParser.SSTP_PATH);
            }
            Files.write(urls, urlLines);
            String curl = "xargs -P " + CONCURRENCY + " -n 1 curl -s -g --http1.1 --cacert " + ca
                    + " -X SSTP_DUPLEX_POST -H 'SSTPCORRELATIONID: {11111111-2222-3333-4444-555555555555}'"
                    + " -H 'Content-Length: 18446744073709551615' --max-filesize 1 --max-time 10 -o /dev/null < " + urls;
            long curlStart = System.nanoTime();
            Process p = new ProcessBuilder("bash", "-c", curl + " ; true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            double curlSeconds = (System.nanoTime() - curlStart) / 1e9;
            System.out.printf(Locale.ROOT, "curl, xargs -P %d:   %6.2f s   %7.1f requests/s%n", CONCURRENCY, curlSeconds,
                    PROBES / curlSeconds);
            System.out.println();
            System.out.printf(Locale.ROOT, "in-process batch / curl: %.2f   CLI batch / curl: %.2f  (time ratios)%n",
                    inProcessSeconds / curlSeconds, cliSeconds / curlSeconds);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static BatchProbe.Summary run(SstpProbe probe, ProbeRequest request, int count) {
        return run(probe, request, count, new AtomicInteger());
    }

    private static BatchProbe.Summary run(SstpProbe probe, ProbeRequest request, int count, AtomicInteger peakThreads) {
        Iterator<BatchProbe.Item> items = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public BatchProbe.Item next() {
                return BatchProbe.Item.of(i++, request.typedAddress(), request);
            }
        };
        return BatchProbe.run(items, CONCURRENCY, probe, new Cancellation(),
                (item, report) -> peakThreads.accumulateAndGet(Thread.activeCount(), Math::max));
    }

    /** VmHWM from /proc: the process's peak resident set. */
    private static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.exists(java) ? java.toString() : "java";
    }
}
