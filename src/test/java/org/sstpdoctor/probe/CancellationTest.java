package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * Cancel takes effect at once, whatever the probe is waiting for. The bound checked here (the
 * probe returns within 200 ms of cancel) is the product's promise, not a performance figure.
 */
class CancellationTest {

    static Stream<Arguments> hangingServers() {
        return Stream.of(
                Arguments.of(Scenario.SILENT_ON_ACCEPT, Stage.TLS_HANDSHAKE),
                Arguments.of(Scenario.SILENT_AFTER_TLS, Stage.SSTP_HTTP),
                Arguments.of(Scenario.SILENT_AFTER_200, Stage.SSTP_CONTROL),
                Arguments.of(Scenario.SLOW_REPLY, Stage.SSTP_HTTP));
    }

    @ParameterizedTest
    @MethodSource("hangingServers")
    void cancelReturnsPromptly(Scenario scenario, Stage waitingIn) throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario, TestCertificates.valid()))) {
            Cancellation cancellation = new Cancellation();
            CountDownLatch waiting = new CountDownLatch(1);
            ProbeListener listener = new ProbeListener() {
                @Override
                public void stageStarted(Stage stage, double atMillis) {
                    if (stage == waitingIn) {
                        waiting.countDown();
                    }
                }
            };
            AtomicLong cancelledAt = new AtomicLong();
            CompletableFuture<ProbeReport> running = CompletableFuture.supplyAsync(() -> TestProbes.probe().run(
                    TestProbes.local(server.port()).withTimeout(Duration.ofSeconds(30)), listener, cancellation));
            assertTrue(waiting.await(10, TimeUnit.SECONDS), "the probe reached " + waitingIn);
            Thread.sleep(100);
            cancelledAt.set(System.nanoTime());
            cancellation.cancel();
            ProbeReport report = running.get(5, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt.get());
            assertEquals(Outcome.CANCELLED, report.outcome(), report.detail());
            assertEquals(AnsweredBy.THIS_COMPUTER, report.answeredBy());
            assertEquals(StageStatus.FAILED, report.stage(waitingIn).orElseThrow().status(), report.stages().toString());
            assertTrue(tookMillis < 200, "returned " + tookMillis + " ms after cancel");
        }
    }

    @Test
    void cancelDuringNameLookup() throws Exception {
        CountDownLatch lookupStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        SstpProbe probe = TestProbes.probe(host -> {
            lookupStarted.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host);
        });
        Cancellation cancellation = new Cancellation();
        try {
            CompletableFuture<ProbeReport> running = CompletableFuture.supplyAsync(() -> probe.run(
                    TestProbes.request("vpn.example.com").withTimeout(Duration.ofSeconds(30)), ProbeListener.NONE, cancellation));
            assertTrue(lookupStarted.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            cancellation.cancel();
            ProbeReport report = running.get(5, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Outcome.CANCELLED, report.outcome());
            assertTrue(tookMillis < 200, "returned " + tookMillis + " ms after cancel");
        } finally {
            never.countDown();
        }
    }

    @Test
    void cancelledBeforeStartIsCancelled() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            Cancellation cancellation = new Cancellation();
            cancellation.cancel();
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()), ProbeListener.NONE, cancellation);
            assertEquals(Outcome.CANCELLED, report.outcome());
        }
    }
}
