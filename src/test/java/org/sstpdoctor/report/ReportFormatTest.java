package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.cli.CliContext;
import org.sstpdoctor.cli.SstpDoctorCli;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.report.ReportFixtures.Probed;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class ReportFormatTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
        "report.txt, TEXT", "REPORT.TXT, TEXT", "ticket.md, MARKDOWN", "ticket.Markdown, MARKDOWN",
        "page.html, HTML", "page.HTM, HTML", "out.json, JSON", "C:\\Users\\me\\vpn.report.Json, JSON",
        "/home/me/archive.v2/report.md, MARKDOWN"})
    void formatFromFileName(String name, ReportFormat expected) {
        assertEquals(Optional.of(expected), ReportFormat.forFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "report.", "report.pdf", "report.txt.bak", ".", "", "dir.md/report"})
    void unknownFileNames(String name) {
        assertEquals(Optional.empty(), ReportFormat.forFileName(name));
    }

    @Test
    void labelsAndExtensions() {
        assertEquals("Markdown", ReportFormat.MARKDOWN.label());
        assertEquals("md", ReportFormat.MARKDOWN.extension());
        assertEquals("html", ReportFormat.HTML.extension());
        assertEquals("JSON", ReportFormat.JSON.label());
        assertEquals("txt", ReportFormat.TEXT.extension());
        assertEquals(Optional.empty(), ReportFormat.forFileName(null));
    }

    @Test
    void eachFormatRendersItsOwnRenderer() throws IOException {
        Probed p = ReportFixtures.notFound();
        assertEquals(TextReport.render(p.report(), p.resolution()), ReportFormat.TEXT.render(p.report(), p.resolution()));
        assertEquals(MarkdownReport.render(p.report(), p.resolution()), ReportFormat.MARKDOWN.render(p.report(), p.resolution()));
        assertEquals(HtmlReport.render(p.report(), p.resolution()), ReportFormat.HTML.render(p.report(), p.resolution()));
        String json = ReportFormat.JSON.render(p.report(), p.resolution());
        assertEquals(JsonReport.render(p.report(), ResolutionJson.toNode(p.resolution())), json);
        JsonNode tree = JsonReport.parse(json);
        assertEquals(JsonReport.SCHEMA, tree.path("schema").asText());
        assertEquals("http_status", tree.path("outcome").asText());
        assertEquals(404, tree.path("http").path("status").asInt());
        assertEquals(p.resolution().primary().orElseThrow().id(), tree.path("resolution").path("entries").path(0).path("id").asText());
    }

    /** Every field path in a JSON tree ("tls.chain[].sha256Fingerprint"), to compare two reports' shape. */
    static TreeSet<String> paths(JsonNode node, String prefix, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                paths(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                paths(element, prefix + "[]", out);
            }
        }
        return out;
    }

    @Test
    void savedJsonIsWhatTheCommandPrints() throws IOException {
        Path ca = temp.resolve("ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem());
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext context = new CliContext(TestProbes::probe, Map.of(), new ByteArrayInputStream(new byte[0]), false,
                    temp.toString());
            int code = SstpDoctorCli.execute(context, new PrintWriter(out), new PrintWriter(err), "probe", "--json",
                    "--proxy", "none", "--trust-ca", ca.toString(), "localhost:" + server.port());
            assertEquals(0, code, err.toString());
            Probed p = ReportFixtures.of(TestProbes.probe().run(TestProbes.local(server.port())));
            String saved = ReportFormat.JSON.render(p.report(), p.resolution());

            // The command adds only a final line break; the documents have the same fields everywhere.
            assertTrue(out.toString().endsWith("}\n"));
            JsonNode fromCli = JsonReport.parse(out.toString());
            JsonNode fromFile = JsonReport.parse(saved);
            assertEquals(paths(fromCli, "", new TreeSet<>()), paths(fromFile, "", new TreeSet<>()));
            for (String field : new String[] {"schema", "verdict", "outcome", "answeredBy"}) {
                assertEquals(fromCli.path(field), fromFile.path(field), field);
            }
            assertEquals(fromCli.path("resolution"), fromFile.path("resolution"), "the same advice");
            assertEquals(fromCli.path("tls").path("chain"), fromFile.path("tls").path("chain"), "the same certificates");
            // Pretty-printed the same way: the first lines, up to the time, are identical.
            assertEquals(out.toString().lines().limit(6).toList(), saved.lines().limit(6).toList());
        }
    }

    @Test
    void noFormatEverContainsTheProxyPassword() throws IOException {
        for (String password : new String[] {ReportFixtures.WRONG_PASSWORD, ProxyHarness.PASSWORD}) {
            Probed p = ReportFixtures.proxySignIn(password);
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, p.report().outcome());
            assertTrue(p.report().proxy().passwordGiven());
            String basic = Base64.getEncoder().encodeToString(
                    (ProxyHarness.USER + ":" + password).getBytes(StandardCharsets.UTF_8));
            for (ReportFormat format : ReportFormat.values()) {
                String rendered = format.render(p.report(), p.resolution());
                if (ReportFormat.savable().contains(format)) { // a row has no room for the proxy user
                    assertTrue(rendered.contains(ProxyHarness.USER), format + " names the proxy user");
                }
                assertFalse(rendered.contains(password), format + " contains the password");
                assertFalse(rendered.contains(basic), format + " contains the Basic credentials");
            }
        }
    }
}
