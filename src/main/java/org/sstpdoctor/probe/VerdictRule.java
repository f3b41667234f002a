package org.sstpdoctor.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's policy for the verdict: Windows stops at a certificate problem (and at any other
 * stage finding that fails), so that decides, and what the probe found beyond it is kept as
 * {@code beyond}; warnings are listed after the deciding finding.
 */
public final class VerdictRule {
    /** The deciding outcome and every finding, worst first. */
    public record Decision(Outcome outcome, AnsweredBy answeredBy, String detail, List<Finding> findings,
                           Finding beyond) {
    }

    private VerdictRule() {
    }

    /**
     * @param layer what the connection's layers came to
     * @param tls the certificate analysis, or null
     * @param stageFindings findings other steps made ({@link AttemptContext#addFinding})
     */
    public static Decision decide(Classified layer, TlsInfo tls, List<Finding> stageFindings) {
        List<Finding> stopping = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        List<Finding> all = new ArrayList<>(tls == null ? List.of() : tls.findings());
        all.addAll(stageFindings);
        for (Finding f : all) {
            if (f.verdict() == Verdict.FAIL) {
                stopping.add(f);
            } else if (f.verdict() == Verdict.WARN) {
                warnings.add(f);
            }
        }
        Finding layerFinding = new Finding(layer.outcome(), layer.detail());
        List<Finding> findings = new ArrayList<>();
        boolean cancelled = layer.outcome() == Outcome.CANCELLED;
        if (!stopping.isEmpty() && !cancelled) {
            // Windows stops here; what lies past it is reported, not decisive.
            findings.addAll(stopping);
            findings.add(layerFinding);
            findings.addAll(warnings);
            Finding first = stopping.get(0);
            // A certificate problem is the server's; a revocation check that could not be made, nobody's.
            AnsweredBy by = first.outcome().isCertificateProblem() ? AnsweredBy.SERVER : first.outcome().typicalAnswerer();
            return new Decision(first.outcome(), by, first.detail(), findings, layerFinding);
        }
        if ((layer.outcome() == Outcome.SSTP_ACK || layer.outcome() == Outcome.SIGNED_IN) && !warnings.isEmpty()) {
            findings.addAll(warnings);
            findings.add(layerFinding);
            Finding first = warnings.get(0);
            return new Decision(first.outcome(), AnsweredBy.SERVER, first.detail(), findings, null);
        }
        findings.add(layerFinding);
        findings.addAll(warnings);
        return new Decision(layer.outcome(), layer.answeredBy(), layer.detail(), findings, null);
    }
}
