package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * A configured web proxy that decrypts the tunnel (ssl-bump): it presents its own CA's certificate,
 * which this computer does not trust, and answers SSTP's request itself with squid's 411. The answer
 * is the proxy's, not the VPN server's, and the certificate is the proxy's, not the server's problem.
 */
class InterceptionThroughAProxyTest {
    @Test
    void anInterceptingProxysCertificateAnd411AreTheProxys() throws IOException {
        try (SstpResponder bumping = SstpResponder.start(ResponderConfig.loopback(Scenario.INSPECTING_PROXY,
                TestCertificates.fromOtherCa()));
             ProxyHarness proxy = ProxyHarness.open()) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(bumping.port())
                    .withProxy(ProxySettings.manual(proxy.endpoint())).withTimeout(Duration.ofSeconds(10)));
            assertEquals(Outcome.TLS_INTERCEPTED, r.outcome(), r.findings().toString());
            assertEquals(AnsweredBy.PROXY, r.answeredBy(), "not 'answered by the VPN server'");
            assertEquals(411, r.httpResponse().code());
            assertTrue(r.detail().contains("X-Squid-Error"), r.detail());
            assertTrue(r.findings().stream().anyMatch(f -> f.outcome() == Outcome.CERT_UNTRUSTED),
                    "the untrusted certificate is still reported: " + r.findings());
            assertNull(r.insights().serverIdentity(), "nothing is said about the server behind the proxy");
            assertEquals(StageStatus.SKIPPED, r.stage(Stage.SERVER_IDENTITY).orElseThrow().status(),
                    "no question to a server that did not answer");
        }
    }
}
