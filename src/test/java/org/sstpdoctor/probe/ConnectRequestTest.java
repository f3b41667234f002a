package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.testing.ScriptedProxy;
import org.sstpdoctor.testing.TestProbes;

/**
 * The CONNECT request exactly as SSTP clients send it: {@code Host}, then {@code SSTPVERSION: 1.0}
 * ([MS-SSTP] 4.5; Open SSTP Client's {@code establishProxy}), and {@code Proxy-Authorization}
 * only in answer to the proxy's own challenge. Asserted byte for byte on scripted proxies and
 * header for header on a real one (LittleProxy), and shown in the report.
 */
class ConnectRequestTest {
    @Test
    void throughARealProxyTheConnectCarriesExactlyHostAndSstpVersion() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap()
                .withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withFiltersSource(new HttpFiltersSourceAdapter() {
                    @Override
                    public HttpFilters filterRequest(HttpRequest original) {
                        return new HttpFiltersAdapter(original) {
                            @Override
                            public io.netty.handler.codec.http.HttpResponse clientToProxyRequest(HttpObject object) {
                                if (object instanceof HttpRequest request) {
                                    StringBuilder head = new StringBuilder(request.method() + " " + request.uri() + " "
                                            + request.protocolVersion() + "\r\n");
                                    for (Map.Entry<String, String> h : request.headers()) {
                                        head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                                    }
                                    seen.add(head.toString());
                                }
                                return null;
                            }
                        };
                    }
                }).start();
        try (SstpResponder server = ProxyOutcomesTest.working()) {
            ProbeReport report = TestProbes.probe().run(ProxyOutcomesTest.via(
                    ProxyAddressParser.parse("127.0.0.1:" + proxy.getListenAddress().getPort()), server.port()));
            TestProbes.assertSstpAck(report);
            String expected = "CONNECT localhost:" + server.port() + " HTTP/1.1\r\nHost: localhost:" + server.port()
                    + "\r\nSSTPVERSION: 1.0\r\n";
            // One CONNECT for the probe and one per Windows version's ClientHello, every one exactly as SSTP
            // clients send it; the certificate's CRL is then fetched through the same proxy (a plain GET).
            List<String> connects = seen.stream().filter(h -> h.startsWith("CONNECT ")).toList();
            int windowsHandshakes = report.insights().windowsCompatibility().handshakes();
            assertEquals(java.util.Collections.nCopies(1 + windowsHandshakes, expected), connects);
            assertTrue(seen.stream().anyMatch(h -> h.startsWith("GET http://127.0.0.1:") && h.contains("/test-ca.crl")),
                    "the revocation check took the proxy path: " + seen);
            assertEquals(expected + "\r\n", report.connectHead(), "the report shows the CONNECT head sent");
        } finally {
            proxy.abort();
        }
    }

    @Test
    void credentialsFollowOnlyTheProxysChallengeAndKeepTheSstpHeaders() throws IOException {
        try (SstpResponder server = ProxyOutcomesTest.working();
             ScriptedProxy proxy = new ScriptedProxy(ScriptedProxy.Mode.TINYPROXY_AUTH)) {
            ProbeReport report = TestProbes.probe().run(ProxyOutcomesTest.withCredentials(
                    ProxyOutcomesTest.via(proxy.endpoint(), server.port()), "helpdesk", "pw"));
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, report.outcome());
            String target = "localhost:" + server.port();
            String basic = Base64.getEncoder().encodeToString("helpdesk:pw".getBytes(StandardCharsets.UTF_8));
            List<String> heads = proxy.requests();
            assertEquals("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nSSTPVERSION: 1.0\r\n\r\n", heads.get(0),
                    "Windows' attempt: no credentials");
            assertEquals("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nSSTPVERSION: 1.0\r\n\r\n", heads.get(1),
                    "the signed-in attempt starts like Windows too");
            assertEquals("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nSSTPVERSION: 1.0\r\n"
                    + "Proxy-Authorization: Basic " + basic + "\r\n\r\n", heads.get(2), "credentials only after the 407");
            assertTrue(heads.size() == 3, heads.toString());
        }
    }
}
