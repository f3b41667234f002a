package org.sstpdoctor.probe;

import java.util.List;
import org.sstpdoctor.signin.SignInResult;
import org.sstpdoctor.signin.StepTiming;
import org.sstpdoctor.text.PeerText;

/**
 * The sign-in test's part of a report: present only when a VPN user name was given. Says which user
 * signed in, never the password.
 *
 * @param attempted false when the test was skipped (then {@code skippedReason} says why)
 * @param outcome the sign-in's outcome, or null when skipped
 * @param windowsError what Windows would show ("691", "720", "RasSstp event 6"…), "" if nothing specific
 * @param serverMessage the server's own text, sanitised ("" if none)
 */
public record SignInReport(String user, boolean attempted, String skippedReason, Outcome outcome, String windowsError,
                           String detail, String authProtocol, String hashProtocol, String address,
                           List<String> dnsServers, String serverMessage, List<Step> steps, String ending,
                           List<String> notes) {

    /** One step with its timing, in milliseconds from the probe's start. */
    public record Step(String id, String title, boolean passed, double startMs, double durationMs, String detail) {
        public Step {
            detail = PeerText.line(detail);
        }
    }

    public SignInReport {
        dnsServers = List.copyOf(dnsServers);
        steps = List.copyOf(steps);
        notes = notes.stream().map(PeerText::line).toList();
        serverMessage = PeerText.line(serverMessage);
        detail = PeerText.line(detail);
        user = PeerText.line(user);
    }

    public static SignInReport skipped(String user, String reason) {
        return new SignInReport(user, false, reason, null, "", reason, "", "", "", List.of(), "", List.of(), "", List.of());
    }

    public static SignInReport of(SignInResult result) {
        List<Step> steps = result.steps().stream().map(SignInReport::step).toList();
        return new SignInReport(result.user(), true, "", SignInOutcomes.outcome(result.status()),
                SignInOutcomes.windowsError(result), result.detail(), result.authProtocol(), result.hashProtocol(),
                result.address(), result.dnsServers(), result.serverMessage(), steps, result.ending(), result.notes());
    }

    private static Step step(StepTiming t) {
        return new Step(t.step().id(), t.step().title(), t.passed(), t.startMs(), t.durationMs(), t.detail());
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }
}
