package org.sstpdoctor.probe.revocation;

import java.time.Duration;

/**
 * Bounds on the revocation check: the whole check's time, each fetch's time, and how many bytes an
 * answer may have. A CRL can be megabytes; an OCSP answer is a few kilobytes.
 */
public record RevocationPolicy(Duration budget, Duration perFetch, long maxCrlBytes, long maxOcspBytes) {
    /** Ten seconds in all and five per address (inside the probe's own deadline), 20 MiB per CRL, 64 KiB per OCSP answer. */
    public static final RevocationPolicy DEFAULT =
            new RevocationPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5), 20L << 20, 64L << 10);

    public RevocationPolicy {
        if (budget.isNegative() || budget.isZero() || perFetch.isNegative() || perFetch.isZero()
                || maxCrlBytes <= 0 || maxOcspBytes <= 0) {
            throw new IllegalArgumentException("revocation bounds must be positive");
        }
    }
}
