package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.history.HistoryFixtures;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.profiles.VpnStrategy;
import org.sstpdoctor.report.JsonReport;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.testing.TestProbes;
import org.sstpdoctor.ticket.Environment;
import org.sstpdoctor.ticket.Helpdesk;
import org.sstpdoctor.ticket.HelpdeskFile;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The helpdesk's pages: the VPN chooser, recent errors, history, opening a report and testing from here. */
@ExtendWith(ApplicationExtension.class)
class HelpdeskPagesTest extends WizardTestBase {
    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final String EVENT = "Log Name: Application\nSource: RasClient\nEvent ID: 20227\nComputer: alice-laptop\n"
            + "Description:\nCoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user CONTOSO\\alice dialed a connection"
            + " named Work VPN which has failed. The error code returned on failure is -2146885613.\n";

    @TempDir
    Path temp;
    HistoryStore history;
    final java.util.concurrent.atomic.AtomicInteger profileReads = new java.util.concurrent.atomic.AtomicInteger();

    @Start
    void start(javafx.stage.Stage s) throws Exception {
        history = new HistoryStore(temp.resolve("data"));
        VpnProfile work = new VpnProfile("Work VPN", "vpn.contoso.com", "rasphone.pbk (this user)", VpnStrategy.Sstp.YES,
                "SSTP only", "proxy.contoso.com:3128", "");
        VpnProfile branch = new VpnProfile("Branch L2TP", "203.0.113.7", "rasphone.pbk (this user)", VpnStrategy.Sstp.NO,
                "L2TP/IPsec only", "", "");
        helpdesk = new Helpdesk(history, () -> {
            profileReads.incrementAndGet();
            return List.of(work, branch);
        }, () -> EventText.parse(EVENT));
        open(s);
    }

    @AfterEach
    void stopWizard() {
        interact(() -> wizard.shutdown());
    }

    @Test
    void vpnChooserFillsTheAddressPage() throws Exception {
        wizard.preloadPages();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, profileReads.get(), "nothing is read before the address page opens");
        interact(() -> wizard.show(WizardController.Page.ADDRESS));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#vpnChooserBox").query().isVisible());
        ComboBox<VpnProfile> box = lookup(".vpn-chooser").query();
        assertEquals(2, box.getItems().size());
        interact(() -> box.getSelectionModel().select(0));
        assertEquals("vpn.contoso.com", wizard.model().address.get());
        assertEquals("Work VPN", wizard.model().destinationName.get());
        assertEquals("proxy.contoso.com", wizard.model().proxyHost.get());
        assertEquals("3128", wizard.model().proxyPort.get());
        interact(() -> box.getSelectionModel().select(1));
        assertEquals("203.0.113.7", wizard.model().address.get());
        assertEquals(org.sstpdoctor.probe.ProxyMode.SYSTEM, wizard.model().proxyMode.get(),
                "the proxy the first connection filled in is not kept for one without a proxy");
        assertEquals("", wizard.model().proxyHost.get());
        assertEquals("Found in rasphone.pbk (this user) · L2TP/IPsec only", ((Label) lookup(".vpn-detail").query()).getText());
        interact(() -> box.getSelectionModel().select(0));
        assertEquals("proxy.contoso.com", wizard.model().proxyHost.get());
        assertEquals("Found in rasphone.pbk (this user) · SSTP only", ((Label) lookup(".vpn-detail").query()).getText());
        shotAtSizes("helpdesk-1-vpn-chooser");
    }

    @Test
    void recentErrorsAreExplainedAndOfferTheServer() throws Exception {
        interact(() -> wizard.show(WizardController.Page.EVENTS));
        ListView<?> list = lookup("#eventList").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#testButton").contains("vpn.contoso.com"), text("#testButton"));
        shotAtSizes("helpdesk-2-recent-errors");
        clickOn("#testButton");
        waitForPage(WizardController.Page.ADDRESS, 5);
        assertEquals("vpn.contoso.com", wizard.model().address.get());
        assertEquals("Work VPN", wizard.model().destinationName.get());
    }

    @Test
    void historyListsKeptTestsWithWhatChanged() throws Exception {
        history.record(HistoryFixtures.reachable(T0, "vpn.contoso.com"));
        history.record(HistoryFixtures.report(T0.plusSeconds(3 * 86_400), "vpn.contoso.com", "fail", "http_status", 503,
                "CN=New CA R11", "CC:DD", T0.plusSeconds(86_400L * 20), List.of("198.51.100.7"), null));
        interact(() -> wizard.show(WizardController.Page.HISTORY));
        ListView<?> list = lookup("#historyList").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        String change = text("#changeLabel");
        assertTrue(change.startsWith("Reachable 3 days ago; since then"), change);
        assertTrue(change.contains("the certificate changed (new issuer: CN=New CA R11)"), change);
        shotAtSizes("helpdesk-3-history");
        clickOn("#copyButton");
        WaitForAsyncUtils.waitForFxEvents();
        String[] summary = new String[1];
        interact(() -> summary[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(3, summary[0].lines().count(), summary[0]);
        clickOn("#openButton");
        waitForPage(WizardController.Page.OPENED, 5);
    }

    @Test
    void resultPageKeepsTheTestComparesAndSavesForTheHelpdesk() throws Exception {
        Path ca = temp.resolve("ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem(), StandardCharsets.US_ASCII);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            for (int i = 0; i < 2; i++) {
                interact(() -> {
                    wizard.model().address.set("localhost:" + server.port());
                    wizard.model().proxyMode.set(org.sstpdoctor.probe.ProxyMode.NONE);
                    wizard.model().caFile.set(ca.toString());
                    wizard.context().actions().runTest();
                });
                waitForPage(WizardController.Page.RESULT, 20);
            }
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text("#comparisonLabel").isEmpty());
            // "Reachable" or "Reachable with warnings" (a check Windows makes that could not be made here)
            assertTrue(text("#comparisonLabel").matches("Reachable( with warnings)? just now; nothing that SSTP Doctor"
                    + " checks has changed since\\."), text("#comparisonLabel"));
            assertEquals(2, history.all().size());
            Path zip = temp.resolve("for-helpdesk.zip");
            ResultPageController result = wizard.result();
            interact(() -> result.saveForHelpdesk(zip.toFile()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(zip)
                    && text("#actionMessage").startsWith("Saved"));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(text("#actionMessage").startsWith("Saved for-helpdesk.zip"), text("#actionMessage"));
            shotAtSizes("helpdesk-4-result-with-comparison");

            interact(() -> HelpdeskUi.openFile(wizard.context(), zip));
            waitForPage(WizardController.Page.OPENED, 10);
            org.sstpdoctor.ticket.OpenedReport opened = org.sstpdoctor.ticket.OpenedReport.open(zip);
            java.time.ZoneId zone = java.time.ZoneId.systemDefault();
            assertTrue(opened.environment().isPresent());
            assertEquals("Report from " + opened.from() + ", " + opened.when(zone, java.time.LocalDate.now(zone))
                    .orElseThrow(), text("#openedTitle"), "the computer's name and the local time");
            shotAtSizes("helpdesk-7-opened-report");
            clickOn("#testHereButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#compareBox").query().isVisible());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Both reach the server.", text("#conclusion"), "from here too, with the CA file typed here");
            shotAtSizes("helpdesk-5-opened-side-by-side");
        }
    }

    /** The user's failed test beside a working one from here: the differences marked, the user's side named. */
    @Test
    void aFailedReportBesideAWorkingTestFromHereMarksTheDifferences() throws Exception {
        Path ca = temp.resolve("ca.pem");
        Files.writeString(ca, TestCertificates.CA.certificatePem(), StandardCharsets.US_ASCII);
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            com.fasterxml.jackson.databind.node.ObjectNode theirs = HistoryFixtures.report(Instant.now().minusSeconds(600),
                    "localhost", "fail", "proxy_auth_required", null, null, null, null, List.of("127.0.0.1"),
                    "proxy.corp.example:8080");
            ((com.fasterxml.jackson.databind.node.ObjectNode) theirs.get("target")).put("port", server.port());
            theirs.put("outcomeTitle", "The web proxy wants a sign-in").put("answeredBy", "proxy")
                    .put("detail", "proxy.corp.example:8080 answered 407 Proxy Authentication Required");
            Path json = temp.resolve("from-alice.json");
            Files.writeString(json, theirs.toString());
            interact(() -> {
                wizard.model().caFile.set(ca.toString());
                HelpdeskUi.openFile(wizard.context(), json);
            });
            waitForPage(WizardController.Page.OPENED, 10);
            assertTrue(text("#openedTitle").startsWith("Report from from-alice.json, "), text("#openedTitle"));
            clickOn("#testHereButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#compareBox").query().isVisible());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(text("#conclusion").contains("on the user's side"), text("#conclusion"));
            List<String> marked = lookup(".differs").queryAll().stream().map(n -> ((Label) n).getText())
                    .filter(t -> t.startsWith("≠ ")).toList();
            assertTrue(marked.contains("≠ Result") && marked.contains("≠ Proxy"), marked.toString());
            assertFalse(marked.contains("≠ Server"), marked.toString());
            shotAtSizes("helpdesk-8-side-by-side-differences");
        }
    }

    /** A certificate within 30 days of its end: the History page, its comparison and the opened report say the days left. */
    @Test
    void historyAndTheOpenedReportSayTheCertificatesDaysLeft() throws Exception {
        Instant now = Instant.now();
        history.record(HistoryFixtures.reachable(now.minusSeconds(86_400L * 3), "vpn.contoso.com")); // 71 h before the next
        history.record(HistoryFixtures.report(now.minusSeconds(3600), "vpn.contoso.com", "warn", "cert_expiring_soon", 200,
                "CN=Old CA", "EE:FF", now.plus(java.time.Duration.ofDays(12)).plusSeconds(7200), List.of("203.0.113.10"),
                null));
        interact(() -> wizard.show(WizardController.Page.HISTORY));
        ListView<HistoryStore.Entry> list = lookup("#historyList").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        String change = text("#changeLabel");
        assertTrue(change.startsWith("Reachable 2 days ago; since then"), change);
        assertTrue(change.endsWith("The certificate expires in 12 days."), change);
        String row = org.sstpdoctor.history.HistoryText.line(list.getItems().get(0).summary(), java.time.ZoneId.systemDefault(),
                Instant.now());
        assertTrue(row.contains("certificate expires in 12 days"), row);
        clickOn("#openButton");
        waitForPage(WizardController.Page.OPENED, 5);
        assertTrue(text("#openedText").contains("(certificate expires in 12 days)"), text("#openedText"));
    }

    @Test
    void mnemonicsAreUniqueOnTheHelpdeskPages() throws Exception {
        for (WizardController.Page page : List.of(WizardController.Page.HISTORY, WizardController.Page.EVENTS,
                WizardController.Page.OPENED, WizardController.Page.ADDRESS)) {
            interact(() -> wizard.show(page));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            for (var e : stage.getScene().getMnemonics().entrySet()) {
                List<javafx.scene.Node> visible = e.getValue().stream().map(javafx.scene.input.Mnemonic::getNode)
                        .filter(n -> n.getScene() != null && shownInTree(n)).toList();
                assertTrue(visible.size() <= 1, page + ": " + e.getKey() + " is on " + visible);
            }
        }
    }

    private static boolean shownInTree(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aBrokenFileIsOneLineInTheStatus() throws Exception {
        Path bad = Files.writeString(temp.resolve("notes.zip"), "PK not really");
        interact(() -> HelpdeskUi.openFile(wizard.context(), bad));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text("#statusLine").startsWith("Reading"));
        assertTrue(text("#statusLine").contains("notes.zip"), text("#statusLine"));
        assertFalse(text("#statusLine").contains("Exception"));
    }

    @Test
    void pastedEventInLookUpIsExplainedWithItsServer() throws Exception {
        interact(() -> wizard.lookup(EVENT));
        waitForPage(WizardController.Page.LOOKUP, 5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#pastedBox").query().isVisible());
        Label found = lookup(".pasted-headline").query();
        assertTrue(found.getText().contains("0x80092013"), found.getText());
        // The connections set up here are read in the background the first time; then the server is offered.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup(".pasted-test").tryQuery()
                .map(b -> ((javafx.scene.control.Button) b).getText().equals("Test vpn.contoso.com")).orElse(false));
        shotAtSizes("helpdesk-6-lookup-pasted-event");
        clickOn(".pasted-test");
        waitForPage(WizardController.Page.ADDRESS, 5);
        assertEquals("vpn.contoso.com", wizard.model().address.get());
        assertEquals("Work VPN", wizard.model().destinationName.get());
    }

    @Test
    void aPastedEventWithNothingToExplainSaysSoRatherThanNothingFound() throws Exception {
        interact(() -> wizard.lookup("Log Name: System\nSource: RasSstp\nEvent ID: 99\nDescription:\nSomething else.\n"));
        waitForPage(WizardController.Page.LOOKUP, 5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#pastedBox").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(((Label) lookup(".pasted-headline").query()).getText().startsWith("RasSstp 99"));
        assertEquals("Nothing in the knowledge base explains this event; what was found in it is shown above.",
                text("#resultCount"));
    }

    @Test
    void aPastedEventForAConnectionNotSetUpHereStillOffersATest() throws Exception {
        interact(() -> wizard.lookup(EVENT.replace("Work VPN", "Home office")));
        waitForPage(WizardController.Page.LOOKUP, 5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#pastedBox").query().isVisible());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> profileReads.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button test = lookup(".pasted-test").query();
        assertEquals("Test this server…", test.getText().replace("_", ""));
        clickOn(test);
        waitForPage(WizardController.Page.ADDRESS, 5);
        assertEquals("Home office", wizard.model().destinationName.get());
        assertTrue(text("#statusLine").contains("\"Home office\", which is not set up on this computer"), text("#statusLine"));
    }
}
