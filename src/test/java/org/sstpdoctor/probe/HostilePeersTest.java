package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * Hostile and broken peers: each ends in a classified outcome within the timeout, without an
 * uncaught exception, without a leaked thread or socket, and the report still renders.
 */
class HostilePeersTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    static void assertWellBehaved(ProbeReport report, long elapsedMillis) {
        assertNotEquals(Outcome.INTERNAL_ERROR, report.outcome(), report.detail());
        assertEquals(Verdict.FAIL, report.verdict());
        assertTrue(elapsedMillis < TIMEOUT.toMillis() + 1500, "ended after " + elapsedMillis + " ms");
        String text = TextReport.render(report);
        String json = JsonReport.render(report);
        assertTrue(text.contains(report.outcome().id()));
        assertTrue(json.contains("\"outcome\" : \"" + report.outcome().id() + "\""));
        assertTrue(text.length() < 200_000, "a hostile peer cannot blow up the report: " + text.length());
        assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "no raw control characters in the report");
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"SLOW_REPLY", "HUGE_STATUS_LINE", "MANY_HEADERS", "INVALID_UTF8", "HTTP_0_9",
        "GARBAGE_REPLY", "BAD_PACKET", "TLS_ALERT", "RESET_AFTER_200", "SILENT_ON_ACCEPT", "SILENT_AFTER_TLS"})
    void hostileServer(Scenario scenario) throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario, TestCertificates.valid()))) {
            long start = System.nanoTime();
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(TIMEOUT));
            assertWellBehaved(report, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void manyHeadersAreKeptButBounded() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.MANY_HEADERS, TestCertificates.valid()))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofSeconds(5)) /* 220 KB of headers over TLS: slow on a loaded machine */);
            assertTrue(Set.of(Outcome.NOT_SSTP, Outcome.MALFORMED_HTTP_RESPONSE, Outcome.SSTP_NO_ANSWER).contains(report.outcome()),
                    report.outcome() + ": " + report.detail());
        }
    }

    /** Raw TCP servers of the test's own, for peers that are not even TLS. */
    static int rawServer(ServerSocket server, Consumer<Socket> behaviour) {
        CompletableFuture.runAsync(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    CompletableFuture.runAsync(() -> {
                        try (s) {
                            behaviour.accept(s);
                        } catch (IOException ignored) {
                            // the peer went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    @Test
    void notHttpNotTlsAtAll() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int port = rawServer(server, s -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.getInputStream().read(new byte[1024]);
                    Thread.sleep(200);
                } catch (IOException | InterruptedException ignored) {
                    // done
                }
            });
            long start = System.nanoTime();
            ProbeReport report = TestProbes.probe().run(TestProbes.local(port).withTimeout(TIMEOUT));
            assertWellBehaved(report, (System.nanoTime() - start) / 1_000_000);
            assertEquals(Outcome.NOT_TLS, report.outcome(), report.detail());
        }
    }

    @Test
    void oneBytePerSecondDuringTheTlsHandshake() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int port = rawServer(server, s -> {
                try {
                    InputStream in = s.getInputStream();
                    in.read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    for (byte b : new byte[] {0x16, 0x03, 0x03, 0x00, 0x40, 0x02, 0x00}) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException ignored) {
                    // done
                }
            });
            long start = System.nanoTime();
            ProbeReport report = TestProbes.probe().run(TestProbes.local(port).withTimeout(TIMEOUT));
            assertWellBehaved(report, (System.nanoTime() - start) / 1_000_000);
            assertEquals(Outcome.TLS_TIMEOUT, report.outcome(), report.detail());
        }
    }

    @Test
    void noThreadOrSocketOutlivesTheHostileRound() throws Exception {
        List<Scenario> hostile = List.of(Scenario.SLOW_REPLY, Scenario.HUGE_STATUS_LINE, Scenario.MANY_HEADERS,
                Scenario.INVALID_UTF8, Scenario.HTTP_0_9, Scenario.BAD_PACKET, Scenario.RESET_AFTER_200);
        for (Scenario s : hostile) { // warm-up
            try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(s, TestCertificates.valid()))) {
                TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofMillis(500)));
            }
        }
        ResourceLeakTest.settle(0);
        List<String> before = ResourceLeakTest.probeThreads();
        int fdsBefore = ResourceLeakTest.openFileDescriptors();
        for (int round = 0; round < 2; round++) {
            for (Scenario s : hostile) {
                try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(s, TestCertificates.valid()))) {
                    TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofMillis(500)));
                }
            }
        }
        ResourceLeakTest.settle(before.size());
        assertEquals(before, ResourceLeakTest.probeThreads());
        int fdsAfter = ResourceLeakTest.openFileDescriptors();
        assertTrue(fdsAfter <= fdsBefore + 2, "fds " + fdsBefore + " -> " + fdsAfter);
        TimeUnit.MILLISECONDS.sleep(1);
    }
}
