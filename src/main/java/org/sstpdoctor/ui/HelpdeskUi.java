package org.sstpdoctor.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import org.sstpdoctor.eventlog.ExplainedEvent;
import org.sstpdoctor.eventlog.VpnEvent;
import org.sstpdoctor.history.ReportSummary;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.ticket.Helpdesk;
import org.sstpdoctor.ticket.OpenedReport;

/** What the helpdesk pages share: the helpdesk services, opening a report, testing the server an event names. */
final class HelpdeskUi {
    private HelpdeskUi() {
    }

    static Helpdesk desk(PageContext context) {
        return context.services().helpdesk();
    }

    /**
     * Keeps a result in the history (blocking: the probe's thread) and returns what the result page
     * says about it: the certificate's days left within 30 days, and the comparison with the last
     * test of the same server.
     */
    static String keep(AppServices services, org.sstpdoctor.probe.ProbeReport report) {
        Helpdesk.Kept kept = services.helpdesk().keep(report);
        StringBuilder out = new StringBuilder();
        java.time.Instant at = kept.summary().startedAt() == null ? java.time.Instant.now() : kept.summary().startedAt();
        org.sstpdoctor.history.HistoryText.certificateNote(kept.summary(), at)
                .ifPresent(n -> out.append(Texts.get("result.cert.days", n)).append(' '));
        out.append(kept.comparison().map(org.sstpdoctor.history.Comparison::sentence)
                .orElse(Texts.get("result.comparison.none")));
        return out.toString();
    }

    /** Reads a helpdesk file or JSON report off the FX thread, then shows it; a bad file is one line in the status. */
    static void openFile(PageContext context, Path file) {
        context.actions().status(Texts.get("opened.reading", String.valueOf(file.getFileName())));
        context.background().run(() -> {
            try {
                return Optional.of(OpenedReport.open(file));
            } catch (OpenedReport.OpenException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }, opened -> {
            context.actions().status("");
            context.model().openedReport.set(opened.orElseThrow());
            context.actions().open(WizardController.Page.OPENED);
        }, e -> context.actions().status(e.getMessage()));
    }

    /** Shows a kept report (from the history) as an opened one. */
    static void openReport(PageContext context, JsonNode report, String from) {
        context.model().openedReport.set(new OpenedReport(report, ReportSummary.of(report), Optional.empty(),
                java.util.List.of(), from));
        context.actions().open(WizardController.Page.OPENED);
    }

    /** Fills the address page with the server an event names (and its connection's name) and opens it. */
    static void testFromEvent(PageContext context, ExplainedEvent e) {
        Optional<String> server = e.server();
        if (server.isEmpty()) {
            context.actions().status(Texts.get("events.test.unknown.status", e.event().connectionName()));
            if (!e.event().connectionName().isEmpty()) {
                context.model().destinationName.set(e.event().connectionName());
            }
            context.actions().open(WizardController.Page.ADDRESS);
            return;
        }
        Optional<VpnProfile> profile = e.profile();
        if (profile.isPresent()) {
            fill(context, profile.get());
        } else {
            context.model().address.set(server.get());
            if (!e.event().connectionName().isEmpty()) {
                context.model().destinationName.set(e.event().connectionName());
            }
        }
        context.actions().open(WizardController.Page.ADDRESS);
    }

    /** Fills the pages from a VPN connection set up on this computer. */
    static void fill(PageContext context, VpnProfile p) {
        fill(context, p, null);
    }

    /**
     * Fills the pages from a VPN connection; {@code before}, the connection chosen until now, gives
     * back the proxy and CA file it filled in when the new one has none, rather than leaving them
     * for a connection that does not use them.
     */
    static void fill(PageContext context, VpnProfile p, VpnProfile before) {
        WizardModel m = context.model();
        m.address.set(p.server());
        m.destinationName.set(p.name());
        if (p.proxyIfAny().isPresent()) {
            String proxy = p.proxyIfAny().get();
            int colon = proxy.lastIndexOf(':');
            m.proxyMode.set(org.sstpdoctor.probe.ProxyMode.MANUAL);
            m.proxyHost.set(colon > 0 ? proxy.substring(0, colon) : proxy);
            m.proxyPort.set(colon > 0 ? proxy.substring(colon + 1) : "");
        } else if (before != null && before.proxyIfAny().isPresent()
                && m.proxyMode.get() == org.sstpdoctor.probe.ProxyMode.MANUAL
                && before.proxyIfAny().get().equals(m.proxyHost.get() + ":" + m.proxyPort.get())) {
            m.proxyMode.set(org.sstpdoctor.probe.ProxyMode.SYSTEM);
            m.proxyHost.set("");
            m.proxyPort.set("");
        }
        if (p.caFileIfAny().isPresent()) {
            m.caFile.set(p.caFileIfAny().get());
        } else if (before != null && before.caFileIfAny().isPresent() && before.caFileIfAny().get().equals(m.caFile.get())) {
            m.caFile.set("");
        }
    }

    /** The facts of an event, as labels. */
    static VBox eventFacts(ExplainedEvent e) {
        VpnEvent v = e.event();
        VBox box = new VBox(4);
        box.getStyleClass().add("event-facts");
        Label head = new Label(v.headline());
        head.getStyleClass().add("entry-title");
        head.setWrapText(true);
        box.getChildren().add(head);
        if (!v.when().isEmpty()) {
            box.getChildren().add(fact(Texts.get("events.when", v.when(java.time.ZoneId.systemDefault()))));
        }
        if (!v.connectionName().isEmpty()) {
            box.getChildren().add(fact(e.profile().map(p -> Texts.get("events.connection.known", v.connectionName(),
                    p.server(), p.protocolNote())).orElse(Texts.get("events.connection", v.connectionName()))));
        }
        v.errorHex().ifPresent(h -> box.getChildren().add(fact(Texts.get("events.error", h,
                Integer.toString((int) (long) v.errorCode())))));
        if (v.reasonCode() != null) {
            box.getChildren().add(fact(Texts.get("events.reason", String.valueOf(v.reasonCode()))));
        }
        if (v.httpStatus() != null) {
            box.getChildren().add(fact(Texts.get("events.http", String.valueOf(v.httpStatus()), v.httpStatusReading())));
        }
        return box;
    }

    private static Label fact(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static String clipboardText() {
        Clipboard c = Clipboard.getSystemClipboard();
        return c.hasString() ? c.getString() : "";
    }
}
