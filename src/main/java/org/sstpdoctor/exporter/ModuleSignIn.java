package org.sstpdoctor.exporter;

import java.util.Objects;
import org.sstpdoctor.probe.Secret;

/**
 * A module's sign-in test: the VPN account to sign in with and where its password came from. The
 * password is read when the configuration is loaded (from a file or an environment variable, never
 * from the configuration itself), so a reload picks up a rotated password and the status page can
 * name the source without ever showing the secret.
 *
 * @param user the VPN user name
 * @param domain the Windows domain, or empty
 * @param password the password; never printed
 * @param passwordSource where the password was read, e.g. {@code file /etc/sstp/vpn.pw} or {@code environment SSTP_PW}
 */
public record ModuleSignIn(String user, String domain, Secret password, String passwordSource) {
    public ModuleSignIn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        domain = domain == null ? "" : domain;
        passwordSource = passwordSource == null ? "" : passwordSource;
    }

    /** The account as the status page shows it: {@code DOMAIN\\user}. */
    public String account() {
        return domain.isEmpty() ? user : domain + "\\" + user;
    }

    @Override
    public String toString() {
        return "ModuleSignIn[user=" + account() + ", password=[hidden] from " + passwordSource + "]";
    }
}
