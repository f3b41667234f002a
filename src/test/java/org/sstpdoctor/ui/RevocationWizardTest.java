package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.responder.Scenario;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The revocation stage in the wizard: its checklist row, the verdict, and the Details pane, in practice mode. */
@ExtendWith(ApplicationExtension.class)
class RevocationWizardTest extends WizardTestBase {
    @Start
    void start(javafx.stage.Stage s) throws Exception {
        open(s);
    }

    @Test
    void revocationServersDownFailAndTheDetailsNameEachAddress() throws Exception {
        interact(() -> wizard.startPractice(Scenario.REVOCATION_DOWN));
        waitForPage(WizardController.Page.ADDRESS, 30); // practice makes its CA and keys first: slow on a loaded machine
        nextToResult(30);
        ProbeReport report = wizard.model().report.get();
        assertEquals(Outcome.REVOCATION_OFFLINE, report.outcome(), report.detail());
        assertEquals("Reachable, but Windows will not connect", text("#verdictTitle"));
        // The certificate line tells the truth about revocation, and the server that answered is not "Nobody".
        assertTrue(fact("Certificate").contains("revocation could not be checked")
                && fact("Certificate").contains("0x80092013"), fact("Certificate"));
        assertEquals("The VPN server", fact("Answered by"));
        shotAtSizes("revocation-5-result");
        clickOn("#detailsTab");
        interact(() -> {
            ((TitledPane) lookup("#timingPane").query()).setExpanded(false);
            ((TitledPane) lookup("#revocationPane").query()).setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane pane = lookup("#revocationPane").query();
        assertTrue(pane.getText().contains("0x80092013") && pane.getText().contains("could not be checked"), pane.getText());
        String body = allText(pane.getContent());
        assertTrue(body.contains("/practice-ca.crl") && body.contains("/ocsp"), body);
        assertTrue(body.contains("connection refused"), body);
        interact(() -> ((javafx.scene.control.ScrollPane) lookup("#scroller").query()).setVvalue(0.3));
        shotAtSizes("revocation-6-details");
        assertTrue(report.stage(Stage.REVOCATION).isPresent());
        interact(() -> wizard.stopPractice());
    }

    @Test
    void aRevokedCertificateIsExplainedAsRevoked() throws Exception {
        interact(() -> wizard.startPractice(Scenario.REVOKED_CERTIFICATE));
        waitForPage(WizardController.Page.ADDRESS, 30); // practice makes its CA and keys first: slow on a loaded machine
        nextToResult(30);
        assertEquals(Outcome.REVOCATION_REVOKED, wizard.model().report.get().outcome());
        assertTrue(fact("Certificate").startsWith("revoked") && fact("Certificate").contains("0x80092010"), fact("Certificate"));
        assertTrue(!fact("Certificate").contains("valid"), fact("Certificate"));
        shotAtSizes("revocation-5-result-revoked");
        interact(() -> wizard.stopPractice());
    }

    private static String allText(Node node) {
        StringBuilder sb = new StringBuilder();
        if (node instanceof Labeled l) {
            sb.append(l.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            sb.append(t.getText()).append('\n');
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> sb.append(allText(c)));
        }
        return sb.toString();
    }
}
