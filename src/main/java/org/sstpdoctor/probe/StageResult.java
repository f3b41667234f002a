package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

import java.util.Objects;

/**
 * One stage's result. Times are milliseconds (with fractions) from the start of the probe, so a
 * waterfall chart can be drawn from them; -1 when the stage never started.
 */
public record StageResult(Stage stage, StageStatus status, double startMillis, double durationMillis, String detail) {
    public StageResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        detail = PeerText.line(detail); // details quote peer text and exception messages
    }

    public static StageResult notReached(Stage stage) {
        return new StageResult(stage, StageStatus.NOT_REACHED, -1, -1, "");
    }

    public static StageResult skipped(Stage stage, String why) {
        return new StageResult(stage, StageStatus.SKIPPED, -1, -1, why);
    }

    public boolean started() {
        return startMillis >= 0;
    }
}
