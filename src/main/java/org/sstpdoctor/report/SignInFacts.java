package org.sstpdoctor.report;

import java.util.ArrayList;
import java.util.List;
import org.sstpdoctor.probe.SignInReport;

/** The sign-in test's facts as name/value pairs, the same in every human-readable format. Never a password. */
final class SignInFacts {
    record Fact(String name, String value) {
    }

    private SignInFacts() {
    }

    static String heading(SignInReport s) {
        return "Sign-in test (user " + s.user() + ")";
    }

    static List<Fact> facts(SignInReport s) {
        List<Fact> out = new ArrayList<>();
        if (!s.attempted()) {
            out.add(new Fact("Not run", s.skippedReason()));
            return out;
        }
        out.add(new Fact("Result", s.outcome().title() + " [" + s.outcome().id() + "]"));
        if (!s.windowsError().isEmpty()) {
            out.add(new Fact("Windows", s.windowsError().startsWith("RasSstp") ? s.windowsError() : "error " + s.windowsError()));
        }
        if (!s.authProtocol().isEmpty()) {
            out.add(new Fact("Method", s.authProtocol() + (s.hashProtocol().isEmpty() ? "" : "; crypto binding " + s.hashProtocol())));
        }
        if (!s.address().isEmpty()) {
            out.add(new Fact("Address", s.address()
                    + (s.dnsServers().isEmpty() ? "" : " (DNS " + String.join(", ", s.dnsServers()) + ")")));
        }
        if (!s.serverMessage().isEmpty()) {
            out.add(new Fact("Server said", s.serverMessage()));
        }
        if (!s.ending().isEmpty()) {
            out.add(new Fact("Ending", s.ending()));
        }
        s.notes().forEach(n -> out.add(new Fact("Note", n)));
        return out;
    }

    /** One line per step: "[ OK ] title (12 ms): detail". */
    static List<String> steps(SignInReport s) {
        return s.steps().stream().map(step -> (step.passed() ? "passed" : "failed") + ": " + step.title() + " ("
                + TextReport.millis(step.durationMs()) + ")" + (step.detail().isEmpty() ? "" : " - " + step.detail())).toList();
    }
}
