package org.sstpdoctor.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sstpdoctor.responder.PracticePki;
import org.sstpdoctor.responder.ResponderConfig;
import org.sstpdoctor.responder.Scenario;
import org.sstpdoctor.responder.SstpResponder;

/**
 * Practice mode: the built-in SSTP responder on loopback, behaving as the chosen scenario, so a new
 * helpdesk colleague can see every kind of result without touching a real server.
 */
final class PracticeSession implements AutoCloseable {
    private final Scenario scenario;
    private final SstpResponder responder;
    private final Path caFile;

    private final PracticePki pki;
    private final String expectedCertificate;

    private PracticeSession(Scenario scenario, SstpResponder responder, Path caFile, PracticePki pki,
                            String expectedCertificate) {
        this.scenario = scenario;
        this.responder = responder;
        this.caFile = caFile;
        this.pki = pki;
        this.expectedCertificate = expectedCertificate;
    }

    static PracticeSession start(Scenario scenario) throws IOException {
        // A practice CA that publishes a CRL and an OCSP responder on loopback, as a real CA does.
        PracticePki pki = PracticePki.start();
        try {
            // The practice CA goes to a private temporary file so the normal "trusted CA file" path is exercised.
            Path ca = Files.createTempFile("sstp-doctor-practice-ca", ".pem");
            ca.toFile().deleteOnExit();
            Files.writeString(ca, pki.caPem(), StandardCharsets.US_ASCII);
            SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(scenario,
                    pki.serverContext(scenario, PracticePki.LOOPBACK_NAMES)));
            return new PracticeSession(scenario, responder, ca, pki, pki.expectedFingerprint(scenario).orElse(""));
        } catch (IOException | RuntimeException e) {
            pki.close();
            throw e;
        }
    }

    Scenario scenario() {
        return scenario;
    }

    String address() {
        return "localhost:" + responder.port();
    }

    Path caFile() {
        return caFile;
    }

    /** The fingerprint the scenario's story expects (Advanced ▸ expected certificate), or empty. */
    String expectedCertificate() {
        return expectedCertificate;
    }

    @Override
    public void close() {
        responder.close();
        pki.close();
        try {
            Files.deleteIfExists(caFile);
        } catch (IOException ignored) {
            // deleteOnExit removes it later
        }
    }
}
