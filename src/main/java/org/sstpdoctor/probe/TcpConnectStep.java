package org.sstpdoctor.probe;

import java.util.Set;

/** The TCP connection, to the server or to the proxy. */
final class TcpConnectStep implements TransportStep {
    @Override
    public Stage stage() {
        return Stage.TCP_CONNECT;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.PROXY_UNREACHABLE, Outcome.CONNECTION_REFUSED, Outcome.CONNECT_TIMEOUT,
                Outcome.NETWORK_UNREACHABLE, Outcome.CONNECTION_RESET, Outcome.CONNECTION_CLOSED);
    }

    @Override
    public Classified classifyFailure(Observation observed, TransportSpec spec) {
        Failure failure = observed.failure();
        String attempts = String.join(", ", observed.connectAttempts());
        if (spec.viaProxy()) {
            return new Classified(Outcome.PROXY_UNREACHABLE, AnsweredBy.NETWORK, "could not connect to the proxy "
                    + spec.proxy() + ": " + failure.shortReason() + " (" + attempts + ")", Stage.TCP_CONNECT);
        }
        return switch (failure.kind()) {
            case REFUSED -> new Classified(Outcome.CONNECTION_REFUSED, AnsweredBy.NETWORK,
                    "connection refused (" + attempts + ")", Stage.TCP_CONNECT);
            case TIMEOUT -> new Classified(Outcome.CONNECT_TIMEOUT, AnsweredBy.NOBODY,
                    "no answer to the connection attempt (" + attempts + ")", Stage.TCP_CONNECT);
            // A reset is a reset, whatever the transport was doing when it arrived.
            case RESET -> new Classified(Outcome.CONNECTION_RESET, AnsweredBy.SERVER,
                    "the server reset the connection as soon as it was made (" + attempts + ")", Stage.TCP_CONNECT);
            case CLOSED -> new Classified(Outcome.CONNECTION_CLOSED, AnsweredBy.SERVER,
                    "the server closed the connection as soon as it was made (" + attempts + ")", Stage.TCP_CONNECT);
            case UNREACHABLE -> new Classified(Outcome.NETWORK_UNREACHABLE, AnsweredBy.NETWORK,
                    failure.message() + " (" + attempts + ")", Stage.TCP_CONNECT);
            default -> new Classified(Outcome.NETWORK_UNREACHABLE, AnsweredBy.NETWORK, failure.message(),
                    Stage.TCP_CONNECT);
        };
    }

    @Override
    public String toString() {
        return "TcpConnectStep";
    }
}
