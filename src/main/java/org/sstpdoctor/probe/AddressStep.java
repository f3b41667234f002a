package org.sstpdoctor.probe;

import java.util.Set;

/**
 * "Getting an address": after the sign-in, IPCP until the server offers an address, then the clean
 * hang-up (LCP Terminate, CALL_DISCONNECT). Nothing is routed; nothing on the computer changes.
 * Part of the attempt exactly when "Signing in" is.
 */
final class AddressStep implements ActiveStep {
    @Override
    public Stage stage() {
        return Stage.GET_ADDRESS;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.SIGNED_IN, Outcome.SIGNIN_NO_ADDRESS, Outcome.SIGNIN_BINDING_REJECTED,
                Outcome.SIGNIN_NO_ANSWER, Outcome.SIGNIN_FAILED, Outcome.INTERNAL_ERROR);
    }

    @Override
    public boolean applies(AttemptContext context) {
        return SignInStep.appliesTo(context);
    }

    @Override
    public String skipReason(AttemptContext context) {
        return new SignInStep().skipReason(context);
    }

    @Override
    public StepEnd run(AttemptContext context) {
        SignInStep.Session session = context.signInSession();
        if (session == null) {
            return StepEnd.failed(new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER,
                    "the sign-in did not hand over its session", Stage.GET_ADDRESS));
        }
        try {
            return SignInStep.end(context, session.client().address(), Stage.GET_ADDRESS);
        } finally {
            session.channel().close();
        }
    }
}
