package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.LoginPageProxy;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * Login pages where the VPN should be, beyond the redirect: a network answering the TLS port itself
 * with a 200 HTML page; clocks: a skewed clock named in a not-yet-valid certificate's explanation, and
 * the proxy's own Date compared too.
 */
class LoginPageAndClockTest {
    @Test
    void aPageOnTheTlsPortIsSignInFirstWithItsAddress() throws IOException {
        try (LoginPageProxy network = new LoginPageProxy(LoginPageProxy.Mode.TLS_PORT_PAGE)) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(network.port()).withTimeout(Duration.ofSeconds(10)));
            assertEquals(Outcome.CAPTIVE_PORTAL, r.outcome(), r.findings().toString());
            assertEquals(AnsweredBy.NETWORK, r.answeredBy());
            assertEquals(LoginPageProxy.LOGIN_URL, r.insights().captivePortal().pageAddress());
            assertTrue(r.detail().contains("with a web page instead of TLS"), r.detail());
            assertEquals(Verdict.FAIL, r.verdict());
        }
    }

    @Test
    void skewedDateIsNamedInANotYetValidCertificatesExplanation() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.SKEWED_CLOCK,
                TestCertificates.notYetValid()))) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(server.port()));
            assertEquals(Outcome.CERT_NOT_YET_VALID, r.outcome());
            assertTrue(r.detail().contains("check this computer's clock first") && r.detail().contains("2 days"), r.detail());
            assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.CLOCK_SKEW), r.findings().toString());
        }
    }

    @Test
    void theProxysDateIsComparedToo() throws IOException {
        String twoDaysAgo = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusDays(2));
        try (org.sstpdoctor.testing.CannedProxy proxy = org.sstpdoctor.testing.CannedProxy.always(
                "HTTP/1.1 403 Forbidden\r\nServer: squid/5.7\r\nDate: " + twoDaysAgo
                        + "\r\nX-Squid-Error: ERR_ACCESS_DENIED 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(443).withProxy(ProxySettings.manual(proxy.endpoint())));
            assertEquals(Outcome.PROXY_POLICY_DENIED, r.outcome(), r.findings().toString());
            var skew = r.insights().clockSkews().stream().filter(s -> s.who().equals("the proxy")).findFirst().orElseThrow();
            assertTrue(skew.significant() && skew.describe().contains("ahead of the proxy's"), skew.describe());
            assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.CLOCK_SKEW), r.findings().toString());
        }
    }
}
