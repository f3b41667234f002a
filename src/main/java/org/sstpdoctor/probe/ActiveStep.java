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
     * A finishing step runs after the others whatever they found (a failed one included) and only
     * reports: its {@link StepEnd#result()} does not replace the outcome (the probe weighs its
     * findings in itself).
     */
    default boolean finishing() {
        return false;
    }

    /**
     * Whether this finishing step runs in its place in the list instead of at the end, because a step
     * after it needs its verdict (the sign-in needs revocation's before any credential is sent). It
     * still only reports and stops nothing; if the attempt ends before its place, it runs at the end.
     */
    default boolean inOrder(AttemptContext context) {
        return false;
    }

    /**
     * For a finishing step with nothing to send: it still runs (to gather what the attempt saw), but
     * without progress events, and its stage is reported as never started (skipped or not reached).
     */
    default boolean quiet(AttemptContext context) {
        return false;
    }

    /**
     * Runs the stage. Blocking is allowed up to {@link AttemptContext#deadlineNanos()}; it must
     * return promptly once {@link AttemptContext#cancellation()} is cancelled.
     */
    StepEnd run(AttemptContext context);
}
