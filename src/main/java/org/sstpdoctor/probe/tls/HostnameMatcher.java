package org.sstpdoctor.probe.tls;

import java.net.IDN;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Does a certificate name the host we connected to? RFC 6125 rules: subject alternative names
 * first; a wildcard only as the whole left-most label; IP addresses only against IP entries. The
 * Common Name counts only when the certificate has no DNS or IP alternative names at all, as
 * Windows' certificate chain engine still allows.
 */
public final class HostnameMatcher {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    public static boolean matches(X509Certificate certificate, String host, boolean hostIsIp) {
        String wanted = normalise(host);
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        collectAltNames(certificate, dnsNames, ipAddresses);
        if (hostIsIp) {
            String canonical = IpLiterals.canonical(wanted);
            return ipAddresses.stream().anyMatch(ip -> IpLiterals.canonical(ip).equals(canonical));
        }
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            String cn = commonName(certificate.getSubjectX500Principal());
            return cn != null && dnsNameMatches(normalise(cn), wanted);
        }
        return dnsNames.stream().anyMatch(pattern -> dnsNameMatches(normalise(pattern), wanted));
    }

    /** Every DNS and IP alternative name, as "DNS:x" / "IP:y" for display. */
    public static List<String> describeAltNames(X509Certificate certificate) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        collectAltNames(certificate, dnsNames, ipAddresses);
        List<String> out = new ArrayList<>();
        dnsNames.forEach(n -> out.add("DNS:" + n));
        ipAddresses.forEach(n -> out.add("IP:" + org.sstpdoctor.target.IpAddresses.canonical(n)));
        return out;
    }

    /**
     * One DNS name or CN against the host, as the JDK's own checker does for TLS (with the public
     * suffix rule it applies to certificates from public CAs, applied here to all): both compared
     * as A-labels, ignoring case; a name that IDNA would change (full-width letters, other
     * compatibility forms) never matches; a wildcard only in the left-most label, never in an
     * A-label, never directly over a public suffix ("*.co.uk", "*.com"); no trailing-dot folding.
     */
    static boolean dnsNameMatches(String pattern, String host) {
        if (pattern == null || host == null || pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        String name;
        String template;
        try {
            name = IDN.toASCII(host);
            template = IDN.toASCII(pattern);
            if (!IDN.toUnicode(template).equalsIgnoreCase(IDN.toUnicode(pattern))
                    || !IDN.toUnicode(name).equalsIgnoreCase(IDN.toUnicode(host))) {
                return false; // the normalisation check: what a person sees is not what is compared
            }
            IDN.toASCII(template.replace('*', 'z'), IDN.USE_STD3_ASCII_RULES); // a valid host name, as SNIHostName checks
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (template.indexOf('*') < 0) {
            return name.equalsIgnoreCase(template);
        }
        return wildcardMatches(name.toLowerCase(Locale.ROOT), template.toLowerCase(Locale.ROOT));
    }

    private static boolean wildcardMatches(String name, String template) {
        int firstDot = template.indexOf('.');
        if (firstDot < 0 || template.indexOf('*', firstDot) >= 0) {
            return false; // a star outside the left-most label
        }
        String firstLabel = template.substring(0, firstDot);
        String domain = template.substring(firstDot + 1);
        if (firstLabel.startsWith("xn--") || domain.indexOf('.') < 0 || PublicSuffixes.isPublicSuffix(IDN.toUnicode(domain))) {
            return false; // in an A-label, or right over a public suffix
        }
        int nameDot = name.indexOf('.');
        if (nameDot < 0 || !name.substring(nameDot + 1).equals(domain)) {
            return false;
        }
        String label = name.substring(0, nameDot);
        int star = firstLabel.indexOf('*');
        String before = firstLabel.substring(0, star);
        String after = firstLabel.substring(star + 1);
        return label.length() >= before.length() + after.length() && label.startsWith(before) && label.endsWith(after);
    }

    private static String normalise(String name) {
        return name.trim();
    }

    private static void collectAltNames(X509Certificate certificate, List<String> dns, List<String> ips) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return;
        }
        if (names == null) {
            return;
        }
        for (List<?> entry : names) {
            if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String value)) {
                continue;
            }
            if (type == SAN_DNS) {
                dns.add(value);
            } else if (type == SAN_IP) {
                ips.add(value);
            }
        }
    }

    /** The CN attribute of a distinguished name, or null. */
    public static String commonName(X500Principal principal) {
        try {
            javax.naming.ldap.LdapName ldapName = new javax.naming.ldap.LdapName(principal.getName());
            for (int i = ldapName.getRdns().size() - 1; i >= 0; i--) {
                javax.naming.ldap.Rdn rdn = ldapName.getRdns().get(i);
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
        return null;
    }
}
