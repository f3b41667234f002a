package org.sstpdoctor.cli;

import java.io.PrintWriter;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;

/** Live progress on the terminal, one line per finished stage. */
final class StageProgress implements ProbeListener {
    private final PrintWriter err;

    StageProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stageStarted(Stage stage, double atMillis) {
        err.println("  ... " + stage.activity());
        err.flush();
    }

    @Override
    public void stageFinished(StageResult result) {
        err.println("  " + result.status().id() + ": " + result.stage().title()
                + (result.detail().isEmpty() ? "" : " - " + result.detail()));
        err.flush();
    }

    @Override
    public void note(String message) {
        err.println("  note: " + message);
        err.flush();
    }
}
