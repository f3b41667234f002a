package org.sstpdoctor.cli;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;

/**
 * What the command line's options say about every server to probe, validated once: a request is
 * made from it per typed address.
 *
 * @param port the port from {@code --port}, or null
 * @param extraTrustSource the {@code --trust-ca} files, for the report; null without any
 * @param expectedCertificate the normalised {@code --expect-certificate} fingerprint; empty for none
 * @param checkWindows false with {@code --no-windows-check}
 * @param signIn the {@code --vpn-user} credentials for the sign-in test, or null
 * @param checkRevocation false with {@code --no-revocation-check}
 */
record RequestOptions(ProxySettings proxy, List<X509Certificate> extraTrust, String extraTrustSource, Duration timeout,
                      Integer port, String expectedCertificate, boolean checkWindows,
                      org.sstpdoctor.signin.Credentials signIn, boolean checkRevocation) {
    RequestOptions {
        extraTrust = List.copyOf(extraTrust);
        expectedCertificate = expectedCertificate == null ? "" : expectedCertificate;
    }

    ProbeRequest requestFor(String typed) throws InputException {
        return new ProbeRequest(typed, AddressParser.parse(typed, port), proxy, extraTrust, extraTrustSource, timeout,
                expectedCertificate, checkWindows, signIn, checkRevocation);
    }
}
