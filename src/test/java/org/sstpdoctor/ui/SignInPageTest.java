package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInBehaviour;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The optional "Type your user name and password" page: filled, the test signs in; left empty, it does not. */
@ExtendWith(ApplicationExtension.class)
class SignInPageTest extends WizardTestBase {
    static final String PASSWORD = "wizard-Pa55-vpn";

    @Start
    void start(javafx.stage.Stage s) throws Exception {
        open(s);
    }

    /** Practice mode's responder and the probe threads end with the test, not 30 s into the next class. */
    @org.junit.jupiter.api.AfterEach
    void stopWizard() {
        interact(() -> wizard.shutdown());
    }

    private ProbeReport signIn(SignInBehaviour behaviour, String password, String shotName) throws Exception {
        Path ca = Files.createTempFile(configFolder, "ca", ".pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem());
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()),
                SignInConfig.of("alice", Secret.of(PASSWORD.toCharArray())).withBehaviour(behaviour))) {
            clickOn("#nextButton");
            waitForPage(WizardController.Page.ADDRESS, 5);
            fill("#addressField", "localhost:" + server.port());
            clickOn("#nextButton");
            waitForPage(WizardController.Page.SIGNIN, 5);
            fill("#vpnUserField", "alice");
            fill("#vpnPasswordField", password);
            fill("#vpnDomainField", "CONTOSO");
            WaitForAsyncUtils.waitForFxEvents();
            if (shotName != null) {
                shotAtSizes(shotName);
            }
            clickOn("#nextButton");
            waitForPage(WizardController.Page.PROXY, 5);
            clickOn("#noneChoice");
            interact(() -> wizard.model().caFile.set(ca.toString()));
            WaitForAsyncUtils.waitForFxEvents();
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 20);
            return wizard.model().report.get();
        }
    }

    @Test
    void signsInFromTheWizard() throws Exception {
        ProbeReport report = signIn(SignInBehaviour.WORKING, PASSWORD, "signin-page");
        // The wizard always runs the Windows check, and Java's responder cannot speak Windows 7's TLS 1.0: that
        // warning decides over the signed-in PASS, and the sign-in is the next finding (TestProbes.assertSstpAck).
        assertEquals(Outcome.SOME_WINDOWS_CANNOT_CONNECT, report.outcome(), report.detail());
        assertTrue(report.findings().stream().anyMatch(f -> f.outcome() == Outcome.SIGNED_IN), report.findings().toString());
        report.insights().windowsCompatibility().rows().stream().filter(r -> r.family().supported()).forEach(r ->
                assertEquals(org.sstpdoctor.probe.windows.WindowsCompatibility.Status.YES, r.status(), r.line()));
        assertEquals(Outcome.SIGNED_IN, report.signIn().outcome(), report.signIn().detail());
        assertEquals("CONTOSO\\alice", report.signIn().user());
        shotAtSizes("signin-result");
        assertFalse(TextReport.render(report).contains(PASSWORD));
        assertFalse(JsonReport.render(report).contains(PASSWORD));
        // The settings file never holds it either.
        for (Path f : Files.newDirectoryStream(configFolder)) {
            assertFalse(Files.readString(f).contains(PASSWORD), f.toString());
        }
    }

    @Test
    void aWrongPasswordShows691() throws Exception {
        ProbeReport report = signIn(SignInBehaviour.WORKING, "not it", null);
        assertEquals(Outcome.SIGNIN_WRONG_CREDENTIALS, report.outcome());
        assertEquals("691", report.signIn().windowsError());
        shot("signin-691-result");
    }

    @Test
    void aPasswordWithoutAUserNameIsAskedAbout() throws Exception {
        clickOn("#nextButton");
        waitForPage(WizardController.Page.ADDRESS, 5);
        fill("#addressField", "vpn.contoso.test");
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5);
        fill("#vpnPasswordField", "x");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#nextButton").queryButton().isDisabled());
        clickOn("#skipLink");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", wizard.model().vpnPassword.get());
        assertFalse(lookup("#nextButton").queryButton().isDisabled());
    }

    @Test
    void practiceModeOffersTheSignInScenarios() throws Exception {
        interact(() -> wizard.startPractice(SignInBehaviour.WRONG_PASSWORD));
        waitForPage(WizardController.Page.ADDRESS, 5);
        assertTrue(text("#practiceBanner").contains("Sign-in test"), text("#practiceBanner"));
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5);
        assertEquals("practice", text("#vpnUserField"));
        clickOn("#nextButton");
        waitForPage(WizardController.Page.PROXY, 5);
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, 20);
        ProbeReport report = wizard.model().report.get();
        assertEquals(Outcome.SIGNIN_WRONG_CREDENTIALS, report.outcome(), report.detail());
        shot("practice-signin-691");
        assertTrue(DesktopApp.practiceProblem(new String[] {"--practice=signin-no-address"}).isEmpty());
        assertTrue(DesktopApp.practiceProblem(new String[] {"--practice=signin-nonsense"}).orElseThrow().contains("signin-wrong-password"));
    }
}
