package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.report.ReportFixtures.Probed;
import org.sstpdoctor.testing.ProxyHarness;

class HtmlReportTest {
    private static final Pattern BAR = Pattern.compile(
            "<div class=\"bar s-([a-z_]+)\" style=\"left:([0-9.]+)%;width:([0-9.]+)%\" title=\"([^\"]*)\">");

    record Bar(String status, double left, double width, String title) {
    }

    static List<Bar> bars(String html) {
        List<Bar> out = new ArrayList<>();
        Matcher m = BAR.matcher(html);
        while (m.find()) {
            out.add(new Bar(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), m.group(4)));
        }
        return out;
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Self-contained: nothing fetched, nothing run. */
    static void assertSelfContained(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), "an HTML5 document");
        assertTrue(html.endsWith("</html>\n"));
        assertFalse(lower.contains("<script"), "no scripts");
        assertFalse(lower.contains(" src="), "no embedded resources");
        assertFalse(lower.contains("<link"), "no stylesheets from elsewhere");
        assertFalse(lower.contains("url("), "no CSS fetches");
        assertFalse(lower.contains("@import"));
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=").matcher(lower).find(), "no event handlers");
        assertTrue(html.contains("default-src 'none'"), "a CSP that forbids everything but inline style");
        assertEquals(count(html, "<table>"), count(html, "</table>"), "tables closed");
        assertEquals(count(html, "<tr>"), count(html, "</tr>"), "rows closed");
    }

    @Test
    void workingServerWithWaterfall() throws IOException {
        Probed p = ReportFixtures.working();
        ProbeReport r = p.report();
        org.sstpdoctor.testing.TestProbes.assertSstpAck(r);
        String html = HtmlReport.render(r, p.resolution());
        assertSelfContained(html);
        assertTrue(html.contains("<span class=\"verdict pass\">REACHABLE - the SSTP service answered</span>"));
        assertTrue(html.contains("<title>SSTP Doctor: REACHABLE - localhost:" + r.target().port() + "</title>"));

        // One bar per stage that ran; each placed by start/total and sized by duration/total.
        List<StageResult> timed = r.stages().stream().filter(s -> s.started() && s.durationMillis() >= 0).toList();
        List<Bar> bars = bars(html);
        assertEquals(timed.size(), bars.size(), "bars: " + bars);
        double total = r.totalMillis();
        for (StageResult s : timed) {
            total = Math.max(total, s.startMillis() + s.durationMillis());
        }
        for (int i = 0; i < timed.size(); i++) {
            StageResult s = timed.get(i);
            Bar bar = bars.get(i);
            assertTrue(bar.title().startsWith(s.stage().title()), bar.title());
            assertEquals(s.status().id(), bar.status());
            double width = Math.max(0.4, s.durationMillis() / total * 100);
            // The sliver of a very short last stage is moved left to stay inside the track (HtmlReport).
            assertEquals(Math.min(s.startMillis() / total * 100, 100 - width), bar.left(), 0.01, "left offset of " + s.stage());
            assertEquals(width, bar.width(), 0.01, "width of " + s.stage());
            assertTrue(bar.left() + bar.width() <= 100.01, "inside the track: " + bar);
        }
        // Later stages start further right: the waterfall reads left to right.
        for (int i = 1; i < bars.size(); i++) {
            assertTrue(bars.get(i).left() >= bars.get(i - 1).left(), bars.toString());
        }

        CertificateInfo leaf = r.tls().chain().get(0);
        assertTrue(html.contains("<code>" + leaf.sha256Fingerprint() + "</code>"));
        KbEntry primary = p.resolution().primary().orElseThrow();
        assertTrue(html.contains("<p>" + HtmlReport.esc(primary.endUser().explanation()) + "</p>"));
        assertEquals(primary.helpdesk().steps().size(),
                count(html.substring(html.indexOf("<ol>"), html.indexOf("</ol>")), "<li>"), "numbered helpdesk steps");
    }

    @Test
    void scriptInReasonHeaderAndCertificateComesOutEscaped() throws IOException {
        Probed p = ReportFixtures.hostile();
        assertEquals(418, p.report().httpResponse().code(), p.report().detail());
        assertTrue(p.report().httpResponse().reason().contains("<script>"), "the hostile reason reached the report");
        String html = HtmlReport.render(p.report(), p.resolution());
        assertSelfContained(html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;"), "reason phrase");
        assertTrue(html.contains("<td>Server</td><td>&lt;script&gt;alert(&quot;header&quot;)&lt;/script&gt;</td>"), "header");
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"), "markup in a header value");
        assertTrue(html.contains("alert(&#39;cert&#39;)"), "certificate subject");
        assertFalse(html.contains("<b>x</b>"));
    }

    @Test
    void untrustedAndProxyReports() throws IOException {
        Probed untrusted = ReportFixtures.untrusted();
        assertEquals(Outcome.CERT_UNTRUSTED, untrusted.report().outcome());
        String html = HtmlReport.render(untrusted.report(), untrusted.resolution());
        assertSelfContained(html);
        assertTrue(html.contains("<span class=\"verdict fail\">"));
        assertTrue(html.contains("Somebody Else&#39;s CA"), "the foreign issuer");
        assertTrue(html.contains("<dt>Trusted</dt><dd>no"), "trust verdict");

        Probed proxy = ReportFixtures.proxySignIn(ProxyHarness.PASSWORD);
        String proxyHtml = HtmlReport.render(proxy.report(), proxy.resolution());
        assertSelfContained(proxyHtml);
        assertTrue(proxyHtml.contains("<h2>Proxy replies</h2>"));
        assertTrue(proxyHtml.contains("<h2>With the proxy credentials</h2>"));
        assertTrue(proxyHtml.contains("<code>HTTP/1.1 407 Proxy Authentication Required</code>"));
        assertFalse(proxyHtml.contains(ProxyHarness.PASSWORD));
    }

    @Test
    void escapeCoversEveryHtmlSpecialCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                HtmlReport.esc("<a href=\"x\" title='y'>&</a>"));
        assertEquals("bell\\u0007here", HtmlReport.esc("bell\u0007here"), "control characters are made visible, as everywhere");
    }
}
