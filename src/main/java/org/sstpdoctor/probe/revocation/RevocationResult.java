package org.sstpdoctor.probe.revocation;

import java.util.List;
import org.sstpdoctor.probe.AnsweredBy;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.Verdict;

/**
 * What the revocation check found for the whole chain.
 *
 * @param outcome the worst of the certificates' outcomes
 * @param answeredBy who gave the deciding answer (or failed to)
 * @param detail one line for the report
 * @param path how the fetches went: {@code direct}, or {@code through the proxy host:port}
 * @param certificates one entry per certificate checked, server's first
 * @param fetches every fetch, in order
 */
public record RevocationResult(Outcome outcome, AnsweredBy answeredBy, String detail, String path,
                               List<CertificateRevocation> certificates, List<RevocationFetch> fetches,
                               double startMillis, double durationMillis) {
    public RevocationResult {
        certificates = List.copyOf(certificates);
        fetches = List.copyOf(fetches);
        detail = detail == null ? "" : detail;
    }

    public Verdict verdict() {
        return outcome.verdict();
    }
}
