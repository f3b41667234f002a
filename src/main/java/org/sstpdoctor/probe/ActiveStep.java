package org.sstpdoctor.probe;

/**
 * A stage the probe runs itself, in list order, once the steps before it are done. It reports its
 * own start (the probe starts it before {@link #run}) and returns how it ended.
 */
public interface ActiveStep extends Step {
    /** Whether the stage is part of this attempt; when not, it is reported skipped with {@link #skipReason}. */
    default boolean applies(AttemptContext context) {
        return true;
    }

    default String skipReason() {
        return "";
    }

    /**
     * A check of what the connection showed (the revocation of the certificate chain): it runs after
     * the other steps, whether they passed or failed, never decides the layer outcome, and reports
     * what it finds with {@link AttemptContext#addFinding}. Windows makes such a check during the
     * handshake; the probe cannot pause OkHttp there, so it makes it afterwards, on what it captured.
     */
    default boolean checksWhatWasSeen() {
        return false;
    }

    /** For a {@link #checksWhatWasSeen} step: whether what it checks was seen (else "not reached"). */
    default boolean ready(AttemptContext context) {
        return true;
    }

    /**
     * Runs the stage. Blocking is allowed up to {@link AttemptContext#deadlineNanos()}; it must
     * return promptly once {@link AttemptContext#cancellation()} is cancelled.
     */
    StepEnd run(AttemptContext context);
}
