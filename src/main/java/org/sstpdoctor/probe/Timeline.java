package org.sstpdoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The report's stage timeline, built from what the {@link StageTracker} recorded: one entry per
 * step, in pipeline order.
 */
final class Timeline {
    private Timeline() {
    }

    /**
     * @param failing the stage the attempt failed at, or null when it did not fail
     * @param failDetail its detail ("cancelled" for a cancelled probe)
     * @param applies whether a step is part of this attempt (else it is reported skipped)
     */
    static List<StageResult> build(List<Step> steps, StageTracker tracker, Stage failing, String failDetail,
                                   double endMillis, Predicate<Step> applies, java.util.function.Function<Step, String> skipReason) {
        List<StageResult> out = new ArrayList<>();
        for (Step step : steps) {
            Stage stage = step.stage();
            StageResult ended = tracker.endOf(stage);
            double start = tracker.startOf(stage);
            if (stage == failing && start >= 0) {
                double until = ended != null ? start + ended.durationMillis() : endMillis;
                out.add(new StageResult(stage, StageStatus.FAILED, start, until - start, failDetail));
            } else if (ended != null) {
                out.add(ended);
            } else if (start >= 0) {
                // Started, never finished, and not the failing stage: only when the attempt was cut short.
                out.add(new StageResult(stage, StageStatus.FAILED, start, endMillis - start, failDetail));
            } else if (!applies.test(step)) {
                out.add(StageResult.skipped(stage, skipReason.apply(step)));
            } else {
                out.add(StageResult.notReached(stage));
            }
        }
        return out;
    }

    /** The stage in progress: the first that has not ended. */
    static Stage inProgress(List<Step> steps, StageTracker tracker) {
        for (Step step : steps) {
            if (!tracker.hasEnded(step.stage())) {
                return step.stage();
            }
        }
        return null;
    }
}
