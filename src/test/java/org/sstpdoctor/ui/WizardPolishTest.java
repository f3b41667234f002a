package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 14's polish list, where a test can see it: the answer in view, input never lost, keys, words. */
@ExtendWith(ApplicationExtension.class)
class WizardPolishTest extends WizardTestBase {
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

    private Path caFile() throws Exception {
        Path ca = temp.resolve("test-ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem(), StandardCharsets.US_ASCII);
        return ca;
    }

    private void toProxyPage(String address) throws Exception {
        interact(() -> wizard.show(WizardController.Page.ADDRESS));
        fill("#addressField", address);
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
        clickOn("#nextButton");
        waitForPage(WizardController.Page.PROXY, 5);
    }

    private void runAgainst(SstpResponder server) throws Exception {
        toProxyPage("localhost:" + server.port());
        clickOn("#noneChoice");
        interact(() -> wizard.model().caFile.set(pathOf(caFileUnchecked())));
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, 20);
    }

    private Path caFileUnchecked() {
        try {
            return caFile();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathOf(Path p) {
        return p.toString();
    }

    @Test
    void everyResultOpensAtTheTop() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            runAgainst(server);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(lookup("#verdictBanner").query().isFocused(), "the first result, too, starts at the content, not at "
                    + stage.getScene().getFocusOwner());
            ScrollPane scroller = lookup("#scroller").query();
            clickOn("#detailsTab");
            interact(() -> scroller.setVvalue(1.0));
            assertEquals(1.0, scroller.getVvalue());
            var first = wizard.model().report.get();
            interact(() -> lookup("#againButton").queryButton().fire()); // Test again
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wizard.model().report.get() != first
                    && wizard.currentPage() == WizardController.Page.RESULT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(0.0, scroller.getVvalue(), "the verdict is in view");
            assertTrue(lookup("#endUserTab").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
            assertTrue(lookup("#verdictBanner").query().isFocused(), "Tab order starts at the content, not at Finish");
            assertTrue(stage.getTitle().contains("localhost") && stage.getTitle().contains("Not reachable"), stage.getTitle());
        }
    }

    @Test
    void helpdeskTextWrapsInsteadOfBeingCut() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.fromOtherCa()))) {
            toProxyPage("localhost:" + server.port());
            clickOn("#noneChoice");
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 20);
            assertEquals(Outcome.CERT_UNTRUSTED, wizard.model().report.get().outcome());
            clickOn("#helpdeskTab");
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : lookup(".list-item").queryAll()) {
                javafx.scene.control.Label l = (javafx.scene.control.Label) n;
                assertTrue(l.isWrapText());
                // A cut label is shorter than the height its text needs at its width.
                assertTrue(l.getHeight() + 0.5 >= l.prefHeight(l.getWidth()), "cut: " + l.getText());
            }
            shotAtSizes("polish-helpdesk-certificate");
            clickOn("#detailsTab");
            interact(() -> {
                ((javafx.scene.control.TitledPane) lookup("#timingPane").query()).setExpanded(false);
                ((javafx.scene.control.TitledPane) lookup("#certificatePane").query()).setExpanded(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.TextArea fingerprint = lookup(".fingerprint").query();
            String full = wizard.model().report.get().tls().chain().get(0).sha256Fingerprint();
            assertEquals(full, fingerprint.getText().replace("\n", ""), "the whole fingerprint, selectable");
            assertFalse(fingerprint.isEditable());
            javafx.scene.control.TitledPane chain = lookup("#certificatePane").query();
            assertTrue(chain.getHeight() + 0.5 >= chain.prefHeight(chain.getWidth()), "the chain takes its natural height");
            shotAtSizes("polish-details-chain");
        }
    }

    @Test
    void enterTakesWhatIsTypedNotTheSuggestion() throws Exception {
        interact(() -> wizard.model().recentAddresses.setAll("127.0.0.1:18448"));
        interact(() -> wizard.show(WizardController.Page.ADDRESS));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#addressField");
        write("127.0.0.1:1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listWindows().size() > 1); // the suggestion list
        type(KeyCode.ENTER);
        waitForPage(WizardController.Page.SIGNIN, 5); // the optional sign-in page: left empty
        type(KeyCode.ENTER);
        waitForPage(WizardController.Page.PROXY, 5);
        assertEquals("127.0.0.1:1", wizard.model().address.get());
    }

    @Test
    void escClosesTheSuggestionsThenAsksBeforeLeaving() throws Exception {
        interact(() -> wizard.model().recentAddresses.setAll("127.0.0.1:18448"));
        interact(() -> wizard.show(WizardController.Page.ADDRESS));
        clickOn("#addressField");
        write("127.0.0.1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listWindows().size() > 1);
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listWindows().size() == 1);
        assertTrue(stage.isShowing(), "Esc closed the suggestion list, not the application");
        assertEquals(WizardController.Page.ADDRESS, wizard.currentPage());
        type(KeyCode.ESCAPE); // now it means Cancel: with typed input, it asks
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listWindows().size() > 1);
        clickOn("Stay");
        assertTrue(stage.isShowing());
        assertEquals("127.0.0.1", wizard.model().address.get());
    }

    @Test
    void stoppingPracticeRestoresTheAddress() throws Exception {
        interact(() -> wizard.show(WizardController.Page.ADDRESS));
        fill("#addressField", "vpn.contoso.test:4443");
        interact(() -> wizard.startPractice(Scenario.WORKING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wizard.model().practiceBanner.get().isEmpty());
        assertTrue(wizard.model().address.get().startsWith("localhost:"));
        interact(() -> wizard.stopPractice());
        assertEquals("vpn.contoso.test:4443", wizard.model().address.get());
        assertEquals("", wizard.model().practiceBanner.get());
    }

    /** A practice scenario that plays the web proxy is tested as the proxy, not as the VPN server. */
    @Test
    void aPracticeProxyIsTheManualProxy() throws Exception {
        WizardModel m = wizard.model();
        ProxyMode remembered = m.proxyMode.get();
        interact(() -> wizard.startPractice(Scenario.HOSTILE_PROXY));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !wizard.model().practiceBanner.get().isEmpty());
        assertEquals(ProxyMode.MANUAL, m.proxyMode.get());
        assertEquals("localhost", m.proxyHost.get());
        assertFalse(m.proxyPort.get().isBlank());
        assertEquals(PracticeSession.BEHIND_PROXY, m.address.get());
        clickOn("#nextButton");
        waitForPage(WizardController.Page.SIGNIN, 5);
        clickOn("#nextButton");
        waitForPage(WizardController.Page.PROXY, 5);
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, 20);
        assertEquals(Outcome.PROXY_AUTH_REQUIRED, m.report.get().outcome(), m.report.get().detail());
        assertEquals(Texts.get("result.fact.http.odd", 407), fact(Texts.get("result.fact.proxyanswer")),
                "the proxy's forged reason phrase stays in Details");
        interact(() -> wizard.stopPractice());
        assertEquals(remembered, m.proxyMode.get(), "back to what was remembered");
    }

    @Test
    void aCaFileThatIsNotACertificateIsMarked() throws Exception {
        Path bogus = temp.resolve("not-a-certificate.pem");
        Files.writeString(bogus, "hello, I am not a certificate\n");
        toProxyPage("vpn.contoso.test");
        clickOn("#noneChoice");
        interact(() -> {
            ((javafx.scene.control.TitledPane) lookup("#advancedPane").query()).setExpanded(true);
            wizard.model().caFile.set(bogus.toString());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text("#caMessage").isEmpty());
        TextField ca = lookup("#caField").query();
        assertTrue(ca.getPseudoClassStates().contains(FieldProblem.INVALID), "the field itself is marked");
        assertTrue(lookup("#nextButton").queryButton().isDisabled());
        // The message is whole (it wraps), even in the smallest window and at 150%, where the page scrolls.
        for (Runnable size : List.<Runnable>of(() -> resize(720, 620), this::openAt150Percent)) {
            size.run();
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.Label message = lookup("#caMessage").query();
            assertTrue(message.getHeight() + 0.5 >= message.prefHeight(message.getWidth()),
                    "the CA message is cut: " + message.getHeight() + " < " + message.prefHeight(message.getWidth()));
        }
        shotAtSizes("polish-proxy-ca-error");
        interact(() -> wizard.model().caFile.set(pathOf(caFileUnchecked())));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#caMessage").isEmpty());
        assertFalse(ca.getPseudoClassStates().contains(FieldProblem.INVALID));
    }

    @Test
    void testingPageShowsSkippedStagesAndTheTimeLive() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.SILENT_AFTER_TLS, TestCertificates.valid()))) {
            interact(() -> wizard.model().timeoutSeconds.set(60));
            toProxyPage("localhost:" + server.port());
            clickOn("#noneChoice");
            interact(() -> wizard.model().caFile.set(pathOf(caFileUnchecked())));
            clickOn("#nextButton");
            waitForPage(WizardController.Page.TESTING, 5);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".state-running").tryQuery().isPresent()
                    && server.connectionCount() > 0);
            Thread.sleep(700);
            WaitForAsyncUtils.waitForFxEvents();
            // Without a proxy the proxy stage says "not needed" while the test runs, not "waiting".
            StageRow proxyRow = wizard.runnerRows().stream()
                    .filter(r -> r.stage() == org.sstpdoctor.probe.Stage.PROXY_CONNECT).findFirst().orElseThrow();
            assertEquals(StageRow.State.SKIPPED, proxyRow.state.get());
            StageRow running = wizard.runnerRows().stream().filter(r -> r.state.get() == StageRow.State.RUNNING)
                    .findFirst().orElseThrow();
            assertTrue(running.time.get().endsWith("s\u2026"), "the waiting stage counts: " + running.time.get());
            assertFalse(text("#elapsedLabel").isEmpty());
            shotAtSizes("polish-testing-waiting");
            type(KeyCode.ESCAPE);
            waitForPage(WizardController.Page.RESULT, 5);
            assertEquals(StateIcon.Kind.CANCELLED, ((StateIcon) lookup("#verdictIcon").query()).kind());
            // Cancelled before the revocation check: the certificate line says so, never implies it passed.
            assertTrue(fact("Certificate").contains("was not checked"), fact("Certificate"));
            shotAtSizes("polish-result-cancelled");
        }
    }

    @Test
    void aProbeThatThrowsAnErrorEndsOnAnInternalErrorPage() throws Exception {
        interact(() -> {
            wizard.shutdown();
            try {
                // As when a class is missing from a packaged runtime: making the probe fails with an Error.
                open(stage, new org.sstpdoctor.settings.SettingsStore(temp.resolve("s.json")),
                        (java.util.function.Supplier<org.sstpdoctor.probe.SstpProbe>) () -> {
                            throw new NoClassDefFoundError("org/example/MissingFromTheRuntime");
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        toProxyPage("broken.test");
        clickOn("#noneChoice");
        clickOn("#nextButton");
        waitForPage(WizardController.Page.RESULT, 20);
        assertEquals(Texts.get("result.verdict.internal"), text("#verdictTitle"));
        assertTrue(text("#verdictSummary").contains("MissingFromTheRuntime"), text("#verdictSummary"));
        assertTrue(wizard.result().reportText().contains("NoClassDefFoundError"));
        shotAtSizes("polish-result-internal-error");
    }

    @Test
    void mnemonicsAreUniqueOnEveryPageAndSelectChoices() throws Exception {
        for (WizardController.Page page : List.of(WizardController.Page.HOW, WizardController.Page.ADDRESS,
                WizardController.Page.SIGNIN, WizardController.Page.PROXY, WizardController.Page.LOOKUP)) {
            interact(() -> wizard.show(page));
            WaitForAsyncUtils.waitForFxEvents();
            for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> e
                    : stage.getScene().getMnemonics().entrySet()) {
                List<Node> visible = e.getValue().stream().map(Mnemonic::getNode).filter(n -> n.isVisible()
                        && n.getScene() != null && treeVisible(n)).toList();
                assertTrue(visible.size() <= 1, page + ": " + e.getKey() + " is on " + visible);
            }
        }
        toProxyPage("vpn.contoso.test");
        press(KeyCode.ALT).type(KeyCode.M).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ProxyMode.MANUAL, wizard.model().proxyMode.get(), "Alt+M selects the manual proxy");
        press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#passwordField").query().isFocused(), "Alt+P reaches Password");
        assertTrue(stage.getTitle().contains(Texts.get("page.proxy.title")), stage.getTitle());
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void noBrowserIsSaidInTheWindow() throws Exception {
        noBrowser = true;
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            runAgainst(server);
            interact(() -> lookup("#browserButton").queryButton().fire());
            assertTrue(text("#actionMessage").contains("No web browser"), text("#actionMessage"));
        }
    }

    @Test
    void relatedLinksOpenTheLinkedEntryEvenAfterALookup() throws Exception {
        interact(() -> wizard.lookup("809"));
        waitForPage(WizardController.Page.LOOKUP, 5);
        type(KeyCode.ESCAPE);
        waitForPage(WizardController.Page.HOW, 5);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.fromOtherCa()))) {
            toProxyPage("localhost:" + server.port());
            clickOn("#noneChoice");
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 20);
            clickOn("#helpdeskTab");
            javafx.scene.control.Hyperlink related = lookup((javafx.scene.control.Hyperlink h) -> h.getUserData() instanceof String)
                    .query();
            String id = (String) related.getUserData();
            assertFalse(related.getText().equals(id), "links show titles, not ids");
            interact(related::fire);
            waitForPage(WizardController.Page.LOOKUP, 5);
            assertEquals(id, text("#queryField"));
            javafx.scene.control.ListView<?> list = lookup("#resultList").query();
            assertEquals(id, ((org.sstpdoctor.kb.KbEntry) list.getItems().get(0)).id());
        }
    }

    @Test
    void savingProposesADatedNameInTheDocumentsFolder() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            runAgainst(server);
            String[] suggested = new String[1];
            Path file = temp.resolve("saved.txt");
            interact(() -> wizard.result().setFileChooser((format, name) -> {
                suggested[0] = name;
                return java.util.Optional.of(file.toFile());
            }));
            clickOn("#saveButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
            assertNotNull(suggested[0]);
            assertTrue(suggested[0].matches("sstp-doctor-localhost-\\d{4}-\\d{2}-\\d{2}-\\d{4}"), suggested[0]);
            assertTrue(ReportFiles.documentsFolder().isDirectory());
        }
    }

    @Test
    void firstResultShowsTheVerdictAndTheFirstStepsAtTheDefaultSize() throws Exception {
        resize(WindowSize.WIDTH, WindowSize.HEIGHT);
        // A refused call, and a working server (its headline and explanation take two lines each).
        for (Scenario scenario : List.of(Scenario.WORKING, Scenario.NAK)) {
          try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(scenario, TestCertificates.valid()))) {
            if (wizard.currentPage() == WizardController.Page.RESULT) {
                interact(() -> wizard.show(WizardController.Page.ADDRESS));
            }
            runAgainst(server);
            WaitForAsyncUtils.waitForFxEvents();
            Node actions = lookup((javafx.scene.control.Label l) -> Texts.get("entry.actions").equals(l.getText())).query();
            Button finish = lookup("#finishButton").queryButton();
            double actionsBottom = actions.localToScene(actions.getBoundsInLocal()).getMaxY();
            ScrollPane scroller = lookup("#scroller").query();
            double viewportBottom = scroller.localToScene(scroller.getBoundsInLocal()).getMaxY();
            assertTrue(actionsBottom + 40 < viewportBottom, scenario + ": \"What you can do\" and a step are above the fold: "
                    + actionsBottom + " vs " + viewportBottom);
            assertTrue(finish.isVisible());
            shot("polish-result-default-size-" + scenario.name().toLowerCase(java.util.Locale.ROOT));
          }
        }
    }

    @Test
    void toolsMenuStaysInsideTheWindow() throws Exception {
        interact(() -> ((javafx.scene.control.MenuButton) lookup("#toolsMenu").query()).show());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> listWindows().size() > 1);
        javafx.stage.Window menu = listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        assertTrue(menu.getX() >= stage.getX() - 1 && menu.getX() + menu.getWidth() <= stage.getX() + stage.getWidth() + 1,
                "menu " + menu.getX() + "+" + menu.getWidth() + " inside window " + stage.getX() + "+" + stage.getWidth());
        interact(() -> ((javafx.scene.control.MenuButton) lookup("#toolsMenu").query()).hide());
    }

    @Test
    void lookUpSaysWhatToTypeAndDownMovesIntoTheResults() throws Exception {
        interact(() -> wizard.lookup(""));
        waitForPage(WizardController.Page.LOOKUP, 5);
        javafx.scene.control.ListView<?> list = lookup("#resultList").query();
        javafx.scene.control.Label empty = (javafx.scene.control.Label) list.getPlaceholder();
        assertEquals(Texts.get("lookup.empty"), empty.getText());
        resize(720, 620); // the list is narrowest here: the empty state wraps, whole, inside it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(empty.getWidth() <= list.getWidth() + 0.5 && empty.getHeight() + 0.5 >= empty.prefHeight(empty.getWidth()),
                "the empty state is whole: " + empty.getWidth() + "x" + empty.getHeight() + " in a list " + list.getWidth() + " wide");
        shot("polish-lookup-empty-720x620");
        interact(() -> ((javafx.scene.control.TextField) lookup("#queryField").query()).requestFocus());
        write("407");
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(list.isFocused(), "Down moves from the box into the results");
        shotAtSizes("polish-lookup-407");
        type(KeyCode.ESCAPE); // and Esc works from the list
        waitForPage(WizardController.Page.HOW, 5);
    }

    @Test
    void debugLoggingSaysWhatHappenedAndNeverThePassword() throws Exception {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger ui = java.util.logging.Logger.getLogger("org.sstpdoctor.ui");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level was = ui.getLevel();
        ui.setLevel(java.util.logging.Level.FINE);
        ui.addHandler(capture);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.NAK, TestCertificates.valid()))) {
            toProxyPage("localhost:" + server.port());
            clickOn("#manualChoice");
            fill("#proxyHostField", "127.0.0.1");
            fill("#proxyPortField", "9"); // nothing listens: refused
            fill("#proxyUserField", "alice");
            fill("#passwordField", "correct-horse-battery");
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 20);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("page proxy")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("test finished: localhost:")), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("correct-horse-battery")), lines.toString());
        } finally {
            ui.removeHandler(capture);
            ui.setLevel(was);
        }
    }

    @Test
    void afterAProxySignInDetailsShowBothAttempts() throws Exception {
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()));
             org.sstpdoctor.testing.ProxyHarness proxy = org.sstpdoctor.testing.ProxyHarness.basicAuth()) {
            toProxyPage("localhost:" + server.port());
            clickOn("#manualChoice");
            fill("#proxyHostField", "127.0.0.1");
            fill("#proxyPortField", String.valueOf(proxy.port()));
            fill("#proxyUserField", org.sstpdoctor.testing.ProxyHarness.USER);
            fill("#passwordField", org.sstpdoctor.testing.ProxyHarness.PASSWORD);
            interact(() -> wizard.model().caFile.set(pathOf(caFileUnchecked())));
            clickOn("#nextButton");
            waitForPage(WizardController.Page.RESULT, 30);
            assertNotNull(wizard.model().report.get().authenticatedRetry(), "a second attempt was made");
            assertEquals(Texts.get("result.sstp.accepted"), fact(Texts.get("result.fact.retry")),
                    "plain words at the top; the packet's name (Call Connect Ack) is in Details");
            clickOn("#detailsTab");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(text("#certificatePane").contains("none"), "the first attempt stopped at the proxy");
            assertTrue(text("#certificatePaneRetry").contains("certificates"), text("#certificatePaneRetry"));
            assertTrue(lookup("#proxyPaneRetry").tryQuery().isPresent());
            shotAtSizes("polish-details-two-attempts");
        }
    }

    @Test
    void thePortBoxShowsThePortTypedInTheAddress() throws Exception {
        interact(() -> wizard.show(WizardController.Page.ADDRESS));
        fill("#addressField", "vpn.contoso.test:28443");
        assertEquals("28443", ((TextField) lookup("#portField").query()).getPromptText());
        fill("#addressField", "vpn.contoso.test");
        assertEquals("443", ((TextField) lookup("#portField").query()).getPromptText());
    }
}
