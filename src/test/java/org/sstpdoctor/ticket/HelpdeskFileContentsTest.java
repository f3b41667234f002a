package org.sstpdoctor.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.history.HistoryFixtures;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.report.ReportFormat;

/** What a helpdesk file holds: one file per registered format, the DNS servers, and the README's word for it. */
class HelpdeskFileContentsTest {
    static final Instant T0 = Instant.parse("2026-11-30T10:42:00Z");

    @TempDir
    Path dir;

    @Test
    void everyRegisteredFormatHasItsOwnFileName() {
        Set<String> seen = new HashSet<>();
        for (ReportFormat f : ReportFormat.values()) {
            String name = HelpdeskFile.reportFile(f);
            assertTrue(seen.add(name), name + " twice");
            assertTrue(name.startsWith("report") && name.endsWith("." + f.extension()), name);
        }
        assertEquals("report.txt", HelpdeskFile.reportFile(ReportFormat.TEXT));
        assertEquals("report-table.txt", HelpdeskFile.reportFile(ReportFormat.TABLE));
        assertEquals(HelpdeskFile.REPORT_JSON, HelpdeskFile.reportFile(ReportFormat.JSON), "the file open reads");
        assertEquals(ReportFormat.values().length + 4, HelpdeskFile.fileNames().size());
    }

    /** The README's table of what the zip holds names exactly the files the code writes. */
    @Test
    void readmeListsExactlyWhatTheFileHolds() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("writes one zip holding exactly:");
        assertTrue(start > 0, "the README's helpdesk file section");
        List<String> listed = new ArrayList<>();
        for (String line : readme.substring(start).lines().skip(1).toList()) {
            if (line.isBlank() && !listed.isEmpty()) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher m = Pattern.compile("`([^`]+)`").matcher(line.substring(0, line.indexOf('|', 2)));
            while (m.find()) {
                listed.add(m.group(1));
            }
        }
        assertEquals(new HashSet<>(HelpdeskFile.fileNames()), new HashSet<>(listed), "README vs HelpdeskFile");
        assertEquals(HelpdeskFile.fileNames().size(), listed.size(), "each file once: " + listed);
    }

    /** The zip's own README says what each file is, rightly: JSON lines has no header line. */
    @Test
    void theZipsReadmeDescribesEachFileAsItIs() {
        ReportSummary s = ReportSummary.of(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        Environment env = new Environment("alice-laptop", "Windows 11", "10.0", "amd64", "17", "0.1.0", "none", "mode none",
                List.of(), "", null);
        String readme = HelpdeskFile.readme(s, env, 3, HelpdeskFile.fileNames().subList(1, HelpdeskFile.fileNames().size() - 1));
        assertTrue(readme.contains("  report.jsonl  the report as JSON lines (one line)\n"), readme);
        assertTrue(readme.contains("  report.csv  the report as CSV (a header line and its row)\n"), readme);
        assertTrue(readme.contains("  report-table.txt  the report as Table (a header line and its row)\n"), readme);
        assertTrue(readme.contains("  report.txt  the report as Text\n"), readme);
        assertTrue(readme.contains("(3), one JSON report a line"), readme);
        assertTrue(readme.contains("from the computer \"alice-laptop\""), readme);
    }

    @Test
    void theProxySourceSaysNoneOnce() {
        ObjectNode none = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        ((ObjectNode) none.path("proxy")).put("mode", "none").put("source", "none");
        assertEquals("mode none", Environment.proxySourceOf(none));
        ((ObjectNode) none.path("proxy")).put("mode", "system").put("source", "DIRECT (no proxy for this address)");
        assertEquals("DIRECT (no proxy for this address) (mode system)", Environment.proxySourceOf(none));
    }

    @Test
    void windowsDnsServersFromFixtureOutput() throws IOException {
        String output = fixture("dns-windows.txt");
        assertEquals(List.of("192.168.178.1", "fd00::1", "10.20.0.53", "10.20.0.54", "fe80::1%23"),
                DnsServers.parseWindows(output));
        List<List<String>> asked = new ArrayList<>();
        DnsServers found = DnsServers.fromWindows(args -> {
            asked.add(args);
            return output;
        });
        assertEquals(5, found.servers().size());
        assertEquals("Get-DnsClientServerAddress (connected interfaces)", found.source());
        List<String> args = asked.get(0);
        assertEquals(List.of("-NoProfile", "-NonInteractive", "-EncodedCommand"), args.subList(0, 3));
        String script = new String(Base64.getDecoder().decode(args.get(3)), StandardCharsets.UTF_16LE);
        assertEquals(DnsServers.WINDOWS_SCRIPT, script);
        assertTrue(script.contains("Get-DnsClientServerAddress") && script.contains("-ConnectionState Connected"), script);
    }

    @Test
    void windowsDnsServersNeverFailAndAreBounded() {
        DnsServers failed = DnsServers.fromWindows(args -> {
            throw new IOException("powershell.exe did not finish within 5 seconds");
        });
        assertEquals(List.of(), failed.servers());
        assertEquals("not read (Get-DnsClientServerAddress did not answer)", failed.source());
        DnsServers odd = DnsServers.fromWindows(args -> {
            throw new IllegalStateException("anything at all");
        });
        assertEquals(List.of(), odd.servers());
        assertEquals("none listed by Get-DnsClientServerAddress", DnsServers.fromWindows(args -> "").source());
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            many.append("dns|Adapter ").append(i).append("|10.0.0.").append(i).append("\r\n");
        }
        assertEquals(DnsServers.MAX, DnsServers.parseWindows(many.toString()).size());
        assertEquals(List.of(), DnsServers.parseWindows("dns|x|" + "1".repeat(100_000)));
    }

    @Test
    void resolvConfNameServers() throws IOException {
        Path conf = dir.resolve("resolv.conf");
        Files.writeString(conf, fixture("resolv.conf"));
        DnsServers found = DnsServers.fromResolvConf(conf);
        assertEquals(List.of("127.0.0.53", "10.0.0.1", "fe80::1%wlp2s0"), found.servers());
        assertEquals(conf.toString(), found.source());
        assertEquals(List.of(), DnsServers.fromResolvConf(dir.resolve("missing")).servers());
        assertTrue(DnsServers.fromResolvConf(dir.resolve("missing")).source().startsWith("no readable "));
        Path huge = dir.resolve("huge.conf");
        Files.writeString(huge, "nameserver 10.0.0.1\n".repeat(10_000));
        assertEquals(List.of(), DnsServers.fromResolvConf(huge).servers(), "over 64 KiB is not read");
    }

    @Test
    void theEnvironmentCarriesTheDnsServersFound() {
        ObjectNode report = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        Environment env = Environment.ofThisComputer(report, new DnsServers(List.of("10.20.0.53"), "Get-DnsClientServerAddress"));
        assertEquals(List.of("10.20.0.53"), env.dnsServers());
        Environment back = Environment.fromJson(env.toJson());
        assertEquals(List.of("10.20.0.53"), back.dnsServers());
        assertEquals("Get-DnsClientServerAddress", back.dnsSource());
    }

    /** "Report from alice-laptop, 10:42" in the reader's own time zone, the date too when not today. */
    @Test
    void openedReportTitleIsInLocalTime() {
        ObjectNode report = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        Environment alice = new Environment("alice-laptop", "Windows 11", "10.0", "amd64", "17", "0.1.0", "none",
                "mode system", List.of(), "", null);
        OpenedReport fromZip = new OpenedReport(report, ReportSummary.of(report), Optional.of(alice), List.of(), "t.zip");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId newYork = ZoneId.of("America/New_York");
        assertEquals("Report from alice-laptop, 11:42", fromZip.title(berlin, LocalDate.of(2026, 11, 30)));
        assertEquals("Report from alice-laptop, 05:42", fromZip.title(newYork, LocalDate.of(2026, 11, 30)));
        assertEquals("Report from alice-laptop, 2026-11-30 11:42", fromZip.title(berlin, LocalDate.of(2026, 12, 1)));
        ObjectNode late = HistoryFixtures.reachable(Instant.parse("2026-11-30T23:30:00Z"), "vpn.contoso.com");
        OpenedReport json = new OpenedReport(late, ReportSummary.of(late), Optional.empty(), List.of(), "saved.json");
        assertEquals("Report from saved.json, 00:30", json.title(berlin, LocalDate.of(2026, 12, 1)),
                "after midnight in Berlin: today there");
        assertEquals("saved.json", json.from());
        ObjectNode undated = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        undated.remove("startedAt");
        assertEquals("Report from alice-laptop", new OpenedReport(undated, ReportSummary.of(undated), Optional.of(alice),
                List.of(), "t.zip").title(berlin, LocalDate.of(2026, 11, 30)));
    }

    /** A certificate within 30 days of its end says how many days are left in the side-by-side comparison too. */
    @Test
    void sideBySideSaysTheCertificatesDaysLeft() {
        Instant now = T0.plusSeconds(600);
        ObjectNode theirs = HistoryFixtures.report(T0, "vpn.contoso.com", "warn", "cert_expiring_soon", 200, "CN=CA",
                "AA:BB", T0.plus(Duration.ofDays(12)).plusSeconds(3600), List.of("203.0.113.10"), null);
        ObjectNode ours = HistoryFixtures.report(now, "vpn.contoso.com", "pass", "sstp_ack", 200, "CN=CA", "CC:DD",
                T0.plus(Duration.ofDays(200)), List.of("203.0.113.10"), null);
        theirs.putArray("stages").addObject().put("stage", "resolve").put("title", "Name resolution")
                .put("status", "passed").put("durationMs", 7.0);
        SideBySide s = SideBySide.of(theirs, ours, now);
        SideBySide.Row until = s.rows().stream().filter(r -> r.label().equals("Certificate valid until")).findFirst()
                .orElseThrow();
        assertEquals("2026-12-12 (12 days left)", until.theirs());
        assertEquals("2027-06-18", until.ours());
        assertTrue(until.differs());
        assertTrue(s.toText("alice-laptop", "from here").contains("2026-12-12 (12 days left)"));
        java.util.ResourceBundle wizard = java.util.ResourceBundle.getBundle("org.sstpdoctor.ui.messages");
        for (SideBySide.Row r : s.rows()) {
            if (!r.key().isEmpty()) {
                assertEquals(r.label(), wizard.getString("opened.row." + r.key()), "the wizard's label for " + r.key());
            }
        }
        assertTrue(s.rows().stream().anyMatch(r -> r.key().isEmpty()), "the stages keep the report's titles");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = HelpdeskFileContentsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
