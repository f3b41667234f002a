package org.sstpdoctor.probe.revocation;

import org.sstpdoctor.probe.AnsweredBy;

/**
 * One fetch of a CRL or an OCSP answer, as recorded for the report. Everything in it that came
 * from a peer (the URL from the certificate, a status line) is already sanitised.
 *
 * @param kind {@code crl} or {@code ocsp}
 * @param url the address from the certificate
 * @param via {@code direct} or {@code proxy host:port}
 * @param answeredBy who answered: the revocation server, the proxy, the network, nobody
 * @param httpStatus the HTTP status, -1 when no HTTP answer came
 * @param bytes the size of the answer's body (what was read), 0 when none
 * @param startMillis when the fetch started, from the start of the probe; -1 when it did not start
 * @param durationMillis how long it took (0 when answered from the cache)
 * @param problem {@code ""} when a usable answer came; otherwise one of {@code name_not_found},
 *        {@code refused}, {@code timeout}, {@code unreachable}, {@code http_status}, {@code too_large},
 *        {@code not_a_crl}, {@code wrong_issuer}, {@code bad_signature}, {@code stale}, {@code not_ocsp},
 *        {@code ocsp_error}, {@code ocsp_other_certificate}, {@code unsupported_scheme}, {@code ldap},
 *        {@code no_time}, {@code cancelled}, {@code failed}
 * @param detail one line saying what happened
 * @param fromCache whether the answer was reused from an earlier fetch of the same URL in this run
 */
public record RevocationFetch(String kind, String url, String via, AnsweredBy answeredBy, int httpStatus, long bytes,
                              double startMillis, double durationMillis, String problem, String detail,
                              boolean fromCache) {
    public RevocationFetch {
        problem = problem == null ? "" : problem;
        detail = detail == null ? "" : detail;
    }

    public boolean usable() {
        return problem.isEmpty();
    }

    /** Not fetched, or stopped, for want of time or by a cancel: it says nothing about the address. */
    boolean cutShort() {
        return problem.equals("no_time") || problem.equals("cancelled");
    }

    RevocationFetch asCached() {
        return new RevocationFetch(kind, url, via, answeredBy, httpStatus, bytes, startMillis, 0, problem, detail, true);
    }

    RevocationFetch withProblem(String newProblem, String newDetail) {
        return new RevocationFetch(kind, url, via, answeredBy, httpStatus, bytes, startMillis, durationMillis,
                newProblem, newDetail, fromCache);
    }
}
