package org.sstpdoctor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.history.HistoryFixtures;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.profiles.PhonebookParser;

/**
 * What the helpdesk features cost: keeping a result and finding the last test of its server with the
 * history at its 4 MiB bound, and parsing a phone book and pasted events. Prints figures; asserts
 * nothing. Run: ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.sstpdoctor.bench.HelpdeskBenchmark
 */
public final class HelpdeskBenchmark {
    private HelpdeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sstp-doctor-history-bench");
        HistoryStore store = new HistoryStore(dir);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        ObjectNode report = HistoryFixtures.reachable(t0, "vpn.contoso.com");
        report.put("detail", "x".repeat(6000)); // about the size of a real report with a certificate chain
        int n = 0;
        while (store.sizeBytes() < HistoryStore.MAX_BYTES * 0.95) {
            report.put("startedAt", t0.plusSeconds(n++).toString());
            store.record(report);
        }
        long start = System.nanoTime();
        int rounds = 50;
        for (int i = 0; i < rounds; i++) {
            report.put("startedAt", t0.plusSeconds(n++).toString());
            ReportSummary now = ReportSummary.of(report);
            store.previous(now);
            store.record(report);
        }
        double keepMs = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "history: %d kept, %.1f MiB; keep + compare with the last test: %.1f ms each%n",
                store.all().size(), store.sizeBytes() / 1048576.0, keepMs);

        byte[] pbk;
        try (InputStream in = HelpdeskBenchmark.class.getResourceAsStream("/org/sstpdoctor/profiles/rasphone.pbk")) {
            pbk = in.readAllBytes();
        }
        String xml;
        try (InputStream in = HelpdeskBenchmark.class.getResourceAsStream("/org/sstpdoctor/eventlog/wevtutil-rasclient.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int parses = 20_000;
        for (int i = 0; i < 2000; i++) {
            PhonebookParser.parse(pbk, "x");
            EventText.parse(xml);
        }
        start = System.nanoTime();
        for (int i = 0; i < parses; i++) {
            PhonebookParser.parse(pbk, "x");
        }
        double pbkUs = (System.nanoTime() - start) / 1e3 / parses;
        start = System.nanoTime();
        for (int i = 0; i < parses / 10; i++) {
            EventText.parse(xml);
        }
        double xmlUs = (System.nanoTime() - start) / 1e3 / (parses / 10);
        System.out.printf(Locale.ROOT, "phone book (8 entries): %.0f µs a parse; wevtutil XML (2 events): %.0f µs a parse%n",
                pbkUs, xmlUs);
    }
}
