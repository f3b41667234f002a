package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.history.HistoryText;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.text.Sentences;
import org.sstpdoctor.text.UntrustedText;

/**
 * "Copy summary": three lines for a ticket. The verdict with the server, when and the report's short
 * id; the cause; who to contact. Read from the JSON contract, so it works alike for a fresh result,
 * a kept one and one a user sent.
 */
public final class TicketSummary {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    private TicketSummary() {
    }

    /**
     * The three lines (ending in a line break). {@code kb} explains reports that carry no
     * {@code resolution} of their own (kept ones); it may be null.
     */
    public static String of(JsonNode report, KnowledgeBase kb, ZoneId zone, Instant now) {
        ReportSummary s = ReportSummary.of(report);
        String when = s.startedAt() == null ? Sentences.get("time.unknown") : WHEN.format(s.startedAt().atZone(zone));
        String words = HistoryText.certificateNote(s, now).map(n -> Sentences.get("ticket.with_note", s.verdictWords(), n))
                .orElse(s.verdictWords());
        String verdict = Sentences.get("ticket.when_id", Sentences.get("ticket.verdict", s.server(), words), when,
                s.shortId());

        JsonNode primary = report.path("resolution").path("entries").path(0);
        Optional<KbEntry> fromKb = kb == null || s.outcome().isEmpty() ? Optional.empty()
                : kb.byId("outcome-" + s.outcome());
        String summary = primary.isObject() ? clean(primary.path("summary").asText(""))
                : fromKb.map(KbEntry::summary).orElse("");
        String contact = primary.isObject() ? clean(primary.path("helpdesk").path("contact").asText(""))
                : fromKb.map(e -> e.helpdesk().contact()).orElse("");
        String cause = s.outcomeTitle().isEmpty() ? s.outcome() : s.outcomeTitle();
        if (!s.detail().isEmpty() && !s.detail().equals(cause)) {
            cause = cause + ": " + s.detail();
        }
        if (!summary.isEmpty()) {
            cause = cause + " — " + summary;
        }
        return verdict + "\n"
                + Sentences.get("ticket.cause", UntrustedText.line(cause, 400)) + "\n"
                + Sentences.get("ticket.contact", contact.isEmpty() ? Sentences.get("ticket.contact.default") : contact) + "\n";
    }

    private static String clean(String s) {
        return UntrustedText.line(s, 400);
    }
}
