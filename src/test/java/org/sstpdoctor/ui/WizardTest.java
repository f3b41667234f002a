package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.Verdict;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.ProxyHarness;
import org.sstpdoctor.testing.TestCertificates;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard end to end, headless: every page, every kind of result, keyboard only, and export. */
@ExtendWith(ApplicationExtension.class)
class WizardTest extends WizardTestBase {
    @TempDir
    Path temp;

    @Start
    void start(javafx.stage.Stage s) throws Exception {
        open(s);
    }

    @AfterEach
    void stopWizard() {
        interact(() -> wizard.shutdown());
    }

    private Path testCaFile() throws Exception {
        Path ca = temp.resolve("test-ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem(), StandardCharsets.US_ASCII);
        return ca;
    }

    /** Pages 1 to 3 with the mouse, then the test; returns the report shown. */
    private ProbeReport runThroughWizard(String address, String proxyChoice, Path ca, String shotPrefix) throws Exception {
        if (shotPrefix != null) {
            shot(shotPrefix + "-1-how");
        }
        clickOn("#nextButton");
        waitForPage(WizardController.Page.ADDRESS, 5);
        fill("#addressField", address);
        fill("#destinationField", "Contoso VPN");
        WaitForAsyncUtils.waitForFxEvents();
        if (shotPrefix != null) {
            shot(shotPrefix + "-2-address");
        }
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
        clickOn("#nextButton");
        waitForPage(WizardController.Page.PROXY, 5);
        clickOn(proxyChoice);
        if (ca != null) {
            interact(() -> wizard.model().caFile.set(ca.toString()));
        }
        WaitForAsyncUtils.waitForFxEvents();
        if (shotPrefix != null) {
            shot(shotPrefix + "-3-proxy");
        }
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, 20);
        if (shotPrefix != null) {
            shot(shotPrefix + "-5-result");
        }
        return wizard.model().report.get();
    }

    @Test
    void happyPathAgainstTheResponder() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            ProbeReport report = runThroughWizard("localhost:" + server.port(), "#noneChoice", testCaFile(), "happy");
            org.sstpdoctor.testing.TestProbes.assertSstpAck(report);
            // Reachable; with a warning when only an old Windows (TLS 1.0, off in Java) cannot connect.
            assertTrue(text("#verdictTitle").startsWith("Reachable"), text("#verdictTitle"));
            assertTrue(lookup("#verdictBanner").query().getStyleClass().stream()
                    .anyMatch(c -> c.equals("verdict-pass") || c.equals("verdict-warn")));
            KbEntry entry = KB.forOutcome(report.outcome()).orElseThrow();
            VBox endUser = lookup("#endUserBox").query();
            assertTrue(allText(endUser).contains(entry.endUser().explanation()), allText(endUser));
            clickOn("#detailsTab");
            shot("happy-6-details");
            assertTrue(text("#certificatePane").contains("2 certificates") || text("#certificatePane").contains("certificates"));
            clickOn("#helpdeskTab");
            shot("happy-7-helpdesk");
            // Remembered for next time: the address is now a recent one.
            assertEquals("localhost:" + server.port(), wizard.model().recentAddresses.get(0));
            clickOn("#browserButton");
            assertEquals(List.of(report.target().sstpUrl()), openedUrls);
        }
    }

    @Test
    void nameThatDoesNotExist() throws Exception {
        ProbeReport report = runThroughWizard("vpn.does-not-exist.invalid", "#noneChoice", null, "dns");
        assertEquals(Outcome.DNS_NOT_FOUND, report.outcome());
        assertEquals("Not reachable", text("#verdictTitle"));
        assertTrue(allText(lookup("#endUserBox").query()).contains(
                KB.forOutcome(Outcome.DNS_NOT_FOUND).orElseThrow().endUser().explanation()));
    }

    @Test
    void proxyThatWantsASignIn() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             ProxyHarness proxy = ProxyHarness.basicAuth()) {
            clickOn("#nextButton");
            fill("#addressField", "localhost:" + server.port());
            clickOn("#nextButton");
            waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
            clickOn("#nextButton");
            waitForPage(WizardController.Page.PROXY, 5);
            clickOn("#manualChoice");
            fill("#proxyHostField", "127.0.0.1");
            fill("#proxyPortField", String.valueOf(proxy.port()));
            interact(() -> wizard.model().caFile.set(pathUnchecked()));
            shot("proxy407-3-proxy");
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 20);
            shot("proxy407-5-result");
            ProbeReport report = wizard.model().report.get();
            assertEquals(Outcome.PROXY_AUTH_REQUIRED, report.outcome());
            assertTrue(text("#verdictSummary").contains("the web proxy"), text("#verdictSummary"));
            assertTrue(allText(lookup("#facts").query()).contains("407"));
            clickOn("#detailsTab");
            assertTrue(text("#proxyPane").contains("1") || text("#proxyPane").contains("2"), text("#proxyPane"));
        }
    }

    private String pathUnchecked() {
        try {
            return testCaFile().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void certificateFromAnUnknownAuthority() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.fromOtherCa()))) {
            ProbeReport report = runThroughWizard("localhost:" + server.port(), "#noneChoice", null, "certificate");
            assertEquals(Outcome.CERT_UNTRUSTED, report.outcome());
            assertEquals(Verdict.FAIL, report.verdict());
            // The probe looked past the certificate and the SSTP service answered: both halves are true.
            assertEquals("Reachable, but Windows will not connect", text("#verdictTitle"));
            clickOn("#detailsTab");
            // Fold the timing away and open the chain (clicking a pane's middle could land below the fold).
            interact(() -> {
                ((javafx.scene.control.TitledPane) lookup("#timingPane").query()).setExpanded(false);
                ((javafx.scene.control.TitledPane) lookup("#certificatePane").query()).setExpanded(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> ((javafx.scene.control.ScrollPane) lookup("#scroller").query()).setVvalue(1.0));
            shot("certificate-6-chain");
            assertTrue(allText(lookup("#certificateBox").query()).contains("Somebody Else's CA"));
        }
    }

    @Test
    void serverWithoutSstpAnswers404() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.HTTP_STATUS, TestCertificates.valid())
                .withHttpStatus(404))) {
            ProbeReport report = runThroughWizard("localhost:" + server.port(), "#noneChoice", testCaFile(), "http404");
            assertEquals(Outcome.HTTP_STATUS, report.outcome());
            assertTrue(allText(lookup("#facts").query()).contains("404"));
            assertTrue(allText(lookup("#endUserBox").query()).contains(KB.byId("http-404").orElseThrow().endUser().explanation()));
            clickOn("#detailsTab");
            interact(() -> {
                ((javafx.scene.control.TitledPane) lookup("#timingPane").query()).setExpanded(false);
                ((javafx.scene.control.TitledPane) lookup("#headersPane").query()).setExpanded(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> ((javafx.scene.control.ScrollPane) lookup("#scroller").query()).setVvalue(1.0));
            shot("http404-6-headers");
            assertTrue(openedUrls.isEmpty(), "nothing opened a browser by accident: " + openedUrls);
        }
    }

    @Test
    void silentServerAndCancel() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.valid()))) {
            interact(() -> wizard.model().timeoutSeconds.set(60));
            clickOn("#nextButton");
            fill("#addressField", "localhost:" + server.port());
            clickOn("#nextButton");
            waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
            clickOn("#nextButton");
            waitForPage(WizardController.Page.PROXY, 5);
            clickOn("#noneChoice");
            interact(() -> wizard.model().caFile.set(pathUnchecked()));
            clickOn("#nextButton");
            waitForPage(WizardController.Page.TESTING, 5);
            // Wait until the request is out and the server is sitting on it.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".state-running").tryQuery().isPresent()
                    && server.connectionCount() > 0);
            Thread.sleep(300);
            shot("silence-4-testing");
            long before = System.nanoTime();
            type(KeyCode.ESCAPE);
            waitForPage(WizardController.Page.RESULT, 5);
            long tookMs = (System.nanoTime() - before) / 1_000_000;
            System.out.println("wizard cancel to result page: " + tookMs + " ms");
            shot("silence-5-cancelled");
            assertEquals(Outcome.CANCELLED, wizard.model().report.get().outcome());
            assertEquals("Test cancelled", text("#verdictTitle"));
        }
    }

    @Test
    void validationMessagesWhileTyping() throws Exception {
        clickOn("#nextButton");
        waitForPage(WizardController.Page.ADDRESS, 5);
        Button next = lookup("#nextButton").queryButton();
        assertTrue(next.isDisabled(), "nothing typed yet");
        assertEquals("", text("#addressMessage"), "an empty field is not scolded");

        fill("#addressField", "https://vpn.example.com/some/path");
        assertEquals("", text("#addressMessage"), "no red text while the person is still typing");
        assertTrue(next.isDisabled());
        waitForMessage("#addressMessage");
        assertFalse(text("#addressMessage").isEmpty());
        assertTrue(lookup("#addressField").query().getPseudoClassStates().contains(FieldProblem.INVALID));
        shot("validation-path");

        fill("#addressField", "vpn.example.com:99999");
        waitForMessage("#addressMessage");
        assertTrue(text("#addressMessage").contains("65535") || text("#addressMessage").toLowerCase().contains("port"),
                text("#addressMessage"));
        assertTrue(next.isDisabled());
        shot("validation-port");

        fill("#addressField", "vpn example.com");
        waitForMessage("#addressMessage");
        assertFalse(text("#addressMessage").isEmpty());

        fill("#addressField", "[2001:db8::1]:443");
        assertEquals("", text("#addressMessage"), "a fixed address clears the message at once");
        assertFalse(lookup("#addressField").query().getPseudoClassStates().contains(FieldProblem.INVALID));
        assertFalse(next.isDisabled());

        fill("#addressField", "https://vpn.example.com/");
        assertEquals("", text("#addressMessage"), "a pasted URL with only a slash is accepted");

        fill("#destinationField", "");
        waitForMessage("#destinationMessage");
        assertFalse(text("#destinationMessage").isEmpty());
        assertTrue(next.isDisabled());
    }

    /** A problem shows after a pause in typing (FieldProblem.PAUSE), not at every keystroke. */
    private void waitForMessage(String query) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text(query).isEmpty());
    }

    @Test
    void keyboardOnly() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            interact(() -> wizard.model().caFile.set(pathUnchecked()));
            interact(() -> stage.requestFocus()); // headless windows start unfocused; a person's window has the focus
            type(KeyCode.ENTER);                        // Next on "How do you want to connect?"
            waitForPage(WizardController.Page.ADDRESS, 5);
            assertTrue(lookup("#addressField").query().isFocused(), "the address field has the focus");
            write("localhost:" + server.port());
            type(KeyCode.ENTER);                        // Next
            waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
            type(KeyCode.ENTER);
            waitForPage(WizardController.Page.PROXY, 5);
            // Every choice and field on the page has its own Alt+letter (no two the same).
            var mnemonics = stage.getScene().getMnemonics().keySet().stream().map(Object::toString).toList();
            for (String key : List.of("Alt+'N'", "Alt+'y'", "Alt+'M'", "Alt+'P'", "Alt+'T'", "Alt+'B'")) {
                assertTrue(mnemonics.contains(key), key + " in " + mnemonics);
            }
            assertTrue(lookup("#systemChoice").query().isFocused(), "the selected choice has the focus");
            type(KeyCode.UP);                           // arrow keys move through the choices: No proxy
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(org.sstpdoctor.probe.ProxyMode.NONE, wizard.model().proxyMode.get());
            type(KeyCode.ENTER);                        // Test
            waitForPage(WizardController.Page.RESULT, 20);
            org.sstpdoctor.testing.TestProbes.assertSstpAck(wizard.model().report.get());
            press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT); // Back
            waitForPage(WizardController.Page.PROXY, 5);
            type(KeyCode.ENTER);                        // Test again from the proxy page
            waitForPage(WizardController.Page.RESULT, 20);
            type(KeyCode.ESCAPE);                       // Esc on the last page = Cancel, which asks first
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listWindows().size() > 1);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.stage.Window dialog = listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
            javafx.scene.control.Label question = (javafx.scene.control.Label) dialog.getScene().getRoot().lookup(".content");
            assertTrue(question.getHeight() + 0.5 >= question.prefHeight(question.getWidth()),
                    "the question is whole: " + question.getHeight() + " < " + question.prefHeight(question.getWidth()));
            Screenshots.save(dialog.getScene(), "leave-dialog");
            type(KeyCode.ENTER);                        // "Leave" is the default answer
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !stage.isShowing());
        }
    }

    @Test
    void reportExportInEveryFormat() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            ProbeReport report = runThroughWizard("localhost:" + server.port(), "#noneChoice", testCaFile(), null);
            assertEquals(Outcome.SSTP_NAK, report.outcome());
            for (String name : List.of("report.json", "report.html", "report.md", "report.txt")) {
                Path file = temp.resolve(name);
                interact(() -> wizard.result().setFileChooser((format, suggested) -> Optional.of(file.toFile())));
                clickOn("#saveButton");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && text("#actionMessage").startsWith("Saved"));
                String content = Files.readString(file);
                switch (name) {
                    case "report.json" -> {
                        JsonNode json = JsonReport.parse(content);
                        assertEquals(JsonReport.SCHEMA, json.get("schema").asText());
                        assertEquals("sstp_nak", json.get("outcome").asText());
                        assertTrue(json.get("resolution").size() > 0, "the resolution is filled");
                    }
                    case "report.html" -> assertTrue(content.startsWith("<!DOCTYPE html>") && content.contains("sstp_nak")
                            || content.contains("Nak"), content.substring(0, Math.min(400, content.length())));
                    case "report.md" -> assertTrue(content.startsWith("#") && content.contains("localhost"), content);
                    default -> assertEquals(wizard.result().reportText(), content);
                }
            }
            clickOn("#copyButton");
            String clip = interactAndGet(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
            assertEquals(wizard.result().reportText(), clip);
        }
    }

    private <T> T interactAndGet(java.util.concurrent.Callable<T> c) throws Exception {
        Object[] out = new Object[1];
        interact(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        @SuppressWarnings("unchecked") T t = (T) out[0];
        return t;
    }

    @Test
    void lookUpACode() throws Exception {
        clickOn("#lookupLink");
        waitForPage(WizardController.Page.LOOKUP, 5);
        write("407");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<KbEntry> list = lookup("#resultList").query();
        assertEquals("http-407", list.getItems().get(0).id());
        shot("lookup-407");
        fill("#queryField", "0x80092013");
        assertEquals("error-0x80092013", list.getItems().get(0).id());
        fill("#queryField", "event 4");
        assertEquals("event-rassstp-4", list.getItems().get(0).id());
        shot("lookup-event4");
        // A related entry is a link to it (fired directly: it may sit below the fold of the entry pane).
        // Shown by its title; the link carries the entry's id.
        javafx.scene.control.Hyperlink related = lookup((javafx.scene.control.Hyperlink h) -> "http-407".equals(h.getUserData())).query();
        assertEquals(KB.byId("http-407").orElseThrow().title(), related.getText());
        interact(related::fire);
        assertEquals("http-407", text("#queryField"));
        assertEquals("http-407", list.getItems().get(0).id());
        fill("#queryField", "xyzzy plugh");
        assertTrue(list.getItems().isEmpty());
        assertTrue(text("#resultCount").contains("Nothing found"));
        type(KeyCode.ESCAPE); // closes the lookup, back where we came from
        waitForPage(WizardController.Page.HOW, 5);
    }

    @Test
    void practiceModeShowsAFailureOnPurpose() throws Exception {
        interact(() -> wizard.startPractice(Scenario.NAK));
        waitForPage(WizardController.Page.ADDRESS, 30); // practice makes its CA and keys first: slow on a loaded machine
        assertTrue(text("#practiceBanner").contains("Practice mode"));
        shot("practice-2-address");
        nextToResult(20);
        assertEquals(Outcome.SSTP_NAK, wizard.model().report.get().outcome());
        shot("practice-5-result");
        interact(() -> wizard.stopPractice());
        assertEquals("", wizard.model().practiceBanner.get());
    }

    @Test
    void remembersAddressesAndProxyBetweenRuns() throws Exception {
        Path file = temp.resolve("remembered.json");
        org.sstpdoctor.settings.SettingsStore store = new org.sstpdoctor.settings.SettingsStore(file);
        store.save(org.sstpdoctor.settings.Settings.defaults().withRecentAddress("vpn.contoso.test")
                .withRecentDestinationName("Contoso VPN").withProxy(org.sstpdoctor.probe.ProxyMode.MANUAL, "proxy.contoso.test", 3128, "alice", false));
        interact(() -> {
            wizard.shutdown();
            try {
                open(stage, store);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        clickOn("#nextButton");
        waitForPage(WizardController.Page.ADDRESS, 5);
        assertEquals("Contoso VPN", text("#destinationField"));
        clickOn("vpn.contoso.test"); // the recent-address link
        assertEquals("vpn.contoso.test", text("#addressField"));
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
        clickOn("#nextButton");
        waitForPage(WizardController.Page.PROXY, 5);
        assertTrue(((javafx.scene.control.RadioButton) lookup("#manualChoice").query()).isSelected());
        assertEquals("proxy.contoso.test", text("#proxyHostField"));
        assertEquals("3128", text("#proxyPortField"));
        assertEquals("alice", text("#proxyUserField"));
        assertEquals("", text("#passwordField"), "a password is never in the settings file");
        // Typing a password and testing saves the settings again, still without it.
        fill("#passwordField", "correct-horse-battery");
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, 20);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.readString(file).contains("proxy.contoso.test"));
        assertFalse(Files.readString(file).contains("correct-horse-battery"), Files.readString(file));
    }

    /**
     * 150% on a 1280×900 screen: the window opens inside the screen's 853×552 units with the button bar
     * in view on every page, nothing in the button bars squeezed; the pictures are drawn at 1.5.
     */
    @Test
    void fitsA1280x900ScreenAt150Percent() throws Exception {
        openAt150Percent();
        javafx.geometry.Rectangle2D screen = SCREEN_1280x900_AT_150;
        assertTrue(stage.getWidth() <= screen.getWidth() && stage.getHeight() <= screen.getHeight(),
                stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.fromOtherCa()))) {
            Screenshots.save(stage.getScene(), "scaled-1-how", 1.5);
            assertButtonBarInView("#nextButton");
            clickOn("#nextButton");
            fill("#addressField", "localhost:" + server.port());
            Screenshots.save(stage.getScene(), "scaled-2-address", 1.5);
            assertButtonBarInView("#nextButton");
            clickOn("#nextButton");
            waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
            clickOn("#nextButton");
            waitForPage(WizardController.Page.PROXY, 5);
            clickOn("#noneChoice");
            Screenshots.save(stage.getScene(), "scaled-3-proxy", 1.5);
            assertButtonBarInView("#nextButton");
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 20);
            Screenshots.save(stage.getScene(), "scaled-5-result", 1.5);
            assertButtonBarInView("#finishButton");
        }
        // The testing page is taller than the window here, with the practice banner above it: it scrolls,
        // never spilling over the page's title.
        try (SstpResponder silent = SstpResponder.start(ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.fromOtherCa()))) {
            interact(() -> {
                wizard.model().practiceBanner.set(Texts.get("practice.banner", Scenario.SILENT_AFTER_TLS.description()));
                wizard.model().address.set("localhost:" + silent.port());
                wizard.runTest();
            });
            waitForPage(WizardController.Page.TESTING, 5);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizard.runnerRows().stream()
                    .anyMatch(r -> r.time.get().endsWith("\u2026")));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(stage.getScene(), "scaled-4-testing", 1.5);
            javafx.scene.control.Label subtitle = lookup("#pageSubtitle").query();
            javafx.scene.Node target = lookup("#testingTarget").query();
            double subtitleBottom = subtitle.localToScene(subtitle.getBoundsInLocal()).getMaxY();
            double pageTop = target.localToScene(target.getBoundsInLocal()).getMinY();
            assertTrue(pageTop >= subtitleBottom, "the page starts below its title: " + pageTop + " < " + subtitleBottom);
            assertButtonBarInView("#cancelButton");
            interact(() -> wizard.cancelButton.fire());
            waitForPage(WizardController.Page.RESULT, 10);
            interact(() -> wizard.model().practiceBanner.set(""));
        }
    }

    private void assertButtonBarInView(String button) {
        assertButtonsFit();
        for (String query : List.of(button, "#cancelButton")) {
            Button b = lookup(query).queryButton();
            javafx.geometry.Bounds inScene = b.localToScene(b.getBoundsInLocal());
            assertTrue(b.isVisible() && inScene.getMinY() >= 0 && inScene.getMaxY() <= stage.getScene().getHeight()
                    && inScene.getMaxX() <= stage.getScene().getWidth(), query + " at " + inScene + " in a scene of "
                    + stage.getScene().getWidth() + "x" + stage.getScene().getHeight());
        }
    }

    private void assertButtonsFit() {
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node n : lookup(".button").queryAll()) {
            if (n instanceof Button b && b.isVisible() && b.getScene() != null && b.getParent().isVisible()
                    && b.localToScene(b.getBoundsInLocal()).getWidth() > 0) {
                assertTrue(b.getWidth() + 0.5 >= b.prefWidth(-1), b.getText() + " is squeezed: " + b.getWidth()
                        + " < " + b.prefWidth(-1));
            }
        }
    }

    private static String allText(javafx.scene.Node node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString();
    }

    private static void collect(javafx.scene.Node node, StringBuilder sb) {
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            sb.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                collect(child, sb);
            }
        }
    }
}
