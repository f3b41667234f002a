package org.sstpdoctor.probe.revocation;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

/**
 * Checks a CRL with the JDK's {@link X509CRL} (RFC 5280 §6.3): issued by the certificate's issuer,
 * signed with the issuer's key, current ({@code nextUpdate} not passed), and then whether it lists
 * the certificate.
 */
final class CrlVerifier {
    private CrlVerifier() {
    }

    static X509CRL parse(byte[] bytes) throws CRLException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
        } catch (java.security.cert.CertificateException e) {
            throw new CRLException("no X.509 support in this Java runtime", e);
        } catch (RuntimeException e) {
            // the JDK's parser throws unchecked exceptions on some malformed input
            throw new CRLException(e.toString(), e);
        }
    }

    static StatusAnswer check(byte[] bytes, X509Certificate certificate, X509Certificate issuer, Instant now) {
        X509CRL crl;
        try {
            crl = parse(bytes);
        } catch (CRLException e) {
            return StatusAnswer.unusable("not_a_crl", "the answer is not a CRL");
        }
        if (crl == null) {
            return StatusAnswer.unusable("not_a_crl", "the answer is not a CRL");
        }
        Instant thisUpdate = crl.getThisUpdate() == null ? null : crl.getThisUpdate().toInstant();
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return StatusAnswer.unusable("wrong_issuer", "the CRL was issued by "
                    + PeerText.clean(crl.getIssuerX500Principal().getName()) + ", not by the certificate's issuer",
                    thisUpdate, nextUpdate);
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return StatusAnswer.unusable("bad_signature", "the CRL's signature does not verify with the issuer's key",
                    thisUpdate, nextUpdate);
        }
        if (nextUpdate == null) {
            // RFC 5280 §5.1.2.5: conforming CRL issuers MUST include nextUpdate; without it the CRL cannot be current.
            return StatusAnswer.unusable("stale", "the CRL has no next-update time", thisUpdate, null);
        }
        if (nextUpdate.isBefore(now)) {
            return StatusAnswer.unusable("stale", "the CRL expired at " + nextUpdate + " (next update passed)",
                    thisUpdate, nextUpdate);
        }
        if (thisUpdate != null && thisUpdate.isAfter(now.plusSeconds(300))) {
            return StatusAnswer.unusable("stale", "the CRL is dated in the future (" + thisUpdate + ")",
                    thisUpdate, nextUpdate);
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry == null) {
            return new StatusAnswer(StatusAnswer.Kind.GOOD, "", "not on the CRL (valid until " + nextUpdate + ")",
                    null, "", thisUpdate, nextUpdate);
        }
        CRLReason reason = entry.getRevocationReason();
        String reasonText = reason == null ? "" : reasonName(reason);
        Instant at = entry.getRevocationDate() == null ? null : entry.getRevocationDate().toInstant();
        return new StatusAnswer(StatusAnswer.Kind.REVOKED, "", "listed on the CRL: revoked " + at
                + (reasonText.isEmpty() ? "" : ", reason " + reasonText), at, reasonText, thisUpdate, nextUpdate);
    }

    /** RFC 5280 §5.3.1's names: keyCompromise, cACompromise, superseded… */
    static String reasonName(CRLReason reason) {
        return switch (reason) {
            case UNSPECIFIED -> "unspecified";
            case KEY_COMPROMISE -> "keyCompromise";
            case CA_COMPROMISE -> "cACompromise";
            case AFFILIATION_CHANGED -> "affiliationChanged";
            case SUPERSEDED -> "superseded";
            case CESSATION_OF_OPERATION -> "cessationOfOperation";
            case CERTIFICATE_HOLD -> "certificateHold";
            case REMOVE_FROM_CRL -> "removeFromCRL";
            case PRIVILEGE_WITHDRAWN -> "privilegeWithdrawn";
            case AA_COMPROMISE -> "aACompromise";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    static String reasonName(int code) {
        CRLReason[] all = CRLReason.values();
        return code >= 0 && code < all.length ? reasonName(all[code]) : "reason " + code;
    }
}
