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
        return ResponderCertificates.serverContext(leaf().signedBy(CA).build(), CA);
    }

    public static SSLContext expired() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(leaf().signedBy(CA)
                .validityInterval(now.minus(Duration.ofDays(400)).toEpochMilli(), now.minus(Duration.ofDays(35)).toEpochMilli())
                .build(), CA);
    }

    public static SSLContext notYetValid() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(leaf().signedBy(CA)
                .validityInterval(now.plus(Duration.ofDays(10)).toEpochMilli(), now.plus(Duration.ofDays(400)).toEpochMilli())
                .build(), CA);
    }

    public static SSLContext expiringSoon() {
        Instant now = Instant.now();
        return ResponderCertificates.serverContext(leaf().signedBy(CA)
                .validityInterval(now.minus(Duration.ofDays(300)).toEpochMilli(), now.plus(Duration.ofDays(12)).toEpochMilli())
                .build(), CA);
    }

    public static SSLContext wrongName() {
        Instant now = Instant.now();
        HeldCertificate cert = new HeldCertificate.Builder()
                .commonName("vpn.other.example")
                .addSubjectAlternativeName("vpn.other.example")
                .validityInterval(now.minus(Duration.ofDays(1)).toEpochMilli(), now.plus(Duration.ofDays(200)).toEpochMilli())
                .signedBy(CA)
                .build();
        return ResponderCertificates.serverContext(cert, CA);
    }

    public static SSLContext selfSigned() {
        return ResponderCertificates.serverContext(leaf().build());
    }

    public static SSLContext fromOtherCa() {
        return ResponderCertificates.serverContext(leaf().signedBy(OTHER_CA).build(), OTHER_CA);
    }

    public static SSLContext weakKey() {
        return ResponderCertificates.serverContext(leaf().keyPair(rsa(1024)).signedBy(CA).build(), CA);
    }

    /** A certificate whose extended key usage is client authentication only: not for a server. */
    public static SSLContext clientAuthOnly() {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    CA.certificate().getSubjectX500Principal(), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(200))),
                    new X500Principal("CN=localhost"), keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA.keyPair().getPrivate())));
            return ResponderCertificates.serverContext(new HeldCertificate(keys, cert), CA);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
