package org.sstpdoctor.probe.revocation;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One fetch per address per run: a probe (both its attempts) or a whole batch shares one cache.
 * A CRL or OCSP answer is reused until its {@code nextUpdate}; a failed fetch for the rest of the
 * run (the same dead address is not asked again for every server of a list). Probes of a batch
 * that want the same address at once wait for the one fetch in flight.
 */
public final class RevocationCache {
    /** Entries kept at most; past that, fetches are made but not kept (memory stays bounded). */
    static final int MAX_ENTRIES = 256;

    record Entry(RevocationFetcher.Answer answer, Instant validUntil) {
    }

    private final ConcurrentHashMap<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();

    /** A new, empty cache: give one to each batch, or to each probe run. */
    public RevocationCache() {
    }

    int size() {
        return entries.size();
    }

    /**
     * The cached answer for {@code key} if still valid, else {@code fetch}'s (which is then kept).
     * Waits for another probe's fetch of the same key at most {@code waitNanos}.
     */
    RevocationFetcher.Answer get(String key, Instant now, long waitNanos, Supplier<Entry> fetch,
                                 Supplier<RevocationFetcher.Answer> outOfTime) {
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            CompletableFuture<Entry> existing = entries.get(key);
            if (existing == null) {
                CompletableFuture<Entry> mine = new CompletableFuture<>();
                if (entries.size() >= MAX_ENTRIES) {
                    return fetch.get().answer();
                }
                if (entries.putIfAbsent(key, mine) != null) {
                    continue;
                }
                Entry entry;
                try {
                    entry = fetch.get();
                } catch (RuntimeException e) {
                    entries.remove(key, mine);
                    mine.cancel(false);
                    throw e;
                }
                if (entry.answer().fetch().cutShort()) {
                    entries.remove(key, mine);
                }
                mine.complete(entry);
                return entry.answer();
            }
            try {
                Entry entry = existing.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (entry.answer().fetch().cutShort() || entry.validUntil().isBefore(now)) {
                    entries.remove(key, existing);
                    continue;
                }
                return new RevocationFetcher.Answer(entry.answer().fetch().asCached(), entry.answer().body());
            } catch (TimeoutException e) {
                return outOfTime.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outOfTime.get();
            } catch (ExecutionException | CancellationException e) {
                entries.remove(key, existing);
                if (System.nanoTime() >= deadline) {
                    return outOfTime.get();
                }
            }
        }
    }
}
