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
public final class TestingPageController {
    @FXML Label testingTarget;
    @FXML VBox checklist;
    @FXML ProgressBar progress;
    @FXML Label noteLabel;

    void init(ProbeRunner runner) {
        for (StageRow row : runner.rows()) {
            checklist.getChildren().add(rowView(row));
        }
        noteLabel.textProperty().bind(runner.noteProperty());
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            long done = runner.rows().stream().filter(r -> r.state.get() != StageRow.State.WAITING
                    && r.state.get() != StageRow.State.RUNNING).count();
            return runner.runningProperty().get() && done == 0 ? -1.0 : done / (double) runner.rows().size();
        }, runner.rows().stream().map(r -> r.state).toArray(javafx.beans.Observable[]::new)));
    }

    void showTarget(String target) {
        testingTarget.setText(Texts.get("testing.target", target));
    }

    private static VBox rowView(StageRow row) {
        Label icon = new Label();
        icon.getStyleClass().add("stage-icon");
        icon.setMinWidth(22);
        Label title = new Label(row.title());
        title.getStyleClass().add("stage-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label time = new Label();
        time.getStyleClass().add("stage-time");
        time.textProperty().bind(row.time);
        HBox line = new HBox(8, icon, title, time);
        line.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label();
        detail.getStyleClass().add("stage-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(row.detail);
        detail.visibleProperty().bind(row.detail.isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        VBox box = new VBox(1, line, detail);
        box.getStyleClass().add("stage-row");
        box.setFocusTraversable(false);
        Runnable paint = () -> {
            StageRow.State s = row.state.get();
            box.getStyleClass().removeIf(c -> c.startsWith("state-"));
            box.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
            icon.setText(switch (s) {
                case WAITING -> "\u25CB";       // ○
                case RUNNING -> "\u25D4";       // ◔
                case PASSED -> "\u2714";        // ✔
                case WARNED -> "\u26A0";        // ⚠
                case FAILED -> "\u2716";        // ✖
                case SKIPPED, NOT_REACHED -> "\u2013"; // –
            });
            String state = Texts.get("stage.state." + s.name().toLowerCase(java.util.Locale.ROOT));
            box.setAccessibleText(row.title() + ": " + state + (row.time.get().isEmpty() ? "" : ", " + row.time.get()));
        };
        row.state.addListener((o, a, b) -> paint.run());
        row.time.addListener((o, a, b) -> paint.run());
        paint.run();
        return box;
    }
}
