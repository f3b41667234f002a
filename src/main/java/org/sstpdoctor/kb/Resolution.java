package org.sstpdoctor.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.sstpdoctor.probe.Failure;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyReply;
import org.sstpdoctor.probe.Verdict;

/**
 * What the knowledge base says about one probe report: the entries that explain it, most specific
 * first (for an HTTP 404 from the server: the 404 entry, then the general "server refused" entry).
 *
 * @param site the site named by the overrides in use, or null
 */
public record Resolution(List<KbEntry> entries, String site) {
    public Resolution {
        entries = List.copyOf(entries);
    }

    public Optional<KbEntry> primary() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    public static Resolution empty() {
        return new Resolution(List.of(), null);
    }

    public static Resolution of(ProbeReport report, KnowledgeBase kb) {
        LinkedHashSet<KbEntry> out = new LinkedHashSet<>();
        Outcome outcome = report.outcome();
        if (outcome == Outcome.HTTP_STATUS && report.httpResponse() != null) {
            kb.forHttpStatus(report.httpResponse().code()).ifPresent(out::add);
        }
        if (outcome.isProxyProblem()) {
            // The proxy's own error is explained as the proxy's first; the status's general entry follows.
            // An outcome that is a status entry's alias (407) is shown under the status entry's own id.
            kb.forOutcome(outcome).map(kb::canonical).ifPresent(out::add);
        }
        if (outcome.isProxyProblem() && !report.proxyReplies().isEmpty()) {
            ProxyReply last = report.proxyReplies().get(report.proxyReplies().size() - 1);
            if (last.reply().code() != 200) {
                kb.forHttpStatus(last.reply().code()).ifPresent(out::add);
            }
        }
        if (outcome == Outcome.TLS_HANDSHAKE_FAILED) {
            // A named alert says more than "the handshake failed": bad_certificate is about this computer's certificate.
            Failure.receivedTlsAlert(report.detail()).flatMap(kb::forTlsAlert).ifPresent(out::add);
        }
        kb.forOutcome(outcome).ifPresent(out::add);
        // Every other failure found (another certificate problem, what lies past the certificate).
        List<Finding> others = new ArrayList<>(report.findings());
        for (Finding f : others) {
            if (f.outcome() != outcome && f.verdict() != Verdict.PASS) {
                if (f.outcome() == Outcome.HTTP_STATUS && report.httpResponse() != null) {
                    kb.forHttpStatus(report.httpResponse().code()).ifPresent(out::add);
                }
                kb.forOutcome(f.outcome()).ifPresent(out::add);
            }
        }
        return new Resolution(KnowledgeBase.distinct(out), kb.site().orElse(null));
    }
}
