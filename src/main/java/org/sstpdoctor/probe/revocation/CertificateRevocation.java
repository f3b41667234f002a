package org.sstpdoctor.probe.revocation;

import java.time.Instant;
import java.util.List;
import org.sstpdoctor.probe.Outcome;

/**
 * The revocation status of one certificate of the chain (the root is not checked: nothing can
 * revoke it).
 *
 * @param position 0 for the server's certificate, 1 for its issuer, …
 * @param outcome one of the {@code REVOCATION_*} outcomes
 * @param method {@code ocsp} or {@code crl} when an answer decided it, {@code ""} otherwise
 * @param revokedAt when the certificate was revoked (null unless revoked)
 * @param reason the revocation reason ({@code keyCompromise}…), {@code ""} when none was given
 * @param thisUpdate / nextUpdate the deciding answer's validity (null when none)
 */
public record CertificateRevocation(int position, String subject, String serialNumber, Outcome outcome, String detail,
                                    List<String> crlUrls, List<String> ocspUrls, String method, Instant revokedAt,
                                    String reason, Instant thisUpdate, Instant nextUpdate) {
    public CertificateRevocation {
        crlUrls = List.copyOf(crlUrls);
        ocspUrls = List.copyOf(ocspUrls);
        method = method == null ? "" : method;
        reason = reason == null ? "" : reason;
        detail = detail == null ? "" : detail;
    }
}
