package org.sstpdoctor.probe;

import java.util.Objects;

/**
 * How an {@link ActiveStep} ended.
 *
 * @param status PASSED, WARNED or FAILED
 * @param detail the stage's detail line
 * @param atMillis when the stage ended, or -1 for when the step returned
 * @param result the layer outcome this step decided, or null to leave the one before it; required
 *               when FAILED, which stops the steps after it
 */
public record StepEnd(StageStatus status, String detail, Classified result, double atMillis) {
    /** Ends now. */
    public StepEnd(StageStatus status, String detail, Classified result) {
        this(status, detail, result, -1);
    }

    /** The same end, dated when it was decided (the answer arrived), not when the step returned. */
    public StepEnd at(double millis) {
        return new StepEnd(status, detail, result, millis);
    }

    public StepEnd {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        if (status == StageStatus.FAILED && result == null) {
            throw new IllegalArgumentException("a failed step must say what it found");
        }
    }

    public static StepEnd passed(String detail) {
        return new StepEnd(StageStatus.PASSED, detail, null);
    }

    public static StepEnd passed(Classified result) {
        return new StepEnd(StageStatus.PASSED, result.detail(), result);
    }

    public static StepEnd warned(String detail) {
        return new StepEnd(StageStatus.WARNED, detail, null);
    }

    public static StepEnd failed(Classified result) {
        return new StepEnd(StageStatus.FAILED, result.detail(), result);
    }
}
