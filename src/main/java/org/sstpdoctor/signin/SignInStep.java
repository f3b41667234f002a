package org.sstpdoctor.signin;

import java.util.Locale;

/** The steps of the sign-in test, in order. */
public enum SignInStep {
    LINK("Agreeing on the PPP link (LCP)"),
    AUTHENTICATION("Checking the user name and password"),
    CRYPTO_BINDING("Binding the sign-in to the certificate (Call Connected)"),
    ADDRESS("Getting an address (IPCP)"),
    HANG_UP("Hanging up");

    private final String title;

    SignInStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
