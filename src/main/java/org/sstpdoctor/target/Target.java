package org.sstpdoctor.target;

import java.util.Objects;

/**
 * Where to connect.
 *
 * @param asciiHost what goes to DNS, TLS and the Host header: punycode for IDN, lower case, IPv6 without brackets
 * @param displayHost what a person reads (the Unicode form of an IDN)
 */
public record Target(String asciiHost, String displayHost, int port, HostKind kind) {
    public static final int DEFAULT_PORT = 443;

    public Target {
        Objects.requireNonNull(asciiHost, "asciiHost");
        Objects.requireNonNull(kind, "kind");
        displayHost = displayHost == null ? asciiHost : displayHost;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** IPv6 in brackets, else the ASCII host. */
    public String hostForUrl() {
        return kind == HostKind.IPV6 ? "[" + asciiHost + "]" : asciiHost;
    }

    /** Host, and ":port" only when the port is not 443. */
    public String authority() {
        return port == DEFAULT_PORT ? hostForUrl() : hostForUrl() + ":" + port;
    }

    /** The SSTP URL with literal braces, as Microsoft's manual check opens it. */
    public String sstpUrl() {
        return "https://" + authority() + AddressParser.SSTP_PATH;
    }

    @Override
    public String toString() {
        String host = kind == HostKind.IPV6 ? "[" + displayHost + "]" : displayHost;
        return port == DEFAULT_PORT ? host : host + ":" + port;
    }
}
