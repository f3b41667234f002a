package org.sstpdoctor.probe;

import java.util.Set;

/** The SSTP control exchange after the 200: Call Connect Request, and the server's Ack or Nak. */
final class CallConnectStep implements ActiveStep {
    @Override
    public Stage stage() {
        return Stage.SSTP_CONTROL;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.SSTP_ACK, Outcome.SSTP_NAK, Outcome.SSTP_ABORTED, Outcome.SSTP_MALFORMED,
                Outcome.SSTP_NO_ANSWER, Outcome.NOT_SSTP, Outcome.CONNECTION_RESET, Outcome.CONNECTION_CLOSED);
    }

    @Override
    public StepEnd run(AttemptContext context) {
        SstpChannel channel = context.exchange() == null ? null : context.exchange().channel();
        if (channel == null) {
            return StepEnd.failed(new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER,
                    "the connection was not handed over after the 200", Stage.SSTP_CONTROL));
        }
        // With the sign-in test to follow, the call stays open after the Ack (the certificate is known by now).
        boolean signInFollows = SignInStep.appliesTo(context);
        CallConnectExchange.Result result = CallConnectExchange.run(channel, context.cancellation()::isCancelled,
                context.tracker()::now, signInFollows);
        context.sstp(result.sstp());
        context.bindingRequest(result.keptOpenFor());
        // The stage ends when the answer came; leaving the call politely afterwards is not part of it.
        return (result.classified().outcome() == Outcome.SSTP_ACK ? StepEnd.passed(result.classified())
                : StepEnd.failed(result.classified())).at(result.answeredAtMillis());
    }
}
