package org.sstpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;
import org.sstpdoctor.target.Target;
import org.sstpdoctor.text.Sentences;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sstp-doctor history [SERVER]}: the tests kept on this computer, and what changed between them. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Lists the tests kept on this computer, and what changed between them.",
        description = "Lists the tests kept on this computer, newest first. With a SERVER, that server's tests"
            + " and what changed from one to the next (certificate, addresses, proxy, HTTP status).")
final class HistoryCommand implements Callable<Integer> {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Parameters(arity = "0..1", paramLabel = "SERVER", description = "Only this server's tests: vpn.example.com[:port].")
    String server;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Show at most N tests (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the kept reports as a JSON array (schema sstp-doctor/report/v1 each).")
    boolean json;

    @Option(names = "--clear", description = "Forget every kept test.")
    boolean clear;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryStore store = HistoryHook.store(context);
        if (clear) {
            store.clear();
            out.println(Sentences.get("cli.history.cleared", String.valueOf(store.file())));
            return 0;
        }
        if (limit < 1) {
            err.println(Sentences.get("cli.history.limit", String.valueOf(limit)));
            return ExitCode.BAD_USAGE;
        }
        List<HistoryStore.Entry> entries;
        if (server != null) {
            Target t;
            try {
                t = AddressParser.parse(server);
            } catch (InputException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_USAGE;
            }
            entries = store.forServer(t.asciiHost() + ":" + t.port());
        } else {
            entries = store.all();
        }
        entries = entries.subList(0, Math.min(entries.size(), limit));
        if (json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            entries.forEach(e -> array.add(e.report()));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array));
            return 0;
        }
        if (entries.isEmpty()) {
            err.println(server == null ? Sentences.get("cli.history.empty", String.valueOf(store.file()))
                    : Sentences.get("cli.history.none_for", server));
            return ExitCode.DIAGNOSED_FAILURE;
        }
        ZoneId zone = ZoneId.systemDefault();
        out.print(server == null ? HistoryText.list(entries, zone, Instant.now())
                : HistoryText.server(entries, zone, Instant.now()));
        return 0;
    }
}
