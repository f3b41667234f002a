package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.sstp.StatusCode;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Every server-side outcome, reproduced against the built-in responder on loopback. */
class ResponderOutcomesTest {

    static ProbeReport probe(ResponderConfig config, Duration timeout) throws IOException {
        try (SstpResponder responder = SstpResponder.start(config)) {
            return TestProbes.probe().run(TestProbes.local(responder.port()).withTimeout(timeout));
        }
    }

    static ProbeReport probe(Scenario scenario) throws IOException {
        return probe(ResponderConfig.loopback(scenario, TestCertificates.valid()), Duration.ofSeconds(3));
    }

    static StageStatus status(ProbeReport report, Stage stage) {
        return report.stage(stage).orElseThrow().status();
    }

    @Test
    void workingServerIsReachable() throws IOException {
        ProbeReport report = probe(Scenario.WORKING);
        org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
        // PASS, or WARN when only an old Windows (TLS 1.0, which Java's responder refuses) cannot connect.
        assertEquals(report.outcome().verdict(), report.verdict());
        assertTrue(report.verdict() != Verdict.FAIL);
        assertEquals(AnsweredBy.SERVER, report.answeredBy());
        for (Stage stage : List.of(Stage.RESOLVE, Stage.TCP_CONNECT, Stage.TLS_HANDSHAKE, Stage.SSTP_HTTP, Stage.SSTP_CONTROL)) {
            assertEquals(StageStatus.PASSED, status(report, stage), stage.name());
            assertTrue(report.stage(stage).orElseThrow().durationMillis() >= 0);
        }
        assertEquals(StageStatus.SKIPPED, status(report, Stage.PROXY_CONNECT));
        assertEquals(200, report.httpResponse().code());
        assertEquals("CALL_CONNECT_ACK", report.sstp().answer());
        assertEquals("SHA-256", report.sstp().hashProtocols());
        assertEquals("CALL_DISCONNECT acknowledged", report.sstp().ending());
        assertTrue(report.tls().trusted());
        assertTrue(report.tls().nameMatches());
        assertTrue(report.tls().findings().isEmpty(), report.tls().findings().toString());
        assertEquals(2, report.tls().chain().size(), "leaf and CA captured");
    }

    @Test
    void windowsStyleStatusLineWithoutReasonPhraseIsAccepted() throws IOException {
        ProbeReport report = probe(Scenario.WINDOWS_STYLE);
        org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
        assertEquals("", report.httpResponse().reason());
        assertEquals("Microsoft-HTTPAPI/2.0", report.httpResponse().header("Server").orElseThrow());
    }

    @Test
    void bothHashProtocolsAreReported() throws IOException {
        ProbeReport report = probe(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()).withHashBitmask(3),
                Duration.ofSeconds(3));
        org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
        assertEquals("SHA-256 + SHA-1", report.sstp().hashProtocols());
    }

    @Test
    void nakCarriesItsStatus() throws IOException {
        ProbeReport report = probe(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid())
                .withNakStatus(StatusCode.RETRY_COUNT_EXCEEDED), Duration.ofSeconds(3));
        assertEquals(Outcome.SSTP_NAK, report.outcome());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(StatusCode.RETRY_COUNT_EXCEEDED.code(), report.sstp().statusCode());
        assertEquals("RETRY_COUNT_EXCEEDED", report.sstp().statusName());
        assertEquals(StageStatus.FAILED, status(report, Stage.SSTP_CONTROL));
        assertEquals(StageStatus.PASSED, status(report, Stage.SSTP_HTTP));
    }

    @Test
    void abortInsteadOfAck() throws IOException {
        ProbeReport report = probe(Scenario.ABORT);
        assertEquals(Outcome.SSTP_ABORTED, report.outcome());
        assertEquals("CALL_ABORT", report.sstp().answer());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 405, 407, 418, 500, 501, 502, 503, 504, 599})
    void anyHttpStatusFromTheServerIsClassified(int code) throws IOException {
        ProbeReport report = probe(ResponderConfig.loopback(Scenario.HTTP_STATUS, TestCertificates.valid())
                .withHttpStatus(code), Duration.ofSeconds(3));
        assertEquals(Outcome.HTTP_STATUS, report.outcome(), report.detail());
        assertEquals(code, report.httpResponse().code());
        assertEquals(AnsweredBy.SERVER, report.answeredBy());
        assertEquals(StageStatus.FAILED, status(report, Stage.SSTP_HTTP));
        assertEquals(StageStatus.NOT_REACHED, status(report, Stage.SSTP_CONTROL));
        if (code != 407) { // OkHttp refuses a 407 outside a proxy before its body can be read
            assertTrue(report.httpResponse().bodyExcerpt().contains("<html>"), "the error page is kept");
        }
        assertTrue(report.detail().contains(Integer.toString(code)));
    }

    @Test
    void nginxInFrontAnswers400() throws IOException {
        ProbeReport report = probe(Scenario.NGINX_PROXY);
        assertEquals(Outcome.HTTP_STATUS, report.outcome());
        assertEquals(400, report.httpResponse().code());
        assertEquals("nginx", report.httpResponse().header("server").orElseThrow());
    }

    static Stream<Arguments> brokenServers() {
        return Stream.of(
                Arguments.of(Scenario.WEB_SERVER, Outcome.NOT_SSTP, Stage.SSTP_HTTP),
                Arguments.of(Scenario.HTTP_1_0, Outcome.HTTP_VERSION_NOT_1_1, Stage.SSTP_HTTP),
                Arguments.of(Scenario.SILENT_AFTER_TLS, Outcome.NO_HTTP_RESPONSE, Stage.SSTP_HTTP),
                Arguments.of(Scenario.SILENT_AFTER_200, Outcome.SSTP_NO_ANSWER, Stage.SSTP_CONTROL),
                Arguments.of(Scenario.CLOSE_AFTER_REQUEST, Outcome.CONNECTION_CLOSED, Stage.SSTP_HTTP),
                Arguments.of(Scenario.RESET_AFTER_REQUEST, Outcome.CONNECTION_RESET, Stage.SSTP_HTTP),
                Arguments.of(Scenario.RESET_AFTER_200, Outcome.CONNECTION_RESET, Stage.SSTP_CONTROL),
                Arguments.of(Scenario.GARBAGE_REPLY, Outcome.MALFORMED_HTTP_RESPONSE, Stage.SSTP_HTTP),
                Arguments.of(Scenario.BAD_PACKET, Outcome.SSTP_MALFORMED, Stage.SSTP_CONTROL),
                Arguments.of(Scenario.CLOSE_ON_ACCEPT, Outcome.CONNECTION_CLOSED, Stage.TLS_HANDSHAKE),
                Arguments.of(Scenario.RESET_ON_ACCEPT, Outcome.CONNECTION_RESET, Stage.TLS_HANDSHAKE),
                Arguments.of(Scenario.SILENT_ON_ACCEPT, Outcome.TLS_TIMEOUT, Stage.TLS_HANDSHAKE),
                Arguments.of(Scenario.TLS_ALERT, Outcome.TLS_HANDSHAKE_FAILED, Stage.TLS_HANDSHAKE),
                Arguments.of(Scenario.PLAIN_HTTP, Outcome.NOT_TLS, Stage.TLS_HANDSHAKE));
    }

    @ParameterizedTest
    @MethodSource("brokenServers")
    void brokenServersAreClassifiedAtTheRightStage(Scenario scenario, Outcome expected, Stage failingStage)
            throws IOException {
        long start = System.nanoTime();
        ProbeReport report = probe(ResponderConfig.loopback(scenario, TestCertificates.valid()), Duration.ofMillis(1500));
        assertEquals(expected, report.outcome(), scenario + ": " + report.detail());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(StageStatus.FAILED, status(report, failingStage), scenario + " " + report.stages());
        for (Stage stage : Stage.values()) {
            if (stage == Stage.REVOCATION) {
                // Checked on the chain after the connection, whatever failed: good here (the test CA publishes
                // its CRL), or not checked when the broken server used up the time.
                if (failingStage.ordinal() > Stage.TLS_HANDSHAKE.ordinal()) {
                    assertTrue(status(report, stage) == StageStatus.PASSED || status(report, stage) == StageStatus.WARNED,
                            scenario + " " + report.stage(stage));
                }
                continue;
            }
            if (stage == Stage.SERVER_IDENTITY) {
                // What answered: one more question to a server that answered, whatever it answered.
                continue;
            }
            if (stage.ordinal() < failingStage.ordinal() && stage != Stage.PROXY_CONNECT) {
                assertEquals(StageStatus.PASSED, status(report, stage), scenario + " " + stage);
            }
            if (stage.ordinal() > failingStage.ordinal()) {
                assertTrue(status(report, stage) != StageStatus.PASSED, scenario + " " + stage);
            }
        }
        assertTrue(report.answeredBy() == AnsweredBy.SERVER, scenario + " answered by " + report.answeredBy());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "bounded by the timeout");
    }

    @Test
    void refusedConnection() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeReport report = TestProbes.probe().run(TestProbes.local(port));
        assertEquals(Outcome.CONNECTION_REFUSED, report.outcome(), report.detail());
        assertEquals(AnsweredBy.NETWORK, report.answeredBy());
        assertEquals(StageStatus.FAILED, status(report, Stage.TCP_CONNECT));
        assertEquals(List.of("127.0.0.1:" + port + " refused"), report.connectAttempts());
        assertNull(report.tls());
    }

    @Test
    void nameThatDoesNotExist() {
        ProbeReport report = TestProbes.probe().run(TestProbes.request("vpn.does-not-exist.example"));
        assertEquals(Outcome.DNS_NOT_FOUND, report.outcome());
        assertEquals(AnsweredBy.NETWORK, report.answeredBy());
        assertEquals(StageStatus.FAILED, status(report, Stage.RESOLVE));
        assertEquals(StageStatus.NOT_REACHED, status(report, Stage.TCP_CONNECT));
    }

    @Test
    void nameServiceTroubleIsNotAMissingName() {
        SstpProbe probe = TestProbes.probe(host -> {
            throw new java.net.UnknownHostException(host + ": Temporary failure in name resolution");
        });
        ProbeReport report = probe.run(TestProbes.request("vpn.example.com"));
        assertEquals(Outcome.DNS_FAILURE, report.outcome());
    }

    @Test
    void hangingNameServiceEndsAtTheTimeout() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        SstpProbe probe = TestProbes.probe(host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host);
        });
        try {
            ProbeReport report = probe.run(TestProbes.request("vpn.example.com").withTimeout(Duration.ofMillis(300)));
            assertEquals(Outcome.DNS_FAILURE, report.outcome());
            assertEquals(AnsweredBy.NOBODY, report.answeredBy());
        } finally {
            never.countDown();
        }
    }

    @Test
    void ipLiteralNeedsNoLookup() throws IOException {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            SstpProbe probe = TestProbes.probe(host -> {
                throw new AssertionError("no lookup for an IP address");
            });
            ProbeReport report = probe.run(TestProbes.request("127.0.0.1:" + responder.port())
                    .withExtraTrust(List.of(TestCertificates.CA.certificate()), "test CA"));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            assertTrue(report.tls().nameMatches(), "the certificate names 127.0.0.1");
            assertTrue(report.stage(Stage.RESOLVE).orElseThrow().detail().contains("IP address"));
        }
    }

    @Test
    void ipv6LiteralWithPort() throws IOException {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withBind(java.net.InetAddress.getByName("::1"));
        try (SstpResponder responder = SstpResponder.start(config)) {
            ProbeReport report = TestProbes.probe().run(TestProbes.request("[::1]:" + responder.port())
                    .withExtraTrust(List.of(TestCertificates.CA.certificate()), "test CA"));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            assertEquals(List.of("[::1]:" + responder.port() + " connected"), report.connectAttempts());
            assertTrue(report.tls().nameMatches(), "the certificate names ::1");
            assertTrue(responder.awaitExchanges(1, Duration.ofSeconds(5)).get(0).requestHeadText()
                    .contains("Host: [::1]:" + responder.port() + "\r\n"));
        }
    }

    @Test
    void reportsAreImmutableAndComplete() throws IOException {
        ProbeReport report = probe(Scenario.WORKING);
        assertNotNull(report.startedAt());
        assertEquals(Stage.values().length, report.stages().size());
        assertTrue(report.totalMillis() > 0);
        assertEquals(List.of("127.0.0.1"), report.resolvedAddresses());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> report.findings().add(new Finding(Outcome.CANCELLED, "")));
    }
}
