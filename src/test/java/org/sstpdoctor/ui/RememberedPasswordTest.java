package org.sstpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A remembered proxy password must not follow an edit of the proxy or the user to another account. */
class RememberedPasswordTest {
    private WizardModel model;

    @BeforeEach
    void remembered() {
        model = new WizardModel();
        model.proxyHost.set("proxy.corp");
        model.proxyPort.set("3128");
        model.proxyUser.set("alice");
        model.fillRememberedPassword(model.credentialAccount(), "remembered".toCharArray());
        assertEquals("remembered", model.proxyPassword.get());
    }

    @Test
    void changingTheHostClearsIt() {
        model.proxyHost.set("evil.example");
        assertEquals("", model.proxyPassword.get());
    }

    @Test
    void changingThePortClearsIt() {
        model.proxyPort.set("8080");
        assertEquals("", model.proxyPassword.get());
    }

    @Test
    void changingTheUserClearsIt() {
        model.proxyUser.set("bob");
        assertEquals("", model.proxyPassword.get());
        model.proxyUser.set("alice");
        assertEquals("", model.proxyPassword.get(), "it does not come back by itself");
    }

    @Test
    void aPasswordThePersonTypedStays() {
        model.proxyPassword.set("typed");
        model.proxyHost.set("other.proxy");
        assertEquals("typed", model.proxyPassword.get(), "typed over the remembered one: the person's own");
    }

    @Test
    void aLateAnswerForAnotherAccountIsIgnored() {
        WizardModel fresh = new WizardModel();
        fresh.proxyHost.set("proxy.corp");
        fresh.proxyUser.set("carol");
        fresh.fillRememberedPassword("alice@proxy.corp:3128", "alices".toCharArray());
        assertEquals("", fresh.proxyPassword.get());
    }
}
