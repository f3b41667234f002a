package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Header;
import org.sstpdoctor.probe.HttpReply;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.StageStatus;
import org.sstpdoctor.probe.Verdict;

/** Renderers over a report made with the builder: no socket, no responder. */
class BuiltReportTest {
    static ProbeReport notFound() {
        return ProbeReport.builder()
                .startedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .outcome(Outcome.HTTP_STATUS, AnsweredBy.SERVER, "HTTP 404 Not Found")
                .stage(new StageResult(Stage.RESOLVE, StageStatus.PASSED, 0, 1.5, "vpn.example.com -> 192.0.2.10"))
                .stage(new StageResult(Stage.TCP_CONNECT, StageStatus.PASSED, 1.5, 2, "connected to 192.0.2.10:443"))
                .stage(StageResult.skipped(Stage.PROXY_CONNECT, "no proxy"))
                .stage(new StageResult(Stage.TLS_HANDSHAKE, StageStatus.PASSED, 3.5, 10, "TLSv1.3"))
                .stage(new StageResult(Stage.SSTP_HTTP, StageStatus.FAILED, 13.5, 4, "HTTP 404 Not Found"))
                .resolvedAddresses(List.of("192.0.2.10"))
                .connectAttempts(List.of("192.0.2.10:443 connected"))
                .httpResponse(new HttpReply("HTTP/1.1 404 Not Found", "HTTP/1.1", 404, "Not Found",
                        List.of(new Header("Server", "nginx")), "", 0))
                .totalMillis(18)
                .build();
    }

    @Test
    void theVerdictIsTheOutcomes() {
        ProbeReport report = notFound();
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(List.of(Outcome.HTTP_STATUS), report.findings().stream().map(f -> f.outcome()).toList());
        assertEquals(StageStatus.NOT_REACHED, report.stage(Stage.SSTP_CONTROL).orElseThrow().status(),
                "a stage not set is not reached");
        assertEquals(Stage.values().length, report.stages().size());
        assertNull(report.tls());
        assertNull(report.sstp());
        assertNull(report.authenticatedRetry());
    }

    @Test
    void everyTextFormatHasTheNetworkSection() {
        ProbeReport report = notFound();
        Resolution resolution = Resolution.empty();
        String text = TextReport.render(report, resolution);
        assertTrue(text.contains("\nNetwork\n  Resolved to: 192.0.2.10\n  - 192.0.2.10:443 connected\n"), text);
        assertTrue(MarkdownReport.render(report, resolution).contains("## Network"));
        assertTrue(HtmlReport.render(report, resolution).contains("<h2>Network</h2>"));
    }

    @Test
    void everyFormatRendersABuiltReport() throws Exception {
        ProbeReport report = notFound();
        Resolution resolution = Resolution.of(report, KnowledgeBase.builtIn());
        String text = TextReport.render(report, resolution);
        assertTrue(text.contains("HTTP 404 Not Found"), text);
        assertTrue(text.contains("192.0.2.10"), text);
        assertTrue(MarkdownReport.render(report, resolution).contains("404"));
        assertTrue(HtmlReport.render(report, resolution).contains("404"));
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertEquals("fail", json.get("verdict").asText());
        assertEquals("http_status", json.get("outcome").asText());
        assertEquals(404, json.get("http").get("status").asInt());
        assertEquals("skipped", json.get("stages").get(2).get("status").asText());
    }
}
