package org.sstpdoctor.probe;

import java.util.Objects;
import org.sstpdoctor.target.ProxyEndpoint;

/**
 * How to reach the server: directly, through the system's proxy, or through a typed one, with
 * optional credentials. The password is a {@link Secret} and never appears in {@link #toString()}.
 */
public record ProxySettings(ProxyMode mode, ProxyEndpoint endpoint, String user, Secret password) {
    public static final ProxySettings NONE = new ProxySettings(ProxyMode.NONE, null, null, null);
    public static final ProxySettings SYSTEM = new ProxySettings(ProxyMode.SYSTEM, null, null, null);

    public ProxySettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == ProxyMode.MANUAL && endpoint == null) {
            throw new IllegalArgumentException("a manual proxy needs an endpoint");
        }
        if (mode != ProxyMode.MANUAL) {
            endpoint = null;
        }
        if (user != null && user.isBlank()) {
            user = null;
        }
        if (user == null) {
            password = null;
        }
    }

    public static ProxySettings manual(ProxyEndpoint endpoint) {
        return new ProxySettings(ProxyMode.MANUAL, endpoint, null, null);
    }

    /** The same settings with credentials for the proxy (used only if the proxy asks). */
    public ProxySettings withCredentials(String user, Secret password) {
        return new ProxySettings(mode, endpoint, user, password);
    }

    public boolean hasCredentials() {
        return user != null;
    }

    @Override
    public String toString() {
        return "ProxySettings[mode=" + mode + ", endpoint=" + endpoint + ", user=" + user
                + (password != null ? ", password=[hidden]" : "") + "]";
    }
}
