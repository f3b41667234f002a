package org.sstpdoctor.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstpdoctor.exporter.ExporterHarness.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.probe.Secret;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SignInBehaviour;
import org.sstpdoctor.responder.SignInConfig;
import org.sstpdoctor.responder.SstpResponder;
import org.sstpdoctor.testing.TestCertificates;

/** A module's sign-in account and its revocation switch, through the exporter against the responder's PPP side. */
class ExporterSignInTest {
    private static final String USER = "probe";
    private static final String PASSWORD = "Exp0rter-Pa55word";

    @TempDir
    Path dir;

    private String config() throws Exception {
        Files.writeString(dir.resolve("right.pw"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong.pw"), "not-" + PASSWORD + "\n");
        return """
                modules:
                  signin:
                    proxy: none
                    trust_ca: [CA]
                    timeout: 8s
                    windows_check: false
                    sign_in: {user: probe, password_file: DIR/right.pw}
                  wrong:
                    proxy: none
                    trust_ca: [CA]
                    timeout: 8s
                    windows_check: false
                    sign_in: {user: probe, password_file: DIR/wrong.pw}
                  norevocation:
                    proxy: none
                    trust_ca: [CA]
                    timeout: 8s
                    windows_check: false
                    revocation_check: false
                """.replace("DIR", dir.toString());
    }

    private static SstpResponder responder(SignInBehaviour behaviour) throws Exception {
        ResponderConfig config = ResponderConfig.loopback(Scenario.WORKING, TestCertificates.valid())
                .withHashBitmask(0x03).withNegotiationTimeout(Duration.ofSeconds(10));
        return SstpResponder.start(config, SignInConfig.of(USER, Secret.of(PASSWORD.toCharArray())).withBehaviour(behaviour));
    }

    @Test
    void theModulesAccountSignsInAgainAtEveryScrape() throws Exception {
        try (SstpResponder server = responder(SignInBehaviour.WORKING); ExporterHarness h = ExporterHarness.start(dir, config())) {
            for (int scrape = 0; scrape < 2; scrape++) { // the module's password is copied per probe, never used up
                String m = h.get("/probe?target=localhost:" + server.port() + "&module=signin").body();
                assertEquals(1.0, sample(m, "probe_success"), m);
                assertEquals(1.0, sample(m, "sstp_signin_attempted"), m);
                assertEquals(1.0, sample(m, "sstp_signin_success"), m);
                assertEquals(1.0, sample(m, "sstp_signin_info{outcome=\"signed_in\"}"), m);
                assertTrue(m.contains("sstp_signin_step_duration_seconds{step=\""), m);
                assertEquals(1.0, sample(m, "sstp_stage_info{stage=\"sign_in\",status=\"passed\"}"), m);
                assertFalse(m.contains(PASSWORD));
            }
            String page = h.get("/").body();
            assertTrue(page.contains("probe (password from file " + dir.resolve("right.pw") + ")"), page);
            assertFalse(page.contains(PASSWORD), "the status page never shows the password");
            String report = h.get("/report?id=1").body();
            assertTrue(report.contains("probe"), "the report names the user");
            assertFalse(report.contains(PASSWORD), "the report never shows the password");
        }
    }

    @Test
    void aWrongPasswordIsAFailingProbeWithItsOutcome() throws Exception {
        try (SstpResponder server = responder(SignInBehaviour.WORKING); ExporterHarness h = ExporterHarness.start(dir, config())) {
            String m = h.get("/probe?target=localhost:" + server.port() + "&module=wrong").body();
            assertEquals(0.0, sample(m, "probe_success"), m);
            assertEquals(1.0, sample(m, "sstp_signin_attempted"), m);
            assertEquals(0.0, sample(m, "sstp_signin_success"), m);
            assertEquals(1.0, sample(m, "sstp_signin_info{outcome=\"signin_wrong_credentials\"}"), m);
            assertEquals(1.0, sample(m, "sstp_outcome_info{outcome=\"signin_wrong_credentials\",verdict=\"fail\"}"), m);
        }
    }

    @Test
    void revocationTurnedOffIsSaidSoNeverGood() throws Exception {
        try (SstpResponder server = responder(SignInBehaviour.WORKING); ExporterHarness h = ExporterHarness.start(dir, config())) {
            String m = h.get("/probe?target=localhost:" + server.port() + "&module=norevocation").body();
            assertEquals(1.0, sample(m, "sstp_revocation_info{status=\"revocation_turned_off\"}"), m);
            assertNull(sample(m, "sstp_revocation_info{status=\"revocation_good\"}"), m);
            assertNull(sample(m, "sstp_revocation_offline"), "no check, no offline alert: " + m);
            assertEquals(1.0, sample(m, "sstp_stage_info{stage=\"revocation\",status=\"skipped\"}"), m);
            assertNull(sample(m, "sstp_signin_attempted"), "no sign_in account, no sign-in metrics: " + m);
            String on = h.get("/probe?target=localhost:" + server.port() + "&module=signin").body();
            assertNotNull(sample(on, "sstp_revocation_info{status=\"revocation_good\"}"), on);
        }
    }
}
