package org.sstpdoctor.ui;

import org.sstpdoctor.report.TextReport;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Rectangle;
import org.sstpdoctor.probe.StageResult;

/**
 * The stages on one time axis, like a browser's network panel: each bar starts when its stage
 * started and is as long as it took, so a slow stage and a gap between stages both stand out.
 */
public final class WaterfallChart extends GridPane {
    public WaterfallChart(List<StageResult> stages, double totalMillis) {
        getStyleClass().add("waterfall");
        setHgap(8);
        setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(170);
        ColumnConstraints track = new ColumnConstraints();
        track.setHgrow(Priority.ALWAYS);
        track.setMinWidth(120);
        ColumnConstraints time = new ColumnConstraints();
        time.setMinWidth(70);
        getColumnConstraints().addAll(name, track, time);
        double total = Math.max(totalMillis, stages.stream().filter(StageResult::started)
                .mapToDouble(s -> s.startMillis() + s.durationMillis()).max().orElse(1));
        int row = 0;
        for (StageResult s : stages) {
            if (!s.started()) {
                continue;
            }
            Label label = new Label(Texts.get("stage." + s.stage().id()));
            Pane lane = new Pane();
            lane.getStyleClass().add("waterfall-lane");
            lane.setPrefHeight(16);
            lane.setMinHeight(16);
            Rectangle bar = new Rectangle(0, 3, 2, 10);
            bar.getStyleClass().addAll("waterfall-bar", "bar-" + s.status().id());
            double from = s.startMillis() / total;
            double width = s.durationMillis() / total;
            bar.xProperty().bind(lane.widthProperty().multiply(from));
            bar.widthProperty().bind(javafx.beans.binding.Bindings.max(2.0, lane.widthProperty().multiply(width)));
            lane.getChildren().add(bar);
            String text = Texts.get("result.timing.bar", label.getText(), TextReport.millis(s.durationMillis()),
                    TextReport.millis(s.startMillis()));
            Tooltip.install(lane, new Tooltip(text));
            lane.setAccessibleText(text);
            Label ms = new Label(TextReport.millis(s.durationMillis()));
            ms.getStyleClass().add("stage-time");
            addRow(row++, label, lane, ms);
        }
        Label axis = new Label(Texts.get("result.timing.total", TextReport.millis(total)));
        axis.getStyleClass().add("hint");
        add(axis, 1, row);
    }
}
