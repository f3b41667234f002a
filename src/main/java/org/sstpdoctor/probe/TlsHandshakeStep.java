package org.sstpdoctor.probe;

import java.util.Locale;
import java.util.Set;
import org.sstpdoctor.probe.tls.CertificateAnalyzer;
import org.sstpdoctor.target.HostKind;

/** The TLS handshake and the server's certificate. */
final class TlsHandshakeStep implements TransportStep {
    @Override
    public Stage stage() {
        return Stage.TLS_HANDSHAKE;
    }

    @Override
    public Set<Outcome> outcomes() {
        Set<Outcome> outcomes = java.util.EnumSet.of(Outcome.NOT_TLS, Outcome.TLS_TIMEOUT, Outcome.CONNECTION_RESET,
                Outcome.CONNECTION_CLOSED, Outcome.TLS_HANDSHAKE_FAILED);
        // The certificate findings are made here too (CertificateAnalyzer), and weighed by VerdictRule.
        for (Outcome o : Outcome.values()) {
            if (o.isCertificateProblem()) {
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    @Override
    public Classified classifyFailure(Observation observed, TransportSpec spec) {
        Failure failure = observed.failure();
        boolean silentPeer = !observed.serverSpokeAfterTls();
        // Through a proxy, a tunnel that ends before the server said a word was most likely the proxy's doing.
        AnsweredBy closer = spec.viaProxy() && silentPeer ? AnsweredBy.PROXY : AnsweredBy.SERVER;
        String via = spec.viaProxy() && silentPeer ? " (through the proxy, before the server sent anything)" : "";
        return switch (failure.kind()) {
            case NOT_TLS -> new Classified(Outcome.NOT_TLS, AnsweredBy.SERVER,
                    "the port answered, but not with TLS (plain HTTP or another protocol): " + failure.message(),
                    Stage.TLS_HANDSHAKE);
            case TIMEOUT -> new Classified(Outcome.TLS_TIMEOUT, closer,
                    "the TLS handshake did not complete in time" + via, Stage.TLS_HANDSHAKE);
            case RESET -> new Classified(Outcome.CONNECTION_RESET, closer,
                    "the connection was reset during the TLS handshake" + via, Stage.TLS_HANDSHAKE);
            case CLOSED -> new Classified(Outcome.CONNECTION_CLOSED, closer,
                    "the connection was closed during the TLS handshake" + via, Stage.TLS_HANDSHAKE);
            default -> new Classified(Outcome.TLS_HANDSHAKE_FAILED, AnsweredBy.SERVER, failure.message(),
                    Stage.TLS_HANDSHAKE);
        };
    }

    /** The certificate analysis of what the handshake showed. */
    static TlsInfo analyze(TlsFacts facts, AttemptContext context) {
        if (!facts.completed() && facts.chain().isEmpty()) {
            return new TlsInfo("", "", java.util.List.of(), false, "", false, java.util.List.of());
        }
        return CertificateAnalyzer.analyze(facts.chain(), facts.trustFailure(), context.target().asciiHost(),
                context.target().kind() != HostKind.DNS_NAME, context.clock().instant(),
                facts.protocol(), facts.cipherSuite());
    }

    /** How the stage ends for a completed handshake: a certificate problem fails or warns it. */
    static StageResult ending(TlsInfo tls, double start, double end) {
        String negotiated = tls.protocol() + ", " + tls.cipherSuite();
        if (tls.findings().isEmpty()) {
            return new StageResult(Stage.TLS_HANDSHAKE, StageStatus.PASSED, start, end - start, negotiated);
        }
        Finding worst = tls.findings().get(0);
        return new StageResult(Stage.TLS_HANDSHAKE, worst.verdict() == Verdict.FAIL ? StageStatus.FAILED : StageStatus.WARNED,
                start, end - start, "handshake completed, but: " + worst.outcome().title().toLowerCase(Locale.ROOT)
                + " (" + worst.detail() + ")");
    }
}
