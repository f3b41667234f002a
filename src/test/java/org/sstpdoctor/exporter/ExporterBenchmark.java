package org.sstpdoctor.exporter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * How many probes a second one exporter answers, beside the same probes run in-process with no HTTP
 * in the same run (the ratio is the exporter's own cost). Prints figures; asserts nothing.
 * {@code ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.sstpdoctor.exporter.ExporterBenchmark}
 */
public final class ExporterBenchmark {
    private static final int CONCURRENCY = 8;
    private static final int PROBES = 2000;

    private ExporterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sstp-exporter-bench");
        Path ca = Files.writeString(dir.resolve("ca.pem"), TestCertificates.CA.certificatePem());
        Path file = Files.writeString(dir.resolve("exporter.yml"), "max_concurrent_probes: " + CONCURRENCY
                + "\nmodules:\n  default:\n    proxy: none\n    trust_ca: [" + ca + "]\n    timeout: 10s\n");
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             Exporter exporter = Exporter.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     ConfigLoader.load(file), ExporterHarness.ENVIRONMENT)) {
            String url = "http://127.0.0.1:" + exporter.address().getPort() + "/probe?target=localhost:" + responder.port();
            HttpClient http = HttpClient.newHttpClient();
            ProbeRequest request = TestProbes.local(responder.port());
            SstpProbe probe = TestProbes.probe();
            run(PROBES / 4, () -> probe.run(request, ProbeListener.NONE, new Cancellation()).verdict().name()); // warm-up
            run(PROBES / 4, () -> get(http, url));
            Result direct = run(PROBES, () -> probe.run(request, ProbeListener.NONE, new Cancellation()).verdict().name());
            Result scraped = run(PROBES, () -> get(http, url));
            System.out.printf(Locale.ROOT, "%d probes, %d at once, against the built-in responder on loopback (%d cores)%n",
                    PROBES, CONCURRENCY, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "in-process probe:  %7.1f probes/s, median %6.1f ms, p99 %6.1f ms%n",
                    direct.perSecond(), direct.median(), direct.p99());
            System.out.printf(Locale.ROOT, "through /probe:    %7.1f probes/s, median %6.1f ms, p99 %6.1f ms (%d failed)%n",
                    scraped.perSecond(), scraped.median(), scraped.p99(), scraped.failed());
            System.out.printf(Locale.ROOT, "exporter/in-process throughput ratio: %.2f%n", scraped.perSecond() / direct.perSecond());
            System.out.printf(Locale.ROOT, "targets at a 1-minute scrape interval, CPU-bound on loopback: about %,d%n",
                    (long) (scraped.perSecond() * 60));
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains("probe_success 1") ? "PASS" : "FAIL " + r.statusCode();
    }

    record Result(double seconds, List<Double> millis, int failed) {
        double perSecond() {
            return millis.size() / seconds;
        }

        double median() {
            return millis.get(millis.size() / 2);
        }

        double p99() {
            return millis.get((int) (millis.size() * 0.99));
        }
    }

    private static Result run(int count, java.util.concurrent.Callable<String> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                String verdict = task.call();
                millis.add((System.nanoTime() - t) / 1e6);
                if (!verdict.equals("PASS")) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Result(seconds, sorted, failed.get());
    }
}
