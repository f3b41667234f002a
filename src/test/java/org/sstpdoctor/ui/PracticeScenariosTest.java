package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.Pipeline;
import org.sstpdoctor.probe.ProbeReport;
import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.probe.Stage;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.testing.TestProbes;

/**
 * Practice mode has a scenario for every "will Windows connect?" outcome (issue 12), and each gives
 * that outcome end to end: the practice session as the wizard starts it (its CA file, the fingerprint
 * its story expects), the request as the wizard builds it from the typed fields, the real probe.
 */
class PracticeScenariosTest {
    /** The practice scenario that shows each outcome of the Windows stage. */
    static final Map<Outcome, Scenario> PRACTICE = Map.of(
            Outcome.CAPTIVE_PORTAL, Scenario.CAPTIVE_PORTAL,
            Outcome.TLS_INTERCEPTED, Scenario.INSPECTING_PROXY,
            Outcome.UNEXPECTED_CERTIFICATE, Scenario.SSL_OFFLOAD,
            Outcome.WINDOWS_CANNOT_CONNECT, Scenario.CHACHA20_ONLY,
            Outcome.SOME_WINDOWS_CANNOT_CONNECT, Scenario.TLS_1_3_ONLY,
            Outcome.CLOCK_SKEW, Scenario.SKEWED_CLOCK);

    /**
     * Outcomes a practice scenario shows as a finding rather than the deciding outcome: the practice
     * server cannot speak TLS 1.0 (Java 17 disables it), so Windows 7's warning comes first, and a
     * clock warning does not replace another warning (WindowsView.decide).
     */
    static final Set<Outcome> AS_FINDING = EnumSet.of(Outcome.CLOCK_SKEW);

    @Test
    void everyOutcomeOfTheWindowsStageHasAPracticeScenario() {
        assertEquals(Pipeline.step(Stage.WINDOWS_TLS).outcomes(), PRACTICE.keySet());
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"CAPTIVE_PORTAL", "TLS_INTERCEPTED", "UNEXPECTED_CERTIFICATE",
        "WINDOWS_CANNOT_CONNECT", "SOME_WINDOWS_CANNOT_CONNECT", "CLOCK_SKEW"})
    void thePracticeScenarioGivesItsOutcome(Outcome expected) throws Exception {
        Scenario scenario = PRACTICE.get(expected);
        try (PracticeSession session = PracticeSession.start(scenario)) {
            WizardModel.RequestInput typed = new WizardModel.RequestInput(session.address(), "", ProxyMode.NONE, "", "", "",
                    new char[0], session.caFile().toString(), 15, session.expectedCertificate());
            ProbeReport report = TestProbes.probe().run(typed.toRequest());
            assertTrue(report.findings().stream().anyMatch(f -> f.outcome() == expected),
                    scenario + ": " + report.findings());
            if (!AS_FINDING.contains(expected)) {
                assertEquals(expected, report.outcome(), scenario + ": " + report.detail());
            }
        }
    }

    @Test
    void sslOffloadExpectsTheServersOwnCertificateAndSeesAnother() throws Exception {
        try (PracticeSession session = PracticeSession.start(Scenario.SSL_OFFLOAD)) {
            WizardModel.RequestInput typed = new WizardModel.RequestInput(session.address(), "", ProxyMode.NONE, "", "", "",
                    new char[0], session.caFile().toString(), 15, session.expectedCertificate());
            ProbeReport report = TestProbes.probe().run(typed.toRequest());
            var binding = report.insights().cryptoBinding();
            assertEquals(64, session.expectedCertificate().length());
            assertEquals(session.expectedCertificate(), binding.expected());
            assertTrue(report.detail().contains(session.expectedCertificate()) && report.detail().contains(binding.sha256()),
                    report.detail());
            assertTrue(report.findings().stream().anyMatch(f -> f.outcome() == Outcome.SSTP_ACK),
                    "the SSTP service itself answers: " + report.findings());
        }
        try (PracticeSession working = PracticeSession.start(Scenario.WORKING)) {
            assertEquals("", working.expectedCertificate(), "only the offload story expects a certificate");
        }
    }
    /** What each sign-in practice scenario shows, and what Windows would say. */
    static final Map<org.sstpdoctor.responder.SignInBehaviour, Outcome> SIGN_IN = Map.of(
            org.sstpdoctor.responder.SignInBehaviour.WORKING, Outcome.SIGNED_IN,
            org.sstpdoctor.responder.SignInBehaviour.WRONG_PASSWORD, Outcome.SIGNIN_WRONG_CREDENTIALS,
            org.sstpdoctor.responder.SignInBehaviour.POLICY_REFUSAL, Outcome.SIGNIN_REFUSED,
            org.sstpdoctor.responder.SignInBehaviour.NO_ADDRESS, Outcome.SIGNIN_NO_ADDRESS,
            org.sstpdoctor.responder.SignInBehaviour.REJECT_BINDING, Outcome.SIGNIN_BINDING_REJECTED,
            org.sstpdoctor.responder.SignInBehaviour.SILENT_AFTER_AUTH, Outcome.SIGNIN_NO_ANSWER,
            org.sstpdoctor.responder.SignInBehaviour.AUTH_PROTOCOL_MISMATCH, Outcome.SIGNIN_AUTH_PROTOCOL,
            org.sstpdoctor.responder.SignInBehaviour.MSCHAPV2_NOT_ALLOWED, Outcome.SIGNIN_AUTH_PROTOCOL,
            org.sstpdoctor.responder.SignInBehaviour.LCP_NEVER_CONVERGES, Outcome.SIGNIN_LCP_NOT_CONVERGING);

    /**
     * Each sign-in practice scenario gives its outcome through the request the wizard builds from the
     * practice account it fills in (the practice CA checks revocation first, and finds it good).
     */
    @ParameterizedTest
    @EnumSource(org.sstpdoctor.responder.SignInBehaviour.class)
    void eachSignInPracticeScenarioGivesItsOutcome(org.sstpdoctor.responder.SignInBehaviour behaviour) throws Exception {
        assertTrue(SIGN_IN.containsKey(behaviour), "add " + behaviour + " to SIGN_IN");
        try (PracticeSession session = PracticeSession.start(Scenario.WORKING, behaviour)) {
            WizardModel.RequestInput typed = new WizardModel.RequestInput(session.address(), "", ProxyMode.NONE, "", "", "",
                    new char[0], session.caFile().toString(), 6, session.expectedCertificate(),
                    PracticeSession.PRACTICE_USER, PracticeSession.PRACTICE_PASSWORD.toCharArray(), "");
            ProbeReport report = TestProbes.probe().run(typed.toRequest());
            assertEquals(Outcome.REVOCATION_GOOD, report.revocation().outcome(), report.revocation().detail());
            assertTrue(report.signIn().attempted(), report.signIn().skippedReason());
            assertEquals(SIGN_IN.get(behaviour), report.signIn().outcome(), report.signIn().detail());
            assertEquals(PracticeSession.PRACTICE_USER, report.signIn().user());
        }
    }
}
