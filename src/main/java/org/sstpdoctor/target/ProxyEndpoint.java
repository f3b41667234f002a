package org.sstpdoctor.target;

import java.util.Objects;

/** A web proxy's address: host and port, both required. */
public record ProxyEndpoint(String asciiHost, String displayHost, int port, HostKind kind) {
    public ProxyEndpoint {
        Objects.requireNonNull(asciiHost, "asciiHost");
        Objects.requireNonNull(kind, "kind");
        displayHost = displayHost == null ? asciiHost : displayHost;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    public String hostForUrl() {
        return kind == HostKind.IPV6 ? "[" + asciiHost + "]" : asciiHost;
    }

    @Override
    public String toString() {
        return (kind == HostKind.IPV6 ? "[" + displayHost + "]" : displayHost) + ":" + port;
    }
}
