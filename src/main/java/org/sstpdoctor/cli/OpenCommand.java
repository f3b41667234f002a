package org.sstpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.Target;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.ticket.OpenedReport;
import org.sstpdoctor.ticket.OpenedReportText;
import org.sstpdoctor.ticket.SideBySide;
import org.sstpdoctor.ticket.TicketSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sstp-doctor open FILE [--test-here]}: a report someone sent, and the same test from here beside it. */
@Command(name = "open", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Shows a helpdesk file or a saved JSON report from someone else's computer.",
        description = "Shows a helpdesk file (.zip) or a saved JSON report from someone else's computer."
            + " --test-here runs the same test from this computer and shows the two side by side.")
final class OpenCommand implements Callable<Integer> {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "FILE", description = "The helpdesk file (.zip) or JSON report.")
    Path file;

    @Option(names = "--test-here", description = "Run the same test from here (this computer's proxy settings) and compare.")
    boolean testHere;

    @Option(names = "--summary", description = "Print only the three lines for a ticket.")
    boolean summary;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.Timeout.class,
            description = "For --test-here: give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--trust-ca", paramLabel = "FILE",
            description = "For --test-here: a PEM file of CA certificates to trust besides the system's. Repeatable.")
    List<Path> trustFiles = new java.util.ArrayList<>();

    OpenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OpenedReport opened;
        try {
            opened = OpenedReport.open(file);
        } catch (OpenedReport.OpenException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_USAGE;
        }
        ZoneId zone = ZoneId.systemDefault();
        Instant now = Instant.now();
        if (summary) {
            out.print(TicketSummary.of(opened.report(), KnowledgeBase.builtIn(), zone, now));
            return 0;
        }
        out.print(OpenedReportText.render(opened, zone, now));
        if (!testHere) {
            return 0;
        }
        Target target;
        try {
            String host = opened.summary().host();
            target = AddressParser.parse(host.contains(":") ? "[" + host + "]" : host, opened.summary().port());
        } catch (InputException e) {
            err.println(Sentences.get("cli.open.untestable", e.getMessage()));
            return ExitCode.BAD_USAGE;
        }
        if (context.interactive()) {
            err.println(Sentences.get("cli.open.testing", target.toString()));
        }
        List<java.security.cert.X509Certificate> extra = new java.util.ArrayList<>();
        try {
            for (Path f : trustFiles) {
                extra.addAll(org.sstpdoctor.probe.TrustStores.readCertificates(f));
            }
        } catch (InputException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_USAGE;
        }
        ProbeRequest request = new ProbeRequest(target.toString(), target, ProxySettings.SYSTEM, extra,
                trustFiles.isEmpty() ? null : trustFiles.toString(), timeout);
        ProbeReport ours = context.probes().get().run(request, ProbeListener.NONE, new Cancellation());
        HistoryHook.open(context, err).keep(ours);
        SideBySide sbs = SideBySide.of(opened.report(), JsonReport.toTree(ours, null));
        out.println();
        out.println(Sentences.get("cli.open.side_by_side"));
        out.print(sbs.toText(opened.computer().orElse(Sentences.get("cli.open.theirs")), Sentences.get("cli.open.here")));
        return ExitCode.of(ours);
    }
}
