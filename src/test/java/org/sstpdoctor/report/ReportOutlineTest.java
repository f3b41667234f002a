package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyInfo;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.TlsInfo;
import org.sstpdoctor.report.ReportOutline.Section;

/** The outline is what every format says: each section and fact in text, Markdown and HTML alike. */
class ReportOutlineTest {
    private static final Instant TESTED = Instant.parse("2026-12-01T10:00:00Z");

    static CertificateInfo certificate(String subject, Instant notAfter) {
        return new CertificateInfo(subject, "CN=Test CA", "01", TESTED.minus(Duration.ofDays(300)), notAfter,
                List.of("DNS:vpn.example.com"), "AB:CD", "EC", 256, "SHA256withECDSA", List.of(), List.of(), false, false);
    }

    /** A built report whose leaf expires in 12 days, whose CA is good for years, and one expired certificate. */
    static ProbeReport withChain() {
        TlsInfo tls = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(
                certificate("CN=vpn.example.com", TESTED.plus(Duration.ofDays(12)).plus(Duration.ofHours(5))),
                certificate("CN=Test CA", TESTED.plus(Duration.ofDays(3650))),
                certificate("CN=Old Intermediate", TESTED.minus(Duration.ofDays(3)))), true, "", true, List.of());
        return ProbeReport.builder().startedAt(TESTED)
                .outcome(Outcome.SSTP_ACK, AnsweredBy.SERVER, "Call Connect Ack received")
                .proxy(new ProxyInfo(ProxyMode.SYSTEM, "", "DIRECT (no proxy for this address)", null, false))
                .resolvedAddresses(List.of("192.0.2.10")).connectAttempts(List.of("192.0.2.10:443 connected"))
                .notes(List.of("a note"))
                .tls(tls).build();
    }

    @Test
    void everySectionAndFactOfTheOutlineIsInEveryFormat() {
        for (ProbeReport report : List.of(withChain(), BuiltReportTest.notFound())) {
            Resolution resolution = Resolution.of(report, KnowledgeBase.builtIn());
            ReportOutline outline = ReportOutline.of(report, resolution);
            String text = TextReport.render(report, resolution);
            String md = MarkdownReport.render(report, resolution);
            String html = HtmlReport.render(report, resolution);
            assertFalse(outline.sections().isEmpty());
            for (Section s : outline.sections()) {
                assertTrue(text.contains("\n" + s.title() + "\n"), "text lacks " + s.title() + ":\n" + text);
                assertTrue(md.contains("#".repeat(s.level()) + " " + MarkdownReport.text(s.title()) + "\n"), "Markdown lacks "
                        + s.title());
                assertTrue(html.contains("<h" + s.level() + ">" + HtmlReport.esc(s.title()) + "</h" + s.level() + ">"),
                        "HTML lacks " + s.title());
            }
            for (ReportOutline.Fact f : outline.facts()) {
                assertTrue(text.contains(f.label() + ":"), "text lacks the fact " + f.label());
                assertTrue(md.contains("**" + MarkdownReport.text(f.label()) + ":**"), "Markdown lacks the fact " + f.label());
                assertTrue(html.contains("<dt>" + HtmlReport.esc(f.label()) + "</dt>"), "HTML lacks the fact " + f.label());
            }
            assertTrue(outline.section("Network").isPresent(), "the Network section, in every format");
        }
    }

    @Test
    void aCertificateThatExpiresWithin30DaysSaysHowManyDaysAreLeftEverywhere() throws Exception {
        ProbeReport report = withChain();
        String text = TextReport.render(report);
        String md = MarkdownReport.render(report, null);
        String html = HtmlReport.render(report, null);
        String leafEnd = report.tls().chain().get(0).notAfter().toString();
        for (String rendered : List.of(text, md, html)) {
            assertTrue(rendered.contains(leafEnd + " (12 days left)"), rendered);
            assertTrue(rendered.contains("(expired 3 days ago)"), "an expired certificate says so");
            assertEquals(2, count(rendered, " left)") + count(rendered, " ago)"),
                    "the CA, good for years, has no count: " + rendered);
        }
        JsonNode chain = new ObjectMapper().readTree(JsonReport.render(report)).path("tls").path("chain");
        assertEquals(12, chain.path(0).path("daysLeft").asInt());
        assertTrue(chain.path(1).path("daysLeft").isNull(), "more than 30 days: no count");
        assertEquals(-3, chain.path(2).path("daysLeft").asInt());
        int column = CsvReport.COLUMNS.indexOf("certificate_days_left");
        assertEquals(CsvReport.COLUMNS.size() - 1, column, "added at the end");
        assertEquals("12", CsvReport.row(report).substring(CsvReport.row(report).lastIndexOf(',') + 1), CsvReport.row(report));
        int cert = TableReport.header().indexOf("CERT");
        assertTrue(cert > 0, TableReport.header());
        assertEquals("12d", TableReport.row(report).substring(cert).split("\\s+")[0], TableReport.row(report));
    }

    @Test
    void theCsvAndTableSayNothingOfACertificateWithLongToRunAndMarkAnExpiredOne() {
        ProbeReport longToRun = ProbeReport.builder().startedAt(TESTED)
                .outcome(Outcome.SSTP_ACK, AnsweredBy.SERVER, "Call Connect Ack received")
                .tls(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(certificate("CN=vpn.example.com",
                        TESTED.plus(Duration.ofDays(90)))), true, "", true, List.of())).build();
        assertTrue(CsvReport.row(longToRun).endsWith(","), CsvReport.row(longToRun));
        int cert = TableReport.header().indexOf("CERT");
        assertEquals("-", TableReport.row(longToRun).substring(cert).split("\\s+")[0]);
        ProbeReport expired = ProbeReport.builder().startedAt(TESTED)
                .outcome(Outcome.CERT_EXPIRED, AnsweredBy.SERVER, "expired")
                .tls(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(certificate("CN=vpn.example.com",
                        TESTED.minus(Duration.ofDays(2)))), true, "", true, List.of())).build();
        assertTrue(CsvReport.row(expired).endsWith(",-2"), CsvReport.row(expired));
        assertEquals("expired", TableReport.row(expired).substring(cert).split("\\s+")[0]);
        assertEquals("-", TableReport.row(BuiltReportTest.notFound()).substring(cert).split("\\s+")[0],
                "no certificate: nothing to count");
    }

    @Test
    void aProbedCertificateThatExpiresSoonShowsItsDaysInEveryFormat() throws Exception {
        ReportFixtures.Probed p = ReportFixtures.scenario(org.sstpdoctor.responder.Scenario.WORKING,
                org.sstpdoctor.testing.TestCertificates.expiringSoon());
        assertEquals(Outcome.CERT_EXPIRING_SOON, p.report().findings().stream().map(f -> f.outcome())
                .filter(o -> o == Outcome.CERT_EXPIRING_SOON).findFirst().orElse(null), p.report().findings().toString());
        // Made with 12 days to run; a moment later 11 whole days remain.
        long days = new ObjectMapper().readTree(JsonReport.render(p.report())).path("tls").path("chain").path(0)
                .path("daysLeft").asLong();
        assertTrue(days == 11 || days == 12, "daysLeft " + days);
        String note = p.report().tls().chain().get(0).notAfter() + " (" + days + " days left)";
        assertTrue(TextReport.render(p.report(), p.resolution()).contains(note));
        assertTrue(MarkdownReport.render(p.report(), p.resolution()).contains(MarkdownReport.text(note)));
        assertTrue(HtmlReport.render(p.report(), p.resolution()).contains(HtmlReport.esc(note)));
        assertEquals(java.util.Optional.of(days + " days left"),
                ReportOutline.expiryNote(p.report().tls().chain().get(0).notAfter(), p.report().startedAt()),
                "the result page's certificate card says the same");
    }

    @Test
    void daysLeftInWords() {
        assertEquals("less than a day left", OutlineBuilder.daysLeftWords(0));
        assertEquals("1 day left", OutlineBuilder.daysLeftWords(1));
        assertEquals("29 days left", OutlineBuilder.daysLeftWords(29));
        assertEquals("expired 1 day ago", OutlineBuilder.daysLeftWords(-1));
        assertEquals(java.util.Optional.of(29L), OutlineBuilder.daysLeft(TESTED.plus(Duration.ofDays(30)).minusSeconds(1), TESTED));
        assertEquals(java.util.Optional.empty(), OutlineBuilder.daysLeft(TESTED.plus(Duration.ofDays(30)), TESTED),
                "30 days is not within 30 days, as the certificate check has it");
        assertEquals(java.util.Optional.of(-1L), OutlineBuilder.daysLeft(TESTED.minusSeconds(1), TESTED),
                "expired a moment ago: expired, not 'less than a day left'");
    }

    @Test
    void theProxyLineIsOneForEveryFormatAndTheResultPage() {
        ProbeReport report = withChain();
        String line = ReportOutline.of(report, null).fact("Proxy").orElseThrow().value().plainText();
        assertEquals("system settings: DIRECT (no proxy for this address)", line,
                "the system's settings found no proxy: said so, not just 'none'");
        assertEquals(line, TextReport.proxyLine(report));
        assertTrue(TextReport.render(report).contains("Proxy:        " + line + "\n"));
        assertTrue(MarkdownReport.render(report, null).contains("**Proxy:** " + MarkdownReport.text(line) + "  \n"));
        assertTrue(HtmlReport.render(report, null).contains("<dt>Proxy</dt><dd>" + HtmlReport.esc(line) + "</dd>"));
    }

    @Test
    void spansAreEscapedForWhatTheyAre() {
        ReportOutline.Line line = ReportOutline.Line.with().plain("Outcome ").id("sstp_ack").plain(" ").peer("a|b")
                .plain(" ").quoted("HTTP/1.1 200 <b>").build();
        assertEquals("Outcome [sstp_ack] a|b HTTP/1.1 200 <b>", line.plainText());
        assertFalse(line.isProse(), "a line quoting a peer is not wrapped");
        assertTrue(ReportOutline.Line.with().plain("words ").id("x").build().isProse());
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
