package org.sstpdoctor.ui;

import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;

/** The wizard's keyboard, as in Windows' wizards: Enter, Esc, Alt+Left and Alt+letter on choices. */
final class Keys {
    private Keys() {
    }

    static void install(Scene scene, WizardController wizard) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isAltDown() && !e.isControlDown() && !e.isShiftDown()) {
                // Popups (a menu, the suggestion list) see Esc before the window and close themselves.
                e.consume();
                wizard.escape();
            } else if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown()
                    && (scene.getFocusOwner() instanceof RadioButton || scene.getFocusOwner() instanceof CheckBox)) {
                // Radio buttons and check boxes swallow Enter; it must still mean Next, as in Windows.
                Button target = wizard.finishButton.isVisible() ? wizard.finishButton : wizard.nextButton;
                if (target.isVisible() && !target.isDisabled()) {
                    e.consume();
                    target.fire();
                }
            }
        });
        // Alt+letter: JavaFX handles mnemonics before the scene's own filters see the key (and then only fires
        // an action event, which selects no radio button), so this filter sits on the window, which sees it first.
        javafx.event.EventHandler<KeyEvent> mnemonics = e -> {
            if (e.isAltDown() && !e.isControlDown() && e.getCode() != KeyCode.ALT && selectChoice(scene, e)) {
                e.consume();
            }
        };
        scene.windowProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, mnemonics);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, mnemonics);
            }
        });
        if (scene.getWindow() != null) {
            scene.getWindow().addEventFilter(KeyEvent.KEY_PRESSED, mnemonics);
        }
        // Alt+Left goes back, as in Windows' wizards and browsers.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), () -> {
            if (!wizard.backButton.isDisabled() && wizard.backButton.isVisible()) {
                wizard.goBack();
            }
        });
    }

    /**
     * Points every label with a mnemonic at the field that follows it. FXML's {@code labelFor="$field"}
     * cannot name a field defined after the label (it resolves to null), and without it Alt+letter on
     * a label reaches nothing and screen readers cannot tell what the label names.
     */
    static void linkLabels(Node view) {
        List<Node> order = new java.util.ArrayList<>();
        collect(view, order);
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) instanceof javafx.scene.control.Label l && l.getLabelFor() == null && l.isMnemonicParsing()) {
                for (int j = i + 1; j < order.size(); j++) {
                    Node n = order.get(j);
                    if (n.isFocusTraversable() && !(n instanceof javafx.scene.control.Label)) {
                        l.setLabelFor(n);
                        break;
                    }
                }
            }
        }
    }

    /** The letter after the first underscore: "_Password:" → "P". */
    static String mnemonicOf(String text) {
        int i = text == null ? -1 : text.indexOf('_');
        return i < 0 || i + 1 >= text.length() ? "" : text.substring(i + 1, i + 2);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static void collect(Node node, List<Node> out) {
        out.add(node);
        if (node instanceof javafx.scene.control.TitledPane t && t.getContent() != null) {
            collect(t.getContent(), out);
        } else if (node instanceof javafx.scene.Parent p && !(node instanceof javafx.scene.control.Control)) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /**
     * JavaFX's mnemonic on a radio button or check box only fires an action event, which neither
     * selects nor ticks it; Windows selects the option. Buttons fire, labels focus their field. Returns true
     * when it handled the key.
     */
    private static boolean selectChoice(Scene scene, KeyEvent e) {
        // Labels first: JavaFX drops a label's mnemonic when its labelFor is set after the skin exists.
        for (Node n : scene.getRoot().lookupAll(".label")) {
            if (n instanceof javafx.scene.control.Label l && l.getLabelFor() != null && l.isMnemonicParsing()
                    && e.getCode().getChar().equalsIgnoreCase(mnemonicOf(l.getText())) && shown(l)) {
                if (!l.getLabelFor().isDisabled()) {
                    l.getLabelFor().requestFocus();
                }
                return true;
            }
        }
        for (Map.Entry<KeyCombination, ObservableList<Mnemonic>> entry : scene.getMnemonics().entrySet()) {
            if (!matches(entry.getKey(), e)) {
                continue;
            }
            // A control whose skin registered its mnemonic twice is still one target.
            List<Node> targets = entry.getValue().stream().map(Mnemonic::getNode).filter(Keys::shown).distinct().toList();
            if (targets.size() != 1) {
                continue;
            }
            Node target = targets.get(0);
            if (target instanceof javafx.scene.control.Label l && l.getLabelFor() != null) {
                target = l.getLabelFor();
            }
            if (target.isDisabled()) {
                return true; // a disabled field is not reached, as in Windows
            }
            if (target instanceof ButtonBase b && (b instanceof ToggleButton || b instanceof CheckBox)) {
                b.requestFocus();
                b.fire();
                return true;
            }
            if (target instanceof ButtonBase b) {
                // JavaFX matches a lower-case mnemonic ("Test _again") by the key's text, which Alt often
                // empties (GTK, Monocle): the button then never fired. Fire it here, by its key.
                b.fire();
                return true;
            }
            // A field named by its label (labelFor): the mnemonic's action event does nothing there.
            target.requestFocus();
            return true;
        }
        return false;
    }

    /** Alt+letter by the key pressed, whatever text the platform gave the key event. */
    private static boolean matches(KeyCombination mnemonic, KeyEvent e) {
        String name = mnemonic.getName(); // "Alt+N", or "Alt+y" for JavaFX's own mnemonic combination
        String letter = name.isEmpty() ? "" : name.substring(name.length() - 1);
        return mnemonic.match(e) || (e.isAltDown() && !e.isControlDown() && !e.isMetaDown()
                && !letter.isEmpty() && letter.equalsIgnoreCase(e.getCode().getChar()));
    }
}
