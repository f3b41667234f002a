package org.sstpdoctor.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.sstpdoctor.eventlog.EventLogReader;
import org.sstpdoctor.eventlog.ExplainedEvent;
import org.sstpdoctor.eventlog.VpnEvent;
import org.sstpdoctor.history.Comparison;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.profiles.VpnProfiles;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.probe.ProbeReport;

/**
 * What the wizard needs of this computer's own knowledge, in one place: the VPN connections set up
 * here, the recent VPN errors, and the history. Everything here blocks (files, nmcli, wevtutil): the
 * wizard calls it on its background executor, never at start-up and never on the FX thread. The
 * profiles and events are read once, at first use, and kept for the session.
 */
public final class Helpdesk {
    private final HistoryStore history;
    private final Supplier<List<VpnProfile>> profileSource;
    private final Supplier<List<VpnEvent>> eventSource;
    private List<VpnProfile> profiles;
    private List<VpnEvent> events;

    public Helpdesk(HistoryStore history, Supplier<List<VpnProfile>> profiles, Supplier<List<VpnEvent>> events) {
        this.history = history;
        this.profileSource = profiles;
        this.eventSource = events;
    }

    public static Helpdesk ofThisUser() {
        return new Helpdesk(HistoryStore.ofThisUser(), () -> VpnProfiles.ofThisComputer().find(),
                () -> EventLogReader.ofThisComputer().map(EventLogReader::recent).orElse(List.of()));
    }

    /** A result as kept: its summary, and how it compares with the last test of the same server. */
    public record Kept(ReportSummary summary, Optional<Comparison> comparison, boolean saved) {
    }

    public HistoryStore history() {
        return history;
    }

    /** Keeps the report; an unwritable history is {@code saved == false}, never an exception. */
    public Kept keep(ProbeReport report) {
        JsonNode tree = JsonReport.toTree(report, null);
        ReportSummary now = ReportSummary.of(tree);
        Optional<Comparison> comparison = history.previous(now).map(p -> Comparison.between(p.summary(), now,
                now.startedAt() == null ? Instant.now() : now.startedAt()));
        boolean saved;
        try {
            history.record(tree);
            saved = true;
        } catch (IOException | RuntimeException e) {
            saved = false;
        }
        return new Kept(now, comparison, saved);
    }

    /** The VPN connections set up on this computer (read at the first call). */
    public synchronized List<VpnProfile> profiles() {
        if (profiles == null) {
            try {
                profiles = List.copyOf(profileSource.get());
            } catch (RuntimeException e) {
                profiles = List.of();
            }
        }
        return profiles;
    }

    /** Whether the profiles have been read (never blocks). */
    public synchronized boolean profilesRead() {
        return profiles != null;
    }

    /** The profiles if they have been read already, else none (never blocks: for the FX thread). */
    public synchronized List<VpnProfile> profilesIfRead() {
        return profiles == null ? List.of() : profiles;
    }

    /** The recent VPN errors in the event log, explained (read at the first call). */
    public List<ExplainedEvent> recentErrors(KnowledgeBase kb) {
        List<VpnEvent> found;
        synchronized (this) {
            if (events == null) {
                try {
                    events = List.copyOf(eventSource.get());
                } catch (RuntimeException e) {
                    events = List.of();
                }
            }
            found = events;
        }
        return ExplainedEvent.explain(found, kb, profiles());
    }
}
