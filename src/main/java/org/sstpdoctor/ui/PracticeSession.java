package org.sstpdoctor.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sstpdoctor.responder.ResponderCertificates;
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

    private PracticeSession(Scenario scenario, SstpResponder responder, Path caFile) {
        this.scenario = scenario;
        this.responder = responder;
        this.caFile = caFile;
    }

    static PracticeSession start(Scenario scenario) throws IOException {
        ResponderCertificates certificates = ResponderCertificates.loopback();
        // The practice CA goes to a private temporary file so the normal "trusted CA file" path is exercised.
        Path ca = Files.createTempFile("sstp-doctor-practice-ca", ".pem");
        ca.toFile().deleteOnExit();
        Files.writeString(ca, certificates.caPem(), StandardCharsets.US_ASCII);
        SstpResponder responder = SstpResponder.start(ResponderConfig.loopback(scenario, certificates.serverContext()));
        return new PracticeSession(scenario, responder, ca);
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

    @Override
    public void close() {
        responder.close();
        try {
            Files.deleteIfExists(caFile);
        } catch (IOException ignored) {
            // deleteOnExit removes it later
        }
    }
}
