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
 * history at its 4 MiB bound, parsing a phone book and pasted events, writing and opening a helpdesk file. Prints figures; asserts
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
        helpdeskFile(dir);
    }

    /** Writing and opening a helpdesk file of a real report (every format, 10 earlier tests). */
    private static void helpdeskFile(Path dir) throws Exception {
        org.sstpdoctor.probe.ProbeReport real;
        try (org.sstpdoctor.responder.SstpResponder server = org.sstpdoctor.responder.SstpResponder.start(
                org.sstpdoctor.responder.ResponderConfig.loopback(org.sstpdoctor.responder.Scenario.WORKING,
                        org.sstpdoctor.testing.TestCertificates.valid()))) {
            real = org.sstpdoctor.testing.TestProbes.probe().run(org.sstpdoctor.testing.TestProbes.local(server.port()));
        }
        org.sstpdoctor.kb.Resolution resolution = org.sstpdoctor.kb.Resolution.of(real,
                org.sstpdoctor.kb.KnowledgeBase.builtIn());
        org.sstpdoctor.ticket.Environment env = new org.sstpdoctor.ticket.Environment("alice-laptop", "Windows 11",
                "10.0", "amd64", "17", "0.1.0", "none", "mode system", java.util.List.of("10.20.0.53"), "fixture", 0L);
        HistoryStore history = new HistoryStore(dir.resolve("ten"));
        for (int i = 0; i < 10; i++) {
            history.record(org.sstpdoctor.report.JsonReport.toTree(real, null));
        }
        var earlier = history.all();
        Path zip = dir.resolve("ticket.zip");
        int rounds = 30;
        for (int i = 0; i < 10; i++) {
            org.sstpdoctor.ticket.HelpdeskFile.write(zip, real, resolution, env, earlier, Instant.now());
            org.sstpdoctor.ticket.OpenedReport.open(zip);
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            org.sstpdoctor.ticket.HelpdeskFile.write(zip, real, resolution, env, earlier, Instant.now());
        }
        double writeMs = (System.nanoTime() - start) / 1e6 / rounds;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            org.sstpdoctor.ticket.OpenedReport.open(zip);
        }
        double openMs = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "helpdesk file (%d files, 10 earlier tests): %.1f KiB; write %.1f ms, open %.1f ms%n",
                org.sstpdoctor.ticket.HelpdeskFile.fileNames().size(), Files.size(zip) / 1024.0, writeMs, openMs);
    }
}
