package org.sstpdoctor.signin;

import java.util.Objects;
import org.sstpdoctor.probe.Secret;

/**
 * The VPN user's name, password and optional domain. The password never prints itself; the name
 * on the wire is "DOMAIN\\user" when a domain is given, as Windows sends it in MS-CHAPv2's Name field.
 */
public record Credentials(String user, Secret password, String domain) {
    public static final int MAX_USER_LENGTH = 256;

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        domain = domain == null ? "" : domain.strip();
        user = user.strip();
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the VPN user name is empty");
        }
        if (user.length() > MAX_USER_LENGTH || domain.length() > MAX_USER_LENGTH) {
            throw new IllegalArgumentException("the VPN user name is longer than " + MAX_USER_LENGTH + " characters");
        }
        if (user.chars().anyMatch(Character::isISOControl) || domain.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the VPN user name contains a control character");
        }
    }

    /** What goes in the Name field: "DOMAIN\\user" or "user". */
    public String nameOnWire() {
        return domain.isEmpty() ? user : domain + "\\" + user;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + nameOnWire() + ", password=[hidden]]";
    }
}
