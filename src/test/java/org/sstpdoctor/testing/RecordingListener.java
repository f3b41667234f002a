package org.sstpdoctor.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;
import org.sstpdoctor.probe.StageStatus;

/**
 * Records a probe's progress events as short strings ("start tls_handshake", "end tls_handshake
 * passed"), and checks the listener contract as they arrive: a stage starts at most once, ends
 * exactly once, never ends before it starts, and ends as skipped or not reached only if it never
 * started.
 */
public final class RecordingListener implements ProbeListener {
    private final List<String> events = new ArrayList<>();
    private final Map<Stage, Boolean> started = new EnumMap<>(Stage.class);
    private final Map<Stage, StageResult> ended = new EnumMap<>(Stage.class);
    private final List<String> violations = new ArrayList<>();

    @Override
    public synchronized void stageStarted(Stage stage, double atMillis) {
        events.add("start " + stage.id());
        if (started.containsKey(stage)) {
            violations.add(stage.id() + " started twice");
        }
        if (ended.containsKey(stage)) {
            violations.add(stage.id() + " started after it ended");
        }
        started.put(stage, true);
    }

    @Override
    public synchronized void stageFinished(StageResult result) {
        Stage stage = result.stage();
        events.add("end " + stage.id() + " " + result.status().id());
        if (ended.containsKey(stage)) {
            violations.add(stage.id() + " ended twice");
        }
        boolean neverRan = result.status() == StageStatus.SKIPPED || result.status() == StageStatus.NOT_REACHED;
        if (started.containsKey(stage) == neverRan) {
            violations.add(stage.id() + (neverRan ? " started, then ended " + result.status().id()
                    : " ended " + result.status().id() + " without starting"));
        }
        ended.put(stage, result);
    }

    @Override
    public synchronized void note(String message) {
        events.add("note");
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Contract breaches seen so far, plus any stage that never got its end. */
    public synchronized List<String> violations() {
        List<String> all = new ArrayList<>(violations);
        for (Stage stage : Stage.values()) {
            if (!ended.containsKey(stage)) {
                all.add(stage.id() + " never ended");
            }
        }
        return all;
    }

    public synchronized StageResult endOf(Stage stage) {
        return ended.get(stage);
    }

    public synchronized void clear() {
        events.clear();
        started.clear();
        ended.clear();
        violations.clear();
    }
}
