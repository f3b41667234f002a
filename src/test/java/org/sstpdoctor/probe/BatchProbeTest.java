package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class BatchProbeTest {

    @Test
    void reportsComeBackInInputOrderWithASummary() throws IOException {
        try (SstpResponder ok = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             SstpResponder slow = SstpResponder.start(ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.valid()));
             SstpResponder nak = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            List<BatchProbe.Item> items = List.of(
                    BatchProbe.Item.of(0, "slow", TestProbes.local(slow.port()).withTimeout(Duration.ofMillis(2500))),
                    BatchProbe.Item.of(1, "ok", TestProbes.local(ok.port())),
                    BatchProbe.Item.rejected(2, "bad one", ProbeReport.badInput("bad one", "contains a space", Instant.now())),
                    BatchProbe.Item.of(3, "nak", TestProbes.local(nak.port())));
            List<String> order = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            BatchProbe.Summary summary = BatchProbe.run(items.iterator(), 4, TestProbes.probe(), new Cancellation(),
                    (item, report) -> {
                        order.add(item.typed());
                        outcomes.add(TestProbes.sstpOutcome(report));
                    });
            assertEquals(List.of("slow", "ok", "bad one", "nak"), order, "input order, although 'slow' finished last");
            assertEquals(List.of(Outcome.NO_HTTP_RESPONSE, Outcome.SSTP_ACK, Outcome.BAD_INPUT, Outcome.SSTP_NAK), outcomes);
            // The working server passes, or warns that only an old Windows (TLS 1.0) cannot connect.
            assertEquals(1, summary.passed() + summary.warned());
            assertEquals(new BatchProbe.Summary(4, summary.passed(), summary.warned(), 2, 1, Verdict.FAIL), summary);
        }
    }

    /** A long list: threads bounded by the pool, pending reports bounded by the window, input read lazily. */
    @Test
    void threadsAndPendingWorkStayFlatAsTheListGrows() throws IOException {
        int concurrency = 4;
        try (SstpResponder ok = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            ProbeRequest request = TestProbes.local(ok.port());
            AtomicInteger produced = new AtomicInteger();
            AtomicInteger consumed = new AtomicInteger();
            List<Integer> aheadOfOutput = new ArrayList<>();
            Iterator<BatchProbe.Item> items = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return produced.get() < 300;
                }

                @Override
                public BatchProbe.Item next() {
                    int i = produced.getAndIncrement();
                    aheadOfOutput.add(i - consumed.get());
                    return BatchProbe.Item.of(i, "server " + i, request);
                }
            };
            int threadsBefore = Thread.activeCount();
            List<Integer> threads = new ArrayList<>();
            BatchProbe.Summary summary = BatchProbe.run(items, concurrency, TestProbes.probe(), new Cancellation(),
                    (item, report) -> {
                        consumed.incrementAndGet();
                        threads.add(Thread.activeCount());
                    });
            assertEquals(300, summary.total());
            assertEquals(300, summary.passed() + summary.warned());
            int maxAhead = aheadOfOutput.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(maxAhead <= concurrency * 4, "input read at most a window ahead: " + maxAhead);
            int maxThreads = threads.stream().mapToInt(Integer::intValue).max().orElseThrow();
            // + 2 x concurrency: the responder's threads for the Windows ClientHellos in flight and just closing
            assertTrue(maxThreads <= threadsBefore + concurrency + 4 + 8 + 2 * concurrency,
                    "threads before " + threadsBefore + ", at most " + maxThreads + " while probing 300 servers");
        }
    }

    @Test
    void cancelStopsTheBatchQuickly() throws IOException {
        try (SstpResponder silent = SstpResponder.start(ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.valid()))) {
            ProbeRequest request = TestProbes.local(silent.port()).withTimeout(Duration.ofSeconds(30));
            List<BatchProbe.Item> items = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                items.add(BatchProbe.Item.of(i, "s" + i, request));
            }
            Cancellation cancellation = new Cancellation();
            new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                cancellation.cancel();
            }).start();
            long start = System.nanoTime();
            BatchProbe.Summary summary = BatchProbe.run(items.iterator(), 4, TestProbes.probe(), cancellation, (item, report) -> { });
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 5000, "cancelled batch ended after " + ms + " ms");
            assertTrue(summary.total() <= 20);
        }
    }
}
