package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.revocation.RevocationFetch;
import org.sstpdoctor.report.CsvReport;
import org.sstpdoctor.report.HtmlReport;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.MarkdownReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.PracticePki;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestProbes;

/**
 * The revocation stage end to end, against the practice responder and its CA (which publishes a
 * CRL and an OCSP responder on loopback): good, revoked, endpoints down; through a real proxy; one
 * fetch per address for a whole batch; in every report format.
 */
class RevocationStageTest {
    static PracticePki pki;

    @BeforeAll
    static void start() throws IOException {
        pki = PracticePki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    static SstpResponder responder(Scenario scenario) throws IOException {
        return SstpResponder.start(ResponderConfig.loopback(scenario, pki.serverContext(scenario, PracticePki.LOOPBACK_NAMES)));
    }

    static ProbeRequest request(int port) {
        return TestProbes.request("localhost:" + port).withExtraTrust(List.of(pki.caCertificate()), "practice CA");
    }

    @Test
    void aWorkingServerWhoseCertificateIsGood() throws IOException {
        try (SstpResponder server = responder(Scenario.WORKING)) {
            ProbeReport report = TestProbes.probe().run(request(server.port()));
            TestProbes.assertSstpAck(report);
            assertEquals(Outcome.REVOCATION_GOOD, report.revocation().outcome(), report.revocation().detail());
            assertEquals(StageStatus.PASSED, report.stage(Stage.REVOCATION).orElseThrow().status());
            assertEquals("ocsp", report.revocation().certificates().get(0).method(), "OCSP first, as Windows does");
            assertEquals("direct", report.revocation().path());
            assertTrue(report.connectHead().isEmpty(), "no proxy, no CONNECT");
        }
    }

    @Test
    void aRevokedCertificateFailsAsWindowsWould() throws IOException {
        try (SstpResponder server = responder(Scenario.REVOKED_CERTIFICATE)) {
            ProbeReport report = TestProbes.probe().run(request(server.port()));
            assertEquals(Outcome.REVOCATION_REVOKED, report.outcome(), report.detail());
            assertEquals(Verdict.FAIL, report.verdict());
            assertEquals(AnsweredBy.SERVER, report.answeredBy());
            assertEquals(Outcome.SSTP_ACK, report.beyondCertificate().outcome(), "the SSTP service itself works");
            assertEquals(StageStatus.FAILED, report.stage(Stage.REVOCATION).orElseThrow().status());
            assertTrue(report.stage(Stage.REVOCATION).orElseThrow().detail().contains("0x80092010"));
            assertNotNull(report.revocation().certificates().get(0).revokedAt());
            assertEquals("keyCompromise", report.revocation().certificates().get(0).reason());
            assertEquals("outcome-revocation_revoked",
                    Resolution.of(report, KnowledgeBase.builtIn()).primary().orElseThrow().id());
        }
    }

    @Test
    void revocationEndpointsDownFailAsOffline() throws IOException {
        try (SstpResponder server = responder(Scenario.REVOCATION_DOWN)) {
            ProbeReport report = TestProbes.probe().run(request(server.port()));
            assertEquals(Outcome.REVOCATION_OFFLINE, report.outcome(), report.detail());
            assertEquals(AnsweredBy.NOBODY, report.answeredBy());
            List<RevocationFetch> fetches = report.revocation().fetches();
            assertEquals(List.of("ocsp", "crl"), fetches.stream().map(RevocationFetch::kind).toList());
            assertTrue(fetches.stream().allMatch(f -> f.problem().equals("refused")), fetches.toString());
            assertTrue(report.detail().contains("refused"), report.detail());
            String text = TextReport.render(report);
            assertTrue(text.contains("Revocation (direct)") && text.contains("0x80092013"), text);
        }
    }

    @Test
    void throughAProxyTheRevocationFetchesTakeTheProxyAndTheConnectIsShown() throws IOException {
        try (SstpResponder server = responder(Scenario.WORKING); ProxyHarness proxy = ProxyHarness.open()) {
            ProbeReport report = TestProbes.probe().run(request(server.port()).withProxy(ProxySettings.manual(proxy.endpoint())));
            TestProbes.assertSstpAck(report);
            assertEquals("through the proxy " + proxy.endpoint(), report.revocation().path());
            assertTrue(report.revocation().fetches().stream().allMatch(f -> f.via().equals("proxy " + proxy.endpoint())));
            String head = "CONNECT localhost:" + server.port() + " HTTP/1.1\r\nHost: localhost:" + server.port()
                    + "\r\nSSTPVERSION: 1.0\r\n\r\n";
            assertEquals(head, report.connectHead());
            for (String rendered : List.of(TextReport.render(report), MarkdownReport.render(report, null),
                    HtmlReport.render(report, null))) {
                assertTrue(rendered.contains("SSTPVERSION: 1.0"), "the CONNECT head is in every report");
                assertTrue(rendered.contains("Revocation"), "and the revocation check");
            }
        }
    }

    @Test
    void jsonAndCsvCarryTheRevocationCheck() throws IOException {
        try (SstpResponder server = responder(Scenario.REVOKED_CERTIFICATE)) {
            ProbeReport report = TestProbes.probe().run(request(server.port()));
            JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
            JsonNode r = json.get("revocation");
            assertEquals("revocation_revoked", r.get("outcome").asText());
            assertEquals("0x80092010 CRYPT_E_REVOKED", r.get("windowsCode").asText());
            assertEquals("direct", r.get("path").asText());
            JsonNode certificate = r.get("certificates").get(0);
            assertEquals("keyCompromise", certificate.get("reason").asText());
            assertFalse(certificate.get("revokedAt").isNull());
            assertTrue(certificate.get("ocspUrls").get(0).asText().startsWith("http://127.0.0.1:"));
            JsonNode fetch = r.get("fetches").get(0);
            assertEquals(200, fetch.get("httpStatus").asInt());
            assertEquals("server", fetch.get("answeredBy").asText());
            assertTrue(fetch.get("bytes").asLong() > 0);
            assertTrue(json.has("connectHead"));
            List<String> stages = new ArrayList<>();
            json.get("stages").forEach(stage -> stages.add(stage.get("stage").asText()));
            // The revocation check runs after the connection's own stages and before the (optional) sign-in;
            // the Windows versions and What answered come last.
            assertEquals(List.of("sstp_control", "revocation", "sign_in", "get_address", "windows_tls", "server_identity"),
                    stages.subList(stages.size() - 6, stages.size()), stages.toString());
            String row = CsvReport.row(report);
            assertTrue(row.endsWith(",revocation_revoked,"), "the revocation column, then the days left (none: the test certificate runs for long): " + row);
        }
    }

    @Test
    void aBatchFetchesEachAddressOnce() throws IOException {
        try (SstpResponder server = responder(Scenario.WORKING)) {
            List<BatchProbe.Item> items = List.of(BatchProbe.Item.of(0, "a", request(server.port())),
                    BatchProbe.Item.of(1, "b", request(server.port())));
            List<ProbeReport> reports = new ArrayList<>();
            BatchProbe.run(items.iterator(), 1, TestProbes.probe(), new Cancellation(), (item, report) -> reports.add(report));
            assertEquals(2, reports.size());
            assertFalse(reports.get(0).revocation().fetches().get(0).fromCache());
            assertTrue(reports.get(1).revocation().fetches().get(0).fromCache(), "the second server's check reuses the fetch");
            TestProbes.assertSstpAck(reports.get(1));
        }
    }
}
