package org.sstpdoctor.probe;

/**
 * Receives progress while a probe runs, on the probe's own thread (or the transport's). Implementations
 * that update a UI must hand the event over to their UI thread themselves.
 *
 * <h2>The contract, per attempt</h2>
 * <ul>
 *   <li>Every {@link Stage} gets exactly one {@link #stageFinished}, live: as soon as the probe
 *       knows how it ends, not at the end of the probe.</li>
 *   <li>A stage that runs gets one {@link #stageStarted} before its end, and ends
 *       {@link StageStatus#PASSED}, {@link StageStatus#WARNED} or {@link StageStatus#FAILED}.</li>
 *   <li>A stage that does not run ends {@link StageStatus#SKIPPED} (not part of this probe: the
 *       proxy tunnel without a proxy, reported as the attempt begins) or
 *       {@link StageStatus#NOT_REACHED} (an earlier stage failed, or the probe was cancelled),
 *       without a start.</li>
 *   <li>Starts come in pipeline order; a cancelled probe ends the stage in progress FAILED.</li>
 *   <li>The report is the final word: a stage that already ended live is not reported again even
 *       when the report later blames it (a TLS 1.3 server's alert that arrives only after the
 *       client finished the handshake fails the TLS stage in the report, the SSTP request live).
 *       Details may be refined in the report.</li>
 *   <li>When the proxy asks for a sign-in and credentials were given, a second attempt follows
 *       after a {@link #note}, with its own full sequence.</li>
 * </ul>
 * {@code StageTracker} keeps this contract; {@code ProgressContractTest} asserts whole sequences.
 */
public interface ProbeListener {
    ProbeListener NONE = new ProbeListener() { };

    /** A stage began, {@code atMillis} after the attempt started. */
    default void stageStarted(Stage stage, double atMillis) { }

    /** A stage ended, or will not run (skipped, not reached). */
    default void stageFinished(StageResult result) { }

    /** Something worth telling the person watching, e.g. "Trying again with the proxy credentials". */
    default void note(String message) { }
}
