package org.sstpdoctor.probe;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sstpdoctor.signin.QueuedPacketChannel;
import org.sstpdoctor.signin.SignInClient;
import org.sstpdoctor.signin.SignInResult;

/**
 * "Signing in": on the call the server has just accepted, PPP link negotiation, authentication with
 * the VPN user's credentials and CALL_CONNECTED with the crypto binding ([MS-SSTP] §3.2.5.2). Part
 * of the attempt only with a VPN user name, and only over a TLS connection whose certificate passed
 * every check (trust, name, dates, revocation, which then runs before this stage, and any other
 * check that reports a failing finding): a password is never sent to a server that could not be
 * verified.
 */
final class SignInStep implements ActiveStep {
    static final String NO_USER = "no VPN user name given";

    /** What "Getting an address" continues with. */
    record Session(SignInClient client, QueuedPacketChannel channel) {
    }

    @Override
    public Stage stage() {
        return Stage.SIGN_IN;
    }

    @Override
    public Set<Outcome> outcomes() {
        return Set.of(Outcome.SIGNIN_WRONG_CREDENTIALS, Outcome.SIGNIN_AUTH_PROTOCOL, Outcome.SIGNIN_REFUSED,
                Outcome.SIGNIN_NO_ANSWER, Outcome.SIGNIN_LCP_NOT_CONVERGING, Outcome.SIGNIN_FAILED, Outcome.INTERNAL_ERROR);
    }

    /** With credentials, and unless the certificate is known to have failed a check. */
    @Override
    public boolean applies(AttemptContext context) {
        return appliesTo(context);
    }

    static boolean appliesTo(AttemptContext context) {
        return context.request().signIn() != null && refusal(context).isEmpty();
    }

    @Override
    public String skipReason(AttemptContext context) {
        return context.request().signIn() == null ? NO_USER : refusal(context).orElse(NO_USER);
    }

    /** Why the password must not be sent on this connection; empty while nothing speaks against it. */
    static Optional<String> refusal(AttemptContext context) {
        TlsInfo tls = context.tls();
        if (tls == null) {
            return Optional.empty(); // not known yet (or never reached): the stage is then simply not reached
        }
        Optional<Finding> failed = tls.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).findFirst();
        if (failed.isEmpty()) {
            Optional<String> revocation = revocationRefusal(context);
            if (revocation.isPresent()) {
                return revocation;
            }
        }
        // The certificate's own findings, and any failing finding another stage made (the expected certificate).
        failed = java.util.stream.Stream.concat(tls.findings().stream(), context.stageFindings().stream())
                .filter(f -> f.verdict() == Verdict.FAIL).findFirst();
        if (failed.isPresent()) {
            return Optional.of("skipped: the server's certificate failed a check (" + failed.get().outcome().title()
                    + "), so the password was not sent; sending it to a server that could not be verified is what "
                    + "the certificate check protects against");
        }
        // The certificate the person said to expect (--expect-certificate): the Windows stage reports a mismatch
        // only after the sign-in would run, so it is checked here too.
        String expected = context.request().expectedCertificate();
        List<X509Certificate> chain = context.observation() == null || context.observation().tls() == null ? List.of()
                : context.observation().tls().chain();
        if (!expected.isEmpty() && !chain.isEmpty()
                && !org.sstpdoctor.probe.evidence.CryptoBinding.of(chain.get(0), expected).matches().orElse(true)) {
            return Optional.of("skipped: the server's certificate failed a check (" + Outcome.UNEXPECTED_CERTIFICATE.title()
                    + "), so the password was not sent; sending it to a server that could not be verified is what "
                    + "the certificate check protects against");
        }
        if (!tls.trusted() || !tls.nameMatches()) {
            return Optional.of("skipped: the server's certificate is not trusted for this name, so the password was not sent");
        }
        return Optional.empty();
    }

    /**
     * Revocation is one of the certificate's checks: once its stage has ended (it runs before this
     * one when a sign-in follows), the password goes only past a chain found good. Revoked
     * (0x80092010) and unverifiable (0x80092013, where Windows itself stops) both keep it back, and
     * so does a check that could not be finished. Before the stage ended nothing is known yet.
     */
    private static Optional<String> revocationRefusal(AttemptContext context) {
        if (context.tracker() == null || !context.tracker().hasEnded(Stage.REVOCATION)) {
            return Optional.empty();
        }
        org.sstpdoctor.probe.revocation.RevocationResult revocation = context.revocation();
        if (revocation == null) {
            return Optional.of("skipped: the revocation of the server's certificate was not checked, so the password"
                    + " was not sent");
        }
        if (revocation.verdict() == Verdict.PASS) {
            return Optional.empty();
        }
        String code = org.sstpdoctor.probe.revocation.RevocationChecker.windowsCode(revocation.outcome());
        String what = revocation.verdict() == Verdict.FAIL ? "did not pass" : "could not be finished";
        return Optional.of("skipped: the revocation check of the server's certificate " + what + " ("
                + revocation.outcome().title() + (code.isEmpty() ? "" : "; Windows: " + code)
                + "), so the password was not sent; sending it to a server that could not be verified is what"
                + " the certificate check protects against");
    }

    @Override
    public StepEnd run(AttemptContext context) {
        SstpChannel sstp = context.exchange() == null ? null : context.exchange().channel();
        List<X509Certificate> chain = context.observation() == null || context.observation().tls() == null ? List.of()
                : context.observation().tls().chain();
        if (sstp == null || context.bindingRequest() == null || chain.isEmpty()) {
            return StepEnd.failed(new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER,
                    "the call was not kept open for the sign-in", Stage.SIGN_IN));
        }
        byte[] der;
        try {
            der = chain.get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            return StepEnd.failed(new Classified(Outcome.INTERNAL_ERROR, AnsweredBy.THIS_COMPUTER,
                    "the server's certificate cannot be encoded for the crypto binding", Stage.SIGN_IN));
        }
        // No read may time out on OkHttp's body source: a failed read releases the connection and closes
        // its socket, and the PPP timers must wait, retransmit and wait again. A reader thread feeds a queue.
        sstp.readTimeoutMillis(0);
        Transport.Exchange exchange = context.exchange();
        QueuedPacketChannel channel = new QueuedPacketChannel(sstp.input(), sstp.output(), exchange::close);
        StageTracker tracker = context.tracker();
        // The sign-in gives up a little before the connection's deadline (OkHttp's call timeout closes the
        // socket then): the silence is then reported as silence at its step, and the hang-up still has time.
        double remaining = (context.connectionDeadlineNanos() - System.nanoTime()) / 1e6;
        double deadline = tracker.now() + remaining - Math.min(1500, remaining / 4);
        SignInClient client = SignInClient.start(SignInClient.Spec.standard(context.request().signIn(),
                context.bindingRequest(), der), channel, tracker::now, deadline, context.cancellation()::isCancelled,
                step -> { });
        Optional<SignInResult> ended = client.signIn();
        if (ended.isPresent()) {
            channel.close();
            return end(context, ended.get(), Stage.SIGN_IN);
        }
        context.signInSession(new Session(client, channel));
        return StepEnd.passed("signed in as " + context.request().signIn().nameOnWire() + "; Call Connected sent");
    }

    /** Records the finished sign-in in the context and says how the stage ended. */
    static StepEnd end(AttemptContext context, SignInResult result, Stage stage) {
        SignInReport report = SignInReport.of(result);
        context.signInReport(report);
        if (context.sstp() != null) {
            context.sstp(context.sstp().withEnding(report.ending()));
        }
        if (report.outcome() == Outcome.CANCELLED) {
            return StepEnd.failed(Classified.cancelled());
        }
        Classified classified = new Classified(report.outcome(), AnsweredBy.SERVER, report.detail(), stage);
        return report.signedIn() ? StepEnd.passed(classified) : StepEnd.failed(classified);
    }
}
