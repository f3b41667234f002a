package org.sstpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import org.sstpdoctor.history.Comparison;
import org.sstpdoctor.history.DataFolder;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.text.Sentences;

/**
 * Keeps each probe's report in the history and tells how it compares with the last test of the same
 * server. A history that cannot be written costs one warning, never the result.
 */
final class HistoryHook {
    private final HistoryStore store;
    private final PrintWriter err;
    private boolean warned;

    private HistoryHook(HistoryStore store, PrintWriter err) {
        this.store = store;
        this.err = err;
    }

    static HistoryHook open(CliContext context, PrintWriter err) {
        return new HistoryHook(store(context), err);
    }

    static HistoryStore store(CliContext context) {
        return new HistoryStore(DataFolder.of(context.environment(), System.getProperty("os.name", ""),
                context.userHome()));
    }

    /** Writes the helpdesk file; a failure is reported on {@code err} and does not change the exit code. */
    static void saveForHelpdesk(CliContext context, java.nio.file.Path file, ProbeReport report,
                                org.sstpdoctor.kb.Resolution resolution, PrintWriter err) {
        var tree = JsonReport.toTree(report, null);
        try {
            org.sstpdoctor.ticket.HelpdeskFile.write(file, report, resolution,
                    org.sstpdoctor.ticket.Environment.ofThisComputer(tree),
                    store(context).forServer(ReportSummary.of(tree).serverKey()), Instant.now());
            err.println(Sentences.get("cli.helpdesk.written", String.valueOf(file)));
        } catch (IOException | RuntimeException e) {
            err.println(Sentences.get("cli.helpdesk.failed", String.valueOf(file), String.valueOf(e.getMessage())));
        }
        err.flush();
    }

    /**
     * Keeps the report and returns what to print under it: the comparison with the last test of this
     * server, and the days the certificate has left when it expires within 30 days.
     */
    synchronized Optional<String> keep(ProbeReport report) {
        var tree = JsonReport.toTree(report, null);
        ReportSummary now = ReportSummary.of(tree);
        Optional<HistoryStore.Entry> previous = store.previous(now);
        try {
            store.record(tree);
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                err.println(Sentences.get("cli.history.unwritable", String.valueOf(store.file()), String.valueOf(e.getMessage())));
                err.flush();
            }
        }
        StringBuilder out = new StringBuilder();
        Instant at = now.startedAt() == null ? Instant.now() : now.startedAt();
        now.certificateDaysLeft(at).ifPresent(d -> out.append(Sentences.get("cli.certificate", HistoryText.expires(d),
                String.valueOf(now.certificateNotAfter()))).append('\n'));
        previous.ifPresent(p -> out.append(Sentences.get("cli.compared", Comparison.between(p.summary(), now, at).sentence()))
                .append('\n'));
        out.append(Sentences.get("report_id", now.shortId())).append('\n');
        return Optional.of(out.toString());
    }
}
