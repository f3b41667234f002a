package org.sstpdoctor.cli;

import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.eventlog.VpnEvent;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.report.ResolutionJson;
import org.sstpdoctor.report.ResolutionText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sstp-doctor lookup 407 | 0x80092013 | "event 4" | words}: the knowledge base's entry. */
@Command(name = "lookup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Explains an HTTP status, a Windows error code or event, or a probe outcome.",
        description = {"Explains an HTTP status (407), a Windows error code (0x80092013, -2146885613, 809),"
            + " a Windows event (\"event 4\") or a probe outcome, or searches the explanations for words.",
            "Pasted Event Viewer text or XML (give - to read it from standard input) is read for the connection,"
            + " the error code and the HTTP status, and each is explained."})
final class LookupCommand implements Callable<Integer> {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Parameters(arity = "1..*", paramLabel = "CODE_OR_WORDS", description = "What to look up; - reads it from"
            + " standard input (for a pasted event).")
    List<String> query;

    @Option(names = "--all", description = "Show every match, not only the best one.")
    boolean all;

    @Option(names = "--json", description = "Print the entries as JSON.")
    boolean json;

    @Option(names = "--kb-overrides", paramLabel = "FILE", description = "The site's overrides file (default: "
            + "$SSTP_DOCTOR_KB_OVERRIDES, else kb-overrides.json in the user's config folder).")
    Path overrides;

    LookupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = query.equals(List.of("-")) ? PastedInput.read(context.stdin()) : String.join(" ", query).trim();
        KnowledgeBase kb = KnowledgeLoader.load(context, overrides, err);
        if (EventText.looksLikeEvent(text)) {
            List<VpnEvent> events = EventText.parse(text);
            if (!events.isEmpty()) {
                return PastedInput.explain(events, kb, context, out, json);
            }
        }
        List<KbEntry> found = kb.lookup(text);
        if (found.isEmpty()) {
            err.println(Sentences.get("cli.lookup.nothing", UntrustedText.line(text, 200)));
            return ExitCode.DIAGNOSED_FAILURE;
        }
        List<KbEntry> shown = all ? found : found.subList(0, 1);
        if (json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            shown.forEach(e -> array.add(ResolutionJson.entry(e)));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array));
        } else {
            for (int i = 0; i < shown.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(ResolutionText.entry(shown.get(i)));
            }
            if (!all && found.size() > 1) {
                out.println();
                out.println(Sentences.get("cli.lookup.also", String.join(", ", found.subList(1, Math.min(found.size(), 8))
                        .stream().map(KbEntry::id).toList()) + (found.size() > 8 ? ", ..." : "")));
            }
        }
        return 0;
    }
}
