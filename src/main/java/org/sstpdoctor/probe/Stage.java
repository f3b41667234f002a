package org.sstpdoctor.probe;

/** The stages of an SSTP connection, in the order a client goes through them. */
public enum Stage {
    RESOLVE("Name resolution", "Looking up the server's address"),
    TCP_CONNECT("TCP connection", "Connecting"),
    PROXY_CONNECT("Proxy tunnel", "Asking the web proxy for a tunnel"),
    TLS_HANDSHAKE("Secure connection (TLS)", "Setting up the secure connection"),
    SSTP_HTTP("SSTP request", "Sending the SSTP request"),
    SSTP_CONTROL("SSTP answer", "Waiting for the SSTP service to answer"),
    /**
     * The chain's revocation (CRL/OCSP), checked as Windows checks it. Windows checks it during the
     * handshake, before it sends the SSTP request; the probe checks it after the SSTP answer, on the
     * chain it captured, because OkHttp cannot pause inside a connection (issue 11), and before the
     * sign-in, which sends a password only past a chain found good (issue 13).
     */
    REVOCATION("Certificate revocation", "Checking that the certificates are not revoked (CRL/OCSP)"),
    // The optional sign-in test (only with a VPN user name): PPP, authentication, crypto binding.
    SIGN_IN("Signing in", "Signing in with the VPN user name and password"),
    GET_ADDRESS("Getting an address", "Waiting for the server to offer an address"),
    WINDOWS_TLS("Windows versions", "Trying each Windows version's own secure-connection offer"),
    /** What answered (issue 12): one more question to the server when its answers leave it open. */
    SERVER_IDENTITY("What answered", "Asking the server one more question to tell what it is");

    private final String title;
    private final String activity;

    Stage(String title, String activity) {
        this.title = title;
        this.activity = activity;
    }

    /** Short name for a checklist or table. */
    public String title() {
        return title;
    }

    /** What is happening while the stage runs, for progress displays. */
    public String activity() {
        return activity;
    }

    /** Stable lower-case id used in the JSON report ("tls_handshake"). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
