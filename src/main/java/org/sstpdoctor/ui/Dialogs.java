package org.sstpdoctor.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.sstpdoctor.probe.Version;

/** The wizard's small dialogs. */
final class Dialogs {
    private Dialogs() {
    }

    /** Leaving with typed input asks first, as Windows' wizard does; with nothing typed it just closes. */
    static boolean confirmLeaving(Window owner, WizardModel model) {
        if (model.address.get().isBlank() && model.report.get() == null) {
            return true;
        }
        ButtonType leave = new ButtonType(Texts.get("leave.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(Texts.get("leave.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("leave.text"), leave, stay);
        ask.setTitle(Texts.get("leave.title"));
        ask.setHeaderText(Texts.get("leave.header"));
        if (owner != null) {
            ask.initOwner(owner);
        }
        fit(ask);
        Optional<ButtonType> answer = ask.showAndWait();
        return answer.isPresent() && answer.get() == leave;
    }

    /** The practice chooser: scenarios listed by what they do, not by their ids. */
    static Optional<PracticeChoice> choosePractice(Window owner) {
        java.util.List<PracticeChoice> choices = new java.util.ArrayList<>(java.util.Arrays.stream(
                org.sstpdoctor.responder.Scenario.values()).map(s -> new PracticeChoice(s, null)).toList());
        // The sign-in scenarios: a working SSTP server whose PPP side signs in, or refuses, the practice account.
        for (org.sstpdoctor.responder.SignInBehaviour b : org.sstpdoctor.responder.SignInBehaviour.values()) {
            choices.add(new PracticeChoice(org.sstpdoctor.responder.Scenario.WORKING, b));
        }
        javafx.scene.control.ChoiceDialog<PracticeChoice> dialog = new javafx.scene.control.ChoiceDialog<>(choices.get(0), choices);
        dialog.setTitle(Texts.get("practice.title"));
        dialog.setHeaderText(Texts.get("practice.header"));
        dialog.setContentText(Texts.get("practice.choose"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        fit(dialog);
        return dialog.showAndWait();
    }

    /** A practice scenario; with {@code signIn}, one of the sign-in test's. */
    record PracticeChoice(org.sstpdoctor.responder.Scenario scenario, org.sstpdoctor.responder.SignInBehaviour signIn) {
        @Override
        public String toString() {
            return signIn == null ? scenario.description() : Texts.get("practice.signin", signIn.description());
        }
    }

    static void about(Window owner) {
        Alert about = new Alert(Alert.AlertType.INFORMATION, Texts.get("about.text"), ButtonType.OK);
        about.setTitle(Texts.get("about.title"));
        about.setHeaderText(Texts.get("about.header", Version.current()));
        if (owner != null) {
            about.initOwner(owner);
        }
        fit(about);
        about.show();
    }

    /**
     * A dialog as tall as its text: JavaFX sizes a dialog's window before its text is laid out at the
     * window's width, so at 150% (or with a long translation) the last line of the text was cut off.
     */
    static void fit(javafx.scene.control.Dialog<?> dialog) {
        dialog.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.setResizable(true);
    }
}
