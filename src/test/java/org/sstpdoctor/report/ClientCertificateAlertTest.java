package org.sstpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.kb.KbEntry;
import org.sstpdoctor.probe.Failure;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.testing.TestCertificates;

/**
 * Issue 14: a server's fatal certificate alert was explained as "install your computer's updates".
 * The responder's TLS_ALERT scenario asks for a client certificate the probe does not have, so the
 * JDK server ends the handshake with certificate_required (TLS 1.3) or bad_certificate (TLS 1.2).
 */
class ClientCertificateAlertTest {
    @Test
    void aServerWantingAClientCertificateGetsItsOwnExplanation() throws IOException {
        ReportFixtures.Probed p = ReportFixtures.scenario(Scenario.TLS_ALERT, TestCertificates.valid());
        assertEquals(Outcome.TLS_HANDSHAKE_FAILED, p.report().outcome(), p.report().detail());
        String alert = Failure.receivedTlsAlert(p.report().detail()).orElseThrow(() -> new AssertionError(p.report().detail()));
        assertTrue(alert.equals("certificate_required") || alert.equals("bad_certificate"), alert);
        KbEntry primary = p.resolution().primary().orElseThrow();
        assertEquals("tls-alert-client-certificate", primary.id());
        String endUser = (primary.endUser().explanation() + " " + String.join(" ", primary.endUser().actions()))
                .toLowerCase(Locale.ROOT);
        assertTrue(endUser.contains("certificate"), endUser);
        assertTrue(endUser.contains("will not change"), "says updates are not the fix: " + endUser);
        assertFalse(endUser.contains("install"), endUser);
        assertEquals("outcome-tls_handshake_failed", p.resolution().entries().get(1).id(), "the general entry follows");
    }

    @Test
    void onlyAnAlertThePeerSentIsNamed() {
        assertEquals(Optional.of("bad_certificate"), Failure.receivedTlsAlert("Received fatal alert: bad_certificate"));
        assertEquals(Optional.of("certificate_required"),
                Failure.receivedTlsAlert("javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_required"));
        assertEquals(Optional.empty(), Failure.receivedTlsAlert("(certificate_unknown) PKIX path building failed"));
        assertEquals(Optional.empty(), Failure.receivedTlsAlert(null));
        assertEquals(Optional.of("handshake_failure"), Failure.receivedTlsAlert("Received fatal alert: handshake_failure"));
        assertEquals(Optional.empty(), ReportFixtures.KB.forTlsAlert("handshake_failure"),
                "a handshake_failure is the general case, not a certificate request");
        assertEquals("tls-alert-client-certificate", ReportFixtures.KB.forTlsAlert("BAD_CERTIFICATE").orElseThrow().id());
        assertEquals("tls-alert-client-certificate", ReportFixtures.KB.lookup("certificate_required").get(0).id());
    }
}
