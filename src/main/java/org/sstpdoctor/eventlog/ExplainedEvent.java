package org.sstpdoctor.eventlog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.profiles.VpnProfiles;
import org.sstpdoctor.report.ResolutionText;
import org.sstpdoctor.text.Sentences;

/**
 * An event with the knowledge base's explanations of what it carries (the error code, the HTTP
 * status, the event itself) and the server to test: the server of the VPN connection it names, when
 * that connection is set up on this computer, else an https:// address in the text.
 */
public record ExplainedEvent(VpnEvent event, List<KbEntry> entries, Optional<VpnProfile> profile) {

    public ExplainedEvent {
        entries = List.copyOf(entries);
    }

    /** The server "Test this server" would test, if one is known. */
    public Optional<String> server() {
        if (profile.isPresent()) {
            return Optional.of(profile.get().server());
        }
        return event.server().isEmpty() ? Optional.empty() : Optional.of(event.server());
    }

    public static List<ExplainedEvent> explain(List<VpnEvent> events, KnowledgeBase kb, List<VpnProfile> profiles) {
        List<ExplainedEvent> out = new ArrayList<>();
        for (VpnEvent e : events) {
            LinkedHashSet<KbEntry> entries = new LinkedHashSet<>();
            for (String q : e.lookupQueries()) {
                // Only the exact answer for each code: free-text neighbours would bury it.
                kb.lookup(q).stream().findFirst().ifPresent(entries::add);
            }
            Optional<VpnProfile> profile = e.connectionName().isEmpty() ? Optional.empty()
                    : VpnProfiles.named(profiles, e.connectionName());
            out.add(new ExplainedEvent(e, new ArrayList<>(entries), profile));
        }
        return out;
    }

    /** As {@code lookup} prints it: what was found, the server to test, then each explanation. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(Sentences.get("event.found", event.headline())).append('\n');
        if (!event.when().isEmpty()) {
            item(out, Sentences.get("event.when", event.when(java.time.ZoneId.systemDefault())));
        }
        if (!event.computer().isEmpty()) {
            item(out, Sentences.get("event.computer", event.computer()));
        }
        if (!event.connectionName().isEmpty()) {
            item(out, Sentences.get("event.connection", profile.map(p -> Sentences.get("event.connection.here",
                    event.connectionName(), p.server(), p.protocolNote())).orElse(event.connectionName())));
        }
        event.errorHex().ifPresent(h -> item(out, Sentences.get("event.error", h,
                String.valueOf((int) (long) event.errorCode()))));
        if (event.reasonCode() != null) {
            item(out, Sentences.get("event.reason_code", String.valueOf(event.reasonCode())));
        }
        if (event.httpStatus() != null) {
            item(out, Sentences.get("event.http_status", String.valueOf(event.httpStatus()), event.httpStatusReading()));
        }
        server().ifPresentOrElse(s -> item(out, Sentences.get("event.test", s)), () -> {
            if (!event.connectionName().isEmpty()) {
                item(out, Sentences.get("event.test.unknown", event.connectionName()));
            }
        });
        for (KbEntry entry : entries) {
            out.append('\n').append(ResolutionText.entry(entry));
        }
        return out.toString();
    }

    private static void item(StringBuilder out, String line) {
        out.append("  ").append(line).append('\n');
    }
}
