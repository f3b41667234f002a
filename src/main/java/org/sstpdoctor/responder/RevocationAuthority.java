package org.sstpdoctor.responder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A small certificate authority made at run time (EC P-256, BouncyCastle) that issues server
 * certificates naming CRL distribution points and OCSP responders, and signs the CRLs and OCSP
 * answers for them: the practice responder's revocation scenarios, and the tests'.
 */
public final class RevocationAuthority {
    /** What an OCSP answer or a CRL says about a serial number. */
    public enum Status { GOOD, REVOKED, UNKNOWN }

    /** An issued certificate with its key. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private RevocationAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** An authority around an existing CA certificate and its keys (a test's or another tool's CA). */
    public static RevocationAuthority of(X509Certificate certificate, KeyPair keys) {
        return new RevocationAuthority(keys, certificate);
    }

    public static RevocationAuthority create(String name) {
        try {
            KeyPair keys = newKeys();
            Instant now = Instant.now();
            X500Principal subject = new X500Principal("CN=" + name);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new RevocationAuthority(keys, sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make a certificate authority: " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** A server certificate for {@code names} (DNS names or IP addresses), valid one year. */
    public Issued issueServer(List<String> names, List<String> crlUrls, List<String> ocspUrls) {
        return issue(names, crlUrls, ocspUrls, false);
    }

    /** A certificate this CA authorises to sign OCSP answers for it (RFC 6960 §4.2.2.2). */
    public Issued issueOcspSigner() {
        return issue(List.of("OCSP signer"), List.of(), List.of(), true);
    }

    private Issued issue(List<String> names, List<String> crlUrls, List<String> ocspUrls, boolean ocspSigner) {
        Instant now = Instant.now();
        return issue(names, crlUrls, ocspUrls, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)), null,
                ocspSigner ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_serverAuth);
    }

    /**
     * A certificate for {@code names} with the given validity, keys (null: a new EC P-256 pair) and
     * extended key usage, naming {@code crlUrls} and {@code ocspUrls}.
     */
    public Issued issue(List<String> names, List<String> crlUrls, List<String> ocspUrls, Instant notBefore,
                        Instant notAfter, KeyPair keysOrNull, KeyPurposeId usage) {
        boolean ocspSigner = KeyPurposeId.id_kp_OCSPSigning.equals(usage);
        try {
            KeyPair leafKeys = keysOrNull == null ? newKeys() : keysOrNull;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(notBefore), Date.from(notAfter),
                    new X500Principal("CN=" + names.get(0)), leafKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | (leafKeys.getPublic().getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0)));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
            if (!ocspSigner) {
                GeneralName[] sans = names.stream().map(n -> n.matches("[0-9.]+|.*:.*")
                        ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            }
            if (!crlUrls.isEmpty()) {
                DistributionPoint[] points = crlUrls.stream().map(u -> new DistributionPoint(new DistributionPointName(
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(u)))),
                        null, null)).toArray(DistributionPoint[]::new);
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points));
            }
            if (!ocspUrls.isEmpty()) {
                AccessDescription[] access = ocspUrls.stream().map(u -> new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(u))))
                        .toArray(AccessDescription[]::new);
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(access));
            }
            return new Issued(sign(builder, keys.getPrivate()), leafKeys);
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate: " + e, e);
        }
    }

    /**
     * A CRL listing {@code revoked} (serial → reason code, RFC 5280 §5.3.1), signed with
     * {@code signer} (this CA's key for a valid CRL; any other for a bad signature).
     */
    public byte[] crl(Map<BigInteger, Integer> revoked, Instant thisUpdate, Instant nextUpdate, PrivateKey signer) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(certificate).getSubject(),
                    Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            Date revokedAt = Date.from(thisUpdate.minus(Duration.ofDays(1)));
            revoked.forEach((serial, reason) -> builder.addCRLEntry(serial, revokedAt, reason));
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm(signer)).build(signer);
            return new JcaX509CRLConverter().getCRL(builder.build(contentSigner)).getEncoded();
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make a CRL: " + e, e);
        }
    }

    /** A current CRL (valid seven days), signed by this CA. */
    public byte[] crl(Map<BigInteger, Integer> revoked) {
        Instant now = Instant.now();
        return crl(revoked, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), keys.getPrivate());
    }

    /**
     * The OCSP answer to {@code request}: each certificate's status from {@code status}, signed by
     * {@code signerKey} with {@code signerCertificate} attached (null: this CA signs it itself).
     */
    public byte[] ocspAnswer(byte[] request, java.util.function.Function<BigInteger, Status> status,
                             PrivateKey signerKey, X509Certificate signerCertificate) {
        try {
            OCSPReq ocspRequest = new OCSPReq(request);
            X509Certificate signer = signerCertificate == null ? certificate : signerCertificate;
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(signer).getSubject()));
            Instant now = Instant.now();
            for (Req one : ocspRequest.getRequestList()) {
                CertificateID id = one.getCertID();
                CertificateStatus answer = switch (status.apply(id.getSerialNumber())) {
                    case GOOD -> CertificateStatus.GOOD;
                    case REVOKED -> new RevokedStatus(Date.from(now.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
                    case UNKNOWN -> new UnknownStatus();
                };
                builder.addResponse(id, answer, Date.from(now.minus(Duration.ofMinutes(1))),
                        Date.from(now.plus(Duration.ofDays(1))));
            }
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm(signerKey)).build(signerKey);
            X509CertificateHolder[] chain = signerCertificate == null ? null
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(signerCertificate)};
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(contentSigner, chain,
                    Date.from(now))).getEncoded();
        } catch (Exception e) {
            try {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            } catch (Exception again) {
                throw new IllegalStateException("cannot make an OCSP answer: " + again, again);
            }
        }
    }

    /** Whether {@code id} (from an OCSP request) names a certificate of this CA; used by the responder. */
    boolean issued(CertificateID id) {
        try {
            return id.matchesIssuer(new JcaX509CertificateHolder(certificate), new JcaDigestCalculatorProviderBuilder().build());
        } catch (Exception e) {
            return false;
        }
    }

    private static String algorithm(PrivateKey key) {
        return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm(key)).build(key)));
    }
}
