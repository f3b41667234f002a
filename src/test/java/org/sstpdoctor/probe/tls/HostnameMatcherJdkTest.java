package org.sstpdoctor.probe.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host name matching, table-tested against the JDK's own checker (sun.security.util.HostnameChecker,
 * TLS rules, as for a certificate from a public CA), reached by reflection with the test run's
 * --add-exports. Each row is checked both as a certificate with only a CN and with a DNS name.
 *
 * <p>One deliberate difference, in the last column: the JDK's TLS rules (RFC 2818) let a star
 * stand in any label ("a.*.example.com"); RFC 6125, curl and Windows' SSL policy only in the
 * left-most one. The probe predicts Windows, so it keeps the stricter rule there.
 */
class HostnameMatcherJdkTest {
    static boolean jdkMatches(String host, X509Certificate certificate) throws Exception {
        Class<?> checker = Class.forName("sun.security.util.HostnameChecker");
        Object tls = checker.getMethod("getInstance", byte.class).invoke(null, checker.getField("TYPE_TLS").getByte(null));
        Method match = checker.getMethod("match", String.class, X509Certificate.class, boolean.class);
        try {
            match.invoke(tls, host, certificate, true);
            return true;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof CertificateException) {
                return false;
            }
            throw e;
        }
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', value = {
        "ｌｏｃａｌｈｏｓｔ | localhost | false | ",
        "localhost | localhost | true | ",
        "LocalHost | localhost | true | ",
        "localhost. | localhost | false | ",
        "bücher.example | xn--bcher-kva.example | true | ",
        "xn--bcher-kva.example | xn--bcher-kva.example | true | ",
        "*.co.uk | evil.co.uk | false | ",
        "*.com | example.com | false | ",
        "*.uk | co.uk | false | ",
        "*.example.com | a.example.com | true | ",
        "*.EXAMPLE.com | a.example.com | true | ",
        "*.example.com | a.b.example.com | false | ",
        "*.example.com | example.com | false | ",
        "f*.example.com | foo.example.com | true | ",
        "*oo.example.com | foo.example.com | true | ",
        "a*c.example.com | abc.example.com | true | ",
        "a*c.example.com | abd.example.com | false | ",
        "a.*.example.com | a.b.example.com | false | true",
        "*.*.example.com | a.b.example.com | false | true",
        "xn--*.example.com | xn--bcher-kva.example.com | false | ",
        "*.xn--bcher-kva.example | a.xn--bcher-kva.example | true | ",
        "*.github.io | evil.github.io | true | ",
        "*.a.sch.uk | x.a.sch.uk | false | ",
        "under_score.example | under_score.example | false | ",
        "vpn.example.com | vpn.example.com. | false | ",
    })
    void agreesWithTheJdk(String name, String host, boolean expected, Boolean jdkDiffers) throws Exception {
        boolean jdk = jdkDiffers == null ? expected : !expected;
        X509Certificate cnOnly = new HeldCertificate.Builder().commonName(name).build().certificate();
        assertEquals(jdk, jdkMatches(host, cnOnly), "the JDK itself, CN " + name);
        assertEquals(expected, HostnameMatcher.matches(cnOnly, host, false), "CN " + name);
        if (name.chars().allMatch(c -> c < 0x80)) { // okhttp-tls writes DNS names as IA5String: ASCII only
            X509Certificate san = new HeldCertificate.Builder().commonName("other.invalid").addSubjectAlternativeName(name)
                    .build().certificate();
            assertEquals(jdk, jdkMatches(host, san), "the JDK itself, DNS " + name);
            assertEquals(expected, HostnameMatcher.matches(san, host, false), "DNS " + name);
        }
    }
}
