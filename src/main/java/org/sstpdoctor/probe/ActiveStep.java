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

    /** Why the stage is skipped in this attempt, when that depends on what earlier steps found. */
    default String skipReason(AttemptContext context) {
        return skipReason();
    }

    /**
     * Runs the stage. Blocking is allowed up to {@link AttemptContext#deadlineNanos()}; it must
     * return promptly once {@link AttemptContext#cancellation()} is cancelled.
     */
    StepEnd run(AttemptContext context);
}
