package org.sstpdoctor.ui;

import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/**
 * A field's problem, shown beside it without flashing red at every half-typed {@code https://}:
 * a problem appears after a pause in typing or when the field loses the focus, and disappears at once
 * when it is fixed. The field gets the {@code :invalid} pseudo-class; its message label keeps a
 * line's space, so the page does not jump.
 */
final class FieldProblem {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final javafx.util.Duration PAUSE = javafx.util.Duration.millis(700);

    private final Control field;
    private final Label message;
    private final ObservableValue<Optional<String>> problem;
    private final PauseTransition pause = new PauseTransition(PAUSE);

    private FieldProblem(Control field, Label message, ObservableValue<Optional<String>> problem) {
        this.field = field;
        this.message = message;
        this.problem = problem;
        // One line is always reserved, so a message appearing does not push the page down; a longer one
        // takes all its lines (bound, as the style sheet's fixed minimum cut it to one line and "…").
        message.setWrapText(true);
        message.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(message.getFont().getSize() * 1.5, message.prefHeight(message.getWidth())),
                message.textProperty(), message.widthProperty(), message.fontProperty()));
        pause.setOnFinished(e -> reveal());
        problem.addListener((o, was, now) -> changed());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                reveal();
            }
        });
        changed();
    }

    static FieldProblem attach(Control field, Label message, ObservableValue<Optional<String>> problem) {
        return new FieldProblem(field, message, problem);
    }

    private void changed() {
        Optional<String> p = problem.getValue();
        if (p == null || p.isEmpty()) {
            pause.stop();
            show("");
        } else if (field.isFocused()) {
            if (!p.get().equals(message.getText())) {
                show(""); // an older problem no longer applies; the new one waits for the pause
            }
            pause.playFromStart(); // the person is still typing
        } else {
            reveal(); // filled in by the program (a recent address, practice mode): say it now
        }
    }

    /** Shows the current problem now (leaving the field, the pause over, or Next pressed). */
    void reveal() {
        pause.stop();
        Optional<String> p = problem.getValue();
        show(p == null ? "" : p.orElse(""));
    }

    private void show(String text) {
        message.setText(text);
        field.pseudoClassStateChanged(INVALID, !text.isEmpty());
        field.setAccessibleHelp(text.isEmpty() ? null : text);
    }

    /** What the label says now (tests). */
    String shown() {
        return message.getText();
    }
}
