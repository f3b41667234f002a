package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.responder.Scenario;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The SSL-offload practice scenario in the wizard: the expected certificate filled in, the mismatch on the result page. */
@ExtendWith(ApplicationExtension.class)
class WindowsPracticeWizardTest extends WizardTestBase {
    @Start
    void start(javafx.stage.Stage s) throws Exception {
        open(s);
    }

    @Test
    void sslOffloadPracticeExpectsTheServersCertificateAndShowsTheMismatch() throws Exception {
        interact(() -> wizard.startPractice(Scenario.SSL_OFFLOAD));
        waitForPage(WizardController.Page.ADDRESS, 30); // practice makes its CA and keys first: slow on a loaded machine
        String expected = ((TextField) lookup("#expectedCertField").query()).getText();
        assertEquals(64, expected.length(), "practice fills in the certificate the VPN server is configured with");
        nextToResult(30);
        ProbeReport report = wizard.model().report.get();
        assertEquals(Outcome.UNEXPECTED_CERTIFICATE, report.outcome(), report.detail());
        assertEquals("Reachable, but Windows will not connect", text("#verdictTitle"));
        assertTrue(factValues().contains(Texts.get("result.sstp.accepted")),
                "the SSTP service did answer, whatever the certificate: " + factValues());
        // The summary under the title says what is true: the call was accepted, Windows still fails.
        String summary = text("#verdictSummary");
        assertTrue(summary.contains("accepted the call") && summary.contains("Windows will not connect"), summary);
        assertFalse(summary.contains("not reached"), summary);
        assertTrue(factValues().contains(Texts.get("result.fact.answeredby") + "\nThe VPN server"), factValues());
        String cells = windowsTableCells();
        List<javafx.scene.control.TextArea> fingerprints = fingerprintBoxes();
        // Fingerprints are there to compare and copy: selectable text, not labels.
        assertTrue(fingerprints.stream().allMatch(a -> !a.isEditable() && a.getText().contains(":")), "fingerprints selectable");
        assertEquals(3, fingerprints.size(),
                "received SHA-256 and SHA-1, expected SHA-256");
        assertTrue(cells.contains(Texts.get("result.windows.expected.mismatch")), cells);
        assertTrue(cells.contains(org.sstpdoctor.probe.evidence.CryptoBinding.withColons(expected)), "the expected fingerprint: " + cells);
        assertTrue(cells.contains(org.sstpdoctor.probe.evidence.CryptoBinding.withColons(
                report.insights().cryptoBinding().sha256())), "the received one: " + cells);
        shotAtSizes("windows-5-result-ssl-offload");
        interact(() -> wizard.stopPractice());
        assertEquals("", wizard.model().expectedCertificate.get(), "practice's fingerprint is not kept");
    }

    @Test
    void whatAnsweredIsOnTheResultPageForAnAccelPppServer() throws Exception {
        interact(() -> wizard.startPractice(Scenario.LIKE_ACCEL_PPP));
        waitForPage(WizardController.Page.ADDRESS, 30); // practice makes its CA and keys first: slow on a loaded machine
        assertEquals("", ((TextField) lookup("#expectedCertField").query()).getText(), "no expectation in this story");
        nextToResult(30);
        ProbeReport report = wizard.model().report.get();
        assertEquals("accel-ppp", report.insights().serverIdentity().product(), report.findings().toString());
        String cells = windowsTableCells();
        List<javafx.scene.control.TextArea> fingerprints = fingerprintBoxes();
        // Fingerprints are there to compare and copy: selectable text, not labels.
        assertTrue(fingerprints.stream().allMatch(a -> !a.isEditable() && a.getText().contains(":")), "fingerprints selectable");
        assertEquals(2, fingerprints.size(),
                "received SHA-256 and SHA-1");
        assertTrue(cells.contains(Texts.get("result.windows.server")) && cells.contains("looks like accel-ppp"), cells);
        shotAtSizes("windows-5-result-what-answered");
        interact(() -> wizard.stopPractice());
    }

    /** Opens the helpdesk tab and returns the Windows table's cells as text, fingerprints on one line each. */
    private String windowsTableCells() {
        clickOn("#helpdeskTab");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        GridPane table = lookup("#windowsTable").query();
        return String.join("\n", table.getChildren().stream().map(n -> n instanceof Label l ? l.getText()
                : n instanceof javafx.scene.control.TextArea a ? a.getText().replace("\n", "") : "").toList());
    }

    private List<javafx.scene.control.TextArea> fingerprintBoxes() {
        GridPane table = lookup("#windowsTable").query();
        return table.getChildren().stream().filter(n -> n instanceof javafx.scene.control.TextArea)
                .map(n -> (javafx.scene.control.TextArea) n).toList();
    }

    private String factValues() {
        GridPane facts = lookup("#facts").query();
        return String.join("\n", facts.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList());
    }
}
