package org.sstpdoctor.probe.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds OCSP requests and checks OCSP answers with BouncyCastle (RFC 6960): the answer must be
 * signed by the issuer, or by a responder certificate the issuer signed for OCSP signing
 * (§4.2.2.2), must be about this certificate, and must be current (§4.2.2.1, thisUpdate and
 * nextUpdate).
 */
final class OcspVerifier {
    /** Clock skew tolerated between this computer and the responder. */
    private static final long SKEW_SECONDS = 300;

    private OcspVerifier() {
    }

    static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer)
            throws OCSPException, OperatorCreationException, CertificateEncodingException {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
    }

    static byte[] request(CertificateID id) throws OCSPException, IOException {
        OCSPReq request = new OCSPReqBuilder().addRequest(id).build();
        return request.getEncoded();
    }

    static StatusAnswer check(byte[] bytes, CertificateID id, X509Certificate issuer, Instant now) {
        OCSPResp response;
        try {
            response = new OCSPResp(bytes);
        } catch (IOException | RuntimeException e) {
            return StatusAnswer.unusable("not_ocsp", "the answer is not an OCSP response");
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return StatusAnswer.unusable("ocsp_error", "the responder answered " + statusName(response.getStatus()));
        }
        BasicOCSPResp basic;
        try {
            Object object = response.getResponseObject();
            if (!(object instanceof BasicOCSPResp b)) {
                return StatusAnswer.unusable("not_ocsp", "the OCSP answer carries no basic response");
            }
            basic = b;
        } catch (OCSPException | RuntimeException e) {
            return StatusAnswer.unusable("not_ocsp", "the OCSP answer does not parse");
        }
        if (!signedByIssuerOrDelegate(basic, issuer, now)) {
            return StatusAnswer.unusable("bad_signature",
                    "the OCSP answer is not signed by the issuer or by a responder the issuer authorised");
        }
        SingleResp single = null;
        for (SingleResp candidate : basic.getResponses()) {
            if (id.equals(candidate.getCertID())) {
                single = candidate;
                break;
            }
        }
        if (single == null) {
            return StatusAnswer.unusable("ocsp_other_certificate", "the OCSP answer is about another certificate");
        }
        Instant thisUpdate = instant(single.getThisUpdate());
        Instant nextUpdate = instant(single.getNextUpdate());
        if (thisUpdate != null && thisUpdate.isAfter(now.plusSeconds(SKEW_SECONDS))) {
            return StatusAnswer.unusable("stale", "the OCSP answer is dated in the future (" + thisUpdate + ")",
                    thisUpdate, nextUpdate);
        }
        if (nextUpdate != null && nextUpdate.isBefore(now.minusSeconds(SKEW_SECONDS))) {
            return StatusAnswer.unusable("stale", "the OCSP answer expired at " + nextUpdate, thisUpdate, nextUpdate);
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new StatusAnswer(StatusAnswer.Kind.GOOD, "", "the responder says good", null, "", thisUpdate,
                    nextUpdate);
        }
        if (status instanceof RevokedStatus revoked) {
            Instant at = instant(revoked.getRevocationTime());
            String reason = revoked.hasRevocationReason() ? CrlVerifier.reasonName(revoked.getRevocationReason()) : "";
            return new StatusAnswer(StatusAnswer.Kind.REVOKED, "", "the responder says revoked " + at
                    + (reason.isEmpty() ? "" : ", reason " + reason), at, reason, thisUpdate, nextUpdate);
        }
        if (status instanceof UnknownStatus) {
            return new StatusAnswer(StatusAnswer.Kind.UNKNOWN, "", "the responder does not know this certificate",
                    null, "", thisUpdate, nextUpdate);
        }
        return StatusAnswer.unusable("not_ocsp", "the OCSP answer has a status this program does not know");
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        try {
            ContentVerifierProvider byIssuer = new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey());
            if (basic.isSignatureValid(byIssuer)) {
                return true;
            }
            for (X509CertificateHolder responder : basic.getCerts()) {
                // RFC 6960 §4.2.2.2: a delegated responder's certificate is issued by the CA and has id-kp-OCSPSigning.
                if (!responder.getIssuer().equals(new JcaX509CertificateHolder(issuer).getSubject())
                        || !responder.isSignatureValid(byIssuer)
                        || !responder.isValidOn(Date.from(now))) {
                    continue;
                }
                ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
                if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                    continue;
                }
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            // a key the JDK cannot use, a certificate that does not parse: not a signature we can accept
            return false;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String statusName(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> "status " + status;
        };
    }

    static String serial(BigInteger serial) {
        return serial.toString(16);
    }
}
