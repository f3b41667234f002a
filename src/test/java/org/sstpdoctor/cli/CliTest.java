package org.sstpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class CliTest {
    /** A home folder of the test's own, so no real config folder is read. */
    static final Path HOME = createHome();

    static Path createHome() {
        try {
            return Files.createTempDirectory("sstp-doctor-home");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(TestProbes::probe, env, stdin, false, HOME.toString());
        int code = SstpDoctorCli.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), new ByteArrayInputStream(new byte[0]), args);
    }

    @TempDir
    Path temp;

    Path caFile() throws IOException {
        Path file = temp.resolve("ca.pem");
        Files.writeString(file, TestCertificates.CA.certificatePem());
        return file;
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("SSTP Doctor "), version.out());
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("probe"));
        assertTrue(help.out().contains("serve"));
        assertTrue(help.out().contains("Exit codes"));
        Run probeHelp = run("probe", "--help");
        assertEquals(0, probeHelp.code());
        assertTrue(probeHelp.out().contains("--proxy-password-stdin"));
    }

    @Test
    void reachableServerExitsZero() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            Run r = run("probe", "localhost:" + server.port(), "--proxy", "none", "--trust-ca", caFile().toString());
            assertEquals(ExitCode.REACHABLE, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("REACHABLE"), r.out());
            assertTrue(r.out().contains("[ OK ] SSTP answer"), r.out());
        }
    }

    @Test
    void markdownAndHtmlForOneServer() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            Run md = run("probe", "localhost:" + server.port(), "--proxy", "none", "--format", "markdown",
                    "--trust-ca", caFile().toString());
            assertEquals(ExitCode.DIAGNOSED_FAILURE, md.code(), md.err());
            assertTrue(md.out().startsWith("#") && md.out().contains("sstp_nak"), md.out());
            Run html = run("probe", "localhost:" + server.port(), "--proxy", "none", "--format", "html",
                    "--trust-ca", caFile().toString());
            assertTrue(html.out().startsWith("<!DOCTYPE html>") && html.out().contains("</html>"), html.out());
            Run many = run("probe", "localhost:" + server.port(), "localhost:1", "--proxy", "none", "--format", "html");
            assertEquals(ExitCode.BAD_USAGE, many.code());
            assertTrue(many.err().contains("is for one server"), many.err());
        }
    }

    @Test
    void jsonReportFollowsTheSchema() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.HTTP_STATUS, TestCertificates.valid()).withHttpStatus(503))) {
            Run r = run("probe", "https://localhost:" + server.port() + "/", "--proxy", "none", "--json",
                    "--trust-ca", caFile().toString());
            assertEquals(ExitCode.DIAGNOSED_FAILURE, r.code(), r.err());
            JsonNode json = JsonReport.parse(r.out());
            assertEquals("sstp-doctor/report/v1", json.get("schema").asText());
            assertTrue(json.get("computer").isTextual(), "where the test ran (added within v1)");
            assertEquals("fail", json.get("verdict").asText());
            assertEquals("http_status", json.get("outcome").asText());
            assertEquals("server", json.get("answeredBy").asText());
            assertEquals(503, json.get("http").get("status").asInt());
            assertEquals("Service Unavailable", json.get("http").get("reason").asText());
            assertTrue(json.get("http").get("headers").isArray());
            assertEquals(org.sstpdoctor.probe.Stage.values().length, json.get("stages").size());
            JsonNode revocationStage = null;
            for (JsonNode st : json.get("stages")) {
                if (st.get("stage").asText().equals("revocation")) {
                    revocationStage = st;
                }
            }
            // The revocation stage (added within v1); the test CA's CRL says good.
            assertEquals("passed", revocationStage.get("status").asText());
            assertEquals("revocation_good", json.get("revocation").get("outcome").asText());
            assertEquals("resolve", json.get("stages").get(0).get("stage").asText());
            assertTrue(json.get("stages").get(0).get("durationMs").isNumber());
            assertTrue(json.get("tls").get("chain").isArray());
            assertEquals("localhost", json.get("target").get("host").asText());
            assertEquals("none", json.get("proxy").get("mode").asText());
            assertTrue(json.get("resolution").isObject());
            assertTrue(json.has("sstp"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "probe",
        "probe http://vpn.example.com",
        "probe vpn.example.com:99999",
        "probe vpn.example.com:",
        "probe vpn.example.com --port 0",
        "probe vpn.example.com --timeout forever",
        "probe vpn.example.com --timeout 0s",
        "probe vpn.example.com --proxy socks5://proxy:1080",
        "probe vpn.example.com --proxy proxy.example.com",
        "probe vpn.example.com --proxy-password secret",
        "probe vpn.example.com --trust-ca /nonexistent/ca.pem",
        "probe user:pw@vpn.example.com",
        "serve --scenario nonsense",
        "serve --port 70000",
        "frobnicate"})
    void badInputExitsTwoWithAMessageAndNoStackTrace(String line) {
        String[] args = line.split(" ");
        Run r = run(args);
        assertEquals(ExitCode.BAD_USAGE, r.code(), line + " -> " + r.out() + r.err());
        assertFalse(r.err().isBlank(), "a message for " + line);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("pw@") || r.out().contains("pw@"), "a password is never echoed");
    }

    @Test
    void passwordComesFromTheEnvironmentAndNeverShows() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            Run r = run(Map.of("SSTP_DOCTOR_PROXY_PASSWORD", ProxyHarness.PASSWORD), new ByteArrayInputStream(new byte[0]),
                    "probe", "localhost:" + server.port(), "--proxy", "127.0.0.1:" + proxy.port(),
                    "--proxy-user", ProxyHarness.USER, "--trust-ca", caFile().toString(), "--json");
            assertEquals(ExitCode.DIAGNOSED_FAILURE, r.code(), "Windows cannot sign in to the proxy");
            JsonNode json = JsonReport.parse(r.out());
            assertEquals("proxy_auth_required", json.get("outcome").asText());
            assertEquals("sstp_ack", json.get("authenticatedRetry").get("outcome").asText());
            assertTrue(json.get("proxy").get("passwordGiven").asBoolean());
            assertFalse(r.out().contains(ProxyHarness.PASSWORD));
            assertFalse(r.err().contains(ProxyHarness.PASSWORD));
        }
    }

    @Test
    void passwordFromStandardInput() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            Run r = run(Map.of(), new ByteArrayInputStream((ProxyHarness.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                    "probe", "localhost:" + server.port(), "--proxy", "127.0.0.1:" + proxy.port(),
                    "--proxy-user", ProxyHarness.USER, "--proxy-password-stdin", "--trust-ca", caFile().toString());
            assertEquals(ExitCode.DIAGNOSED_FAILURE, r.code());
            assertTrue(r.out().contains("With the proxy credentials"), r.out());
            assertFalse(r.out().contains(ProxyHarness.PASSWORD));
        }
    }

    @Test
    void missingPasswordIsAClearError() {
        Run r = run("probe", "vpn.example.com", "--proxy", "127.0.0.1:3128", "--proxy-user", "bob");
        assertEquals(ExitCode.BAD_USAGE, r.code());
        assertTrue(r.err().contains("SSTP_DOCTOR_PROXY_PASSWORD"), r.err());
    }

    @Test
    void serveListsScenarios() {
        Run r = run("serve", "--list-scenarios");
        assertEquals(0, r.code());
        for (Scenario s : Scenario.values()) {
            assertTrue(r.out().contains(s.id()), s.id());
        }
    }

    @Test
    void serveRunsAPracticeServerThatTheProbeCanReach() throws Exception {
        Path ca = temp.resolve("practice-ca.pem");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int chosen = port;
        var serving = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                run("serve", "--port", Integer.toString(chosen), "--scenario", "nak", "--write-ca", ca.toString(), "--for", "4s"));
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!Files.exists(ca) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        Run probe = run("probe", "localhost:" + chosen, "--proxy", "none", "--trust-ca", ca.toString(), "--json");
        assertEquals("sstp_nak", JsonReport.parse(probe.out()).get("outcome").asText(), probe.out());
        Run served = serving.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, served.code(), served.err());
        assertTrue(served.out().contains("Listening on 127.0.0.1:" + chosen), served.out());
    }

    @Test
    void serveSslOffloadTellsTheFingerprintToExpectAndTheProbeFindsAnother() throws Exception {
        Path ca = temp.resolve("offload-ca.pem");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int chosen = port;
        var serving = java.util.concurrent.CompletableFuture.supplyAsync(() -> run("serve", "--port", Integer.toString(chosen),
                "--scenario", "ssl-offload", "--write-ca", ca.toString(), "--for", "5s"));
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!Files.exists(ca) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        // What serve prints is read once it ends; the certificate it presents, by a probe while it runs.
        Run probe = run("probe", "localhost:" + chosen, "--proxy", "none", "--trust-ca", ca.toString(), "--json");
        String presented = JsonReport.parse(probe.out()).get("cryptoBinding").get("sha256").asText();
        Run served = serving.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, served.code(), served.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--expect-certificate ([0-9A-F]{64})").matcher(served.out());
        assertTrue(m.find(), "Try it names the certificate to expect: " + served.out());
        assertEquals(64, presented.length(), probe.out());
        assertTrue(!m.group(1).equals(presented), "it is the VPN server's own certificate, not the one presented");
    }

    @Test
    void manyServersAsATableCsvAndFromAFile() throws IOException {
        try (SstpResponder ok = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             SstpResponder nak = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            String ca = caFile().toString();
            Run table = run("probe", "localhost:" + ok.port(), "localhost:" + nak.port(), "--proxy", "none", "--trust-ca", ca);
            assertEquals(ExitCode.DIAGNOSED_FAILURE, table.code(), table.err());
            String[] lines = table.out().split("\n");
            assertEquals(3, lines.length, table.out());
            assertTrue(lines[0].startsWith("SERVER"));
            // PASS, or WARN when only an old Windows (TLS 1.0, refused by Java's responder) cannot connect
            assertTrue(lines[1].contains("sstp_ack") && lines[1].contains("PASS")
                    || lines[1].contains("some_windows_cannot_conne") && lines[1].contains("WARN"), lines[1]);
            assertTrue(lines[2].contains("sstp_nak") && lines[2].contains("FAIL"), lines[2]);
            assertTrue(table.err().contains("2 servers: 1 reachable")
                    || table.err().contains("2 servers: 0 reachable, 1 with warnings"), table.err());

            Path list = temp.resolve("gateways.txt");
            Files.writeString(list, "# our gateways\n\nlocalhost:" + ok.port() + "   # main\n  localhost:" + ok.port() + "\n");
            Run csv = run("probe", "--file", list.toString(), "--format", "csv", "--proxy", "none", "--trust-ca", ca);
            assertEquals(ExitCode.REACHABLE, csv.code(), csv.err());
            String[] rows = csv.out().split("\n");
            assertEquals(3, rows.length, csv.out());
            assertEquals(org.sstpdoctor.report.CsvReport.header(), rows[0]);
            assertTrue(rows[1].startsWith("localhost:" + ok.port() + ",pass,sstp_ack,server,200,")
                    || rows[1].startsWith("localhost:" + ok.port() + ",warn,some_windows_cannot_connect,server,200,"), rows[1]);

            Files.writeString(list, "localhost:" + ok.port() + "\nnot an address\n");
            Run bad = run("probe", "--file", list.toString(), "--format", "csv", "--proxy", "none", "--trust-ca", ca);
            assertEquals(ExitCode.BAD_USAGE, bad.code(), "a bad line in the list");
            assertTrue(bad.out().contains("\"not an address\"") || bad.out().contains("not an address,fail,bad_input"), bad.out());
        }
    }

    @Test
    void missingListFileIsAClearError() {
        Run r = run("probe", "--file", "/nonexistent/list.txt");
        assertEquals(ExitCode.BAD_USAGE, r.code());
        assertTrue(r.err().contains("cannot be read"), r.err());
    }
}
