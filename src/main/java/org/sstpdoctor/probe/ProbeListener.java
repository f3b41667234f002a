package org.sstpdoctor.probe;

/**
 * Receives progress while a probe runs, on the probe's own thread. Implementations that update a
 * UI must hand the event over to their UI thread themselves.
 */
public interface ProbeListener {
    ProbeListener NONE = new ProbeListener() { };

    /** A stage began, {@code atMillis} after the probe started. */
    default void stageStarted(Stage stage, double atMillis) { }

    /** A stage ended (passed, failed, warned); the final report may refine the detail. */
    default void stageFinished(StageResult result) { }

    /** Something worth telling the person watching, e.g. "Trying again with the proxy credentials". */
    default void note(String message) { }
}
