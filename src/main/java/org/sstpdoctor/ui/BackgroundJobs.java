package org.sstpdoctor.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one executor for everything the wizard must not do on the FX thread: the probe, reading the
 * knowledge base and settings, credential helpers, proxy detection, the CA file, the practice
 * responder, saving a report. Results come back to the FX thread through {@link #run}.
 * A few threads only: a probe and a slow proxy detection may overlap, nothing more is needed.
 */
public final class BackgroundJobs implements AutoCloseable {
    static final int THREADS = 4;
    private final ThreadPoolExecutor executor;

    public BackgroundJobs() {
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sstp-doctor-background-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive once the window is gone
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    public Executor executor() {
        return executor;
    }

    /** Runs {@code job} in the background; its result or failure is handed over on the FX thread. */
    public <T> CompletableFuture<T> run(Callable<T> job, Consumer<T> onFx, Consumer<Throwable> failedOnFx) {
        CompletableFuture<T> future = supply(job);
        future.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error == null) {
                onFx.accept(value);
            } else {
                UiLog.failed("a background job", unwrap(error));
                failedOnFx.accept(unwrap(error));
            }
        }));
        return future;
    }

    /** Runs {@code job} in the background; Errors (a class missing from a packaged runtime) complete it too. */
    public <T> CompletableFuture<T> supply(Callable<T> job) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(job.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            future.completeExceptionally(closed); // the window is closing: late work is dropped quietly
        }
        return future;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A message for a failure, for the status line; never a stack trace. */
    static String message(Throwable t) {
        Throwable root = unwrap(t);
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        executor.shutdown(); // queued saves finish; the threads are daemons and never hold the JVM
    }
}
