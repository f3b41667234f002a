package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;

/** A flood of scrapes: the exporter keeps to its limits and answers every request. */
class ExporterFloodTest {
    @TempDir
    Path dir;

    @Test
    void concurrencyThreadsAndMemoryStayBounded() throws Exception {
        ResponderConfig silent = ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.valid());
        String config = "max_concurrent_probes: 3\nmodules:\n  default:\n    proxy: none\n    trust_ca: [CA]\n    timeout: 800ms\n";
        int requests = 60;
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try (SstpResponder responder = SstpResponder.start(silent); ExporterHarness h = ExporterHarness.start(dir, config)) {
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                replies.add(clients.submit(() -> h.get("/probe?target=localhost:" + responder.port())));
            }
            ConcurrentHashMap<Integer, Integer> byStatus = new ConcurrentHashMap<>();
            for (Future<HttpResponse<String>> reply : replies) {
                HttpResponse<String> r = reply.get(60, TimeUnit.SECONDS);
                byStatus.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 503) {
                    assertTrue(r.body().contains("too many probes at once") || r.body().contains("overloaded"), r.body());
                }
            }
            assertEquals(requests, byStatus.values().stream().mapToInt(Integer::intValue).sum(), "every request answered");
            assertTrue(byStatus.keySet().stream().allMatch(s -> s == 200 || s == 503), byStatus.toString());
            assertTrue(byStatus.getOrDefault(503, 0) > 0, "more than the limit were refused: " + byStatus);
            assertTrue(h.exporter.probesInFlightMax() <= 3, "never more probes at once than configured: "
                    + h.exporter.probesInFlightMax());
            long httpThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("sstp-exporter-http")).count();
            assertTrue(httpThreads <= 3 + 4, "request threads are a fixed pool: " + httpThreads);
            String own = h.get("/metrics").body();
            assertEquals((double) byStatus.getOrDefault(503, 0),
                    ExporterHarness.sample(own, "sstp_exporter_requests_rejected_total{reason=\"busy\"}"), own);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void keptReportsAreBounded() throws Exception {
        // A closed port fails fast: many probes, and the status page keeps only the newest.
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String config = "modules:\n  default:\n    proxy: none\n    timeout: 2s\n";
        try (ExporterHarness h = ExporterHarness.start(dir, config)) {
            for (int i = 0; i < RecentProbes.CAPACITY + 20; i++) {
                assertEquals(200, h.get("/probe?target=127.0.0.1:" + closedPort).statusCode());
            }
            String own = h.get("/metrics").body();
            assertEquals((double) RecentProbes.CAPACITY, ExporterHarness.sample(own, "sstp_exporter_recent_reports"), own);
            assertEquals(RecentProbes.CAPACITY + 20.0,
                    ExporterHarness.sample(own, "sstp_exporter_probes_total{module=\"default\",result=\"failure\"}"));
            assertEquals(404, h.get("/report?id=1").statusCode(), "the oldest were let go");
            assertEquals(200, h.get("/report?id=" + (RecentProbes.CAPACITY + 20)).statusCode());
        }
    }
}
