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

    static boolean dnsNameMatches(String pattern, String host) {
        if (pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        // "*.example.com" matches exactly one label: not "example.com", not "a.b.example.com".
        String suffix = pattern.substring(1);
        if (suffix.indexOf('*') >= 0 || suffix.chars().filter(c -> c == '.').count() < 2) {
            return false; // wildcards over a public suffix or with more stars are never valid
        }
        if (!host.endsWith(suffix)) {
            return false;
        }
        String firstLabel = host.substring(0, host.length() - suffix.length());
        return !firstLabel.isEmpty() && firstLabel.indexOf('.') < 0;
    }

    private static String normalise(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        try {
            return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return lower;
        }
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
