package org.sstpdoctor.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
import org.sstpdoctor.report.TextReport;
import org.sstpdoctor.target.InputException;

/**
 * Runs one probe at a time on the background executor and mirrors its progress into observable rows.
 * The engine calls back on its own thread; every change is handed to the FX thread here, so pages
 * only ever see FX-thread updates. Cancel goes straight to the engine's {@link Cancellation}, which
 * closes the sockets, so the report comes back within a fraction of a second.
 *
 * <p>Stages run in order, so when a stage starts, every earlier stage that never started was not
 * needed (the proxy stage without a proxy, name resolution for an IP address): those rows say so at
 * once instead of "waiting". While a stage runs its row counts the seconds.
 */
public final class ProbeRunner implements AutoCloseable {
    /** Made on the probe thread at first use: OkHttp's classes load there, not before the first paint. */
    private final Supplier<SstpProbe> probe;
    private final BackgroundJobs background;
    private final ObservableList<StageRow> rows = FXCollections.observableArrayList();
    private final Map<Stage, StageRow> byStage = new EnumMap<>(Stage.class);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(200), e -> tick()));
    private Cancellation cancellation;
    private long generation;
    private long startedNanos;

    public ProbeRunner(Supplier<SstpProbe> probe, BackgroundJobs background) {
        this.probe = probe;
        this.background = background;
        for (Stage s : Stage.values()) {
            StageRow row = new StageRow(s);
            rows.add(row);
            byStage.put(s, row);
        }
        clock.setCycleCount(Timeline.INDEFINITE);
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

    /** "12 s" since the test started, while it runs. */
    public StringProperty elapsedProperty() {
        return elapsed;
    }

    /** What happens when a probe ends, on the FX thread. */
    public record Outcomes<E>(BiConsumer<ProbeReport, E> done, Consumer<InputException> badInput,
                              Consumer<Throwable> internalError) {
    }

    /**
     * Starts a probe. {@code request} and {@code explain} (the knowledge-base lookup) run on the
     * background thread; then exactly one of the outcomes runs on the FX thread: the report (cancelled
     * probes included), input that turned out unusable (a CA file that went away), or an internal
     * error (an {@link Error} from a broken installation, say), so the page never stays on "Testing".
     */
    public <E> void start(Callable<ProbeRequest> request, Function<ProbeReport, E> explain, Outcomes<E> outcomes) {
        if (running.get()) {
            throw new IllegalStateException("a probe is already running");
        }
        rows.forEach(r -> {
            r.state.set(StageRow.State.WAITING);
            r.time.set("");
            r.detail.set("");
            r.runningSince = 0;
        });
        note.set("");
        elapsed.set("");
        running.set(true);
        startedNanos = System.nanoTime();
        clock.playFromStart();
        Cancellation c = new Cancellation();
        cancellation = c;
        long mine = ++generation;
        ProbeListener listener = new ProbeListener() {
            @Override
            public void stageStarted(Stage stage, double atMillis) {
                onFx(mine, () -> started(stage));
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
        background.executor().execute(() -> {
            ProbeRequest req = null;
            try {
                req = request.call();
                ProbeReport report = probe.get().run(req, listener, c);
                E explanation = explain.apply(report);
                onFx(mine, () -> {
                    report.stages().forEach(this::show);
                    finished();
                    outcomes.done().accept(report, explanation);
                });
            } catch (InputException e) {
                onFx(mine, () -> {
                    finished();
                    outcomes.badInput().accept(e);
                });
            } catch (Throwable t) { // an Error too: the window must leave "Testing" whatever happened
                onFx(mine, () -> {
                    finished();
                    outcomes.internalError().accept(t);
                });
            } finally {
                if (req != null && req.proxy().password() != null) {
                    req.proxy().password().wipe();
                }
            }
        });
    }

    private void finished() {
        clock.stop();
        tick();
        running.set(false);
        rows.forEach(r -> r.runningSince = 0);
    }

    /** Asks the running probe to stop; it returns a cancelled report through the callback. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null && running.get()) {
            c.cancel();
            note.set(Texts.get("testing.cancelling"));
        }
    }

    private void started(Stage stage) {
        for (StageRow row : rows) {
            if (row.stage() == stage) {
                break;
            }
            if (row.state.get() == StageRow.State.WAITING) {
                row.state.set(StageRow.State.SKIPPED); // a later stage began: this one was not needed
            }
        }
        StageRow row = byStage.get(stage);
        row.state.set(StageRow.State.RUNNING);
        row.runningSince = System.nanoTime();
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
        row.runningSince = 0;
        row.time.set(result.started() ? TextReport.millis(result.durationMillis()) : "");
        row.detail.set(result.detail() == null ? "" : result.detail());
    }

    /** Counts the seconds on the running stage's row and for the whole test. */
    private void tick() {
        long now = System.nanoTime();
        if (running.get()) {
            elapsed.set(Texts.get("testing.elapsed", seconds(now - startedNanos)));
        }
        for (StageRow row : rows) {
            if (row.runningSince != 0 && row.state.get() == StageRow.State.RUNNING) {
                row.time.set(Texts.get("testing.stage.elapsed", seconds(now - row.runningSince)));
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
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
        clock.stop();
    }
}
