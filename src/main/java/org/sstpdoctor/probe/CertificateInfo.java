package org.sstpdoctor.probe;

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
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }
}
