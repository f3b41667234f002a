package org.sstpdoctor.ui;

import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.revocation.CertificateRevocation;
import org.sstpdoctor.probe.revocation.RevocationChecker;
import org.sstpdoctor.probe.revocation.RevocationFetch;
import org.sstpdoctor.probe.revocation.RevocationResult;
import org.sstpdoctor.report.TextReport;

/**
 * The Details tab's revocation pane (each certificate checked, each CRL/OCSP address fetched, who
 * answered and why it failed) and the CONNECT request shown with the proxy's replies.
 */
final class RevocationDetails {
    private RevocationDetails() {
    }

    static TitledPane pane(ProbeReport report, String idSuffix) {
        RevocationResult r = report.revocation();
        VBox box = new VBox(6);
        String title;
        if (r == null) {
            title = Texts.get("result.details.revocation.none");
            box.getChildren().add(EntryViews.paragraph(Texts.get("result.details.revocation.nonetext"), "hint"));
        } else {
            String code = RevocationChecker.windowsCode(r.outcome());
            // A short title: a long one would make the pane wider than a small window.
            title = Texts.get("result.details.revocation.result", Texts.get("result.details.revocation.short." + r.outcome().id()),
                    code.isEmpty() ? "" : " (" + code.split(" ")[0] + ")");
            box.getChildren().add(EntryViews.paragraph(r.outcome().title() + (code.isEmpty() ? "" : " [" + code + "]"),
                    "explanation"));
            box.getChildren().add(EntryViews.paragraph(Texts.get("result.details.revocation.path", r.path()), "explanation"));
            for (CertificateRevocation c : r.certificates()) {
                box.getChildren().add(EntryViews.paragraph(Texts.get(c.position() == 0 ? "result.details.revocation.server"
                        : "result.details.revocation.chain", c.position(), c.subject()) + ": "
                        + (c.detail().isEmpty() ? c.outcome().title() : c.detail()), "explanation"));
            }
            for (RevocationFetch f : r.fetches()) {
                box.getChildren().add(ResultDetails.selectable(fetchText(f), "mono-small"));
            }
        }
        TitledPane pane = ResultDetails.pane("revocationPane" + idSuffix, title, box, false);
        pane.setMinWidth(0);
        return pane;
    }

    private static String fetchText(RevocationFetch f) {
        return f.kind().toUpperCase(java.util.Locale.ROOT) + "  " + f.url() + "\n"
                + Texts.get("result.details.revocation.fetch", f.via(), f.answeredBy().phrase(),
                        f.httpStatus() > 0 ? Integer.toString(f.httpStatus()) : "-", f.bytes(),
                        f.fromCache() ? Texts.get("result.details.revocation.cached") : TextReport.millis(f.durationMillis()))
                + "\n" + (f.usable() ? Texts.get("result.details.revocation.usable") : f.detail());
    }

    /** The CONNECT request sent, for the top of the proxy pane; null without a proxy. */
    static Node connect(ProbeReport report) {
        return report.connectHead().isEmpty() ? null : ResultDetails.selectable(Texts.get("result.details.connect")
                + "\n" + report.connectHead().strip(), "mono-small");
    }
}
