package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.ScriptedProxy;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Proxies: a real one (LittleProxy: open, Basic sign-in, deny) and scripted ones for the odd answers. */
class ProxyOutcomesTest {

    static ProbeRequest via(ProxyEndpoint proxy, int serverPort) {
        return TestProbes.local(serverPort).withProxy(ProxySettings.manual(proxy));
    }

    static ProbeRequest withCredentials(ProbeRequest request, String user, String password) {
        return request.withProxy(request.proxy().withCredentials(user, Secret.of(password.toCharArray())));
    }

    static SstpResponder working() throws IOException {
        return SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
    }

    @Test
    void openProxyTunnelsToTheServer() throws IOException {
        try (SstpResponder server = working(); ProxyHarness proxy = ProxyHarness.open()) {
            ProbeReport report = TestProbes.probe().run(via(proxy.endpoint(), server.port()));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            assertEquals(StageStatus.PASSED, report.stage(Stage.PROXY_CONNECT).orElseThrow().status());
            assertEquals(1, report.proxyReplies().size());
            assertEquals(200, report.proxyReplies().get(0).reply().code());
            assertEquals("localhost:" + server.port(), report.proxyReplies().get(0).connectTarget());
            assertTrue(report.proxy().used());
            assertEquals(List.of("127.0.0.1"), report.resolvedAddresses(), "the proxy's address");
        }
    }

    @Test
    void proxyDemandingSignInIsReportedAsWindowsSeesIt() throws IOException {
        try (SstpResponder server = working(); ProxyHarness proxy = ProxyHarness.basicAuth()) {
            ProbeReport report = TestProbes.probe().run(via(proxy.endpoint(), server.port()));
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, report.outcome(), report.detail());
            assertEquals(AnsweredBy.PROXY, report.answeredBy());
            ProxyReply reply = report.proxyReplies().get(report.proxyReplies().size() - 1);
            assertEquals(407, reply.reply().code());
            assertEquals(List.of("Basic"), reply.authSchemes());
            assertFalse(reply.credentialsSent());
            assertNull(report.authenticatedRetry(), "no credentials given, no second attempt");
            assertEquals(StageStatus.FAILED, report.stage(Stage.PROXY_CONNECT).orElseThrow().status());
            assertEquals(StageStatus.NOT_REACHED, report.stage(Stage.TLS_HANDSHAKE).orElseThrow().status());
            assertEquals(0, server.connectionCount(), "the proxy never let us through");
        }
    }

    @Test
    void withCredentialsTheSecondAttemptShowsWhatLiesBeyond() throws IOException {
        try (SstpResponder server = working(); ProxyHarness proxy = ProxyHarness.basicAuth()) {
            ProbeRequest request = withCredentials(via(proxy.endpoint(), server.port()), ProxyHarness.USER, ProxyHarness.PASSWORD);
            ProbeReport report = TestProbes.probe().run(request);
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, report.outcome(), "Windows' view comes first");
            assertEquals(Verdict.FAIL, report.verdict());
            assertFalse(report.credentialsUsed());
            ProbeReport retry = report.authenticatedRetry();
            assertNotNull(retry);
            assertTrue(retry.credentialsUsed());
            org.sstpdoctor.testing.TestProbes.assertSstpAck(retry);
            assertTrue(retry.proxyReplies().stream().anyMatch(ProxyReply::credentialsSent));
            // The password reached the proxy only: never the server, never a report.
            String encoded = Base64.getEncoder().encodeToString(
                    (ProxyHarness.USER + ":" + ProxyHarness.PASSWORD).getBytes(StandardCharsets.UTF_8));
            for (SstpResponder.Exchange exchange : server.awaitExchanges(1, Duration.ofSeconds(5))) {
                assertFalse(exchange.requestHeadText().contains("Proxy-Authorization"), exchange.requestHeadText());
                assertFalse(exchange.requestHeadText().contains(encoded));
            }
            for (String rendered : List.of(JsonReport.render(report), TextReport.render(report), report.toString())) {
                assertFalse(rendered.contains(ProxyHarness.PASSWORD), "password in a report");
                assertFalse(rendered.contains(encoded), "encoded credentials in a report");
            }
        }
    }

    @Test
    void wrongCredentialsAreRejectedByTheProxy() throws IOException {
        try (SstpResponder server = working(); ProxyHarness proxy = ProxyHarness.basicAuth()) {
            ProbeReport report = TestProbes.probe().run(
                    withCredentials(via(proxy.endpoint(), server.port()), ProxyHarness.USER, "wrong"));
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, report.outcome());
            assertEquals(Outcome.PROXY_AUTH_FAILED, report.authenticatedRetry().outcome(),
                    report.authenticatedRetry().detail());
        }
    }

    @Test
    void proxyDenyingTheTunnel() throws IOException {
        try (SstpResponder server = working(); ProxyHarness proxy = ProxyHarness.denying()) {
            ProbeReport report = TestProbes.probe().run(via(proxy.endpoint(), server.port()));
            assertEquals(Outcome.PROXY_POLICY_DENIED, report.outcome(), report.detail());
            assertEquals(AnsweredBy.PROXY, report.answeredBy());
            HttpReply reply = report.proxyReplies().get(0).reply();
            assertEquals(403, reply.code());
            assertEquals("ERR_ACCESS_DENIED 0", reply.header("X-Squid-Error").orElseThrow());
            assertTrue(report.detail().contains("403"));
            assertTrue(report.detail().contains("X-Squid-Error"), report.detail());
        }
    }

    @Test
    void proxyThatCannotReachTheServer() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (ProxyHarness proxy = ProxyHarness.open()) {
            ProbeReport report = TestProbes.probe().run(via(proxy.endpoint(), closedPort));
            assertTrue(report.outcome() == Outcome.PROXY_TARGET_UNREACHABLE || report.outcome() == Outcome.PROXY_TARGET_REFUSED,
                    "the proxy could not reach the server: " + report.outcome() + " " + report.detail());
            int code = report.proxyReplies().get(0).reply().code();
            assertTrue(code >= 500, "the proxy answers 5xx for an unreachable server, got " + code);
        }
    }

    @Test
    void proxyNotListening() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ProxyEndpoint nowhere = new ProxyEndpoint("127.0.0.1", "127.0.0.1", closedPort, org.sstpdoctor.target.HostKind.IPV4);
        ProbeReport report = TestProbes.probe().run(via(nowhere, 443));
        assertEquals(Outcome.PROXY_UNREACHABLE, report.outcome());
        assertEquals(AnsweredBy.NETWORK, report.answeredBy());
        assertTrue(report.detail().contains("refused"), report.detail());
    }

    @Test
    void proxyNameThatDoesNotExist() throws Exception {
        ProxyEndpoint ghost = org.sstpdoctor.target.ProxyAddressParser.parse("proxy.nowhere.example:3128");
        ProbeReport report = TestProbes.probe().run(via(ghost, 443));
        assertEquals(Outcome.PROXY_NOT_FOUND, report.outcome());
    }

    @Test
    void tinyproxyAnswers401ToWrongCredentials() throws IOException {
        try (SstpResponder server = working(); ScriptedProxy proxy = new ScriptedProxy(ScriptedProxy.Mode.TINYPROXY_AUTH)) {
            ProbeReport report = TestProbes.probe().run(withCredentials(via(proxy.endpoint(), server.port()), "u", "p"));
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, report.outcome(), report.detail());
            assertEquals("HTTP/1.0", report.proxyReplies().get(0).reply().protocol());
            ProbeReport retry = report.authenticatedRetry();
            assertEquals(Outcome.PROXY_AUTH_FAILED, retry.outcome(), retry.detail());
            assertEquals(401, retry.proxyReplies().get(retry.proxyReplies().size() - 1).reply().code());
            assertTrue(retry.proxyReplies().get(retry.proxyReplies().size() - 1).reply().productHints().stream()
                    .anyMatch(h -> h.value().startsWith("tinyproxy")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ScriptedProxy.Mode.class, names = {"GARBAGE", "CLOSE", "SILENT"})
    void brokenProxyReplies(ScriptedProxy.Mode mode) throws IOException {
        try (ScriptedProxy proxy = new ScriptedProxy(mode)) {
            ProbeReport report = TestProbes.probe().run(via(proxy.endpoint(), 443).withTimeout(Duration.ofMillis(1500)));
            // A proxy that never answers is silent; one that closes or sends garbage gave a bad reply.
            assertEquals(mode == ScriptedProxy.Mode.SILENT ? Outcome.PROXY_SILENT : Outcome.PROXY_BAD_REPLY,
                    report.outcome(), mode + ": " + report.detail());
            assertEquals(AnsweredBy.PROXY, report.answeredBy());
            assertEquals(StageStatus.FAILED, report.stage(Stage.PROXY_CONNECT).orElseThrow().status());
        }
    }

    @Test
    void proxyDroppingTheTunnelAfterConnect() throws IOException {
        try (ScriptedProxy proxy = new ScriptedProxy(ScriptedProxy.Mode.DROP_AFTER_CONNECT)) {
            ProbeReport report = TestProbes.probe().run(via(proxy.endpoint(), 443));
            assertEquals(Outcome.CONNECTION_CLOSED, report.outcome(), report.detail());
            assertEquals(AnsweredBy.PROXY, report.answeredBy(), "nothing came from the server");
            assertEquals(StageStatus.PASSED, report.stage(Stage.PROXY_CONNECT).orElseThrow().status());
            assertEquals(StageStatus.FAILED, report.stage(Stage.TLS_HANDSHAKE).orElseThrow().status());
        }
    }

    @Test
    void exactConnectRequestOnTheWire() throws IOException {
        try (ScriptedProxy proxy = new ScriptedProxy(ScriptedProxy.Mode.CLOSE)) {
            TestProbes.probe().run(via(proxy.endpoint(), 8443));
            // What SSTP clients send ([MS-SSTP] 4.5; Open SSTP Client's exact form): Host, then SSTPVERSION, nothing else.
            assertEquals("CONNECT localhost:8443 HTTP/1.1\r\nHost: localhost:8443\r\nSSTPVERSION: 1.0\r\n\r\n",
                    proxy.requests().get(0));
        }
    }

    @Test
    void serverAsking407InsideTheTunnelNeverGetsTheCredentials() throws IOException {
        try (SstpResponder server = SstpResponder.start(
                ResponderConfig.loopback(Scenario.HTTP_STATUS, TestCertificates.valid()).withHttpStatus(407));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            ProbeRequest request = withCredentials(via(proxy.endpoint(), server.port()), ProxyHarness.USER, ProxyHarness.PASSWORD);
            ProbeReport report = TestProbes.probe().run(request);
            ProbeReport retry = report.authenticatedRetry();
            assertEquals(Outcome.HTTP_STATUS, retry.outcome(), retry.detail());
            assertEquals(407, retry.httpResponse().code());
            assertEquals(AnsweredBy.SERVER, retry.answeredBy());
            assertTrue(server.awaitExchanges(1, Duration.ofSeconds(5)).size() >= 1);
            for (SstpResponder.Exchange exchange : server.awaitExchanges(1, Duration.ofSeconds(5))) {
                assertFalse(exchange.requestHeadText().toLowerCase().contains("authorization"), exchange.requestHeadText());
            }
            assertTrue(retry.notes().stream().anyMatch(n -> n.contains("no credentials were sent")), retry.notes().toString());
        }
    }
}
