package org.sstpdoctor.probe.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The certificate hashes the SSTP client puts in the crypto binding: SHA-256 (or SHA-1) over the DER
 * of the leaf certificate it received in TLS ([MS-SSTP] 2.2.11 CALL_CONNECTED, 3.2.5.3.2). RRAS compares them with
 * the hash of the certificate it is configured with; when something between the client and RRAS
 * presents another certificate (TLS inspection, SSL offload) the binding fails after sign-in
 * (RasSstp event 6).
 *
 * @param sha256 upper-case hex, no separators (as Windows shows thumbprints)
 * @param sha1 upper-case hex, no separators
 * @param expected the hash the person said to expect (normalised), or empty
 * @param matches whether the received certificate has the expected hash; empty without an expectation
 */
public record CryptoBinding(String leafSubject, String sha256, String sha1, String expected,
                            Optional<Boolean> matches) {
    /** Where an administrator compares these hashes, for reports and the knowledge base. */
    public static final String COMPARE_WITH = "Compare with the certificate RRAS is configured with "
            + "(PowerShell: Get-RemoteAccess, its SslCertificate; the SHA-256 hash RRAS keeps under "
            + "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SstpSvc\\Parameters), or with the load balancer's "
            + "certificate when SSL is offloaded in front of RRAS. A different hash here means the crypto "
            + "binding will fail after sign-in (RasSstp event 6).";

    public CryptoBinding {
        expected = expected == null ? "" : expected;
        matches = matches == null ? Optional.empty() : matches;
    }

    public static CryptoBinding of(X509Certificate leaf, String expectedNormalised) {
        byte[] der;
        try {
            der = leaf.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        String sha256 = digest("SHA-256", der);
        String sha1 = digest("SHA-1", der);
        Optional<Boolean> matches = Optional.empty();
        if (expectedNormalised != null && !expectedNormalised.isEmpty()) {
            matches = Optional.of(expectedNormalised.length() == 40 ? expectedNormalised.equals(sha1)
                    : expectedNormalised.equals(sha256));
        }
        return new CryptoBinding(org.sstpdoctor.text.PeerText.line(leaf.getSubjectX500Principal().getName()), sha256, sha1, expectedNormalised, matches);
    }

    /**
     * Accepts a fingerprint as people paste it: with colons, spaces or dashes, any case, with a
     * "sha256:" prefix. SHA-256 (64 hex digits) or SHA-1 (40, a Windows thumbprint).
     *
     * @return the upper-case hex, or empty when it is not a fingerprint
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.trim();
        if (s.length() > 200) {
            return Optional.empty();
        }
        s = s.replaceFirst("(?i)^sha-?(256|1)[:=/ ]", "");
        s = s.replaceAll("[\\s:\\-]", "").toUpperCase(Locale.ROOT);
        if (!s.matches("[0-9A-F]+") || (s.length() != 64 && s.length() != 40)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** "AB:CD:…" for people who compare by eye. */
    public static String withColons(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, Math.min(hex.length(), i + 2));
        }
        return out.toString();
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
