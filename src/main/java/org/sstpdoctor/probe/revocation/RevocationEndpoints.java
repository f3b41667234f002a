package org.sstpdoctor.probe.revocation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Where a certificate says its revocation status is published: the URIs of its CRL distribution
 * points (RFC 5280 §4.2.1.13) and of its OCSP responders in the Authority Information Access
 * extension (RFC 5280 §4.2.2.1). Read with BouncyCastle's ASN.1 classes; an extension that does
 * not parse counts as absent, and says so.
 */
record RevocationEndpoints(List<String> crlUrls, List<String> ocspUrls, List<String> problems) {
    /** More addresses than this in one certificate are ignored: a certificate is peer input. */
    static final int MAX_URLS = 8;

    RevocationEndpoints {
        crlUrls = List.copyOf(crlUrls);
        ocspUrls = List.copyOf(ocspUrls);
        problems = List.copyOf(problems);
    }

    static RevocationEndpoints of(X509Certificate certificate) {
        List<String> problems = new ArrayList<>();
        List<String> crl = new ArrayList<>();
        List<String> ocsp = new ArrayList<>();
        try {
            ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints.getId());
            if (value != null) {
                for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                    DistributionPointName name = point.getDistributionPoint();
                    if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                        uris(GeneralNames.getInstance(name.getName()).getNames(), crl);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the CRL distribution points extension does not parse");
        }
        try {
            ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess.getId());
            if (value != null) {
                for (AccessDescription access : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                    if (AccessDescription.id_ad_ocsp.equals(access.getAccessMethod())) {
                        uris(new GeneralName[] {access.getAccessLocation()}, ocsp);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the authority information access extension does not parse");
        }
        return new RevocationEndpoints(crl, ocsp, problems);
    }

    boolean none() {
        return crlUrls.isEmpty() && ocspUrls.isEmpty();
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) throws IOException {
        byte[] raw = certificate.getExtensionValue(oid);
        return raw == null ? null : JcaX509ExtensionUtils.parseExtensionValue(raw);
    }

    private static void uris(GeneralName[] names, List<String> into) {
        for (GeneralName name : names) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier && into.size() < MAX_URLS) {
                String uri = ASN1IA5String.getInstance(name.getName()).getString().trim();
                if (!uri.isEmpty() && !into.contains(uri)) {
                    into.add(uri);
                }
            }
        }
    }

    static boolean isHttp(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static boolean isLdap(String url) {
        return url.toLowerCase(java.util.Locale.ROOT).startsWith("ldap:");
    }
}
