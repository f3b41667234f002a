package org.sstpdoctor.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sstpdoctor.probe.Stage;

/** One line of the live checklist on the testing page. Updated on the FX thread only. */
public final class StageRow {
    public enum State { WAITING, RUNNING, PASSED, WARNED, FAILED, SKIPPED, NOT_REACHED }

    private final Stage stage;
    public final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    public final StringProperty time = new SimpleStringProperty("");
    public final StringProperty detail = new SimpleStringProperty("");
    /** System.nanoTime() when the stage started, 0 when it is not running (FX thread only). */
    long runningSince;

    public StageRow(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    public String title() {
        return Texts.get("stage." + stage.id());
    }
}
