package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.Target;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class SystemProxyDetectorTest {
    static Target target(String s) throws Exception {
        return AddressParser.parse(s);
    }

    static ProxySelector selector(Proxy... proxies) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxies);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }

    @Test
    void javaPropertiesComeFirst() throws Exception {
        Properties p = new Properties();
        p.setProperty("https.proxyHost", "proxy.corp");
        p.setProperty("https.proxyPort", "3128");
        var d = new SystemProxyDetector(Map.of("HTTPS_PROXY", "http://other:8080"), p, null).detect(target("vpn.example.com"));
        assertEquals("proxy.corp:3128", d.proxy().orElseThrow().toString());
        assertTrue(d.source().contains("https.proxyHost"));
    }

    @Test
    void nonProxyHostsExclude() throws Exception {
        Properties p = new Properties();
        p.setProperty("https.proxyHost", "proxy.corp");
        p.setProperty("http.nonProxyHosts", "localhost|*.example.com");
        var d = new SystemProxyDetector(Map.of(), p, null).detect(target("vpn.example.com"));
        assertTrue(d.proxy().isEmpty());
        assertTrue(d.source().contains("nonProxyHosts"));
    }

    @Test
    void environmentVariablesWithNoProxy() throws Exception {
        var env = Map.of("https_proxy", "http://user:pw@proxy.corp:8080/", "NO_PROXY", "internal.example,.lan");
        var d = new SystemProxyDetector(env, new Properties(), null).detect(target("vpn.example.com"));
        assertEquals("proxy.corp:8080", d.proxy().orElseThrow().toString());
        assertEquals("environment variable https_proxy", d.source());
        assertTrue(d.notes().get(0).contains("ignored"), d.notes().toString());
        assertTrue(d.notes().stream().noneMatch(n -> n.contains("pw")));
        assertTrue(new SystemProxyDetector(env, new Properties(), null).detect(target("vpn.internal.example")).proxy().isEmpty());
        assertTrue(new SystemProxyDetector(env, new Properties(), null).detect(target("gw.lan")).proxy().isEmpty());
        assertTrue(new SystemProxyDetector(Map.of("ALL_PROXY", "proxy:1", "no_proxy", "*"), new Properties(), null)
                .detect(target("vpn.example.com")).proxy().isEmpty());
    }

    @Test
    void unusableSettingsAreNotedNotFatal() throws Exception {
        var d = new SystemProxyDetector(Map.of("HTTPS_PROXY", "socks5://proxy:1080"), new Properties(), null)
                .detect(target("vpn.example.com"));
        assertTrue(d.proxy().isEmpty());
        assertTrue(d.notes().get(0).contains("SOCKS"), d.notes().toString());
    }

    @Test
    void operatingSystemSettings() throws Exception {
        var http = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("os-proxy.corp", 8080));
        var d = new SystemProxyDetector(Map.of(), new Properties(), selector(http)).detect(target("vpn.example.com"));
        assertEquals("os-proxy.corp:8080", d.proxy().orElseThrow().toString());
        var socks = new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("s", 1080));
        var none = new SystemProxyDetector(Map.of(), new Properties(), selector(socks, Proxy.NO_PROXY)).detect(target("vpn.example.com"));
        assertTrue(none.proxy().isEmpty());
        assertTrue(none.notes().get(0).contains("SOCKS"));
        assertEquals("no proxy is configured on this computer",
                new SystemProxyDetector(Map.of(), new Properties(), selector(Proxy.NO_PROXY)).detect(target("x.example")).source());
    }

    @Test
    void probeInSystemModeUsesTheDetectedProxy() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.open()) {
            SystemProxyDetector detector = new SystemProxyDetector(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()),
                    new Properties(), null);
            SstpProbe probe = org.sstpdoctor.probe.okhttp.OkHttpProbes.with(TestProbes.LOOPBACK_ONLY, detector, Clock.systemUTC());
            ProbeReport report = probe.run(TestProbes.local(server.port()).withProxy(ProxySettings.SYSTEM));
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            assertEquals(ProxyMode.SYSTEM, report.proxy().mode());
            assertEquals("127.0.0.1:" + proxy.port(), report.proxy().endpoint());
            assertEquals("environment variable HTTPS_PROXY", report.proxy().source());
            assertEquals(StageStatus.PASSED, report.stage(Stage.PROXY_CONNECT).orElseThrow().status());
        }
    }
}
