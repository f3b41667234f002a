package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

import java.util.List;

/**
 * The secure connection as negotiated, and the server's certificate chain as presented (captured
 * even when the handshake or validation failed).
 *
 * @param trusted whether the chain validated against the system's and the extra trusted CAs
 * @param trustDetail why not, in Java's words, when not trusted
 * @param findings certificate problems, worst first; empty when the certificate is fine
 */
public record TlsInfo(String protocol, String cipherSuite, List<CertificateInfo> chain, boolean trusted,
                      String trustDetail, boolean nameMatches, List<Finding> findings) {
    public TlsInfo {
        chain = chain == null ? List.of() : List.copyOf(chain);
        findings = findings == null ? List.of() : List.copyOf(findings);
        trustDetail = PeerText.line(trustDetail); // Java's words quote the certificate's names
        protocol = PeerText.line(protocol);
        cipherSuite = PeerText.line(cipherSuite);
    }
}
