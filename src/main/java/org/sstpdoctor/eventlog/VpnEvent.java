package org.sstpdoctor.eventlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sstpdoctor.text.Sentences;

/**
 * One VPN event from the Windows event log or a pasted Event Viewer text, as far as it matters for a
 * diagnosis. All text is already made safe to show.
 *
 * @param provider "RasClient", "RasSstp" (empty when the paste did not say)
 * @param eventId the event ID, or 0 when unknown
 * @param when when it happened, as the source wrote it (ISO-8601 from XML; Event Viewer's local form from text)
 * @param computer the computer that logged it, or empty
 * @param connectionName the VPN connection's name ("dialed a connection named …"), or empty
 * @param errorCode the Windows error in a RasClient 20227 message, as an unsigned 32-bit value, or null
 * @param reasonCode the reason code in a RasClient 20226 message, or null
 * @param httpStatus the HTTP status in a RasSstp event 4's data, or null
 * @param httpStatusReading how the data was read into {@code httpStatus}, for the person to judge
 * @param server a server named in the text (an https:// address), or empty
 * @param message the event's message, bounded
 */
public record VpnEvent(String provider, int eventId, String when, String computer, String connectionName,
                       Long errorCode, Integer reasonCode, Integer httpStatus, String httpStatusReading, String server,
                       String message) {

    /**
     * When it happened, for a person: the event log's UTC instant ("2026-11-30T09:12:43.000Z") in
     * {@code zone}'s local time, "2026-11-30 10:12:43", as Event Viewer shows it; a pasted text's own
     * form as it was.
     */
    public String when(java.time.ZoneId zone) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .format(java.time.Instant.parse(when).atZone(zone));
        } catch (java.time.format.DateTimeParseException e) {
            return when;
        }
    }

    /** The error code as Windows tools print it: "0x80092013". */
    public Optional<String> errorHex() {
        return Optional.ofNullable(errorCode).map(c -> String.format(Locale.ROOT, "0x%08X", c));
    }

    /** Whether anything worth explaining was found. */
    public boolean hasFindings() {
        return eventId != 0 || errorCode != null || reasonCode != null || httpStatus != null
                || !connectionName.isEmpty();
    }

    /**
     * What to look up in the knowledge base, most specific first: the error code, the reason code,
     * the HTTP status, then the event itself ("event 4", "event 20227").
     */
    public List<String> lookupQueries() {
        List<String> out = new ArrayList<>();
        errorHex().ifPresent(out::add);
        if (reasonCode != null) {
            out.add(Integer.toString(reasonCode));
        }
        if (httpStatus != null) {
            out.add(Integer.toString(httpStatus));
        }
        if (eventId != 0) {
            out.add("event " + eventId);
        }
        return out;
    }

    /** One line for a list: "RasClient 20227 · Work VPN · 0x80092013". */
    public String headline() {
        List<String> parts = new ArrayList<>();
        String id = (provider.isEmpty() ? Sentences.get("event.generic") : provider) + (eventId != 0 ? " " + eventId : "");
        parts.add(id);
        if (!connectionName.isEmpty()) {
            parts.add(connectionName);
        }
        errorHex().ifPresent(parts::add);
        if (reasonCode != null) {
            parts.add(Sentences.get("event.reason", String.valueOf(reasonCode)));
        }
        if (httpStatus != null) {
            parts.add(Sentences.get("event.http", String.valueOf(httpStatus)));
        }
        return String.join(" · ", parts);
    }
}
