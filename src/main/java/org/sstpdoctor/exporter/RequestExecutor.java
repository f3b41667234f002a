package org.sstpdoctor.exporter;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the HTTP server's exchanges on a fixed number of threads, with at most {@code maxPending}
 * waiting or running. Past that, an exchange runs at once on the server's own thread, marked
 * overloaded, and its handler answers 503 without doing any work: a flood of requests costs a
 * quick refusal each, not a thread or unbounded memory.
 */
final class RequestExecutor implements Executor {
    private static final ThreadLocal<Boolean> OVERLOADED = ThreadLocal.withInitial(() -> false);
    private final ThreadPoolExecutor pool;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    RequestExecutor(int threads, int maxPending) {
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Exporter.daemon("sstp-exporter-http"));
        this.pool.allowCoreThreadTimeOut(true);
        this.maxPending = maxPending;
    }

    static boolean overloaded() {
        return OVERLOADED.get();
    }

    @Override
    public void execute(Runnable exchange) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            OVERLOADED.set(true);
            try {
                exchange.run();
            } finally {
                OVERLOADED.set(false);
            }
            return;
        }
        pool.execute(() -> {
            try {
                exchange.run();
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    void shutdownNow() {
        pool.shutdownNow();
    }
}
