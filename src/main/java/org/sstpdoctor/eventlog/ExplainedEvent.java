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
        out.append("Found: ").append(event.headline()).append('\n');
        if (!event.when().isEmpty()) {
            out.append("  When: ").append(event.when()).append('\n');
        }
        if (!event.computer().isEmpty()) {
            out.append("  Computer: ").append(event.computer()).append('\n');
        }
        if (!event.connectionName().isEmpty()) {
            out.append("  Connection: ").append(event.connectionName());
            profile.ifPresent(p -> out.append(" (set up on this computer: ").append(p.server()).append(", ")
                    .append(p.protocolNote()).append(')'));
            out.append('\n');
        }
        event.errorHex().ifPresent(h -> out.append("  Error code: ").append(h).append(" (")
                .append((int) (long) event.errorCode()).append(")\n"));
        if (event.reasonCode() != null) {
            out.append("  Reason code: ").append(event.reasonCode()).append('\n');
        }
        if (event.httpStatus() != null) {
            out.append("  HTTP status: ").append(event.httpStatus()).append(" (").append(event.httpStatusReading())
                    .append(")\n");
        }
        server().ifPresent(s -> out.append("  Test this server: sstp-doctor probe ").append(s).append('\n'));
        for (KbEntry entry : entries) {
            out.append('\n').append(ResolutionText.entry(entry));
        }
        return out.toString();
    }
}
