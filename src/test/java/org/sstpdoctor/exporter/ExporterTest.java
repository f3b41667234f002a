package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstpdoctor.exporter.ExporterHarness.sample;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;

/** The exporter over real HTTP, probing the built-in responder on loopback. */
class ExporterTest {
    static final String CONFIG = """
            modules:
              default:
                proxy: none
                trust_ca: [CA]
                timeout: 3s
              untrusting:
                proxy: none
                timeout: 3s
            """;

    @TempDir
    Path dir;

    @Test
    void workingServerIsAProbeSuccessWithBlackboxNames() throws Exception {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ExporterHarness h = ExporterHarness.start(dir, CONFIG)) {
            HttpResponse<String> r = h.get("/probe?target=localhost:" + responder.port() + "&module=default");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            String m = r.body();
            assertEquals(1.0, sample(m, "probe_success"), m);
            assertEquals(200.0, sample(m, "probe_http_status_code"));
            assertEquals(1.0, sample(m, "probe_http_ssl"));
            assertEquals(4.0, sample(m, "probe_ip_protocol"));
            assertNotNull(sample(m, "probe_duration_seconds"));
            assertNotNull(sample(m, "probe_dns_lookup_time_seconds"));
            double expiry = sample(m, "probe_ssl_earliest_cert_expiry");
            assertTrue(expiry > System.currentTimeMillis() / 1000.0, "a valid chain expires in the future");
            // The Ack, or the warning that only an old Windows (TLS 1.0, which Java's responder refuses) cannot connect.
            assertTrue(m.contains("sstp_outcome_info{outcome=\"sstp_ack\",verdict=\"pass\"} 1")
                    || m.contains("sstp_outcome_info{outcome=\"some_windows_cannot_connect\",verdict=\"warn\"} 1"), m);
            assertEquals(1.0, sample(m, "sstp_answered_by_info{answered_by=\"server\"}"));
            assertEquals(1.0, sample(m, "sstp_answer_info{message=\"CALL_CONNECT_ACK\",status=\"\"}"), m);
            assertEquals(1.0, sample(m, "sstp_stage_info{stage=\"tls_handshake\",status=\"passed\"}"));
            assertEquals(1.0, sample(m, "sstp_stage_info{stage=\"proxy_connect\",status=\"skipped\"}"));
            assertNotNull(sample(m, "sstp_stage_duration_seconds{stage=\"sstp_control\"}"));
            assertEquals(0.0, sample(m, "sstp_proxy_used"));
            assertTrue(m.contains("probe_tls_version_info{version=\"TLS 1."), m);
            assertEquals(1.0, sample(m, "sstp_windows_compatible{client=\"windows_11\"}"), m);
            assertEquals(1.0, sample(m, "sstp_windows_compatible{client=\"windows_10\"}"), m);
            assertTrue(m.contains("sstp_windows_info{client=\"windows_7\",status=\""), m);
            assertEquals(0.0, sample(m, "sstp_tls_intercepted"));
            assertEquals(0.0, sample(m, "sstp_captive_portal"));
            assertEquals(1.0, sample(m, "sstp_revocation_info{status=\"revocation_good\"}"), m);
            assertEquals(0.0, sample(m, "sstp_revocation_offline"));
            assertEquals(0.0, sample(m, "sstp_revocation_revoked"));
        }
    }

    @Test
    void windowsFamiliesThatCannotConnectAreZeroAndTheCheckCanBeOff() throws Exception {
        ResponderConfig only13 = ResponderConfig.loopback(Scenario.TLS_1_3_ONLY, TestCertificates.valid());
        String config = CONFIG + "  nowindows:\n    proxy: none\n    trust_ca: [CA]\n    windows_check: false\n";
        try (SstpResponder responder = SstpResponder.start(only13); ExporterHarness h = ExporterHarness.start(dir, config)) {
            String m = h.get("/probe?target=localhost:" + responder.port()).body();
            assertEquals(1.0, sample(m, "sstp_windows_compatible{client=\"windows_11\"}"), m);
            assertEquals(0.0, sample(m, "sstp_windows_compatible{client=\"windows_10\"}"), m);
            assertEquals(1.0, sample(m, "probe_success"), "only old Windows fails: a warning, still reachable: " + m);
            assertEquals(1.0, sample(m, "sstp_warning"), m);
            String off = h.get("/probe?target=localhost:" + responder.port() + "&module=nowindows").body();
            assertFalse(off.contains("sstp_windows_compatible{"), "no handshakes were tried: " + off);
        }
    }

    @Test
    void revocationEndpointsDownAndARevokedCertificateAreTheirOwnMetrics() throws Exception {
        try (org.sstpdoctor.responder.PracticePki pki = org.sstpdoctor.responder.PracticePki.start()) {
            Path ca = dir.resolve("practice-ca.pem");
            Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(pki.caCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
            String config = "modules:\n  default:\n    proxy: none\n    trust_ca: [" + ca + "]\n    timeout: 5s\n";
            try (ExporterHarness h = ExporterHarness.start(dir, config)) {
                for (Scenario scenario : java.util.List.of(Scenario.REVOCATION_DOWN, Scenario.REVOKED_CERTIFICATE)) {
                    try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario,
                            pki.serverContext(scenario, org.sstpdoctor.responder.PracticePki.LOOPBACK_NAMES)))) {
                        String m = h.get("/probe?target=localhost:" + server.port()).body();
                        assertEquals(0.0, sample(m, "probe_success"), "Windows refuses: " + m);
                        boolean down = scenario == Scenario.REVOCATION_DOWN;
                        assertEquals(down ? 1.0 : 0.0, sample(m, "sstp_revocation_offline"), m);
                        assertEquals(down ? 0.0 : 1.0, sample(m, "sstp_revocation_revoked"), m);
                        assertEquals(1.0, sample(m, "sstp_revocation_info{status=\""
                                + (down ? "revocation_offline" : "revocation_revoked") + "\"}"), m);
                    }
                }
            }
        }
    }

    @Test
    void anExpectedCertificateThatDoesNotMatchIsAFailure() throws Exception {
        String wrong = "AA".repeat(32);
        String config = CONFIG + "  pinned:\n    proxy: none\n    trust_ca: [CA]\n    expect_certificate: \"" + wrong + "\"\n";
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ExporterHarness h = ExporterHarness.start(dir, config)) {
            String m = h.get("/probe?target=localhost:" + responder.port() + "&module=pinned").body();
            assertEquals(0.0, sample(m, "probe_success"), m);
            assertEquals(1.0, sample(m, "sstp_outcome_info{outcome=\"unexpected_certificate\",verdict=\"fail\"}"), m);
        }
    }

    @Test
    void failuresCarryTheirOutcomeAndAnsweredBy() throws Exception {
        ResponderConfig nak = ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid());
        try (SstpResponder responder = SstpResponder.start(nak); ExporterHarness h = ExporterHarness.start(dir, CONFIG)) {
            String m = h.get("/probe?target=localhost:" + responder.port()).body();
            assertEquals(0.0, sample(m, "probe_success"), m);
            assertEquals(1.0, sample(m, "sstp_outcome_info{outcome=\"sstp_nak\",verdict=\"fail\"}"), m);
            String untrusted = h.get("/probe?target=localhost:" + responder.port() + "&module=untrusting").body();
            assertEquals(0.0, sample(untrusted, "probe_success"));
            assertEquals(1.0, sample(untrusted, "sstp_outcome_info{outcome=\"cert_untrusted\",verdict=\"fail\"}"), untrusted);
            String dns = h.get("/probe?target=nosuch.invalid").body();
            assertEquals(1.0, sample(dns, "sstp_outcome_info{outcome=\"dns_not_found\",verdict=\"fail\"}"), dns);
            assertEquals(0.0, sample(dns, "probe_http_status_code"));
            assertEquals(0.0, sample(dns, "probe_http_ssl"));
        }
    }

    @Test
    void badRequestsGetAOneLineReason() throws Exception {
        try (ExporterHarness h = ExporterHarness.start(dir, CONFIG)) {
            assertReply(h.get("/probe"), 400, "target parameter is missing");
            assertReply(h.get("/probe?module=default"), 400, "target parameter is missing");
            assertReply(h.get("/probe?target=localhost&module=nope"), 400, "unknown module 'nope'; known: default, untrusting");
            assertReply(h.get("/probe?target=http%3A%2F%2Fx"), 400, "target 'http://x':");
            assertReply(h.get("/probe?target=a%20b"), 400, "target 'a b':");
            HttpResponse<String> secret = h.get("/probe?target=https%3A%2F%2Fbob%3Asecret%40vpn.example.com");
            assertReply(secret, 400, "target 'https://***@vpn.example.com'");
            assertFalse(secret.body().contains("secret"), "a password typed into the target is not echoed");
            assertReply(h.get("/probe?target=%1B%5B2J"), 400, "\\u001B");
            String raw = rawGet(h, "/probe?target=%zz");
            assertTrue(raw.startsWith("HTTP/1.1 400"), "refused before it reaches the probe: " + raw);
            assertReply(h.get("/probe?target=x&" + "a=1&".repeat(20)), 400, "too long");
            assertReply(h.get("/nothing"), 404, "not found");
            assertReply(h.post("/probe"), 405, "use GET");
            assertReply(h.get("/-/reload"), 405, "use POST");
            assertReply(h.get("/-/healthy"), 200, "Healthy");
            String own = h.get("/metrics").body();
            assertEquals(7.0, sample(own, "sstp_exporter_requests_rejected_total{reason=\"bad_request\"}"), own);
            assertEquals(1.0, sample(own, "sstp_exporter_requests_rejected_total{reason=\"unknown_module\"}"));
        }
    }

    /** A request the JDK's client would refuse to send. */
    private static String rawGet(ExporterHarness h, String pathAndQuery) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", h.exporter.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertReply(HttpResponse<String> r, int status, String contains) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(contains), r.body());
        assertEquals(1, r.body().split("\n").length, "one line: " + r.body());
        assertFalse(r.body().chars().anyMatch(c -> c == 0x1b), "no raw control characters");
    }

    @Test
    void allowListRefusesEverythingElse() throws Exception {
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ExporterHarness h = ExporterHarness.start(dir, "allowed_targets: [localhost, 192.0.2.0/24]\n" + CONFIG)) {
            assertEquals(200, h.get("/probe?target=localhost:" + responder.port()).statusCode());
            assertReply(h.get("/probe?target=127.0.0.1:" + responder.port()), 403, "not in allowed_targets");
            assertReply(h.get("/probe?target=gw.test:" + responder.port()), 403,
                    "resolves to 127.0.0.1, which allowed_targets does not allow");
            assertEquals(2.0, sample(h.get("/metrics").body(), "sstp_exporter_requests_rejected_total{reason=\"not_allowed\"}"));
        }
        try (SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ExporterHarness h = ExporterHarness.start(dir, "allowed_targets: [127.0.0.0/8]\n" + CONFIG)) {
            String m = h.get("/probe?target=localhost:" + responder.port()).body();
            assertEquals(1.0, sample(m, "probe_success"), "a name that resolves into an allowed network: " + m);
            assertEquals(200, h.get("/probe?target=127.0.0.1:" + responder.port()).statusCode());
        }
    }

    @Test
    void statusPageListsRecentProbesWithEscapedLinksToReports() throws Exception {
        ResponderConfig status = ResponderConfig.loopback(Scenario.HTTP_STATUS, TestCertificates.valid());
        try (SstpResponder responder = SstpResponder.start(status); ExporterHarness h = ExporterHarness.start(dir, CONFIG)) {
            h.get("/probe?target=localhost:" + responder.port());
            HttpResponse<String> page = h.get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
            assertTrue(page.body().contains("localhost:" + responder.port()), page.body());
            assertTrue(page.body().contains("http_status"), page.body());
            assertTrue(page.body().contains("href=\"report?id=1\""), page.body());
            HttpResponse<String> report = h.get("/report?id=1");
            assertEquals(200, report.statusCode());
            assertTrue(report.body().contains("404"), "the full HTML report of that probe");
            assertEquals(404, h.get("/report?id=999").statusCode());
            assertEquals(404, h.get("/report?id=%3Cscript%3E").statusCode());
        }
    }

    @Test
    void reloadKeepsTheOldConfigurationWhenTheNewOneIsBad() throws Exception {
        try (ExporterHarness h = ExporterHarness.start(dir, CONFIG)) {
            Files.writeString(h.configFile, "modules: {default: {proxy: none}, extra: {proxy: none}}");
            assertReply(h.post("/-/reload"), 200, "configuration reloaded");
            assertEquals(java.util.Set.of("default", "extra"), h.exporter.config().modules().keySet());
            assertEquals(1.0, sample(h.get("/metrics").body(), "sstp_exporter_config_last_reload_successful"));
            Files.writeString(h.configFile, "modules: {default: {timeout: forever}}");
            assertReply(h.post("/-/reload"), 500, "modules.default.timeout: 'forever' is not a duration");
            assertEquals(java.util.Set.of("default", "extra"), h.exporter.config().modules().keySet(), "the old one stays");
            assertEquals(0.0, sample(h.get("/metrics").body(), "sstp_exporter_config_last_reload_successful"));
            assertTrue(h.get("/").body().contains("The last reload failed"));
        }
    }

    @Test
    void scrapeTimeoutHeaderShortensTheProbe() {
        Duration module = Duration.ofSeconds(10);
        assertEquals(Duration.ofMillis(2500), ProbeEndpoint.budget(module, "3"));
        assertEquals(Duration.ofMillis(500), ProbeEndpoint.budget(module, "1.0"), "short scrapes keep half");
        assertEquals(module, ProbeEndpoint.budget(module, "30"));
        assertEquals(module, ProbeEndpoint.budget(module, "nonsense"));
        assertEquals(module, ProbeEndpoint.budget(module, "-1"));
        assertEquals(module, ProbeEndpoint.budget(module, "NaN"));
        assertEquals(Duration.ofMillis(100), ProbeEndpoint.budget(module, "0.05"));
        assertEquals(module, ProbeEndpoint.budget(module, null));
    }

    @Test
    void scrapeTimeoutIsHonouredAgainstASilentServer() throws Exception {
        ResponderConfig silent = ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.valid());
        try (SstpResponder responder = SstpResponder.start(silent); ExporterHarness h = ExporterHarness.start(dir, CONFIG)) {
            String m = h.get("/probe?target=localhost:" + responder.port(),
                    Map.of(ProbeEndpoint.SCRAPE_TIMEOUT_HEADER, "1.2")).body();
            assertEquals(0.0, sample(m, "probe_success"), m);
            assertTrue(m.contains("outcome=\"timeout\"") || m.contains("outcome=\"sstp_no_answer\"")
                    || m.contains("outcome=\"no_http_response\""), m);
            assertTrue(sample(m, "probe_duration_seconds") < 3.0,
                    "the 0.6 s budget from the header, not the module's 3 s: " + m);
        }
    }
}
