package org.sstpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.report.CsvReport;
import org.sstpdoctor.report.HtmlReport;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.MarkdownReport;
import org.sstpdoctor.report.ResolutionJson;
import org.sstpdoctor.report.TableReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.HostileReplies;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.target.ProxyAddressParser;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;
import org.sstpdoctor.text.PeerText;

/**
 * Servers and proxies that try to rewrite what the technician sees: terminal escapes, a bare CR,
 * C1 controls and bidi overrides in the reason phrase, the headers, a Transfer-Encoding value, the
 * certificate's names and a proxy's 407. No output format may carry any of them raw, and no
 * report may show a forged verdict or a forged passed stage as a line of its own.
 */
class HostileTextTest {
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();

    static ProbeReport probe(Scenario scenario) throws Exception {
        try (SstpResponder peer = SstpResponder.start(ResponderConfig.loopback(scenario,
                scenario.actsAsProxy() ? null : TestCertificates.valid()))) {
            ProbeRequest request = TestProbes.local(scenario.actsAsProxy() ? 9 : peer.port());
            if (scenario.actsAsProxy()) {
                request = request.withProxy(ProxySettings.manual(ProxyAddressParser.parse("localhost:" + peer.port())));
            }
            return TestProbes.probe().run(request);
        }
    }

    /** Every rendering a person or a script can get of a report. */
    static Map<String, String> everyFormat(ProbeReport report) {
        Resolution resolution = Resolution.of(report, KB);
        return Map.of(
                "text", TextReport.render(report, resolution),
                "markdown", MarkdownReport.render(report, resolution),
                "html", HtmlReport.render(report, resolution),
                "json", JsonReport.render(report, ResolutionJson.toNode(resolution)),
                "jsonl", JsonReport.renderLine(report, ResolutionJson.toNode(resolution)),
                "table", TableReport.row(report),
                "csv", CsvReport.row(report));
    }

    static void assertNothingRaw(String format, String rendered) {
        int[] bad = rendered.codePoints().filter(cp -> cp != '\n' && PeerText.isInvisible(cp)).distinct().toArray();
        assertEquals(0, bad.length, () -> format + " carries raw characters " + codes(bad));
    }

    /** JSON escapes C0 controls itself, but a script reading it gets the characters back: check the values. */
    static void assertJsonValuesClean(String json) throws Exception {
        List<String> dirty = new ArrayList<>();
        walk(JsonReport.parse(json), dirty);
        assertEquals(List.of(), dirty, "JSON values with raw control, format or bidi characters");
    }

    private static void walk(JsonNode node, List<String> dirty) {
        if (node.isTextual() && !PeerText.isClean(node.asText().replace("\r\n", "").replace("\n", ""))) {
            dirty.add(node.asText());
        }
        node.properties().forEach(e -> walk(e.getValue(), dirty));
        if (node.isArray()) {
            node.forEach(n -> walk(n, dirty));
        }
    }

    private static String codes(int[] cps) {
        StringBuilder b = new StringBuilder();
        for (int cp : cps) {
            b.append(String.format(" U+%04X", cp));
        }
        return b.toString();
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"HOSTILE_REASON", "HOSTILE_TRANSFER_ENCODING", "HOSTILE_CERTIFICATE",
        "HOSTILE_PROXY"})
    void noOutputFormatCarriesPeerControlCharactersRaw(Scenario scenario) throws Exception {
        ProbeReport report = probe(scenario);
        assertEquals(Verdict.FAIL, report.verdict(), report.outcome() + ": " + report.detail());
        assertTrue(everyFormat(report).get("json").contains("u001B"),
                "the scenario's escapes reached the report, made visible: " + report.detail());
        everyFormat(report).forEach(HostileTextTest::assertNothingRaw);
        assertJsonValuesClean(everyFormat(report).get("json"));
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"HOSTILE_REASON", "HOSTILE_TRANSFER_ENCODING", "HOSTILE_CERTIFICATE",
        "HOSTILE_PROXY"})
    void noForgedVerdictOrStageLine(Scenario scenario) throws Exception {
        ProbeReport report = probe(scenario);
        String text = TextReport.render(report, Resolution.of(report, KB));
        List<String> verdicts = text.lines().filter(l -> l.strip().startsWith("Verdict:")).toList();
        assertEquals(List.of("Verdict:      NOT REACHABLE"), verdicts, text);
        assertFalse(text.lines().anyMatch(l -> l.strip().startsWith("[ OK ] Proxy tunnel")), text);
        // The forged text is there to be read, as text, inside the line it came in.
        assertTrue(text.contains("\\u001B[32mVerdict:") || text.contains("\\u000D  [ OK ]"), text);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"HOSTILE_REASON", "HOSTILE_TRANSFER_ENCODING", "HOSTILE_CERTIFICATE",
        "HOSTILE_PROXY"})
    void whatTheWindowShowsLiveIsCleanToo(Scenario scenario) throws Exception {
        List<String> seen = new ArrayList<>();
        ProbeListener listener = new ProbeListener() {
            @Override
            public void stageStarted(Stage stage, double atMillis) {
            }

            @Override
            public void stageFinished(StageResult result) {
                seen.add(result.detail());
            }

            @Override
            public void note(String message) {
                seen.add(message);
            }
        };
        try (SstpResponder peer = SstpResponder.start(ResponderConfig.loopback(scenario,
                scenario.actsAsProxy() ? null : TestCertificates.valid()))) {
            ProbeRequest request = TestProbes.local(scenario.actsAsProxy() ? 9 : peer.port());
            if (scenario.actsAsProxy()) {
                request = request.withProxy(ProxySettings.manual(ProxyAddressParser.parse("localhost:" + peer.port())));
            }
            TestProbes.probe().run(request, listener, new Cancellation());
        }
        seen.forEach(s -> assertTrue(PeerText.isClean(s), s));
    }

    @org.junit.jupiter.api.Test
    void theScenariosReallySendTheBytes() {
        assertTrue(HostileReplies.ALL.contains("\u001b[2J"));
        assertTrue(HostileReplies.ALL.contains("\r"));
        assertTrue(HostileReplies.ALL.contains("\u009b"));
        assertTrue(HostileReplies.ALL.contains("\u202E"));
    }
}
