package org.sstpdoctor.kb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One knowledge-base entry: an HTTP status, a class of statuses, a probe outcome, a Windows error
 * code or a Windows event, explained for an SSTP VPN connection. Immutable. The file format is
 * described in {@code FORMAT.md} beside the JSON files. {@code aliases} are other ids that resolve
 * to this entry, where two would otherwise say the same thing (the 407 status and the outcome it causes).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record KbEntry(
        String id,
        EntryKind kind,
        Integer httpStatus,
        Integer httpClass,
        Boolean registered,
        String outcome,
        List<String> codes,
        String eventSource,
        Integer eventId,
        String title,
        String summary,
        List<String> sentBy,
        EndUserText endUser,
        HelpdeskText helpdesk,
        List<String> culprits,
        List<String> probeOutcomes,
        List<String> related,
        List<Reference> references,
        List<String> aliases) {

    public KbEntry {
        codes = codes == null ? List.of() : List.copyOf(codes);
        sentBy = sentBy == null ? List.of() : List.copyOf(sentBy);
        culprits = culprits == null ? List.of() : List.copyOf(culprits);
        probeOutcomes = probeOutcomes == null ? List.of() : List.copyOf(probeOutcomes);
        related = related == null ? List.of() : List.copyOf(related);
        references = references == null ? List.of() : List.copyOf(references);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        endUser = endUser == null ? new EndUserText("", List.of()) : endUser;
        helpdesk = helpdesk == null ? new HelpdeskText(List.of(), "") : helpdesk;
    }

    /** This entry as it is reached through one of its aliases: that id, and its own id as the alias. */
    KbEntry asAlias(String alias) {
        List<String> others = new java.util.ArrayList<>();
        others.add(id);
        aliases.stream().filter(a -> !a.equals(alias)).forEach(others::add);
        return new KbEntry(alias, kind, httpStatus, httpClass, registered, outcome, codes, eventSource, eventId, title,
                summary, sentBy, endUser, helpdesk, culprits, probeOutcomes, related, references, others);
    }

    /** Every id of this explanation, the same through whichever id it was reached: lists show it once. */
    public java.util.Set<String> allIds() {
        java.util.Set<String> all = new java.util.TreeSet<>(aliases);
        all.add(id);
        return all;
    }

    /** The same entry with site-specific text applied. */
    KbEntry withText(String newTitle, String newSummary, EndUserText newEndUser, HelpdeskText newHelpdesk) {
        return new KbEntry(id, kind, httpStatus, httpClass, registered, outcome, codes, eventSource, eventId, newTitle,
                newSummary, sentBy, newEndUser, newHelpdesk, culprits, probeOutcomes, related, references,
                aliases);
    }
}
