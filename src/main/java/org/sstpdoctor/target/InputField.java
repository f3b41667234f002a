package org.sstpdoctor.target;

import java.util.Arrays;

/**
 * The inputs a person fills in, one name each for the parsers, the engine, the command line and
 * the wizard's pages (which mark the field a problem belongs to).
 */
public enum InputField {
    ADDRESS("address"),
    PORT("port"),
    PROXY("proxy"),
    PROXY_PORT("proxy port"),
    PROXY_USER("proxy user"),
    PROXY_PASSWORD("proxy password"),
    TRUSTED_CA_FILE("trusted CA file"),
    TIMEOUT("timeout"),
    CONCURRENCY("concurrency"),
    FORMAT("format"),
    FILE("file"),
    /** The fingerprint the server's certificate should have ({@code --expect-certificate}, the wizard's field). */
    EXPECTED_CERTIFICATE("certificate"),
    /** The optional sign-in test's credentials ({@code --vpn-user}, the wizard's sign-in page); never the password's value. */
    VPN_USER("VPN user"),
    VPN_PASSWORD("VPN password"),
    /** An input with no field of its own. */
    OTHER("input");

    private final String label;

    InputField(String label) {
        this.label = label;
    }

    /** Lower-case words for messages: "proxy port". */
    public String label() {
        return label;
    }

    /** The field named by its label ("trust file" is the old name of the CA file); {@link #OTHER} if none. */
    public static InputField fromLabel(String label) {
        if ("trust file".equals(label)) {
            return TRUSTED_CA_FILE;
        }
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst().orElse(OTHER);
    }
}
