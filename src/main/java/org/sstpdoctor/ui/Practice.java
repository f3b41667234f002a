package org.sstpdoctor.ui;

import org.sstpdoctor.probe.ProxyMode;
import org.sstpdoctor.responder.Scenario;

/**
 * Practice mode for the wizard: starts the built-in responder in the background, fills the pages for
 * it, and on stop puts back exactly what the person had typed before.
 */
final class Practice {
    private final WizardController wizard;
    private PracticeSession session;
    /** What the address page held before practice began. */
    private String savedAddress;
    private String savedPort;
    private String savedDestination;

    Practice(WizardController wizard) {
        this.wizard = wizard;
    }

    boolean running() {
        return session != null;
    }

    void start(Scenario scenario) {
        start(scenario, null);
    }

    /** With {@code signIn}: a working server that signs in the practice account (filled in) as that behaviour says. */
    void start(Scenario scenario, org.sstpdoctor.responder.SignInBehaviour signIn) {
        stop();
        WizardModel model = wizard.model();
        // Certificates, a temporary file and a listening socket: made in the background.
        wizard.services().background().run(() -> PracticeSession.start(scenario, signIn), started -> {
            if (wizard.closed()) {
                started.close(); // the window went away while the responder was starting
                return;
            }
            stop();
            session = started;
            savedAddress = model.address.get();
            savedPort = model.port.get();
            savedDestination = model.destinationName.get();
            model.address.set(started.address());
            model.port.set("");
            model.destinationName.set(Texts.get("practice.destination"));
            model.proxyMode.set(ProxyMode.NONE);
            started.proxyPort().ifPresent(port -> { // the practice server plays the web proxy
                model.proxyMode.set(ProxyMode.MANUAL);
                model.proxyHost.set("localhost");
                model.proxyPort.set(String.valueOf(port));
                model.proxyUser.set("");
            });
            model.caFile.set(started.caFile().toString());
            // After the address, whose change brings back a remembered fingerprint: practice expects its own, or none.
            model.expectedCertificate.set(started.expectedCertificate());
            model.practiceBanner.set(Texts.get("practice.banner", signIn == null ? scenario.description()
                    : Texts.get("practice.signin", signIn.description())));
            if (signIn != null) {
                model.vpnUser.set(PracticeSession.PRACTICE_USER);
                model.vpnPassword.set(PracticeSession.PRACTICE_PASSWORD);
                model.vpnDomain.set("");
            }
            wizard.stopPracticeMenuItem().setDisable(false);
            wizard.show(WizardController.Page.ADDRESS);
        }, error -> wizard.status(Texts.get("practice.failed", BackgroundJobs.message(error))));
    }

    void stop() {
        if (session != null) {
            session.close();
            session = null;
            WizardModel model = wizard.model();
            model.practiceBanner.set("");
            model.apply(wizard.settings().current()); // back to what was remembered: proxy, CA file, time limit
            model.address.set(savedAddress == null ? "" : savedAddress); // and to what was typed
            model.port.set(savedPort == null ? "" : savedPort);
            model.destinationName.set(savedDestination == null ? Texts.get("address.destination.default") : savedDestination);
            if (PracticeSession.PRACTICE_USER.equals(model.vpnUser.get())) {
                model.vpnUser.set(""); // the practice account is not the person's
                model.vpnPassword.set("");
            }
        }
        wizard.stopPracticeMenuItem().setDisable(true);
    }
}
