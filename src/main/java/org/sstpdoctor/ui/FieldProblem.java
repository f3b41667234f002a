package org.sstpdoctor.ui;

import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * A field's problem, shown beside it without flashing red at every half-typed {@code https://}:
 * a problem appears after a pause in typing or when the field loses the focus, and disappears at once
 * when it is fixed. The field gets the {@code :invalid} pseudo-class; its message label keeps the
 * space of the field's longest message, so the page does not jump.
 */
final class FieldProblem {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final javafx.util.Duration PAUSE = javafx.util.Duration.millis(700);

    private final Control field;
    private final Label message;
    private final ObservableValue<Optional<String>> problem;
    private final PauseTransition pause = new PauseTransition(PAUSE);

    private FieldProblem(Control field, Label message, ObservableValue<Optional<String>> problem, List<String> longest) {
        this.field = field;
        this.message = message;
        this.problem = problem;
        // The space of the field's longest message is always kept, laid out at the label's width now,
        // so a message appearing (or growing from one line to three) never pushes the page down.
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE); // the column's width, whatever the text, so the space is known
        message.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(reserved(message, longest), message.prefHeight(message.getWidth())),
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

    /**
     * @param longest the longest messages the field's check can give (with the longest quote of what was
     *                typed it puts in them): their height at the label's width is the space kept
     */
    static FieldProblem attach(Control field, Label message, ObservableValue<Optional<String>> problem, List<String> longest) {
        return new FieldProblem(field, message, problem, longest);
    }

    /** The messages a check gives for these inputs (the checks' own words, so the space follows them). */
    static List<String> problemsFor(java.util.function.Function<String, Optional<String>> check, String... inputs) {
        return java.util.Arrays.stream(inputs).map(check).flatMap(Optional::stream).toList();
    }

    /** The height of the tallest of the texts laid out as the label would, one line at least. */
    static double reserved(Label label, List<String> texts) {
        double width = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
        Text one = new Text("X");
        one.setFont(label.getFont());
        double lineHeight = one.getLayoutBounds().getHeight();
        int lines = 1;
        if (width > 0) {
            for (String t : texts) {
                Text text = new Text(t);
                text.setFont(label.getFont());
                text.setWrappingWidth(width);
                lines = Math.max(lines, (int) Math.round(text.getLayoutBounds().getHeight() / lineHeight));
            }
        }
        // A label lays each line out on whole pixels.
        return lines * Math.ceil(lineHeight) + label.snappedTopInset() + label.snappedBottomInset();
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
