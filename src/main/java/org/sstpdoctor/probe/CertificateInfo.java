package org.sstpdoctor.probe;

import org.sstpdoctor.text.PeerText;

import java.time.Instant;
import java.util.List;

/** What a person needs to see of one certificate in the server's chain. */
public record CertificateInfo(
        String subject,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        List<String> subjectAltNames,
        String sha256Fingerprint,
        String keyAlgorithm,
        int keyBits,
        String signatureAlgorithm,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        boolean selfSigned,
        boolean certificateAuthority) {
    public CertificateInfo {
        // Every name in a certificate is the server's choice: made visible where it is captured.
        subject = PeerText.line(subject);
        issuer = PeerText.line(issuer);
        serialNumber = PeerText.line(serialNumber);
        sha256Fingerprint = PeerText.line(sha256Fingerprint);
        keyAlgorithm = PeerText.line(keyAlgorithm);
        signatureAlgorithm = PeerText.line(signatureAlgorithm);
        subjectAltNames = subjectAltNames.stream().map(PeerText::line).toList();
        keyUsage = keyUsage.stream().map(PeerText::line).toList();
        extendedKeyUsage = extendedKeyUsage.stream().map(PeerText::line).toList();
    }
}
