package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.evidence.SecondLook;
import org.sstpdoctor.responder.Behaviour;
import org.sstpdoctor.responder.Imitation;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/**
 * "What answered", end to end: responders imitating each server family, the identification the
 * report makes, the extra question asked only when the first answers leave it open, and its exact bytes.
 */
class ServerIdentityTest {
    private record Seen(ProbeReport report, List<SstpResponder.Exchange> exchanges, int port) {
        String product() {
            assertNotNull(report.insights().serverIdentity(), report.findings().toString());
            return report.insights().serverIdentity().product();
        }

        List<String> gets() {
            return exchanges.stream().map(SstpResponder.Exchange::requestHeadText).filter(h -> h.startsWith("GET ")).toList();
        }

        StageResult stage() {
            return report.stage(Stage.SERVER_IDENTITY).orElseThrow();
        }
    }

    private static Seen probe(Scenario scenario) throws IOException {
        return probe(ResponderConfig.loopback(scenario, TestCertificates.valid()));
    }

    private static Seen probe(Behaviour behaviour, int hashBitmask) throws IOException {
        return probe(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()).withBehaviour(behaviour)
                .withHashBitmask(hashBitmask));
    }

    private static Seen probe(ResponderConfig config) throws IOException {
        try (SstpResponder server = SstpResponder.start(config)) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(server.port()).withTimeout(Duration.ofSeconds(10)));
            // The SSTP request, one ClientHello per Windows family asked, and the second look when there was one.
            return new Seen(r, server.awaitExchanges(server.connectionCount(), Duration.ofSeconds(3)), server.port());
        }
    }

    @Test
    void windowsRrasIsKnownByItsBare200WithoutAnotherQuestion() throws IOException {
        Seen s = probe(Scenario.LIKE_WINDOWS_RRAS);
        TestProbes.assertSstpAck(s.report());
        assertEquals("Windows RRAS", s.product());
        assertEquals("", s.report().httpResponse().reason(), "no reason phrase");
        assertEquals(List.of(), s.gets(), "the first answers tell: no GET /");
        assertEquals(StageStatus.SKIPPED, s.stage().status());
        assertTrue(s.stage().detail().startsWith("not needed"), s.stage().detail());
    }

    @Test
    void softEtherImitatingWindowsIsToldApartByItsReasonPhraseAndAck() throws IOException {
        Seen s = probe(Scenario.LIKE_SOFTETHER);
        assertEquals("Microsoft-HTTPAPI/2.0", s.report().httpResponse().header("Server").orElseThrow(), "it imitates Windows");
        assertEquals("SHA-256", s.report().sstp().hashProtocols());
        assertEquals("SoftEther VPN", s.product());
        assertTrue(s.report().insights().serverIdentity().because().contains("SHA-256 only"));
        assertEquals(List.of(), s.gets());
    }

    @Test
    void softEtherOfferingBothHashesIsConfirmedByItsAnswerToGetRoot() throws IOException {
        Seen s = probe(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Imitate(Imitation.SOFTETHER, 0x03)), 0x03);
        assertEquals("SHA-256 + SHA-1", s.report().sstp().hashProtocols());
        assertEquals(List.of(SecondLook.request("localhost", s.port())), s.gets(), "exactly one GET /, exactly these bytes");
        assertEquals("GET / HTTP/1.1\r\nHost: localhost:" + s.port() + "\r\nConnection: close\r\n\r\n", s.gets().get(0));
        assertEquals("SoftEther VPN", s.product());
        assertTrue(s.report().insights().serverIdentity().secondLook().startsWith("GET / answered 403"),
                s.report().insights().serverIdentity().secondLook());
        assertEquals(StageStatus.PASSED, s.stage().status(), s.stage().detail());
        TestProbes.assertSstpAck(s.report());
    }

    @Test
    void mikroTikIsKnownByItsBare200AndServer() throws IOException {
        Seen s = probe(Scenario.LIKE_MIKROTIK);
        TestProbes.assertSstpAck(s.report());
        assertEquals("MikroTik RouterOS", s.product());
        assertTrue(s.report().insights().serverIdentity().because().contains("'HTTP/1.1 200'"),
                s.report().insights().serverIdentity().because());
        assertEquals(List.of(), s.gets());
    }

    @Test
    void accelPppIsKnownByNoServerHeaderAndBothHashes() throws IOException {
        Seen s = probe(Scenario.LIKE_ACCEL_PPP);
        TestProbes.assertSstpAck(s.report());
        assertTrue(s.report().httpResponse().header("Server").isEmpty());
        assertEquals("accel-ppp", s.product());
        assertEquals(List.of(), s.gets());
    }

    @Test
    void accelPppOfferingSha256OnlyIsConfirmedByIts404ToAGet() throws IOException {
        Seen s = probe(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Imitate(Imitation.ACCEL_PPP, 0x02)), 0x02);
        assertEquals(1, s.gets().size(), s.gets().toString());
        assertEquals("accel-ppp", s.product());
        assertTrue(s.report().insights().serverIdentity().because().contains("404 with no Server header"));
    }

    @Test
    void httpSysWithNoSstpServiceIsToldFromSoftEther() throws IOException {
        // Every request answered 404 by Microsoft-HTTPAPI: RRAS not listening for SSTP on a Windows web server.
        Seen s = probe(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Status(404, "Microsoft-HTTPAPI/2.0")), 0x02);
        assertEquals(Outcome.HTTP_STATUS, s.report().outcome());
        assertEquals(1, s.gets().size());
        assertTrue(s.product().startsWith("Windows (HTTP.sys) with no SSTP service"), s.product());
        assertTrue(s.report().insights().serverIdentity().describe().startsWith("looks like "), "hedged");
    }

    @Test
    void aWebServerOrLoadBalancerInFrontIsKnownByIts400() throws IOException {
        Seen s = probe(Scenario.NGINX_PROXY);
        assertTrue(s.product().startsWith("a web server or HTTP load balancer"), s.product());
        assertEquals(List.of(), s.gets());
        Seen bare = probe(Behaviour.WORKING.onRequest(Behaviour.OnRequest.ReplyAndClose.ascii(
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")), 0x02);
        assertTrue(bare.product().startsWith("a web server or HTTP load balancer"), "without a Server header too");
    }

    @Test
    void noQuestionWithTheWindowsCheckOff() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withBehaviour(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Imitate(Imitation.SOFTETHER, 0x03))))) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(server.port()).withWindowsCheck(false));
            assertEquals(StageStatus.SKIPPED, r.stage(Stage.SERVER_IDENTITY).orElseThrow().status());
            assertEquals(1, server.connectionCount(), "only the SSTP request itself");
        }
    }

    @Test
    void throughAWebProxyTheQuestionGoesThroughItsTunnel() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withBehaviour(Behaviour.WORKING.onRequest(new Behaviour.OnRequest.Imitate(Imitation.SOFTETHER, 0x03))));
             ProxyHarness proxy = ProxyHarness.open()) {
            ProbeReport r = TestProbes.probe().run(TestProbes.local(server.port())
                    .withProxy(ProxySettings.manual(proxy.endpoint())).withTimeout(Duration.ofSeconds(10)));
            assertEquals("SoftEther VPN", r.insights().serverIdentity().product(), r.findings().toString());
            assertTrue(server.awaitExchanges(server.connectionCount(), Duration.ofSeconds(3)).stream()
                    .anyMatch(e -> e.requestHeadText().equals(SecondLook.request("localhost", server.port()))));
        }
    }
}
