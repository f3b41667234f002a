package org.sstpdoctor.probe;

import java.util.List;

/**
 * An immutable snapshot of what a {@link Transport} observed of one connection: the input of the
 * {@link TransportStep}s' classification, which reads nothing else.
 *
 * @param connectAttempts each TCP attempt: "127.0.0.1:443 refused"
 * @param connectedTo the address the TCP connection was made to, or empty
 * @param proxyReplies every proxy answer to CONNECT, parsed once
 * @param tls the handshake, or null when TLS never started
 * @param serverSpokeAfterTls whether any byte came back after the ClientHello
 * @param response the server's answer head (with the start of the page when not 200), or null
 * @param responseAtMillis when the answer head had arrived, or -1
 * @param requestHead the exact SSTP request head sent, or empty
 * @param failure why the exchange ended without a usable answer, or null
 * @param notes remarks for the person (proxy credentials not used, ...)
 * @param connectHead the first CONNECT request head sent to the proxy (credentials never shown), or empty
 */
public record Observation(List<String> connectAttempts, String connectedTo, List<ProxyReply> proxyReplies,
                          TlsFacts tls, boolean serverSpokeAfterTls, HttpReply response, double responseAtMillis,
                          String requestHead, Failure failure, List<String> notes, String connectHead) {
    /** Without a proxy's CONNECT head. */
    public Observation(List<String> connectAttempts, String connectedTo, List<ProxyReply> proxyReplies, TlsFacts tls,
                       boolean serverSpokeAfterTls, HttpReply response, double responseAtMillis, String requestHead,
                       Failure failure, List<String> notes) {
        this(connectAttempts, connectedTo, proxyReplies, tls, serverSpokeAfterTls, response, responseAtMillis,
                requestHead, failure, notes, "");
    }

    public Observation {
        connectHead = connectHead == null ? "" : connectHead;
        connectAttempts = List.copyOf(connectAttempts);
        connectedTo = connectedTo == null ? "" : connectedTo;
        proxyReplies = List.copyOf(proxyReplies);
        requestHead = requestHead == null ? "" : requestHead;
        notes = List.copyOf(notes);
    }

    /** The last answer of the proxy, or null. */
    public ProxyReply lastProxyReply() {
        return proxyReplies.isEmpty() ? null : proxyReplies.get(proxyReplies.size() - 1);
    }
}
