package org.sstpdoctor.exporter;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.sstpdoctor.probe.ProbeReport;

/** The last probes, newest first, for the status page; bounded so memory stays flat all day. */
final class RecentProbes {
    static final int CAPACITY = 100;

    record Entry(long id, Instant at, String module, String target, double seconds, ProbeReport report) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;

    synchronized Entry add(Instant at, String module, String target, double seconds, ProbeReport report) {
        Entry entry = new Entry(nextId++, at, module, target, seconds, report);
        entries.addFirst(entry);
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
        return entry;
    }

    synchronized List<Entry> newestFirst() {
        return new ArrayList<>(entries);
    }

    synchronized Optional<Entry> find(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    synchronized int size() {
        return entries.size();
    }
}
