package org.sstpdoctor.probe.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sstpdoctor.probe.CertificateInfo;
import org.sstpdoctor.probe.Finding;
import org.sstpdoctor.probe.Outcome;
import org.sstpdoctor.probe.TlsInfo;

/**
 * Turns a presented chain and Java's trust verdict into certificate findings. Java's validation is
 * the authority on trust; the dates, the name, the key and the key usage are also checked here so
 * that every problem is named, not only the first one Java stopped at.
 */
public final class CertificateAnalyzer {
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String ANY_EKU = "2.5.29.37.0";

    private static final List<Outcome> SEVERITY = List.of(
            Outcome.CERT_UNTRUSTED, Outcome.CERT_EXPIRED, Outcome.CERT_NOT_YET_VALID, Outcome.CERT_NAME_MISMATCH,
            Outcome.CERT_WRONG_KEY_USAGE, Outcome.CERT_WEAK, Outcome.CERT_EXPIRING_SOON);

    private CertificateAnalyzer() {
    }

    /**
     * @param chain as presented by the server, leaf first (may be empty if none was captured)
     * @param trustFailure what Java's trust manager threw, or null when it accepted the chain
     */
    public static TlsInfo analyze(List<X509Certificate> chain, Exception trustFailure, String host, boolean hostIsIp,
                                  Instant now, String protocol, String cipherSuite) {
        Map<Outcome, String> found = new EnumMap<>(Outcome.class);
        boolean nameMatches = false;
        if (trustFailure != null) {
            classifyTrustFailure(trustFailure, found);
        }
        if (!chain.isEmpty()) {
            X509Certificate leaf = chain.get(0);
            checkDates(leaf, now, found);
            nameMatches = HostnameMatcher.matches(leaf, host, hostIsIp);
            if (!nameMatches) {
                found.putIfAbsent(Outcome.CERT_NAME_MISMATCH, "the certificate is for "
                        + describeNames(leaf) + ", not for " + host);
            }
            checkKeyUsage(leaf, found);
            checkStrength(chain, found);
        }
        List<Finding> findings = new ArrayList<>();
        found.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> SEVERITY.indexOf(e.getKey())))
                .forEach(e -> findings.add(new Finding(e.getKey(), e.getValue())));
        List<CertificateInfo> infos = chain.stream().map(CertificateAnalyzer::describe).toList();
        String trustDetail = trustFailure == null ? "" : rootMessage(trustFailure);
        return new TlsInfo(protocol, cipherSuite, infos, trustFailure == null, trustDetail, nameMatches, findings);
    }

    private static void classifyTrustFailure(Exception failure, Map<Outcome, String> found) {
        String message = rootMessage(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                found.put(Outcome.CERT_EXPIRED, t.getMessage());
                return;
            }
            if (t instanceof CertificateNotYetValidException) {
                found.put(Outcome.CERT_NOT_YET_VALID, t.getMessage());
                return;
            }
            if (t instanceof CertPathValidatorException cpve) {
                if (cpve.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                    found.put(Outcome.CERT_EXPIRED, message);
                    return;
                }
                if (cpve.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    found.put(Outcome.CERT_NOT_YET_VALID, message);
                    return;
                }
                if (cpve.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
                    found.put(Outcome.CERT_WEAK, message);
                    return;
                }
            }
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("key usage") || lower.contains("keyusage")) {
            found.put(Outcome.CERT_WRONG_KEY_USAGE, message);
        } else if (lower.contains("algorithm constraints")) {
            found.put(Outcome.CERT_WEAK, message);
        } else {
            found.put(Outcome.CERT_UNTRUSTED, message);
        }
    }

    private static void checkDates(X509Certificate leaf, Instant now, Map<Outcome, String> found) {
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            found.put(Outcome.CERT_EXPIRED, "expired on " + notAfter + " ("
                    + Duration.between(notAfter, now).toDays() + " days ago)");
        } else if (now.isBefore(notBefore)) {
            found.put(Outcome.CERT_NOT_YET_VALID, "valid only from " + notBefore);
        } else if (Duration.between(now, notAfter).compareTo(EXPIRY_WARNING) < 0) {
            found.put(Outcome.CERT_EXPIRING_SOON, "expires on " + notAfter + " (in "
                    + Duration.between(now, notAfter).toDays() + " days)");
        }
    }

    private static void checkKeyUsage(X509Certificate leaf, Map<Outcome, String> found) {
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null) {
            boolean digitalSignature = ku.length > 0 && ku[0];
            boolean keyEncipherment = ku.length > 2 && ku[2];
            boolean keyAgreement = ku.length > 4 && ku[4];
            if (!digitalSignature && !keyEncipherment && !keyAgreement) {
                found.putIfAbsent(Outcome.CERT_WRONG_KEY_USAGE, "key usage " + keyUsage(leaf)
                        + " allows neither digital signature nor key encipherment");
            }
        }
        List<String> eku = extendedKeyUsageOids(leaf);
        if (!eku.isEmpty() && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_EKU)) {
            found.putIfAbsent(Outcome.CERT_WRONG_KEY_USAGE, "extended key usage " + extendedKeyUsage(leaf)
                    + " does not include Server Authentication");
        }
    }

    private static void checkStrength(List<X509Certificate> chain, Map<Outcome, String> found) {
        X509Certificate leaf = chain.get(0);
        int bits = keyBits(leaf.getPublicKey());
        String algorithm = leaf.getPublicKey().getAlgorithm();
        if (("RSA".equals(algorithm) || "DSA".equals(algorithm)) && bits > 0 && bits < MIN_RSA_BITS) {
            found.putIfAbsent(Outcome.CERT_WEAK, algorithm + " key of " + bits + " bits (at least "
                    + MIN_RSA_BITS + " needed)");
            return;
        }
        if ("EC".equals(algorithm) && bits > 0 && bits < MIN_EC_BITS) {
            found.putIfAbsent(Outcome.CERT_WEAK, "EC key of " + bits + " bits (at least " + MIN_EC_BITS + " needed)");
            return;
        }
        // A root's own signature is never checked by clients, so only the certificates below it count.
        for (X509Certificate c : chain) {
            if (isSelfSigned(c) && chain.size() > 1) {
                continue;
            }
            String sig = c.getSigAlgName().toUpperCase(Locale.ROOT);
            if (sig.startsWith("MD5") || sig.startsWith("MD2") || sig.startsWith("SHA1")) {
                found.putIfAbsent(Outcome.CERT_WEAK, "signed with " + c.getSigAlgName() + " ("
                        + c.getSubjectX500Principal().getName() + ")");
                return;
            }
        }
    }

    public static CertificateInfo describe(X509Certificate c) {
        PublicKey key = c.getPublicKey();
        return new CertificateInfo(
                c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                HostnameMatcher.describeAltNames(c),
                fingerprint(c),
                key.getAlgorithm(),
                keyBits(key),
                c.getSigAlgName(),
                keyUsage(c),
                extendedKeyUsage(c),
                isSelfSigned(c),
                c.getBasicConstraints() >= 0);
    }

    static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        return -1;
    }

    private static final String[] KEY_USAGE_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    static List<String> keyUsage(X509Certificate c) {
        boolean[] ku = c.getKeyUsage();
        List<String> out = new ArrayList<>();
        if (ku != null) {
            for (int i = 0; i < ku.length && i < KEY_USAGE_NAMES.length; i++) {
                if (ku[i]) {
                    out.add(KEY_USAGE_NAMES[i]);
                }
            }
        }
        return out;
    }

    private static List<String> extendedKeyUsageOids(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null ? List.of() : eku;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    static List<String> extendedKeyUsage(X509Certificate c) {
        return extendedKeyUsageOids(c).stream().map(CertificateAnalyzer::ekuName).toList();
    }

    private static String ekuName(String oid) {
        return switch (oid) {
            case SERVER_AUTH -> "serverAuth";
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
            case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
            case ANY_EKU -> "anyExtendedKeyUsage";
            default -> oid;
        };
    }

    static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }

    private static String describeNames(X509Certificate leaf) {
        List<String> names = HostnameMatcher.describeAltNames(leaf);
        if (names.isEmpty()) {
            String cn = HostnameMatcher.commonName(leaf.getSubjectX500Principal());
            return cn == null ? "no name at all" : "CN=" + cn;
        }
        return String.join(", ", names);
    }

    /** The most specific message in a cause chain. */
    public static String rootMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
