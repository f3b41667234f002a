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

    /** An OS credential store in memory, as the Keychain or Secret Service would hold it. */
    static final class MemoryCredentials implements org.sstpdoctor.settings.CredentialStore {
        final java.util.Map<String, String> held = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String description() {
            return "Windows Credential Manager"; // as the page reads on Windows (the screenshot in the README)
        }

        @Override
        public java.util.Optional<char[]> read(String account) {
            return java.util.Optional.ofNullable(held.get(account)).map(String::toCharArray);
        }

        @Override
        public void store(String account, char[] password) {
            held.put(account, new String(password));
        }

        @Override
        public void delete(String account) {
            held.remove(account);
        }
    }

    final MemoryCredentials credentials = new MemoryCredentials();
    Path settingsFile;

    @Start
    void start(javafx.stage.Stage s) throws Exception {
        settingsFile = configFolder.resolve("settings-" + System.nanoTime() + ".json");
        open(s, new org.sstpdoctor.settings.SettingsStore(settingsFile), org.sstpdoctor.testing.TestProbes::probe,
                credentials);
    }

    /** Practice mode's responder and the probe threads end with the test, not 30 s into the next class. */
    @org.junit.jupiter.api.AfterEach
    void stopWizard() {
        interact(() -> wizard.shutdown());
    }

    private ProbeReport signIn(SignInBehaviour behaviour, String password, String shotName) throws Exception {
        return signIn(behaviour, password, shotName, false);
    }

    private ProbeReport signIn(SignInBehaviour behaviour, String password, String shotName, boolean remember)
            throws Exception {
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
            if (remember) {
                clickOn("#rememberVpnBox");
            }
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
        assertEquals("Signed in, with warnings", text("#verdictTitle"), "the title says both, as the reports do");
        shotAtSizes("signin-result");
        assertFalse(TextReport.render(report).contains(PASSWORD));
        assertFalse(JsonReport.render(report).contains(PASSWORD));
        // The settings file never holds it either, nor anything else kept on disk (the history).
        assertNoPasswordOnDisk();
    }

    /** Asked to, the password is remembered in the OS credential store only, and fills the page again. */
    @Test
    void aRememberedPasswordGoesToTheCredentialStoreOnly() throws Exception {
        ProbeReport report = signIn(SignInBehaviour.WORKING, PASSWORD, null, true);
        assertEquals(Outcome.SIGNED_IN, report.signIn().outcome(), report.signIn().detail());
        String account = wizard.model().vpnCredentialAccount();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> credentials.held.containsKey(account));
        assertEquals(PASSWORD, credentials.held.get(account));
        assertTrue(account.startsWith("vpn CONTOSO\\alice@localhost:"), account);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(settingsFile));
        assertNoPasswordOnDisk();
        // Typed again another day: the remembered password fills the field when the page opens.
        interact(() -> {
            wizard.model().vpnPassword.set("");
            wizard.model().rememberVpnPassword.set(false);
            wizard.show(WizardController.Page.SIGNIN);
        });
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> PASSWORD.equals(wizard.model().vpnPassword.get()));
        assertTrue(wizard.model().rememberVpnPassword.get());
        // Unticked, the next test forgets it.
        interact(() -> wizard.model().rememberVpnPassword.set(false));
        interact(() -> wizard.settings().remember(wizard.model(), () -> { }));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !credentials.held.containsKey(account));
    }

    /** Every file the wizard keeps in its folders (settings, history) is free of the password. */
    private static void assertNoPasswordOnDisk() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(configFolder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(PASSWORD), f.toString());
            }
        }
    }

    @Test
    void aWrongPasswordShows691() throws Exception {
        ProbeReport report = signIn(SignInBehaviour.WORKING, "not it", null);
        assertEquals(Outcome.SIGNIN_WRONG_CREDENTIALS, report.outcome());
        assertEquals("691", report.signIn().windowsError());
        assertEquals("The sign-in did not succeed", text("#verdictTitle"));
        shot("signin-691-result");
        String facts = lookup(".label").queryAll().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t != null && t.contains("691"))
                .reduce("", (a, b) -> a + "\n" + b);
        assertFalse(facts.contains("(691) (691)"), facts);
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
        waitForPage(WizardController.Page.ADDRESS, 30); // practice makes its CA and keys first: slow on a loaded machine
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
