package org.sstpdoctor.ui;

import org.sstpdoctor.report.TextReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sstpdoctor.probe.Cancellation;
import org.sstpdoctor.probe.ProbeListener;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.probe.StageResult;

/**
 * Runs one probe at a time on a background thread and mirrors its progress into observable rows.
 * The engine calls back on its own thread; every change is handed to the FX thread here, so pages
 * only ever see FX-thread updates. Cancel goes straight to the engine's {@link Cancellation}, which
 * closes the sockets, so the report comes back within a fraction of a second.
 */
public final class ProbeRunner implements AutoCloseable {
    /** Made on the probe thread at first use: OkHttp's classes load there, not before the first paint. */
    private final java.util.function.Supplier<SstpProbe> probe;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sstp-doctor-probe");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<StageRow> rows = FXCollections.observableArrayList();
    private final Map<Stage, StageRow> byStage = new EnumMap<>(Stage.class);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final StringProperty note = new SimpleStringProperty("");
    private Cancellation cancellation;
    private long generation;

    public ProbeRunner(java.util.function.Supplier<SstpProbe> probe) {
        this.probe = probe;
        for (Stage s : Stage.values()) {
            StageRow row = new StageRow(s);
            rows.add(row);
            byStage.put(s, row);
        }
    }

    public ObservableList<StageRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public StringProperty noteProperty() {
        return note;
    }

    /**
     * Starts a probe; {@code explain} runs on the probe's thread once the report is in (the knowledge
     * base lookup), then {@code done} runs on the FX thread with both (cancelled probes included).
     */
    public <E> void start(ProbeRequest request, java.util.function.Function<ProbeReport, E> explain,
                          java.util.function.BiConsumer<ProbeReport, E> done) {
        if (running.get()) {
            throw new IllegalStateException("a probe is already running");
        }
        rows.forEach(r -> {
            r.state.set(StageRow.State.WAITING);
            r.time.set("");
            r.detail.set("");
        });
        note.set("");
        running.set(true);
        Cancellation c = new Cancellation();
        cancellation = c;
        long mine = ++generation;
        ProbeListener listener = new ProbeListener() {
            @Override
            public void stageStarted(Stage stage, double atMillis) {
                onFx(mine, () -> byStage.get(stage).state.set(StageRow.State.RUNNING));
            }

            @Override
            public void stageFinished(StageResult result) {
                onFx(mine, () -> show(result));
            }

            @Override
            public void note(String message) {
                onFx(mine, () -> note.set(message));
            }
        };
        executor.execute(() -> {
            ProbeReport report;
            try {
                report = probe.get().run(request, listener, c);
            } finally {
                if (request.proxy().password() != null) {
                    request.proxy().password().wipe();
                }
            }
            ProbeReport finished = report;
            E explanation = explain.apply(report);
            onFx(mine, () -> {
                finished.stages().forEach(this::show);
                running.set(false);
                done.accept(finished, explanation);
            });
        });
    }

    /** Asks the running probe to stop; it returns a cancelled report through the callback. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
            note.set(Texts.get("testing.cancelling"));
        }
    }

    private void show(StageResult result) {
        StageRow row = byStage.get(result.stage());
        row.state.set(switch (result.status()) {
            case PASSED -> StageRow.State.PASSED;
            case WARNED -> StageRow.State.WARNED;
            case FAILED -> StageRow.State.FAILED;
            case SKIPPED -> StageRow.State.SKIPPED;
            case NOT_REACHED -> StageRow.State.NOT_REACHED;
        });
        row.time.set(result.started() ? TextReport.millis(result.durationMillis()) : "");
        row.detail.set(result.detail() == null ? "" : result.detail());
    }

    private void onFx(long forGeneration, Runnable r) {
        Platform.runLater(() -> {
            if (forGeneration == generation) {
                r.run();
            }
        });
    }

    @Override
    public void close() {
        cancel();
        executor.shutdownNow();
    }
}
