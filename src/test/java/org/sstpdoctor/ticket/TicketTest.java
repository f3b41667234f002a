package org.sstpdoctor.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.history.HistoryFixtures;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.ReportFormat;
import org.sstpdoctor.report.ResolutionJson;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;

class TicketTest {
    static final KnowledgeBase KB = KnowledgeBase.builtIn();
    static final String PASSWORD = "hunter2-never-in-a-ticket";
    static final Instant T0 = Instant.parse("2026-11-30T10:42:00Z");
    static ProbeReport signedIn;

    @TempDir
    Path dir;

    /** A real report through a proxy that wanted a password, which was given: it must appear nowhere. */
    @BeforeAll
    static void probe() throws IOException {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            signedIn = TestProbes.probe().run(TestProbes.local(server.port()).withProxy(ProxySettings.manual(proxy.endpoint())
                    .withCredentials(ProxyHarness.USER, Secret.of(PASSWORD.toCharArray()))));
        }
    }

    @Test
    void summaryIsThreeLinesWithVerdictIdCauseAndContact() {
        JsonNode report = JsonReport.toTree(signedIn, ResolutionJson.toNode(Resolution.of(signedIn, KB)));
        String s = TicketSummary.of(report, KB, ZoneOffset.UTC, Instant.now());
        List<String> lines = s.lines().toList();
        assertEquals(3, lines.size(), s);
        String id = ReportSummary.of(report).shortId();
        assertTrue(lines.get(0).startsWith("SSTP Doctor: localhost:"), s);
        assertTrue(lines.get(0).contains(" — Not reachable · "), s);
        assertTrue(lines.get(0).endsWith(" · report " + id), s);
        assertTrue(lines.get(1).startsWith("Cause: "), s);
        assertTrue(lines.get(1).toLowerCase().contains("proxy"), s);
        assertTrue(lines.get(2).startsWith("Contact: "), s);
        assertFalse(s.contains(PASSWORD));
    }

    @Test
    void summaryOfAKeptReportUsesTheKnowledgeBaseAndSaysDaysLeft() {
        ObjectNode kept = HistoryFixtures.report(T0, "vpn.contoso.com", "warn", "cert_expiring_soon", 200, "CN=CA", "AA",
                T0.plus(Duration.ofDays(9)).plusSeconds(60), List.of(), null);
        String s = TicketSummary.of(kept, KB, ZoneOffset.UTC, T0);
        assertTrue(s.startsWith("SSTP Doctor: vpn.contoso.com — Reachable with warnings (certificate expires in 9 days)"
                + " · 2026-11-30 10:42 Z · report R-"), s);
        String contact = KB.byId("outcome-cert_expiring_soon").orElseThrow().helpdesk().contact();
        assertTrue(s.endsWith("Contact: " + (contact.isEmpty() ? "the IT helpdesk" : contact) + "\n"), s);
    }

    @Test
    void helpdeskFileHoldsEveryFormatTheEnvironmentAndHistoryAndNoSecret() throws Exception {
        Path zip = dir.resolve(HelpdeskFile.suggestedName(signedIn));
        assertTrue(zip.getFileName().toString().matches("sstp-doctor-localhost-R-[0-9A-F]{8}\\.zip"), zip.toString());
        HistoryStore history = new HistoryStore(dir.resolve("data"));
        history.record(HistoryFixtures.reachable(T0, "localhost"));
        JsonNode tree = JsonReport.toTree(signedIn, null);
        Environment env = Environment.ofThisComputer(tree);
        HelpdeskFile.write(zip, signedIn, Resolution.of(signedIn, KB), env, history.all(), T0);
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
            assertEquals(HelpdeskFile.fileNames(), names);
            assertEquals(List.of("README.txt", "report.txt", "report.md", "report.html", "report.json", "report-table.txt",
                    "report.jsonl", "report.csv", "environment.json", "history.jsonl", "helpdesk-file.json"), names);
            Resolution resolution = Resolution.of(signedIn, KB);
            for (ReportFormat f : ReportFormat.values()) {
                String inZip = new String(z.getInputStream(z.getEntry(HelpdeskFile.reportFile(f))).readAllBytes(),
                        StandardCharsets.UTF_8);
                assertEquals(f.document(signedIn, resolution), inZip, f + " is the registry's rendering");
            }
            String csv = new String(z.getInputStream(z.getEntry("report.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith(org.sstpdoctor.report.CsvReport.header() + "\n"), csv);
            assertEquals(2, csv.lines().count(), "the header and the one row");
            for (String n : names) {
                String text = new String(z.getInputStream(z.getEntry(n)).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(text.contains(PASSWORD), n + " holds the password");
            }
            String readme = new String(z.getInputStream(z.getEntry("README.txt")).readAllBytes(), StandardCharsets.UTF_8);
            for (String n : names) {
                assertTrue(readme.contains(n), "README names " + n);
            }
            assertTrue(readme.contains("no password"), readme);
            JsonNode e = JsonReport.parse(new String(z.getInputStream(z.getEntry("environment.json")).readAllBytes(),
                    StandardCharsets.UTF_8));
            assertEquals("sstp-doctor/environment/v1", e.get("schema").asText());
            assertEquals(System.getProperty("os.name"), e.path("os").path("name").asText());
            assertTrue(e.path("proxy").path("used").asText().startsWith("127.0.0.1:"), e.toString());
        }
        assertFalse(Files.exists(zip.resolveSibling(zip.getFileName() + ".part")));

        OpenedReport opened = OpenedReport.open(zip);
        assertEquals(ReportSummary.of(tree).shortId(), opened.summary().shortId());
        assertEquals(env.computer(), opened.environment().orElseThrow().computer());
        assertEquals(1, opened.history().size());
        LocalDate sameDay = LocalDate.ofInstant(signedIn.startedAt(), ZoneOffset.UTC);
        String title = opened.title(ZoneOffset.UTC, sameDay);
        assertEquals("Report from " + env.computer() + ", " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(signedIn.startedAt().atZone(ZoneOffset.UTC)), title);
        String text = OpenedReportText.render(opened, ZoneOffset.UTC, Instant.now());
        assertTrue(text.contains("Their computer"), text);
        assertTrue(text.contains("Their earlier tests of this server"), text);
        assertFalse(text.contains(PASSWORD));
    }

    @Test
    void aSavedJsonReportOpensToo() throws Exception {
        Path json = dir.resolve("saved.json");
        Files.writeString(json, JsonReport.render(signedIn, ResolutionJson.toNode(Resolution.of(signedIn, KB))));
        OpenedReport opened = OpenedReport.open(json);
        assertTrue(opened.environment().isEmpty());
        assertEquals("Report from saved.json, 2026-11-30 10:42", new OpenedReport(
                HistoryFixtures.reachable(T0, "x"), ReportSummary.of(HistoryFixtures.reachable(T0, "x")),
                java.util.Optional.empty(), List.of(), "saved.json").title(ZoneOffset.UTC, LocalDate.of(2026, 12, 1)));
        assertTrue(OpenedReportText.render(opened, ZoneOffset.UTC, Instant.now()).contains("What this means"));
    }

    /** The history in the file is the tests before this one: not the report itself (kept first), nor any later. */
    @Test
    void theHelpdeskFilesHistoryIsTheTestsBeforeThisOne() throws Exception {
        HistoryStore history = new HistoryStore(dir.resolve("data"));
        history.record(HistoryFixtures.reachable(T0, "localhost"));
        history.record(JsonReport.toTree(signedIn, null));
        history.record(HistoryFixtures.reachable(signedIn.startedAt().plusSeconds(3600), "localhost"));
        Path zip = dir.resolve("ticket.zip");
        HelpdeskFile.write(zip, signedIn, Resolution.of(signedIn, KB), Environment.ofThisComputer(JsonReport.toTree(signedIn,
                null)), history.all(), T0);
        OpenedReport opened = OpenedReport.open(zip);
        assertEquals(1, opened.history().size(), "only the test of T0");
        assertEquals(T0, ReportSummary.of(opened.history().get(0)).startedAt());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String readme = new String(z.getInputStream(z.getEntry("README.txt")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(readme.contains("earlier tests of this server on this computer (1)"), readme);
        }
    }

    /** The issue's own words: a saved JSON report opens as "Report from alice-laptop, 10:42". */
    @Test
    void aSavedJsonReportNamesTheComputerItCameFrom() throws Exception {
        JsonNode saved = JsonReport.parse(JsonReport.render(signedIn));
        assertEquals(org.sstpdoctor.probe.ThisComputer.name(), saved.path("computer").asText(),
                "every JSON report says where it ran");
        ObjectNode alice = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        alice.put("computer", "alice-laptop");
        Path json = dir.resolve("report.json");
        Files.writeString(json, alice.toString());
        OpenedReport opened = OpenedReport.open(json);
        assertEquals("Report from alice-laptop, 10:42", opened.title(ZoneOffset.UTC, LocalDate.of(2026, 11, 30)));
        assertEquals(java.util.Optional.of("alice-laptop"), opened.computer());
        assertTrue(OpenedReportText.render(opened, ZoneOffset.UTC, T0).startsWith("Report from alice-laptop, 10:42\n"));

        alice.put("computer", "evil\u202Epot\n" + "x".repeat(500));
        Files.writeString(json, alice.toString());
        String from = OpenedReport.open(json).from();
        assertTrue(from.startsWith("evil\\u202Epot x"), "made visible, one line: " + from);
        assertTrue(from.length() <= 100, from);

        alice.remove("computer");
        Files.writeString(json, alice.toString());
        assertEquals("Report from report.json, 10:42", OpenedReport.open(json).title(ZoneOffset.UTC, LocalDate.of(2026, 11, 30)),
                "a report saved before the field existed: its file's name");
    }

    @Test
    void theComputersNameComesFromTheSystemWithoutANetworkLookupAndIsMadeSafe(@TempDir Path etc) throws IOException {
        Path hostname = etc.resolve("hostname");
        Files.writeString(hostname, "bob-desktop\n");
        assertEquals("ALICE-LAPTOP", org.sstpdoctor.probe.ThisComputerAccess.of(java.util.Map.of("COMPUTERNAME", "ALICE-LAPTOP",
                "HOSTNAME", "other"), List.of(hostname)));
        assertEquals("bob-desktop", org.sstpdoctor.probe.ThisComputerAccess.of(java.util.Map.of("HOSTNAME", "other"),
                List.of(etc.resolve("missing"), hostname)));
        assertEquals("other", org.sstpdoctor.probe.ThisComputerAccess.of(java.util.Map.of("HOSTNAME", "other"),
                List.of(etc.resolve("missing"))));
        assertEquals("", org.sstpdoctor.probe.ThisComputerAccess.of(java.util.Map.of(), List.of()), "nothing: empty, never a guess");
        Files.writeString(hostname, "\u202Ehost\u0007name");
        assertEquals("\\u202Ehost\\u0007name", org.sstpdoctor.probe.ThisComputerAccess.of(java.util.Map.of(), List.of(hostname)));
    }

    /** The computer's name is in the reports; the name of the person signed in to it is not. */
    @Test
    void reportsAndTheHelpdeskFileNameTheComputerButNotItsUser() throws Exception {
        String user = System.getProperty("user.name", "");
        String home = System.getProperty("user.home", "");
        String computer = org.sstpdoctor.probe.ThisComputer.name();
        // The real user name only when it can be told from the rest ("root" in "rootserver" cannot); a
        // made-up one, set where Java code would read it, always.
        List<String> users = new java.util.ArrayList<>(List.of("zqx-user-7c1"));
        if (user.length() >= 3 && !computer.toLowerCase().contains(user.toLowerCase())
                && !"localhost".contains(user.toLowerCase())) {
            users.add(user);
        }
        Path zip = dir.resolve("ticket.zip");
        System.setProperty("user.name", "zqx-user-7c1");
        System.setProperty("user.home", "/home/zqx-user-7c1");
        try {
            JsonNode tree = JsonReport.toTree(signedIn, null);
            HelpdeskFile.write(zip, signedIn, Resolution.of(signedIn, KB), Environment.ofThisComputer(tree), List.of(), T0);
        } finally {
            System.setProperty("user.name", user);
            System.setProperty("user.home", home);
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String n : HelpdeskFile.fileNames()) {
                String text = new String(z.getInputStream(z.getEntry(n)).readAllBytes(), StandardCharsets.UTF_8);
                for (String u : users) {
                    assertFalse(text.contains(u), n + " names the computer's user " + u);
                }
                assertFalse(home.length() > 1 && text.contains(home), n + " names the home folder");
            }
        }
    }

    @Test
    void filesThatAreNotReportsGetClearMessages() throws IOException {
        assertEquals("The file nope.zip does not exist.", message(dir.resolve("nope.zip")));
        assertTrue(message(dir).contains("is a folder"), message(dir));
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertTrue(message(text).contains("neither a helpdesk file (.zip) nor a JSON report"), message(text));
        Path other = Files.writeString(dir.resolve("other.json"), "{\"schema\":\"\\u202Eevil\",\"x\":1}");
        assertTrue(message(other).contains("not an SSTP Doctor report"), message(other));
        assertFalse(message(other).contains("\u202E"));
        Path array = Files.writeString(dir.resolve("array.json"), "[1,2]");
        assertTrue(message(array).contains("not a JSON report"), message(array));
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertTrue(message(truncated).contains("holds no report.json") || message(truncated).contains("not a readable zip"),
                message(truncated));
        Path big = dir.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(new byte[(int) OpenedReport.MAX_FILE + 10]);
        }
        assertTrue(message(big).contains("is larger than 16 MiB"), message(big));
    }

    @Test
    void zipBombsAndCrowdedZipsAreRefused() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("report.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 12; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(bomb.size() < 200_000, "compresses well: " + bomb.size());
        OpenedReport.OpenException e = assertThrows(OpenedReport.OpenException.class,
                () -> OpenedReport.read(bomb.toByteArray(), "bomb.zip"));
        assertTrue(e.getMessage().contains("larger than 8 MiB"), e.getMessage());
        ByteArrayOutputStream crowded = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(crowded)) {
            for (int i = 0; i < 100; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.closeEntry();
            }
        }
        e = assertThrows(OpenedReport.OpenException.class, () -> OpenedReport.read(crowded.toByteArray(), "crowded.zip"));
        assertTrue(e.getMessage().contains("more than 64 files"), e.getMessage());
        ByteArrayOutputStream traversal = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(traversal)) {
            z.putNextEntry(new ZipEntry("../../report.json"));
            z.write(JsonReport.render(signedIn).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        e = assertThrows(OpenedReport.OpenException.class, () -> OpenedReport.read(traversal.toByteArray(), "t.zip"));
        assertTrue(e.getMessage().contains("holds no report.json"), e.getMessage());
    }

    @Test
    void sideBySideMarksDifferencesAndSaysWhereTheProblemIs() {
        ObjectNode theirs = HistoryFixtures.report(T0, "vpn.contoso.com", "fail", "proxy_auth_required", null, null, null,
                null, List.of("203.0.113.10"), "proxy.corp:8080");
        ObjectNode ours = HistoryFixtures.reachable(T0.plusSeconds(600), "vpn.contoso.com");
        SideBySide s = SideBySide.of(theirs, ours);
        assertTrue(s.conclusion().contains("on the user's side"), s.conclusion());
        SideBySide.Row result = s.rows().stream().filter(r -> r.label().equals("Result")).findFirst().orElseThrow();
        assertEquals("Not reachable", result.theirs());
        assertEquals("Reachable", result.ours());
        assertTrue(result.differs());
        SideBySide.Row server = s.rows().get(0);
        assertFalse(server.differs());
        String text = s.toText("alice-laptop", "from here");
        assertTrue(text.contains("≠ Result"), text);
        assertTrue(text.contains("  Server"), text);
        assertEquals("Both reach the server.", SideBySide.of(ours, ours).conclusion());
        assertTrue(SideBySide.of(theirs, theirs).conclusion().contains("fails the same way from here"));
        ObjectNode inspected = HistoryFixtures.report(T0, "vpn.contoso.com", "pass", "sstp_ack", 200, "CN=Corp Inspection",
                "99:99", T0.plusSeconds(86_400L * 300), List.of("203.0.113.10"), null);
        assertTrue(SideBySide.of(inspected, ours).conclusion().contains("certificates differ"));
    }

    @Test
    void sideBySideNamesAnotherCertificateOrAddressAndAnOldTest() {
        ObjectNode ours = HistoryFixtures.reachable(T0.plusSeconds(600), "vpn.contoso.com");
        ObjectNode intercepted = HistoryFixtures.report(T0, "vpn.contoso.com", "fail", "cert_untrusted", null,
                "CN=Corp Inspection", "99:99", T0.plusSeconds(86_400L * 300), List.of("203.0.113.10"), null);
        assertEquals("The server works from here, but the user was shown a different certificate: something on their"
                + " network (TLS inspection, a proxy) or another server behind the same name answered them.",
                SideBySide.of(intercepted, ours).conclusion());
        ObjectNode elsewhere = HistoryFixtures.report(T0, "vpn.contoso.com", "fail", "connect_timeout", null, null, null,
                null, List.of("10.9.9.9"), null);
        assertTrue(SideBySide.of(elsewhere, ours).conclusion().startsWith("The server works from here, but the user's"
                + " computer reached other addresses (10.9.9.9)"), SideBySide.of(elsewhere, ours).conclusion());
        ObjectNode behindProxy = HistoryFixtures.report(T0, "vpn.contoso.com", "fail", "proxy_refused", null, null, null,
                null, List.of("10.9.9.9"), "proxy.corp:8080");
        assertTrue(SideBySide.of(behindProxy, ours).conclusion().startsWith("The server works from here, so the problem is"
                + " most likely on the user's side"), "through a proxy the addresses are the proxy's");
        ObjectNode lastWeek = HistoryFixtures.report(T0.minusSeconds(3 * 86_400), "vpn.contoso.com", "fail", "http_status",
                503, "CN=Old CA", "AA:BB", T0.plusSeconds(86_400L * 300), List.of("203.0.113.10"), null);
        assertEquals("The server works from here, so the problem is most likely on the user's side: their network, proxy,"
                + " firewall or computer. Their test ran 3 days ago, so the server may have changed since.",
                SideBySide.of(lastWeek, ours).conclusion());
    }

    @Test
    void clockOffsetComesFromTheServersDateHeader() {
        ObjectNode r = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        ((ObjectNode) r.get("http")).putArray("headers").addObject().put("name", "Date")
                .put("value", "Mon, 30 Nov 2026 10:42:30 GMT");
        r.putArray("stages").addObject().put("stage", "sstp_http").put("startMs", 100.0).put("durationMs", 40.0);
        assertEquals(29L, Environment.clockOffset(r).orElseThrow());
        ((ObjectNode) r.get("http")).putArray("headers").addObject().put("name", "Date").put("value", "garbage");
        assertTrue(Environment.clockOffset(r).isEmpty());
    }

    private static String message(Path p) {
        try {
            OpenedReport.open(p);
            return "(opened)";
        } catch (OpenedReport.OpenException e) {
            return e.getMessage();
        }
    }
}
