package org.sstpdoctor.responder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Slow and numerous clients cannot exhaust the practice server, and it keeps accepting. */
class ResponderLimitsTest {
    static long responderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("sstp-responder-") && !t.getName().endsWith("accept")
                        && !t.getName().endsWith("deadline"))
                .count();
    }

    @Test
    void aFloodOfSilentConnectionsMeetsTheCapAndTheServerStillAnswers() throws Exception {
        ResponderLimits limits = new ResponderLimits(8, Duration.ofSeconds(30));
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()),
                limits)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    slow.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (server.connectionCount() < 60 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(60, server.connectionCount());
                assertTrue(server.refusedCount() >= 52, "refused " + server.refusedCount());
                assertTrue(responderThreads() <= 2 * limits.maxConnections(), "worker threads: " + responderThreads());
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
            // The slots come back as the silent clients go; the acceptor never stopped.
            ProbeReport report = null;
            long until = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < until) {
                report = TestProbes.probe().run(TestProbes.local(server.port()));
                if (report.findings().stream().anyMatch(f -> f.outcome() == Outcome.SSTP_ACK)) {
                    break;
                }
                Thread.sleep(100);
            }
            TestProbes.assertSstpAck(report);
        }
    }

    @Test
    void aConnectionThatTricklesIsEndedAtTheWholeConnectionDeadline() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()),
                new ResponderLimits(4, Duration.ofMillis(600)));
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            long start = System.nanoTime();
            int read;
            try {
                // One byte of a TLS record, then nothing: only the whole-connection deadline ends this.
                client.getOutputStream().write(0x16);
                read = client.getInputStream().read();
            } catch (IOException reset) {
                read = -1;
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read);
            assertTrue(tookMillis < 5000, "ended after " + tookMillis + " ms");
            assertEquals(1, server.deadlineCount());
        }
    }
}
