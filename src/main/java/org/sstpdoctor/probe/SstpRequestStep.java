package org.sstpdoctor.probe;

import java.util.Optional;
import java.util.Set;
import org.sstpdoctor.sstp.SstpHttp;

/** The SSTP HTTP request ({@code SSTP_DUPLEX_POST}) and the server's answer to it. */
final class SstpRequestStep implements TransportStep {
    @Override
    public Stage stage() {
        return Stage.SSTP_HTTP;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.HTTP_STATUS, Outcome.HTTP_VERSION_NOT_1_1, Outcome.NOT_SSTP, Outcome.NO_HTTP_RESPONSE,
                Outcome.MALFORMED_HTTP_RESPONSE, Outcome.CONNECTION_RESET, Outcome.CONNECTION_CLOSED,
                Outcome.TLS_HANDSHAKE_FAILED);
    }

    @Override
    public Classified classifyFailure(Observation observed, TransportSpec spec) {
        HttpReply answered = observed.response();
        if (answered != null && answered.code() != 200) {
            // OkHttp refuses some answers after reading them (a 407 without a proxy): the server still answered.
            return status(answered);
        }
        Failure failure = observed.failure();
        return switch (failure.kind()) {
            // With TLS 1.3 the server may reject the handshake only after the client has finished it.
            case TLS_ALERT -> new Classified(Outcome.TLS_HANDSHAKE_FAILED, AnsweredBy.SERVER, failure.message(),
                    Stage.TLS_HANDSHAKE);
            case TIMEOUT -> new Classified(Outcome.NO_HTTP_RESPONSE, AnsweredBy.SERVER,
                    "the secure connection works, but no complete answer to the SSTP request came before the time ran out",
                    Stage.SSTP_HTTP);
            case PROTOCOL -> new Classified(Outcome.MALFORMED_HTTP_RESPONSE, AnsweredBy.SERVER, failure.message(),
                    Stage.SSTP_HTTP);
            case RESET -> new Classified(Outcome.CONNECTION_RESET, AnsweredBy.SERVER,
                    "the server reset the connection instead of answering the SSTP request", Stage.SSTP_HTTP);
            case CLOSED -> new Classified(Outcome.CONNECTION_CLOSED, AnsweredBy.SERVER,
                    "the server closed the connection without answering the SSTP request", Stage.SSTP_HTTP);
            case HEAD_TOO_LONG -> new Classified(Outcome.MALFORMED_HTTP_RESPONSE, AnsweredBy.SERVER,
                    "the server's answer never ended: " + new HeadTooLongException().getMessage()
                            + " (interim answers such as 102 Processing count)", Stage.SSTP_HTTP);
            default -> new Classified(Outcome.MALFORMED_HTTP_RESPONSE, AnsweredBy.SERVER, failure.message(),
                    Stage.SSTP_HTTP);
        };
    }

    @Override
    public Optional<Classified> judge(Observation observed, TransportSpec spec) {
        HttpReply reply = observed.response();
        if (reply.code() != 200) {
            return Optional.of(status(reply));
        }
        if (!reply.protocol().equals("HTTP/1.1")) {
            return Optional.of(new Classified(Outcome.HTTP_VERSION_NOT_1_1, AnsweredBy.SERVER,
                    "the server answered 200 in " + reply.protocol() + "; SSTP clients require HTTP/1.1",
                    Stage.SSTP_HTTP));
        }
        return notSstpReason(reply).map(why -> new Classified(Outcome.NOT_SSTP, AnsweredBy.SERVER, why, Stage.SSTP_HTTP));
    }

    @Override
    public String passedDetail(Observation observed) {
        return observed.response() == null ? "" : observed.response().statusLine();
    }

    private static Classified status(HttpReply reply) {
        return new Classified(Outcome.HTTP_STATUS, AnsweredBy.SERVER, "HTTP " + reply.code()
                + (reply.reason().isEmpty() ? "" : " " + reply.reason()), Stage.SSTP_HTTP);
    }

    /** A 200 whose framing is that of an ordinary web page cannot be an SSTP server. */
    private static Optional<String> notSstpReason(HttpReply reply) {
        Optional<String> transferEncoding = reply.header("Transfer-Encoding");
        if (transferEncoding.isPresent()) {
            return Optional.of("the 200 answer is framed as a web page (Transfer-Encoding: " + transferEncoding.get()
                    + "); an SSTP server declares Content-Length: " + SstpHttp.CONTENT_LENGTH);
        }
        Optional<String> length = reply.header("Content-Length");
        if (length.isPresent() && !length.get().trim().equals(SstpHttp.CONTENT_LENGTH)) {
            return Optional.of("the 200 answer declares Content-Length: " + length.get()
                    + "; an SSTP server declares " + SstpHttp.CONTENT_LENGTH);
        }
        return Optional.empty();
    }
}
