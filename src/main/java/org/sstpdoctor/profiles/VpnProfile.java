package org.sstpdoctor.profiles;

import java.util.Optional;

/**
 * A VPN connection already set up on this computer, as far as SSTP Doctor needs it. Every text field
 * has been made safe to show ({@link org.sstpdoctor.text.UntrustedText}); nothing secret is kept
 * (a proxy password in a NetworkManager profile is never read).
 *
 * @param name the connection's name, as the person knows it: "Work VPN"
 * @param server the server (the phone book's PhoneNumber, NetworkManager's gateway); never blank
 * @param source where it was found: "rasphone.pbk (this user)", "NetworkManager"
 * @param sstp whether the connection is set to use SSTP
 * @param protocolNote how the connection chooses its protocol: "SSTP only", "VpnStrategy 99 (unknown value)"
 * @param proxy the proxy the profile names, "host:port", or empty
 * @param caFile the CA certificate file the profile names, or empty
 */
public record VpnProfile(String name, String server, String source, VpnStrategy.Sstp sstp, String protocolNote,
                         String proxy, String caFile) {

    public VpnProfile {
        proxy = proxy == null ? "" : proxy;
        caFile = caFile == null ? "" : caFile;
        protocolNote = protocolNote == null ? "" : protocolNote;
    }

    /** "Work VPN — vpn.contoso.com", for a chooser. */
    public String label() {
        return name.equals(server) ? name : name + " — " + server;
    }

    public Optional<String> proxyIfAny() {
        return proxy.isBlank() ? Optional.empty() : Optional.of(proxy);
    }

    public Optional<String> caFileIfAny() {
        return caFile.isBlank() ? Optional.empty() : Optional.of(caFile);
    }
}
