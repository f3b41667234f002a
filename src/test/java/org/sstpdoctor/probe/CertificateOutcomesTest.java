package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * Each certificate problem is a failure, and the probe still looks past it to test the SSTP layer
 * (it sends the server no secret), so the report can say when the certificate is the only problem.
 */
class CertificateOutcomesTest {

    static ProbeReport probe(SSLContext serverTls, Scenario scenario) throws IOException {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(scenario, serverTls))) {
            return TestProbes.probe().run(TestProbes.local(responder.port()));
        }
    }

    static Stream<Arguments> badCertificates() {
        return Stream.of(
                Arguments.of("expired", (Supplier<SSLContext>) TestCertificates::expired, Outcome.CERT_EXPIRED),
                Arguments.of("not yet valid", (Supplier<SSLContext>) TestCertificates::notYetValid, Outcome.CERT_NOT_YET_VALID),
                Arguments.of("wrong name", (Supplier<SSLContext>) TestCertificates::wrongName, Outcome.CERT_NAME_MISMATCH),
                Arguments.of("self-signed", (Supplier<SSLContext>) TestCertificates::selfSigned, Outcome.CERT_UNTRUSTED),
                Arguments.of("unknown CA", (Supplier<SSLContext>) TestCertificates::fromOtherCa, Outcome.CERT_UNTRUSTED),
                Arguments.of("weak key", (Supplier<SSLContext>) TestCertificates::weakKey, Outcome.CERT_WEAK),
                Arguments.of("client-only EKU", (Supplier<SSLContext>) TestCertificates::clientAuthOnly,
                        Outcome.CERT_WRONG_KEY_USAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCertificates")
    void certificateProblemFailsButTheSstpLayerIsStillTested(String name, Supplier<SSLContext> tls, Outcome expected)
            throws IOException {
        ProbeReport report = probe(tls.get(), Scenario.WORKING);
        assertEquals(expected, report.outcome(), name + ": " + report.findings());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(AnsweredBy.SERVER, report.answeredBy());
        assertNotNull(report.beyondCertificate(), "what lies past the certificate is reported");
        assertEquals(Outcome.SSTP_ACK, report.beyondCertificate().outcome());
        assertEquals(StageStatus.FAILED, report.stage(Stage.TLS_HANDSHAKE).orElseThrow().status());
        assertEquals(StageStatus.PASSED, report.stage(Stage.SSTP_CONTROL).orElseThrow().status());
        assertFalse(report.tls().chain().isEmpty(), "the chain is captured");
        assertTrue(report.findings().stream().anyMatch(f -> f.outcome() == Outcome.SSTP_ACK));
    }

    @Test
    void certificateProblemAndABrokenServerAreBothReported() throws IOException {
        try (SstpResponder responder = SstpResponder.start(
                ResponderConfig.loopback(Scenario.HTTP_STATUS, TestCertificates.expired()).withHttpStatus(404))) {
            ProbeReport report = TestProbes.probe().run(TestProbes.local(responder.port()));
            assertEquals(Outcome.CERT_EXPIRED, report.outcome());
            assertEquals(Outcome.HTTP_STATUS, report.beyondCertificate().outcome());
            assertEquals(404, report.httpResponse().code());
        }
    }

    @Test
    void privateCaIsTrustedWhenGiven() throws IOException {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            ProbeReport without = TestProbes.probe().run(TestProbes.request("localhost:" + responder.port()));
            assertEquals(Outcome.CERT_UNTRUSTED, without.outcome());
            assertTrue(without.tls().trustDetail().contains("PKIX") || !without.tls().trustDetail().isEmpty());
            ProbeReport with = TestProbes.probe().run(TestProbes.local(responder.port()));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(with);
        }
    }

    @Test
    void certificateExpiringSoonIsAWarning() throws IOException {
        ProbeReport report = probe(TestCertificates.expiringSoon(), Scenario.WORKING);
        assertEquals(Outcome.CERT_EXPIRING_SOON, report.outcome());
        assertEquals(Verdict.WARN, report.verdict());
        assertEquals(StageStatus.WARNED, report.stage(Stage.TLS_HANDSHAKE).orElseThrow().status());
        assertTrue(report.findings().stream().anyMatch(f -> f.outcome() == Outcome.SSTP_ACK));
        assertTrue(report.detail().contains("days"), report.detail());
    }

    @Test
    void expiredAndWrongNameAreBothNamed() throws IOException {
        ProbeReport report = probe(TestCertificates.expired(), Scenario.WORKING);
        List<Outcome> found = report.tls().findings().stream().map(Finding::outcome).toList();
        assertTrue(found.contains(Outcome.CERT_EXPIRED), found.toString());
        assertEquals(List.of(Outcome.CERT_EXPIRED), found, "a trusted, correctly named but expired certificate");
    }

    @Test
    void chainDetailsAreCaptured() throws IOException {
        ProbeReport report = probe(TestCertificates.valid(), Scenario.WORKING);
        CertificateInfo leaf = report.tls().chain().get(0);
        assertTrue(leaf.subject().contains("CN=localhost"), leaf.subject());
        assertTrue(leaf.issuer().contains("SSTP Doctor Test CA"), leaf.issuer());
        assertTrue(leaf.subjectAltNames().contains("DNS:localhost"), leaf.subjectAltNames().toString());
        assertEquals(95, leaf.sha256Fingerprint().length(), "32 bytes as hex pairs with colons");
        assertFalse(report.tls().protocol().isEmpty());
        assertFalse(report.tls().cipherSuite().isEmpty());
    }
}
