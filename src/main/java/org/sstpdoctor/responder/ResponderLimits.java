package org.sstpdoctor.responder;

import java.time.Duration;
import java.util.Objects;

/**
 * What one responder may hold at once, so that slow or numerous clients cannot exhaust the
 * machine: at most {@code maxConnections} clients (each has one worker thread; more are closed at
 * once), and no connection lives longer than {@code connectionDeadline}, however slowly it trickles.
 */
public record ResponderLimits(int maxConnections, Duration connectionDeadline) {
    /** Enough for a classroom of practice probes; a real SSTP client needs one connection. */
    public static final ResponderLimits DEFAULT = new ResponderLimits(64, Duration.ofMinutes(2));

    public ResponderLimits {
        Objects.requireNonNull(connectionDeadline, "connectionDeadline");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections);
        }
    }
}
