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
    /** The practice account when the scenario is about the sign-in; else null. */
    private final org.sstpdoctor.responder.SignInBehaviour signIn;
    static final String PRACTICE_USER = "practice";
    /** Not a secret: the practice server's one account, shown to nobody but filled in for the person. */
    static final String PRACTICE_PASSWORD = "practice-Pa55";

    private PracticeSession(Scenario scenario, SstpResponder responder, Path caFile) {
        this(scenario, responder, caFile, null);
    }

    private PracticeSession(Scenario scenario, SstpResponder responder, Path caFile,
                            org.sstpdoctor.responder.SignInBehaviour signIn) {
        this.signIn = signIn;
        this.scenario = scenario;
        this.responder = responder;
        this.caFile = caFile;
    }

    static PracticeSession start(Scenario scenario) throws IOException {
        return start(scenario, null);
    }

    /** With {@code signIn} set, a working server whose PPP side signs in the practice account as that behaviour says. */
    static PracticeSession start(Scenario scenario, org.sstpdoctor.responder.SignInBehaviour signIn) throws IOException {
        ResponderCertificates certificates = ResponderCertificates.loopback();
        // The practice CA goes to a private temporary file so the normal "trusted CA file" path is exercised.
        Path ca = Files.createTempFile("sstp-doctor-practice-ca", ".pem");
        ca.toFile().deleteOnExit();
        Files.writeString(ca, certificates.caPem(), StandardCharsets.US_ASCII);
        SstpResponder responder = signIn == null
                ? SstpResponder.start(ResponderConfig.loopback(scenario, certificates.serverContext()))
                : SstpResponder.start(ResponderConfig.loopback(Scenario.WORKING, certificates.serverContext()),
                        org.sstpdoctor.responder.SignInConfig.of(PRACTICE_USER,
                                org.sstpdoctor.probe.Secret.of(PRACTICE_PASSWORD.toCharArray())).withBehaviour(signIn));
        return new PracticeSession(scenario, responder, ca, signIn);
    }

    org.sstpdoctor.responder.SignInBehaviour signIn() {
        return signIn;
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
