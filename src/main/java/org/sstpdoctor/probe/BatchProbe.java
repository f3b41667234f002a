package org.sstpdoctor.probe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes many servers with a bounded pool and hands each report on in input order. Memory and
 * threads stay flat however long the list: at most {@code concurrency} probes run, at most
 * {@code 4 × concurrency} finished reports wait for an earlier, slower one, and the input is read
 * only as fast as the probes go.
 */
public final class BatchProbe {
    public static final int MAX_CONCURRENCY = 64;

    /** One line of input: a request ready to run, or the report saying why the line is not usable. */
    public record Item(int index, String typed, ProbeRequest request, ProbeReport rejected) {
        public static Item of(int index, String typed, ProbeRequest request) {
            return new Item(index, typed, request, null);
        }

        public static Item rejected(int index, String typed, ProbeReport report) {
            return new Item(index, typed, null, report);
        }
    }

    /** Receives reports in input order, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Sink {
        void accept(Item item, ProbeReport report);
    }

    /** Counts for the summary line and the exit code. */
    public record Summary(int total, int passed, int warned, int failed, int badInput, Verdict worst) {
    }

    private BatchProbe() {
    }

    public static Summary run(Iterator<Item> items, int concurrency, SstpProbe oneProbe, Cancellation cancellation, Sink sink) {
        // One fetch per CRL/OCSP address for the whole list (answers kept until their nextUpdate).
        SstpProbe probe = oneProbe.sharingRevocationChecks();
        int workers = Math.max(1, Math.min(concurrency, MAX_CONCURRENCY));
        int window = workers * 4;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "sstp-doctor-batch-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        try {
            pool.prestartAllCoreThreads(); // the workers exist before the first probe, or the shortage shows at once
        } catch (Throwable t) {
            // Fewer workers than asked (the system is out of threads): the queue still takes every probe.
        }
        Deque<Pending> pending = new ArrayDeque<>();
        int total = 0;
        int passed = 0;
        int warned = 0;
        int failed = 0;
        int bad = 0;
        Verdict worst = Verdict.PASS;
        try {
            while (true) {
                while (pending.size() < window && items.hasNext() && !cancellation.isCancelled()) {
                    Item item = items.next();
                    pending.add(new Pending(item, submit(item, probe, cancellation, pool)));
                }
                if (pending.isEmpty()) {
                    break;
                }
                Pending head = pending.poll();
                ProbeReport report = await(head, probe, cancellation);
                total++;
                if (report.outcome() == Outcome.BAD_INPUT) {
                    bad++;
                } else {
                    switch (report.verdict()) {
                        case PASS -> passed++;
                        case WARN -> warned++;
                        default -> failed++;
                    }
                }
                worst = worst.worst(report.verdict());
                sink.accept(head.item(), report);
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Summary(total, passed, warned, failed, bad, worst);
    }

    private record Pending(Item item, CompletableFuture<ProbeReport> future) {
    }

    private static CompletableFuture<ProbeReport> submit(Item item, SstpProbe probe, Cancellation cancellation,
                                                         ExecutorService pool) {
        if (item.request() == null) {
            return CompletableFuture.completedFuture(item.rejected());
        }
        try {
            return CompletableFuture.supplyAsync(() -> probe.run(item.request(), ProbeListener.NONE, cancellation), pool);
        } catch (Throwable t) {
            // The pool could not take it (out of threads): this row says so, the others go on.
            return CompletableFuture.failedFuture(t);
        }
    }

    /** The report of the oldest pending probe; one that failed inside this program becomes an internal-error row. */
    private static ProbeReport await(Pending pending, SstpProbe probe, Cancellation cancellation) {
        CompletableFuture<ProbeReport> future = pending.future();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // Interrupted: cancel everything and collect the (now quick) cancelled reports.
                    interrupted = true;
                    cancellation.cancel();
                } catch (ExecutionException e) {
                    return probe.internalError(pending.item().request(), e.getCause() == null ? e : e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
