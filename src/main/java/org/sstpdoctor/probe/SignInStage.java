package org.sstpdoctor.probe;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.sstpdoctor.signin.Credentials;
import org.sstpdoctor.signin.PacketChannel;
import org.sstpdoctor.signin.SignInClient;
import org.sstpdoctor.signin.SignInResult;
import org.sstpdoctor.signin.SignInStep;
import org.sstpdoctor.signin.StepTiming;
import org.sstpdoctor.sstp.CryptoBindingRequest;

/**
 * The stages "Signing in" and "Getting an address": the optional sign-in test on the call the server
 * has just accepted. It runs only with credentials, and only over a TLS connection whose certificate
 * passed every check (trust, name, dates, and any other check that reports a failing finding, such as
 * revocation): a password is never sent to a server that could not be verified.
 */
public final class SignInStage {
    private SignInStage() {
    }

    /** Why the sign-in must not run on this connection, or empty when it may. */
    public static Optional<String> refusal(TlsInfo tls, List<X509Certificate> chain) {
        if (tls == null || chain.isEmpty()) {
            return Optional.of("skipped: the server's certificate could not be examined, so the password was not sent");
        }
        Optional<Finding> failed = tls.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).findFirst();
        if (failed.isPresent()) {
            return Optional.of("skipped: the server's certificate failed a check (" + failed.get().outcome().title()
                    + "), so the password was not sent; sending it to a server that could not be verified is what "
                    + "the certificate check protects against");
        }
        if (!tls.trusted() || !tls.nameMatches()) {
            return Optional.of("skipped: the server's certificate is not trusted for this name, so the password was not sent");
        }
        return Optional.empty();
    }

    /** Runs the sign-in, reporting "Signing in" and "Getting an address" to the listener as they go. */
    public static SignInReport run(Credentials credentials, CryptoBindingRequest request, X509Certificate leaf,
                                   PacketChannel channel, DoubleSupplier nowMillis, double deadlineMillis,
                                   Cancellation cancellation, ProbeListener listener) {
        byte[] der;
        try {
            der = leaf.getEncoded();
        } catch (CertificateEncodingException e) {
            return SignInReport.skipped(credentials.nameOnWire(), "skipped: the server's certificate cannot be encoded");
        }
        listener.stageStarted(Stage.SIGN_IN, nowMillis.getAsDouble());
        double deadline = deadlineMillis;
        SignInResult result = SignInClient.run(SignInClient.Spec.standard(credentials, request, der), channel,
                nowMillis, deadline, cancellation::isCancelled, step -> progress(step, listener));
        SignInReport report = SignInReport.of(result);
        for (StageResult stage : stages(report)) {
            if (stage.status() == StageStatus.FAILED) {
                listener.stageFinished(stage); // the passed ones were reported as they ended
            }
        }
        return report;
    }

    private static void progress(StepTiming step, ProbeListener listener) {
        if (step.step() == SignInStep.CRYPTO_BINDING && step.passed()) {
            listener.stageFinished(new StageResult(Stage.SIGN_IN, StageStatus.PASSED, 0, 0, step.detail()));
            listener.stageStarted(Stage.GET_ADDRESS, step.startMs() + step.durationMs());
        } else if (step.step() == SignInStep.ADDRESS && step.passed()) {
            listener.stageFinished(new StageResult(Stage.GET_ADDRESS, StageStatus.PASSED, step.startMs(),
                    step.durationMs(), step.detail()));
        }
    }

    /**
     * The two stage rows for a report: from the sign-in steps when it ran, skipped with the reason when
     * it did not, not reached when the call never got that far ({@code report} null and {@code acked} false).
     */
    public static List<StageResult> stages(SignInReport report) {
        List<StageResult> out = new ArrayList<>();
        if (report == null) {
            out.add(StageResult.skipped(Stage.SIGN_IN, "no VPN user name given"));
            out.add(StageResult.skipped(Stage.GET_ADDRESS, "no VPN user name given"));
            return out;
        }
        if (!report.attempted()) {
            out.add(StageResult.skipped(Stage.SIGN_IN, report.skippedReason()));
            out.add(StageResult.skipped(Stage.GET_ADDRESS, report.skippedReason()));
            return out;
        }
        out.add(row(Stage.SIGN_IN, report, List.of("link", "authentication", "crypto_binding")));
        out.add(row(Stage.GET_ADDRESS, report, List.of("address")));
        return out;
    }

    private static StageResult row(Stage stage, SignInReport report, List<String> stepIds) {
        List<SignInReport.Step> steps = report.steps().stream().filter(s -> stepIds.contains(s.id())).toList();
        if (steps.isEmpty()) {
            return StageResult.notReached(stage);
        }
        SignInReport.Step first = steps.get(0);
        SignInReport.Step last = steps.get(steps.size() - 1);
        double duration = last.startMs() + last.durationMs() - first.startMs();
        boolean passed = steps.stream().allMatch(SignInReport.Step::passed);
        return new StageResult(stage, passed ? StageStatus.PASSED : StageStatus.FAILED, first.startMs(), duration,
                passed ? last.detail() : report.detail());
    }
}
