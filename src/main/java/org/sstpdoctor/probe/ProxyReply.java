package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

import java.util.List;

/**
 * One answer of the web proxy to a CONNECT request.
 *
 * @param connectTarget what was asked for ("vpn.example.com:443")
 * @param credentialsSent whether that request carried Proxy-Authorization (the value itself is never kept)
 * @param authSchemes schemes offered in Proxy-Authenticate ("Basic", "NTLM", "Negotiate")
 */
public record ProxyReply(String connectTarget, boolean credentialsSent, HttpReply reply, List<String> authSchemes) {
    public ProxyReply {
        connectTarget = PeerText.line(connectTarget);
        authSchemes = authSchemes == null ? List.of() : authSchemes.stream().map(PeerText::line).toList();
    }
}
