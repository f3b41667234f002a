package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.Reference;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.report.ReportFixtures.Probed;
import org.sstpdoctor.testing.ProxyHarness;

class MarkdownReportTest {

    /** The unescaped pipes of a table row: each one is a column border. */
    static long columnBorders(String row) {
        long count = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }

    static List<String> lines(String markdown) {
        return markdown.lines().toList();
    }

    @Test
    void workingServerHasVerdictStagesCertificatesAndAdvice() throws IOException {
        Probed p = ReportFixtures.working();
        ProbeReport r = p.report();
        org.sstpdoctor.testing.TestProbes.assertSstpAck(r);
        String md = MarkdownReport.render(r, p.resolution());

        assertTrue(md.startsWith("# SSTP Doctor: REACHABLE - localhost:" + r.target().port() + "\n"), md);
        assertTrue(md.contains("`sstp_ack`"), "the outcome id");
        assertTrue(md.contains("**Answered by:** the VPN server"), md);
        assertTrue(md.contains("**HTTP status:** 200"), md);

        // One table row per stage, each with exactly six column borders.
        assertTrue(md.contains("| Stage | Status | Start ms | Duration ms | Detail |"));
        for (StageResult s : r.stages()) {
            String row = lines(md).stream().filter(l -> l.startsWith("| " + s.stage().title() + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + s.stage()));
            assertEquals(6, columnBorders(row), row);
            assertTrue(row.contains("| " + s.status().id().replace('_', ' ') + " |"), row);
        }

        // The certificate chain, leaf first, with its fingerprint.
        CertificateInfo leaf = r.tls().chain().get(0);
        assertTrue(md.contains("### Certificate chain"));
        assertTrue(md.contains(leaf.sha256Fingerprint()), "leaf fingerprint");
        assertTrue(md.contains(MarkdownReport.peer(leaf.subject())), "leaf subject");
        assertTrue(md.contains(leaf.notAfter().toString()), "valid to");

        // The knowledge base's explanation for an Ack.
        KbEntry primary = p.resolution().primary().orElseThrow();
        assertTrue(md.contains("## What this means"));
        assertTrue(md.contains(MarkdownReport.paragraph(primary.endUser().explanation())));
        for (int i = 0; i < primary.helpdesk().steps().size(); i++) {
            assertTrue(md.contains("\n" + (i + 1) + ". "), "helpdesk step " + (i + 1));
        }
        assertFalse(md.contains("## With the proxy credentials"), "no retry without a proxy");
    }

    @Test
    void http404NamesTheStatusAndLinksTheReferences() throws IOException {
        Probed p = ReportFixtures.notFound();
        assertEquals(Outcome.HTTP_STATUS, p.report().outcome());
        String md = MarkdownReport.render(p.report(), p.resolution());
        assertTrue(md.startsWith("# SSTP Doctor: NOT REACHABLE"), md);
        assertTrue(md.contains("**HTTP status:** 404"), md);
        assertTrue(md.contains("## Server's HTTP answer"));
        KbEntry primary = p.resolution().primary().orElseThrow();
        assertTrue(primary.id().contains("404"), "the 404 entry comes first: " + primary.id());
        for (Reference ref : primary.references()) {
            String link = MarkdownReport.link(ref.title(), ref.url());
            assertTrue(link.startsWith("[" + MarkdownReport.text(ref.title()) + "](http"), link);
            assertTrue(md.contains("- " + link + "\n"), "reference as a link: " + ref.url());
        }
        assertFalse(primary.references().isEmpty(), "the 404 entry cites its sources");
    }

    @Test
    void untrustedCertificateShowsTheForeignIssuer() throws IOException {
        Probed p = ReportFixtures.untrusted();
        assertEquals(Outcome.CERT_UNTRUSTED, p.report().outcome(), p.report().detail());
        String md = MarkdownReport.render(p.report(), p.resolution());
        assertTrue(md.contains("**Trusted:** no"), md);
        String leafRow = lines(md).stream().filter(l -> l.startsWith("| 0 |")).findFirst().orElseThrow();
        assertTrue(leafRow.contains("Somebody Else's CA"), leafRow);
        assertEquals(9, columnBorders(leafRow), leafRow);
        assertTrue(md.contains("`cert_untrusted`"));
    }

    @Test
    void proxyDemandingSignInListsItsReplies() throws IOException {
        Probed p = ReportFixtures.proxy407();
        assertEquals(Outcome.PROXY_AUTH_REQUIRED, p.report().outcome());
        String md = MarkdownReport.render(p.report(), p.resolution());
        assertTrue(md.contains("## Proxy replies"));
        String row = lines(md).stream().filter(l -> l.contains("407")).filter(l -> l.startsWith("| localhost"))
                .findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(row.contains("| Basic |"), row);
        assertTrue(md.contains("**Answered by:** the web proxy"));
    }

    @Test
    void credentialsRetryIsSummarisedAndThePasswordNeverAppears() throws IOException {
        Probed p = ReportFixtures.proxySignIn(ProxyHarness.PASSWORD);
        org.sstpdoctor.testing.TestProbes.assertSstpAck(p.report().authenticatedRetry());
        String md = MarkdownReport.render(p.report(), p.resolution());
        assertTrue(md.contains("## With the proxy credentials"), md);
        assertTrue(md.contains("user helpdesk with a password"), "the proxy line says a password was given");
        int retry = md.indexOf("## With the proxy credentials");
        assertTrue(md.indexOf("`sstp_ack`", retry) > retry, "the retry's outcome");
        assertFalse(md.contains(ProxyHarness.PASSWORD));
    }

    @Test
    void hostileValuesAreEscaped() throws IOException {
        Probed p = ReportFixtures.hostile();
        assertEquals(418, p.report().httpResponse().code(), p.report().detail());
        String md = MarkdownReport.render(p.report(), p.resolution());
        assertFalse(md.contains("<script>"), "raw markup would be HTML in many Markdown renderers");
        assertTrue(md.contains("\\<script\\>alert('reason')\\</script\\>"), "the reason, escaped");
        String note = lines(md).stream().filter(l -> l.startsWith("| X\\-Note") || l.startsWith("| X-Note")).findFirst()
                .orElseThrow(() -> new AssertionError(md));
        assertEquals(3, columnBorders(note), "a pipe in a header value must not add a column: " + note);
        assertFalse(note.contains("[click]("), "a header cannot make a link: " + note);
        assertFalse(note.contains("**bold**"), note);
        String leafRow = lines(md).stream().filter(l -> l.startsWith("| 0 |")).findFirst().orElseThrow();
        assertEquals(9, columnBorders(leafRow), "a pipe in the certificate subject must not add a column: " + leafRow);
    }

    @Test
    void escapingHelpers() {
        assertEquals("a \\| b \\*c\\* \\_d\\_ \\[e\\]", MarkdownReport.text("a | b *c* _d_ [e]"));
        assertEquals("one two", MarkdownReport.text("one\ntwo"), "a value cannot start a new Markdown line");
        assertEquals("\\# not a heading", MarkdownReport.paragraph("# not a heading"));
        assertEquals("1\\. not a list", MarkdownReport.paragraph("1. not a list"));
        assertEquals("``a`b``", MarkdownReport.code("a`b"), "the fence outgrows the backticks inside");
        assertEquals("[x](https://e.example/a%28b%29)", MarkdownReport.link("x", "https://e.example/a(b)"));
        assertEquals("x: javascript:alert(1)", MarkdownReport.link("x", "javascript:alert(1)"),
                "only web addresses become links");
    }
}
