package org.sstpdoctor.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a name lookup so that the probe can stop waiting for it: Java's resolver can neither be
 * interrupted nor given a timeout. The lookup gets its own daemon thread, which ends when the
 * lookup does; the probe returns at its deadline or on cancel, whichever comes first.
 */
public final class NameLookup {
    public enum Kind { FOUND, NOT_FOUND, FAILURE, TIMEOUT, CANCELLED }

    public record Result(Kind kind, List<InetAddress> addresses, String detail) {
    }

    private NameLookup() {
    }

    /**
     * Lookups that may wait for the operating system at once, across all probes. A resolver that
     * never answers keeps each lookup's thread until the OS gives up; without a cap a long batch
     * would pile up hundreds of them.
     */
    static final int MAX_OUTSTANDING = 32;
    private static final Semaphore OUTSTANDING = new Semaphore(MAX_OUTSTANDING);
    private static final long SLOT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @SuppressWarnings("try") // the registration is held only to be closed: unregistered when the lookup ends
    public static Result lookup(HostResolver resolver, String host, long timeoutNanos, Cancellation cancellation) {
        long total = Math.max(1, timeoutNanos);
        long deadline = System.nanoTime() + total;
        try {
            // Waiting for a free slot in short steps, so that Cancel still ends the wait at once.
            while (!OUTSTANDING.tryAcquire(Math.min(SLOT_WAIT_NANOS, Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                if (cancellation.isCancelled()) {
                    return new Result(Kind.CANCELLED, List.of(), "cancelled");
                }
                if (System.nanoTime() - deadline >= 0) {
                    return new Result(Kind.TIMEOUT, List.of(), "the name service is not answering: no answer to "
                            + MAX_OUTSTANDING + " earlier lookups, which are still waiting for it");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Kind.CANCELLED, List.of(), "interrupted");
        }
        CompletableFuture<List<InetAddress>> future = new CompletableFuture<>();
        Thread thread;
        try {
            thread = new Thread(() -> {
                try {
                    future.complete(resolver.resolve(host));
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                } finally {
                    OUTSTANDING.release(); // only when the OS has answered: the cap counts threads really waiting
                }
            }, "sstp-doctor-dns");
            thread.setDaemon(true);
            thread.start();
        } catch (Throwable t) {
            // Out of threads (OutOfMemoryError: unable to create native thread): a finding, not a crash.
            OUTSTANDING.release();
            return new Result(Kind.FAILURE, List.of(), "this computer could not start the name lookup: " + t);
        }
        timeoutNanos = deadline - System.nanoTime();
        try (AutoCloseable ignored = cancellation.onCancel(() -> future.cancel(false))) {
            List<InetAddress> addresses = future.get(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
            if (addresses == null || addresses.isEmpty()) {
                return new Result(Kind.NOT_FOUND, List.of(), "the name service returned no address for " + host);
            }
            return new Result(Kind.FOUND, List.copyOf(addresses), "");
        } catch (TimeoutException e) {
            return new Result(Kind.TIMEOUT, List.of(), "the name service is not answering: no answer within "
                    + TimeUnit.NANOSECONDS.toMillis(total) + " ms");
        } catch (java.util.concurrent.CancellationException e) {
            return new Result(Kind.CANCELLED, List.of(), "cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Kind.CANCELLED, List.of(), "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException uhe) {
                return classify(host, uhe);
            }
            return new Result(Kind.FAILURE, List.of(), String.valueOf(cause));
        } catch (Exception e) {
            return new Result(Kind.FAILURE, List.of(), e.toString());
        }
    }

    /** A failed lookup: a missing name, or a name service in trouble ({@link Failure#isNameServiceTrouble}). */
    static Result classify(String host, UnknownHostException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return new Result(Failure.isNameServiceTrouble(e) ? Kind.FAILURE : Kind.NOT_FOUND, List.of(),
                message.isEmpty() ? host + " not found" : message);
    }
}
