package org.sstpdoctor.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sstpdoctor.responder.ResponderCertificates;

/**
 * Certificates made by the tests themselves: a private CA and server certificates for "localhost"
 * that are valid, expired, not yet valid, for the wrong name, self-signed, weak, or not for servers.
 */
public final class TestCertificates {
    public static final HeldCertificate CA = new HeldCertificate.Builder()
            .commonName("SSTP Doctor Test CA")
            .certificateAuthority(0)
            .build();
    public static final HeldCertificate OTHER_CA = new HeldCertificate.Builder()
            .commonName("Somebody Else's CA")
            .certificateAuthority(0)
            .build();

    private TestCertificates() {
    }

    /**
     * A server certificate signed by {@code ca} that names the CA's CRL distribution point (on the
     * test run's loopback CRL server), for "localhost", 127.0.0.1 and ::1 unless other names are given.
     */
    static HeldCertificate published(HeldCertificate ca, Instant notBefore, Instant notAfter, KeyPair keys,
                                     KeyPurposeId usage, String... names) {
        java.util.List<String> all = names.length == 0 ? java.util.List.of("localhost", "127.0.0.1", "::1")
                : java.util.List.of(names);
        org.sstpdoctor.responder.RevocationAuthority.Issued issued = org.sstpdoctor.responder.RevocationAuthority
                .of(ca.certificate(), ca.keyPair())
                .issue(all, java.util.List.of(TestRevocation.crlUrl(ca)), java.util.List.of(), notBefore, notAfter, keys,
                        usage);
        return new HeldCertificate(issued.keys(), issued.certificate());
    }

    private static HeldCertificate published(Instant notBefore, Instant notAfter) {
        return published(CA, notBefore, notAfter, null, KeyPurposeId.id_kp_serverAuth);
    }

    private static HeldCertificate.Builder leaf() {
        Instant now = Instant.now();
        return new HeldCertificate.Builder()
                .commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("::1")
                .validityInterval(now.minus(Duration.ofDays(1)).toEpochMilli(), now.plus(Duration.ofDays(200)).toEpochMilli());
    }

    public static SSLContext valid() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200))), CA);
    }

    public static SSLContext expired() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))), CA);
    }

    public static SSLContext notYetValid() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(400))), CA);
    }

    public static SSLContext expiringSoon() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(12))), CA);
    }

    public static SSLContext wrongName() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200)),
                null, KeyPurposeId.id_kp_serverAuth, "vpn.other.example"), CA);
    }

    public static SSLContext selfSigned() {
        return ResponderCertificates.serverContext(leaf().build());
    }

    public static SSLContext fromOtherCa() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(OTHER_CA, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(200)), null, KeyPurposeId.id_kp_serverAuth), OTHER_CA);
    }

    public static SSLContext weakKey() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200)),
                rsa(1024), KeyPurposeId.id_kp_serverAuth), CA);
    }

    /** An RSA 2048-bit server certificate (the others are ECDSA) that names the CA's CRL, as a real one would. */
    public static SSLContext validRsa() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200)),
                rsa(2048), KeyPurposeId.id_kp_serverAuth, "localhost"), CA);
    }

    /** A certificate whose extended key usage is client authentication only: not for a server. */
    public static SSLContext clientAuthOnly() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(published(CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200)),
                null, KeyPurposeId.id_kp_clientAuth, "localhost"), CA);
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
