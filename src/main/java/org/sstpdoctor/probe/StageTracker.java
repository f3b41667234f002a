package org.sstpdoctor.probe;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@link ProbeListener} contract for one attempt and records when each stage started and
 * ended, so the live events and the report's timeline come from the same facts.
 *
 * <p>A stage starts at most once and ends at most once; a second start or end (OkHttp reconnecting
 * to a proxy, say) is ignored. Thread-safe: transports report from their own threads.
 */
public final class StageTracker {
    private static final System.Logger LOG = System.getLogger(StageTracker.class.getName());
    private final long originNanos;
    private final ProbeListener listener;
    private final Map<Stage, Double> starts = new EnumMap<>(Stage.class);
    private final Map<Stage, StageResult> ends = new EnumMap<>(Stage.class);

    public StageTracker(long originNanos, ProbeListener listener) {
        this.originNanos = originNanos;
        this.listener = listener;
    }

    /** The attempt's origin ({@link System#nanoTime}), for steps that time their own parts. */
    public long originNanos() {
        return originNanos;
    }

    /** Milliseconds since the attempt's origin. */
    public double now() {
        return (System.nanoTime() - originNanos) / 1_000_000.0;
    }

    public void started(Stage stage) {
        double at;
        synchronized (this) {
            if (starts.containsKey(stage) || ends.containsKey(stage)) {
                return;
            }
            at = now();
            starts.put(stage, at);
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} started at {1} ms", stage.id(), millis(at));
        listener.stageStarted(stage, at);
    }

    /** Ends a started stage now. */
    public void ended(Stage stage, StageStatus status, String detail) {
        ended(stage, status, detail, now());
    }

    /** Ends a started stage at a time recorded earlier (the moment a response head arrived). */
    public void ended(Stage stage, StageStatus status, String detail, double atMillis) {
        StageResult result;
        synchronized (this) {
            Double start = starts.get(stage);
            if (start == null || ends.containsKey(stage)) {
                return;
            }
            result = new StageResult(stage, status, start, Math.max(0, atMillis - start), detail);
            ends.put(stage, result);
        }
        log(result);
        listener.stageFinished(result);
    }

    /** A stage that will not run: skipped (not part of this probe) or not reached. */
    public void never(Stage stage, StageStatus status, String why) {
        StageResult result;
        synchronized (this) {
            if (starts.containsKey(stage) || ends.containsKey(stage)) {
                return;
            }
            result = status == StageStatus.SKIPPED ? StageResult.skipped(stage, why) : StageResult.notReached(stage);
            ends.put(stage, result);
        }
        log(result);
        listener.stageFinished(result);
    }

    /**
     * Reports every stage that has not ended yet with its final result, so each stage gets exactly
     * one end. A stage that already ended live is left as reported.
     */
    public void finish(List<StageResult> timeline) {
        for (StageResult r : timeline) {
            boolean emit;
            synchronized (this) {
                emit = !ends.containsKey(r.stage());
                if (emit) {
                    ends.put(r.stage(), r);
                }
            }
            if (emit) {
                log(r);
                listener.stageFinished(r);
            }
        }
    }

    public synchronized boolean hasStarted(Stage stage) {
        return starts.containsKey(stage);
    }

    public synchronized boolean hasEnded(Stage stage) {
        return ends.containsKey(stage);
    }

    /** When the stage started, or -1. */
    public synchronized double startOf(Stage stage) {
        return starts.getOrDefault(stage, -1.0);
    }

    /** How the stage ended, or null while it has not. */
    public synchronized StageResult endOf(Stage stage) {
        return ends.get(stage);
    }

    private static void log(StageResult r) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "{0} {1}{2}{3}", r.stage().id(), r.status().id(),
                    r.started() ? " after " + millis(r.durationMillis()) + " ms" : "",
                    r.detail().isEmpty() ? "" : ": " + r.detail());
        }
    }

    private static String millis(double ms) {
        return String.format(java.util.Locale.ROOT, "%.1f", ms);
    }

    public void note(String message) {
        LOG.log(System.Logger.Level.DEBUG, "note: {0}", message);
        listener.note(message);
    }
}
