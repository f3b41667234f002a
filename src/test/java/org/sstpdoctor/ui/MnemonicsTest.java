package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.Mnemonic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.eventlog.EventText;
import org.sstpdoctor.history.HistoryStore;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.profiles.VpnProfile;
import org.sstpdoctor.profiles.VpnStrategy;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;
import org.sstpdoctor.ticket.Helpdesk;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Alt+letter on every page of the wizard, as a person presses it: each page's letters are unique
 * among its visible controls, and each one reaches its control from wherever the keyboard is (a
 * button or link fires, a radio button is selected, a check box ticked, a label's field focused).
 * The pages are all of {@link WizardController.Page}, so a page added later is walked too.
 */
@ExtendWith(ApplicationExtension.class)
class MnemonicsTest extends WizardTestBase {
    @TempDir
    Path temp;

    @Start
    void start(javafx.stage.Stage s) throws Exception {
        // The helpdesk's controls show too: a VPN connection to choose, a recent error to test.
        VpnProfile work = new VpnProfile("Work VPN", "vpn.contoso.com", "rasphone.pbk (this user)", VpnStrategy.Sstp.YES,
                "SSTP only", "", "");
        helpdesk = new Helpdesk(new HistoryStore(temp.resolve("data")), () -> List.of(work),
                () -> EventText.parse(HelpdeskPagesTest.EVENT));
        open(s);
    }

    @AfterEach
    void stopWizard() {
        interact(() -> wizard.shutdown());
    }

    @Test
    void everyPagesMnemonicsAreUniqueAndReachTheirControl() throws Exception {
        List<String> checked = new ArrayList<>();
        try (SstpResponder server = SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid()))) {
            // A real result first, so the result page (and the history) has what a person sees there.
            interact(() -> wizard.show(WizardController.Page.ADDRESS));
            fill("#addressField", "localhost:" + server.port());
            interact(() -> wizard.model().proxyMode.set(ProxyMode.NONE));
            interact(() -> wizard.runTest());
            waitForPage(WizardController.Page.RESULT, 30);
        }
        for (WizardController.Page page : WizardController.Page.values()) {
            for (String variant : variants(page)) {
                showPage(page, variant);
                Map<String, Node> keys = mnemonics(page + variant);
                assertFalse(keys.isEmpty() && page != WizardController.Page.TESTING, page + variant + " has no mnemonics");
                for (Map.Entry<String, Node> key : keys.entrySet()) {
                    showPage(page, variant); // the previous key may have changed the page's state
                    checkReaches(page + variant, key.getKey(), key.getValue());
                    checked.add(page + variant + ":" + key.getKey());
                }
            }
        }
        assertTrue(checked.contains("ADDRESS:N"), "Alt+N is Next on the address page: " + checked);
        assertTrue(checked.contains("PROXY (manual):P"), checked.toString());
    }

    /** The states of a page that show other controls. */
    private static List<String> variants(WizardController.Page page) {
        return switch (page) {
            case ADDRESS -> List.of("", " (advanced)");
            case PROXY -> List.of("", " (manual)");
            default -> List.of("");
        };
    }

    private void showPage(WizardController.Page page, String variant) throws Exception {
        interact(() -> {
            if (wizard.currentPage() != page) {
                wizard.show(page);
            }
            if (variant.equals(" (advanced)")) {
                ((TitledPane) lookup("#advancedPane").query()).setExpanded(true);
            } else if (page == WizardController.Page.ADDRESS) {
                ((TitledPane) lookup("#advancedPane").query()).setExpanded(false);
            }
            if (variant.equals(" (manual)")) {
                wizard.model().proxyMode.set(ProxyMode.MANUAL);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (page == WizardController.Page.ADDRESS) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#vpnChooserBox").query().isVisible());
        }
        if (page == WizardController.Page.EVENTS) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#testButton").tryQuery().isPresent());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Letter → the one visible control it belongs to; fails when two visible controls share a letter. */
    private Map<String, Node> mnemonics(String page) {
        Map<String, List<Node>> all = new LinkedHashMap<>();
        // JavaFX registers a label's mnemonic on the field it names: count it once, as the label's.
        Map<Node, Label> namedBy = new java.util.HashMap<>();
        for (Node n : stage.getScene().getRoot().lookupAll(".label")) {
            if (n instanceof Label l && l.getLabelFor() != null && shown(l)) {
                namedBy.put(l.getLabelFor(), l);
            }
        }
        for (Map.Entry<javafx.scene.input.KeyCombination, javafx.collections.ObservableList<Mnemonic>> e
                : stage.getScene().getMnemonics().entrySet()) {
            for (Mnemonic m : e.getValue()) {
                if (shown(m.getNode())) {
                    // Alt+'N' (a KeyCodeCombination) or JavaFX's own mnemonic combination: the letter is last.
                    String name = e.getKey().toString().replace("'", "");
                    String letter = name.substring(name.length() - 1);
                    add(all, letter.toUpperCase(Locale.ROOT), namedBy.getOrDefault(m.getNode(), (Label) null) != null
                            ? namedBy.get(m.getNode()) : m.getNode());
                }
            }
        }
        // Labels that name a field: JavaFX may not register them (see Keys), the wizard handles them itself.
        for (Node n : stage.getScene().getRoot().lookupAll(".label")) {
            if (n instanceof Label l && l.isMnemonicParsing() && l.getLabelFor() != null && shown(l)
                    && !Keys.mnemonicOf(l.getText()).isEmpty()) {
                add(all, Keys.mnemonicOf(l.getText()).toUpperCase(Locale.ROOT), l);
            }
        }
        Map<String, Node> unique = new LinkedHashMap<>();
        all.forEach((letter, nodes) -> {
            assertEquals(1, nodes.size(), page + ": Alt+" + letter + " is on " + describe(nodes));
            unique.put(letter, nodes.get(0));
        });
        return unique;
    }

    private static void add(Map<String, List<Node>> all, String letter, Node node) {
        List<Node> nodes = all.computeIfAbsent(letter, k -> new ArrayList<>());
        if (!nodes.contains(node)) {
            nodes.add(node);
        }
    }

    /** Presses Alt+letter with the keyboard on the page's first field and checks what it did. */
    private void checkReaches(String page, String letter, Node owner) throws Exception {
        Node target = owner instanceof Label l && l.getLabelFor() != null ? l.getLabelFor() : owner;
        List<ButtonBase> fired = new ArrayList<>();
        List<Runnable> undo = new ArrayList<>();
        // Every button records its action instead of doing it, so Next or Close does not leave the page.
        interact(() -> {
            for (Node n : all(stage.getScene().getRoot(), new ArrayList<>())) {
                if (n instanceof ButtonBase b) {
                    // A choice's own action runs (it only selects); a button's is recorded instead of done.
                    boolean choice = b instanceof javafx.scene.control.ToggleButton || b instanceof CheckBox;
                    EventHandler<ActionEvent> record = e -> {
                        fired.add(b);
                        if (!choice) {
                            e.consume();
                        }
                    };
                    b.addEventFilter(ActionEvent.ACTION, record);
                    undo.add(() -> b.removeEventFilter(ActionEvent.ACTION, record));
                }
            }
        });
        boolean wasSelected = target instanceof RadioButton r ? r.isSelected() : target instanceof CheckBox c && c.isSelected();
        String description = page + ": Alt+" + letter + " (" + describe(List.of(owner)) + ")";
        try {
            press(KeyCode.ALT).type(KeyCode.getKeyCode(letter)).release(KeyCode.ALT);
            WaitForAsyncUtils.waitForFxEvents();
            if (target.isDisabled()) {
                assertTrue(fired.isEmpty(), description + " is disabled, yet fired " + fired);
            } else if (target instanceof RadioButton r) {
                assertTrue(r.isSelected(), description + " selects the option");
            } else if (target instanceof CheckBox c) {
                assertEquals(!wasSelected, c.isSelected(), description + " ticks or clears the box");
            } else if (target instanceof javafx.scene.control.MenuButton m) {
                assertTrue(m.isShowing(), description + " opens the menu");
                interact(m::hide);
            } else if (target instanceof ButtonBase) {
                assertEquals(List.of(target), fired, description + " fires it, and only it");
            } else {
                assertTrue(target.isFocused() || target.isFocusWithin(), description + " moves the keyboard to "
                        + target + ", not " + stage.getScene().getFocusOwner());
            }
        } finally {
            interact(() -> undo.forEach(Runnable::run));
        }
    }

    private static List<Node> all(Node node, List<Node> out) {
        out.add(node);
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> all(c, out));
        }
        return out;
    }

    private static boolean shown(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<Node> nodes) {
        return nodes.stream().map(n -> n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n instanceof Labeled l ? " \"" + l.getText() + "\"" : "")
                + (n instanceof TextInputControl t ? " \"" + t.getText() + "\"" : "")).toList().toString();
    }
}
