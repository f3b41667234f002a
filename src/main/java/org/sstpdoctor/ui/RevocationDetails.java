package org.sstpdoctor.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.revocation.CertificateRevocation;
import org.sstpdoctor.probe.revocation.RevocationChecker;
import org.sstpdoctor.probe.revocation.RevocationFetch;
import org.sstpdoctor.probe.revocation.RevocationResult;

/**
 * The Details tab's revocation pane (each certificate checked, each CRL/OCSP address fetched, who
 * answered and why it failed) and the CONNECT request shown with the proxy's replies.
 */
final class RevocationDetails {
    private RevocationDetails() {
    }

    static void show(TitledPane pane, VBox box, ProbeReport report) {
        box.getChildren().clear();
        RevocationResult r = report.revocation();
        if (r == null) {
            pane.setText(Texts.get("result.details.revocation.none"));
            return;
        }
        String code = RevocationChecker.windowsCode(r.outcome());
        pane.setText(Texts.get("result.details.revocation.result", r.outcome().title(),
                code.isEmpty() ? "" : " (" + code + ")"));
        box.getChildren().add(line(Texts.get("result.details.revocation.path", r.path()), "explanation"));
        for (CertificateRevocation c : r.certificates()) {
            box.getChildren().add(line(Texts.get(c.position() == 0 ? "result.details.revocation.server"
                    : "result.details.revocation.chain", c.position(), c.subject()) + ": " + c.outcome().title()
                    + (c.detail().isEmpty() ? "" : "\n" + c.detail()), "section-heading"));
        }
        for (RevocationFetch f : r.fetches()) {
            StringBuilder sb = new StringBuilder();
            sb.append(f.kind().toUpperCase(java.util.Locale.ROOT)).append("  ").append(f.url()).append('\n');
            sb.append(Texts.get("result.details.revocation.fetch", f.via(), f.answeredBy().phrase(),
                    f.httpStatus() > 0 ? Integer.toString(f.httpStatus()) : "-", f.bytes(),
                    f.fromCache() ? Texts.get("result.details.revocation.cached") : org.sstpdoctor.report.TextReport.millis(f.durationMillis())));
            sb.append('\n').append(f.usable() ? Texts.get("result.details.revocation.usable") : f.detail());
            box.getChildren().add(line(sb.toString(), "mono-small"));
        }
    }

    /** The CONNECT request sent, first in the proxy pane. */
    static void showConnect(VBox proxyBox, ProbeReport report) {
        if (!report.connectHead().isEmpty()) {
            proxyBox.getChildren().add(0, line(Texts.get("result.details.connect") + "\n"
                    + report.connectHead().strip(), "mono-small"));
        }
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}
