package org.sstpdoctor.probe;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the TLS handshake showed, as captured: the chain presented (even when validation failed),
 * Java's trust verdict, and what was negotiated (empty when the handshake did not complete).
 */
public record TlsFacts(List<X509Certificate> chain, CertificateException trustFailure, String protocol,
                       String cipherSuite) {
    public TlsFacts {
        chain = chain == null ? List.of() : List.copyOf(chain);
        protocol = protocol == null ? "" : protocol;
        cipherSuite = cipherSuite == null ? "" : cipherSuite;
    }

    public boolean completed() {
        return !protocol.isEmpty();
    }
}
