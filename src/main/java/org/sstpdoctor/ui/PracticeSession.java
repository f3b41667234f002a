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
    /** The practice account when the scenario is about the sign-in; else null. */
    private final org.sstpdoctor.responder.SignInBehaviour signIn;
    static final String PRACTICE_USER = "practice";
    /** Not a secret: the practice server's one account, shown to nobody but filled in for the person. */
    static final String PRACTICE_PASSWORD = "practice-Pa55";

    private final PracticePki pki;
    private final String expectedCertificate;

    private PracticeSession(Scenario scenario, SstpResponder responder, Path caFile, PracticePki pki,
                            String expectedCertificate, org.sstpdoctor.responder.SignInBehaviour signIn) {
        this.signIn = signIn;
        this.scenario = scenario;
        this.responder = responder;
        this.caFile = caFile;
        this.pki = pki;
        this.expectedCertificate = expectedCertificate;
    }

    static PracticeSession start(Scenario scenario) throws IOException {
        return start(scenario, null);
    }

    /** With {@code signIn} set, a working server whose PPP side signs in the practice account as that behaviour says. */
    static PracticeSession start(Scenario scenario, org.sstpdoctor.responder.SignInBehaviour signIn) throws IOException {
        // A practice CA that publishes a CRL and an OCSP responder on loopback, as a real CA does.
        PracticePki pki = PracticePki.start();
        try {
            // The practice CA goes to a private temporary file so the normal "trusted CA file" path is exercised.
            Path ca = Files.createTempFile("sstp-doctor-practice-ca", ".pem");
            ca.toFile().deleteOnExit();
            Files.writeString(ca, pki.caPem(), StandardCharsets.US_ASCII);
            ResponderConfig config = ResponderConfig.loopback(scenario,
                    pki.serverContext(scenario, PracticePki.LOOPBACK_NAMES));
            SstpResponder responder = signIn == null ? SstpResponder.start(config)
                    : SstpResponder.start(config, org.sstpdoctor.responder.SignInConfig.of(PRACTICE_USER,
                            org.sstpdoctor.probe.Secret.of(PRACTICE_PASSWORD.toCharArray())).withBehaviour(signIn));
            return new PracticeSession(scenario, responder, ca, pki, pki.expectedFingerprint(scenario).orElse(""), signIn);
        } catch (IOException | RuntimeException e) {
            pki.close();
            throw e;
        }
    }

    org.sstpdoctor.responder.SignInBehaviour signIn() {
        return signIn;
    }

    Scenario scenario() {
        return scenario;
    }

    /**
     * The address to test: the practice server's, or for a scenario that plays the web proxy
     * ({@link Scenario#actsAsProxy}) a VPN server behind it that the proxy never lets through.
     */
    String address() {
        return scenario.actsAsProxy() ? BEHIND_PROXY : "localhost:" + responder.port();
    }

    /** The VPN server's name behind a practice proxy: never looked up here (the proxy would look it up). */
    static final String BEHIND_PROXY = "vpn.example.com";

    /** The practice web proxy's port, for a scenario that plays one. */
    java.util.OptionalInt proxyPort() {
        return scenario.actsAsProxy() ? java.util.OptionalInt.of(responder.port()) : java.util.OptionalInt.empty();
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
