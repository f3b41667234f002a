package org.sstpdoctor.probe;

import java.util.Optional;
import java.util.Set;

/** The web proxy's tunnel: CONNECT and its answer. Only with a proxy. */
final class ProxyTunnelStep implements TransportStep {
    @Override
    public Stage stage() {
        return Stage.PROXY_CONNECT;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.PROXY_AUTH_REQUIRED, Outcome.PROXY_AUTH_FAILED, Outcome.PROXY_REFUSED,
                Outcome.PROXY_BAD_REPLY, Outcome.PROXY_SILENT, Outcome.PROXY_TARGET_REFUSED,
                Outcome.PROXY_TARGET_TIMEOUT, Outcome.PROXY_TARGET_NOT_FOUND, Outcome.PROXY_TARGET_UNREACHABLE,
                Outcome.PROXY_POLICY_DENIED, Outcome.PROXY_NOT_A_PROXY);
    }

    @Override
    public boolean applies(TransportSpec spec) {
        return spec.viaProxy();
    }

    @Override
    public String skipReason() {
        return "no proxy";
    }

    @Override
    public Classified classifyFailure(Observation observed, TransportSpec spec) {
        // A proxy's refusal shows in its replies even when OkHttp only says "Failed to authenticate".
        Optional<Classified> refusal = refusal(observed);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Failure failure = observed.failure();
        if (failure.kind() == Failure.Kind.TIMEOUT) {
            return new Classified(Outcome.PROXY_SILENT, AnsweredBy.PROXY,
                    "the proxy accepted the connection but did not answer the CONNECT request in time",
                    Stage.PROXY_CONNECT);
        }
        String why = switch (failure.kind()) {
            case RESET -> "the proxy reset the connection instead of answering the CONNECT request";
            case CLOSED -> "the proxy closed the connection without answering the CONNECT request";
            case HEAD_TOO_LONG -> "the proxy's answer to CONNECT never ended: " + new HeadTooLongException().getMessage();
            default -> "the proxy's answer to CONNECT is not valid HTTP: " + failure.message();
        };
        return new Classified(Outcome.PROXY_BAD_REPLY, AnsweredBy.PROXY, why, Stage.PROXY_CONNECT);
    }

    /** The last proxy answer, when it refused the tunnel. */
    static Optional<Classified> refusal(Observation observed) {
        ProxyReply last = observed.lastProxyReply();
        if (last == null || last.reply().code() == 200) {
            return Optional.empty();
        }
        HttpReply reply = last.reply();
        int code = reply.code();
        String status = "HTTP " + code + (reply.reason().isEmpty() ? "" : " " + reply.reason());
        String hints = reply.productHints().stream().map(h -> h.name() + ": " + h.value())
                .reduce((a, b) -> a + "; " + b).map(s -> " (" + s + ")").orElse("");
        if (code == 407 || code == 401) {
            if (last.credentialsSent()) {
                return Optional.of(new Classified(Outcome.PROXY_AUTH_FAILED, AnsweredBy.PROXY,
                        "the proxy rejected the credentials: " + status + hints, Stage.PROXY_CONNECT));
            }
            if (code == 407) {
                String schemes = last.authSchemes().isEmpty() ? "" : ", it asks for " + String.join(" / ", last.authSchemes());
                return Optional.of(new Classified(Outcome.PROXY_AUTH_REQUIRED, AnsweredBy.PROXY,
                        "the proxy demands a sign-in: " + status + schemes + hints, Stage.PROXY_CONNECT));
            }
        }
        // The proxy's own error, read from its identifiers (X-Squid-Error, tinyproxy's reasons): explained as the proxy's.
        ProxyErrors.Reading reading = ProxyErrors.read(reply);
        return Optional.of(new Classified(reading.outcome(), AnsweredBy.PROXY,
                "the proxy answered " + status + ": " + reading.why() + hints, Stage.PROXY_CONNECT));
    }
}
