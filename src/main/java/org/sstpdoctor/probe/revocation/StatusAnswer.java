package org.sstpdoctor.probe.revocation;

import java.time.Instant;

/**
 * What one CRL or OCSP answer says about one certificate, once checked.
 *
 * @param problem for {@link Kind#UNUSABLE}: why ({@code not_a_crl}, {@code bad_signature}, {@code stale}…)
 */
record StatusAnswer(Kind kind, String problem, String detail, Instant revokedAt, String reason, Instant thisUpdate,
                    Instant nextUpdate) {
    enum Kind { GOOD, REVOKED, UNKNOWN, UNUSABLE }

    static StatusAnswer unusable(String problem, String detail) {
        return new StatusAnswer(Kind.UNUSABLE, problem, detail, null, "", null, null);
    }

    static StatusAnswer unusable(String problem, String detail, Instant thisUpdate, Instant nextUpdate) {
        return new StatusAnswer(Kind.UNUSABLE, problem, detail, null, "", thisUpdate, nextUpdate);
    }
}
