package org.sstpdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant T3 = T0.plus(Duration.ofDays(3));

    @TempDir
    Path dir;

    @Test
    void testsAreKeptNewestFirstAndFilteredByServer() throws IOException {
        HistoryStore store = new HistoryStore(dir);
        store.record(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        store.record(HistoryFixtures.reachable(T0.plusSeconds(60), "other.example"));
        store.record(HistoryFixtures.reachable(T3, "vpn.contoso.com"));
        assertEquals(3, store.all().size());
        assertEquals("other.example", store.all().get(1).summary().host());
        List<HistoryStore.Entry> mine = store.forServer("vpn.contoso.com:443");
        assertEquals(List.of(T3, T0), mine.stream().map(e -> e.summary().startedAt()).toList());
        ReportSummary now = ReportSummary.of(HistoryFixtures.reachable(T3.plusSeconds(5), "vpn.contoso.com"));
        assertEquals(T3, store.previous(now).orElseThrow().summary().startedAt());
    }

    /** Read from the newest line back: the same server and port only, never the report itself or a later one. */
    @Test
    void previousIsTheNewestEarlierTestOfTheSameServerAndPort() throws IOException {
        HistoryStore store = new HistoryStore(dir);
        ObjectNode otherPort = HistoryFixtures.reachable(T0.plusSeconds(30), "vpn.contoso.com");
        ((ObjectNode) otherPort.get("target")).put("port", 4443);
        store.record(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        store.record(HistoryFixtures.reachable(T0.plusSeconds(10), "vpn.contoso.com"));
        ObjectNode current = HistoryFixtures.reachable(T3, "vpn.contoso.com");
        store.record(otherPort);
        store.record(HistoryFixtures.reachable(T0.plusSeconds(20), "other.example"));
        store.record(current); // the report itself, kept before the comparison is made
        store.record(HistoryFixtures.reachable(T3.plusSeconds(60), "vpn.contoso.com")); // later: not "previous"
        Files.writeString(store.file(), "{not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ReportSummary now = ReportSummary.of(current);
        assertEquals(T0.plusSeconds(10), store.previous(now).orElseThrow().summary().startedAt());
        ReportSummary first = ReportSummary.of(HistoryFixtures.reachable(T0.minusSeconds(1), "vpn.contoso.com"));
        assertTrue(store.previous(first).isEmpty());
        assertTrue(store.previous(ReportSummary.of(HistoryFixtures.reachable(T3, "never.example"))).isEmpty());
    }

    @Test
    void clearForgetsEverything() throws IOException {
        HistoryStore store = new HistoryStore(dir);
        store.record(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        assertTrue(store.sizeBytes() > 0);
        store.clear();
        assertEquals(List.of(), store.all());
        assertEquals(0, store.sizeBytes());
    }

    @Test
    void theFileStaysUnderItsBoundAndKeepsTheNewest() throws IOException {
        HistoryStore store = new HistoryStore(dir);
        ObjectNode big = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        big.put("detail", "x".repeat(100_000));
        for (int i = 0; i < 60; i++) {
            big.put("startedAt", T0.plusSeconds(i).toString());
            store.record(big);
            assertTrue(store.sizeBytes() <= HistoryStore.MAX_BYTES, "after " + i + ": " + store.sizeBytes());
        }
        List<HistoryStore.Entry> all = store.all();
        assertEquals(T0.plusSeconds(59), all.get(0).summary().startedAt());
        assertTrue(all.size() < 60);
    }

    @Test
    void damagedLinesAndStrangersAreSkipped() throws IOException {
        HistoryStore store = new HistoryStore(dir);
        store.record(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        Files.writeString(store.file(), "{not json\n{\"schema\":\"something/else\"}\n\u0000\u0001\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.record(HistoryFixtures.reachable(T3, "vpn.contoso.com"));
        assertEquals(2, store.all().size());
        assertEquals(List.of(), new HistoryStore(dir.resolve("missing")).all());
    }

    @Test
    void aMissingOrUnwritableFolderIsAnIOExceptionNotACrash() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        HistoryStore store = new HistoryStore(file.resolve("below"));
        try {
            store.record(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
            throw new AssertionError("a folder below a file cannot be made");
        } catch (IOException expected) {
            assertEquals(List.of(), store.all());
        }
    }

    @Test
    void comparisonSaysWhenAndWhatChanged() {
        ReportSummary before = ReportSummary.of(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        ReportSummary after = ReportSummary.of(HistoryFixtures.report(T3, "vpn.contoso.com", "fail", "http_status", 503,
                "CN=New CA R11", "CC:DD", T3.plusSeconds(86_400L * 90), List.of("198.51.100.7"), "proxy.contoso.com:3128"));
        Comparison c = Comparison.between(before, after, T3);
        assertEquals("Reachable 3 days ago", c.headline());
        assertEquals("Reachable 3 days ago; since then the result changed (was reachable, now not reachable), the HTTP"
                + " status changed (was 200, now 503), the certificate changed (new issuer: CN=New CA R11), the"
                + " addresses changed (was 203.0.113.10, now 198.51.100.7), the proxy changed (was none, now"
                + " proxy.contoso.com:3128 (typed)).", c.sentence());
    }

    @Test
    void sameIssuerNewCertificateAndNoChange() {
        ReportSummary before = ReportSummary.of(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        ReportSummary renewed = ReportSummary.of(HistoryFixtures.report(T3, "vpn.contoso.com", "pass", "sstp_ack", 200,
                "CN=Old CA", "EE:FF", Instant.parse("2027-06-01T00:00:00Z"), List.of("203.0.113.10"), null));
        assertEquals(List.of("the certificate changed (same issuer; now valid until 2027-06-01)"),
                Comparison.between(before, renewed, T3).changes());
        ReportSummary same = ReportSummary.of(HistoryFixtures.reachable(T3, "vpn.contoso.com"));
        assertEquals("Reachable 3 days ago; nothing that SSTP Doctor checks has changed since.",
                Comparison.between(before, same, T3).sentence());
    }

    @Test
    void agoInWords() {
        assertEquals("just now", Comparison.ago(T0, T0.plusSeconds(30)));
        assertEquals("1 minute ago", Comparison.ago(T0, T0.plusSeconds(61)));
        assertEquals("5 hours ago", Comparison.ago(T0, T0.plus(Duration.ofHours(5))));
        assertEquals("yesterday", Comparison.ago(T0, T0.plus(Duration.ofHours(30))));
        assertEquals("on 2026-11-27", Comparison.ago(T0, T0.plus(Duration.ofDays(90))));
        assertEquals("at an unknown time", Comparison.ago(null, T0));
    }

    @Test
    void certificateDaysLeftOnlyWithinThirtyDays() {
        ReportSummary soon = ReportSummary.of(HistoryFixtures.report(T0, "vpn.contoso.com", "warn", "cert_expiring_soon",
                200, "CN=CA", "AA", T0.plus(Duration.ofDays(12)).plusSeconds(3600), List.of(), null));
        assertEquals(12L, soon.certificateDaysLeft(T0).orElseThrow());
        assertEquals("certificate expires in 12 days", HistoryText.certificateNote(soon, T0).orElseThrow());
        assertEquals("certificate expires in 1 day", HistoryText.daysLeft(1));
        assertEquals("certificate expires today", HistoryText.daysLeft(0));
        assertTrue(soon.certificateDaysLeft(T0.plus(Duration.ofDays(40))).isEmpty(), "already expired");
        ReportSummary far = ReportSummary.of(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        assertTrue(far.certificateDaysLeft(T0).isEmpty());
        String line = HistoryText.line(soon, ZoneOffset.UTC, T0);
        assertTrue(line.startsWith("2026-11-27 10:00  vpn.contoso.com  Reachable with warnings  cert_expiring_soon"
                + "  HTTP 200  certificate expires in 12 days  R-"), line);
        // The wizard's list is for people: the outcome in words, not its id.
        String two = HistoryText.twoLines(soon, ZoneOffset.UTC, T0);
        assertTrue(two.startsWith("2026-11-27 10:00 · vpn.contoso.com · Reachable with warnings\n" + soon.outcomeTitle()
                + " · HTTP 200 · certificate expires in 12 days · R-"), two);
        assertFalse(two.contains("\ncert_expiring_soon"), two);
    }

    @Test
    void shortIdIsStableAndDiffersPerTest() {
        ReportSummary a = ReportSummary.of(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        assertEquals(a.shortId(), ReportSummary.of(HistoryFixtures.reachable(T0, "vpn.contoso.com")).shortId());
        assertNotEquals(a.shortId(), ReportSummary.of(HistoryFixtures.reachable(T3, "vpn.contoso.com")).shortId());
        assertTrue(a.shortId().matches("R-[0-9A-F]{8}"), a.shortId());
    }

    @Test
    void hostileTextInAReportIsMadeSafe() {
        ObjectNode r = HistoryFixtures.reachable(T0, "vpn.contoso.com");
        r.put("outcomeTitle", "bad\u001b[31m\u202Etitle\r\nnext");
        ((ObjectNode) r.path("tls").path("chain").path(0)).put("issuer", "CN=\u0007Evil\u200F");
        ReportSummary s = ReportSummary.of(r);
        assertEquals("bad\\u001B[31m\\u202Etitle next", s.outcomeTitle());
        assertEquals("CN=\\u0007Evil\\u200F", s.certificateIssuer());
        assertFalse(ReportSummary.of(r.deepCopy().put("startedAt", "yesterday")).shortId().isEmpty());
    }

    @Test
    void dataFolderFollowsEachSystem() {
        assertEquals(Path.of("C:/Users/a/AppData/Local", "SSTP Doctor"),
                DataFolder.of(Map.of("LOCALAPPDATA", "C:/Users/a/AppData/Local"), "Windows 11", "C:/Users/a"));
        assertEquals(Path.of("/home/a/.local/share/sstp-doctor"), DataFolder.of(Map.of(), "Linux", "/home/a"));
        assertEquals(Path.of("/x/sstp-doctor"), DataFolder.of(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/a"));
        assertEquals(Path.of("/Users/a/Library/Application Support/SSTP Doctor"), DataFolder.of(Map.of(), "Mac OS X", "/Users/a"));
    }
}
