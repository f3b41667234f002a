package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.testing.TestProbes;

/** A long batch against a name service that never answers, and a probe that fails inside the program. */
class HostileBatchTest {
    static Iterator<BatchProbe.Item> items(int count, ProbeRequest request) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public BatchProbe.Item next() {
                int index = i++;
                return BatchProbe.Item.of(index, "server" + index, request);
            }
        };
    }

    @Test
    void aResolverThatNeverAnswersDoesNotPileUpThreads() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        HostResolver silent = host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host + ": released");
        };
        int before = Thread.activeCount();
        AtomicInteger peak = new AtomicInteger();
        List<ProbeReport> reports = new ArrayList<>();
        try {
            ProbeRequest request = TestProbes.request("vpn.example.test").withTimeout(Duration.ofMillis(150));
            BatchProbe.Summary summary = BatchProbe.run(items(240, request), 16, TestProbes.probe(silent), new Cancellation(),
                    (item, report) -> {
                        reports.add(report);
                        peak.accumulateAndGet(Thread.activeCount(), Math::max);
                    });
            assertEquals(240, summary.total());
        } finally {
            never.countDown(); // free the lookups (and the shared cap) for the other tests
        }
        assertTrue(peak.get() <= before + 16 + NameLookup.MAX_OUTSTANDING + 4,
                "threads: " + before + " before, " + peak.get() + " at peak");
        for (ProbeReport r : reports) {
            assertEquals(Outcome.DNS_FAILURE, r.outcome(), r.detail());
            assertTrue(r.detail().contains("the name service is not answering"), r.detail());
            assertEquals(AnsweredBy.NOBODY, r.answeredBy(), r.detail());
        }
    }

    @Test
    void oneProbeThatFailsInsideTheProgramIsOneInternalErrorRow() {
        AtomicInteger calls = new AtomicInteger();
        Properties exploding = new Properties() {
            @Override
            public String getProperty(String key) {
                if (key.equals("https.proxyHost") && calls.incrementAndGet() == 3) {
                    throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
                }
                return super.getProperty(key);
            }
        };
        SstpProbe probe = org.sstpdoctor.probe.okhttp.OkHttpProbes.with(TestProbes.LOOPBACK_ONLY,
                new SystemProxyDetector(Map.of(), exploding, null), Clock.systemUTC());
        ProbeRequest request = TestProbes.request("localhost:9").withProxy(ProxySettings.SYSTEM)
                .withTimeout(Duration.ofMillis(500));
        List<Outcome> outcomes = new ArrayList<>();
        List<String> details = new ArrayList<>();
        BatchProbe.Summary summary = BatchProbe.run(items(6, request), 1, probe, new Cancellation(), (item, report) -> {
            outcomes.add(report.outcome());
            details.add(report.detail());
        });
        assertEquals(6, summary.total(), "the batch went on to the end");
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.INTERNAL_ERROR).count(), outcomes.toString());
        assertEquals(Outcome.INTERNAL_ERROR, outcomes.get(2));
        assertTrue(details.get(2).startsWith("OutOfMemoryError: unable to create native thread"), details.get(2));
        assertEquals(5, outcomes.stream().filter(o -> o == Outcome.CONNECTION_REFUSED).count(), outcomes.toString());
    }
}
