package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

/** Every report format shows the Windows table and the certificate the crypto binding will see. */
class WindowsReportTest {
    static ProbeReport report;

    @BeforeAll
    static void probeATls13OnlyServer() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.TLS_1_3_ONLY, TestCertificates.valid()))) {
            report = TestProbes.probe().run(TestProbes.local(server.port()));
        }
    }

    @Test
    void textShowsTheTableAndTheHashes() {
        String text = TextReport.render(report);
        assertTrue(text.contains("Will Windows connect?"), text);
        assertTrue(text.contains("Windows 11 / Server 2022 and later    yes, TLS 1.3"), text);
        assertTrue(text.contains("Windows 10 / Server 2016-2019         no \u2014 the server offers only TLS 1.3"), text);
        assertTrue(text.contains("Certificate SHA-256: " + report.insights().cryptoBinding().sha256()), text);
        assertTrue(text.contains("Get-RemoteAccess"), "where to compare the hash");
        assertTrue(text.contains("UNCONFIRMED"), "what Microsoft does not state is said");
    }

    @Test
    void markdownAndHtmlHaveATableRowPerWindows() {
        String md = MarkdownReport.render(report, null);
        assertTrue(md.contains("## Will Windows connect?"), md);
        assertTrue(md.contains("| Windows 10 / Server 2016-2019 | no | the server offers only TLS 1\\.3 |"), md);
        String html = HtmlReport.render(report, null);
        assertTrue(html.contains("<h2>Will Windows connect?</h2>"), html);
        assertTrue(html.contains("<tr><td>Windows 11 / Server 2022 and later</td><td>yes, TLS 1.3</td>"), html);
    }

    @Test
    void jsonCsvAndTableCarryIt() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        JsonNode rows = json.get("windowsCompatibility").get("rows");
        assertEquals(4, rows.size());
        assertEquals("windows_10", rows.get(1).get("family").asText());
        assertEquals("no", rows.get(1).get("status").asText());
        assertEquals("Windows 10: no \u2014 the server offers only TLS 1.3", rows.get(1).get("text").asText());
        assertEquals("some", json.get("windowsCompatibility").get("summary").asText());
        assertEquals(64, json.get("cryptoBinding").get("sha256").asText().length());
        assertTrue(json.get("cryptoBinding").get("matches").isNull());
        assertTrue(json.get("interception").get("evidence").isArray());
        assertEquals("windows_tls", json.get("stages").get(json.get("stages").size() - 2).get("stage").asText());
        assertEquals("server_identity", json.get("stages").get(json.get("stages").size() - 1).get("stage").asText());
        assertTrue(CsvReport.row(report).endsWith(",\"Windows 11: yes, TLS 1.3; Windows 10: no \u2014 the server offers only TLS 1.3;"
                + " Windows 8.1: no \u2014 the server offers only TLS 1.3; Windows 7: no \u2014 the server offers only TLS 1.3\""
                + ",revocation_good,"),
                CsvReport.row(report));
        assertTrue(CsvReport.header().endsWith(",windows,revocation,certificate_days_left"), "new columns are added at the end");
        assertTrue(TableReport.row(report).contains("11y 10n 8n 7n"), TableReport.row(report));
    }
}
