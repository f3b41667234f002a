package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.windows.WindowsCompatibility.Status;
import org.sstpdoctor.probe.windows.WindowsFamily;
import org.sstpdoctor.responder.ResponderCertificates;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.LoginPageProxy;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** The "will Windows connect?" outcomes, end to end through the probe against servers the tests start. */
class WindowsOutcomesTest {

    private static ProbeReport probe(Scenario scenario, SSLContext tls) throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario, tls))) {
            return TestProbes.probe().run(TestProbes.local(server.port()));
        }
    }

    private static WindowsCompatibilityRow row(ProbeReport r, WindowsFamily f) {
        var row = r.insights().windowsCompatibility().row(f).orElseThrow();
        return new WindowsCompatibilityRow(row.status(), row.line());
    }

    private record WindowsCompatibilityRow(Status status, String line) {
    }

    @Test
    void tls13OnlyServerWarnsThatWindows10CannotConnectAlthoughJavaDid() throws IOException {
        ProbeReport r = probe(Scenario.TLS_1_3_ONLY, TestCertificates.valid());
        assertEquals(Outcome.SOME_WINDOWS_CANNOT_CONNECT, r.outcome(), r.findings().toString());
        assertEquals(Verdict.WARN, r.verdict());
        assertEquals("TLSv1.3", r.tls().protocol(), "Java itself negotiated TLS 1.3");
        assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.SSTP_ACK));
        assertEquals("Windows 11: yes, TLS 1.3", row(r, WindowsFamily.WINDOWS_11).line());
        assertEquals("Windows 10: no \u2014 the server offers only TLS 1.3", row(r, WindowsFamily.WINDOWS_10).line());
        assertTrue(r.detail().contains("Windows 10: no"), r.detail());
    }

    @Test
    void chaCha20OnlyServerFailsForWindowsEvenThoughJavaConnected() throws IOException {
        ProbeReport r = probe(Scenario.CHACHA20_ONLY, TestCertificates.valid());
        assertTrue(r.tls().cipherSuite().contains("CHACHA20"), "Java negotiated " + r.tls().cipherSuite());
        assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.SSTP_ACK), "Java got the Ack");
        assertEquals(Outcome.WINDOWS_CANNOT_CONNECT, r.outcome(), r.findings().toString());
        assertEquals(Verdict.FAIL, r.verdict());
        for (WindowsFamily f : WindowsFamily.values()) {
            assertEquals(Status.NO, row(r, f).status(), row(r, f).line());
        }
    }

    @Test
    void rsaCertificateOnAWorkingServerLetsWindows10And11In() throws IOException {
        ProbeReport r = probe(Scenario.WORKING, TestCertificates.validRsa());
        assertEquals("RSA", r.tls().chain().get(0).keyAlgorithm(), "the certificate under test is RSA");
        assertEquals(Outcome.REVOCATION_GOOD, r.revocation().outcome(), r.revocation().detail());
        TestProbes.assertSstpAck(r);
        assertEquals(Status.YES, row(r, WindowsFamily.WINDOWS_10).status());
        assertEquals(Status.YES, row(r, WindowsFamily.WINDOWS_11).status());
    }

    @Test
    void loginPageOnTheTlsPortIsSignInFirst() throws IOException {
        ProbeReport r = probe(Scenario.CAPTIVE_PORTAL, TestCertificates.valid());
        assertEquals(Outcome.CAPTIVE_PORTAL, r.outcome(), r.findings().toString());
        assertEquals(AnsweredBy.NETWORK, r.answeredBy());
        assertEquals("http://login.hotel-wifi.example/portal?continue=vpn", r.insights().captivePortal().pageAddress());
    }

    @Test
    void proxyRedirectingConnectToALoginPageIsSignInFirstNotProxyRefused() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             LoginPageProxy proxy = new LoginPageProxy(LoginPageProxy.Mode.REDIRECT)) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(server.port())
                    .withProxy(ProxySettings.manual(proxy.endpoint())));
            assertEquals(Outcome.CAPTIVE_PORTAL, r.outcome(), r.findings().toString());
            assertEquals(LoginPageProxy.LOGIN_URL, r.insights().captivePortal().pageAddress());
            assertEquals(0, r.insights().windowsCompatibility().handshakes(), "no ClientHello past a login page");
        }
    }

    @Test
    void proxyAnsweringConnectWithAPageIsSignInFirstWithoutWaiting() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             LoginPageProxy proxy = new LoginPageProxy(LoginPageProxy.Mode.PAGE_200)) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(server.port())
                    .withProxy(ProxySettings.manual(proxy.endpoint())).withTimeout(Duration.ofSeconds(10)));
            assertEquals(Outcome.CAPTIVE_PORTAL, r.outcome(), r.findings().toString());
            assertEquals(LoginPageProxy.LOGIN_URL, r.insights().captivePortal().pageAddress());
            System.out.println("login page through CONNECT 200: verdict after " + Math.round(r.totalMillis()) + " ms");
        }
    }

    @Test
    void inspectingSquidsAnswerIsTheProxysNotTheServers() throws IOException {
        ProbeReport r = probe(Scenario.INSPECTING_PROXY, TestCertificates.valid());
        assertEquals(Outcome.TLS_INTERCEPTED, r.outcome(), r.findings().toString());
        assertEquals(AnsweredBy.PROXY, r.answeredBy());
        assertEquals(411, r.httpResponse().code());
        assertTrue(r.detail().contains("X-Squid-Error"), r.detail());
        assertTrue(r.insights().serverIdentity() == null, "nothing is said about the server behind the proxy");
    }

    @Test
    void certificateFromAnInspectionProductsCaIsInterceptionEvenWhenTrusted() throws IOException {
        HeldCertificate inspectionCa = new HeldCertificate.Builder()
                .commonName("Zscaler Intermediate Root CA (zscaler.net)").organizationalUnit("Zscaler Inc.")
                .certificateAuthority(0).build();
        HeldCertificate leaf = new HeldCertificate.Builder().commonName("localhost").addSubjectAlternativeName("localhost")
                .signedBy(inspectionCa).build();
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING,
                ResponderCertificates.serverContext(leaf, inspectionCa)))) {
            ProbeReport untrusted = TestProbes.probe().run(TestProbes.request("localhost:" + server.port()));
            assertEquals(Outcome.TLS_INTERCEPTED, untrusted.outcome(), "not the server's certificate problem");
            assertEquals("Zscaler Internet Access SSL inspection", untrusted.insights().interceptionProduct());
            ProbeReport trusted = TestProbes.probe().run(TestProbes.request("localhost:" + server.port())
                    .withExtraTrust(List.of(inspectionCa.certificate()), "inspection CA"));
            assertEquals(Outcome.TLS_INTERCEPTED, trusted.outcome(), "installing the inspection CA does not help SSTP");
            assertEquals(Verdict.FAIL, trusted.verdict());
        }
    }

    @Test
    void pinnedFingerprintThatMatchesAndOneThatDoesNot() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            ProbeReport first = TestProbes.probe().run(TestProbes.local(server.port()));
            String sha256 = first.insights().cryptoBinding().sha256();
            assertEquals(first.tls().chain().get(0).sha256Fingerprint().replace(":", ""), sha256,
                    "the hash is over the DER of the leaf, as the certificate's own fingerprint");
            ProbeReport match = TestProbes.probe().run(TestProbes.local(server.port()).withExpectedCertificate(sha256));
            TestProbes.assertSstpAck(match);
            assertEquals(java.util.Optional.of(true), match.insights().cryptoBinding().matches());
            String other = "AB".repeat(32);
            ProbeReport mismatch = TestProbes.probe().run(TestProbes.local(server.port()).withExpectedCertificate(other));
            assertEquals(Outcome.UNEXPECTED_CERTIFICATE, mismatch.outcome());
            assertEquals(Verdict.FAIL, mismatch.verdict());
            // what listens on the server's address presented it and answered the call: not "the network"
            assertEquals(AnsweredBy.SERVER, mismatch.answeredBy());
            assertTrue(mismatch.detail().contains(other) && mismatch.detail().contains(sha256), mismatch.detail());
        }
    }

    @Test
    void skewedDateIsNamedInAnExpiredCertificatesExplanation() throws IOException {
        ProbeReport r = probe(Scenario.SKEWED_CLOCK, TestCertificates.expired());
        assertEquals(Outcome.CERT_EXPIRED, r.outcome());
        assertTrue(r.detail().contains("check this computer's clock first") && r.detail().contains("2 days"), r.detail());
        assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.CLOCK_SKEW));
        var skew = r.insights().clockSkews().get(0);
        assertTrue(skew.significant());
        assertTrue(Math.abs(skew.skew().minus(Duration.ofDays(2)).getSeconds()) < 120, skew.describe());
    }

    @Test
    void skewedDateOnAWorkingServerIsAFinding() throws IOException {
        ProbeReport r = probe(Scenario.SKEWED_CLOCK, TestCertificates.valid());
        assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.CLOCK_SKEW), r.findings().toString());
        assertTrue(r.verdict() == Verdict.WARN);
        assertNotNull(r.insights().serverIdentity());
        assertTrue(Instant.now().isBefore(Instant.now().plus(Duration.ofDays(1))));
    }
}
