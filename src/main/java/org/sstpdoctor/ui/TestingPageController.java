package org.sstpdoctor.ui;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Page 4: the live checklist. Each stage turns green or red with its time as the engine reports it. */
public final class TestingPageController implements WizardPage {
    @FXML Label testingTarget;
    @FXML VBox checklist;
    @FXML ProgressBar progress;
    @FXML Label elapsedLabel;
    @FXML Label noteLabel;
    private PageContext context;

    @Override
    public void initialise(PageContext pageContext) {
        this.context = pageContext;
        ProbeRunner runner = pageContext.runner();
        for (StageRow row : runner.rows()) {
            checklist.getChildren().add(rowView(row));
        }
        noteLabel.textProperty().bind(runner.noteProperty());
        elapsedLabel.textProperty().bind(runner.elapsedProperty());
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            long done = runner.rows().stream().filter(r -> r.state.get() != StageRow.State.WAITING
                    && r.state.get() != StageRow.State.RUNNING).count();
            return runner.runningProperty().get() && done == 0 ? -1.0 : done / (double) runner.rows().size();
        }, runner.rows().stream().map(r -> r.state).toArray(javafx.beans.Observable[]::new)));
    }

    @Override
    public void shown() {
        WizardModel m = context.model();
        testingTarget.setText(Texts.get("testing.target", Texts.get("testing.named", m.destinationName.get().strip(),
                m.address.get().strip())));
    }

    @Override
    public void focus() {
        checklist.requestFocus(); // the frame's Cancel is one Tab away; Esc cancels from anywhere
    }

    @Override
    public String windowTitle() {
        return Texts.get("window.title.testing", context.model().address.get().strip());
    }

    private static VBox rowView(StageRow row) {
        StateIcon icon = new StateIcon();
        Label title = new Label(row.title());
        title.getStyleClass().add("stage-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label time = new Label();
        time.getStyleClass().add("stage-time");
        time.textProperty().bind(row.time);
        Label state = new Label();
        state.getStyleClass().add("stage-state");
        HBox line = new HBox(8, icon, title, state, time);
        line.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label();
        detail.getStyleClass().add("stage-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a long reason wraps, never "…"
        detail.textProperty().bind(row.detail);
        detail.visibleProperty().bind(row.detail.isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        VBox box = new VBox(1, line, detail);
        box.getStyleClass().add("stage-row");
        box.setFocusTraversable(false);
        Runnable paint = () -> {
            StageRow.State s = row.state.get();
            String key = s.name().toLowerCase(java.util.Locale.ROOT);
            box.getStyleClass().removeIf(c -> c.startsWith("state-"));
            box.getStyleClass().add("state-" + key);
            icon.show(switch (s) {
                case WAITING -> StateIcon.Kind.WAITING;
                case RUNNING -> StateIcon.Kind.RUNNING;
                case PASSED -> StateIcon.Kind.PASS;
                case WARNED -> StateIcon.Kind.WARN;
                case FAILED -> StateIcon.Kind.FAIL;
                case SKIPPED, NOT_REACHED -> StateIcon.Kind.SKIPPED;
            });
            // The state in words too, so it reads without colour; "waiting" and "running" go without saying.
            String words = Texts.get("stage.state." + key);
            state.setText(s == StageRow.State.WAITING || s == StageRow.State.RUNNING || s == StageRow.State.PASSED ? "" : words);
            box.setAccessibleText(row.title() + ": " + words + (row.time.get().isEmpty() ? "" : ", " + row.time.get()));
        };
        row.state.addListener((o, a, b) -> paint.run());
        row.time.addListener((o, a, b) -> paint.run());
        paint.run();
        return box;
    }
}
