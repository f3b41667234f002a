package org.sstpdoctor.probe;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sstpdoctor.signin.Credentials;
import org.sstpdoctor.target.Target;

/**
 * Everything a probe needs, already validated: no I/O happens before {@link SstpProbe#run}.
 *
 * @param typedAddress what the person typed, kept for the report
 * @param extraTrust CA certificates to trust besides the system's (a helpdesk's private PKI)
 * @param extraTrustSource where those came from (a file name), for the report; may be null
 * @param timeout the bound on each attempt; no stage waits longer
 * @param expectedCertificate the SHA-256 (or SHA-1) fingerprint the server's certificate should have,
 *                            normalised upper-case hex; empty for no expectation
 * @param checkWindows whether to send each Windows family's ClientHello (a few extra connections);
 *                     off, the compatibility table says "not tested"
 * @param signIn the VPN user's credentials for the optional sign-in test, or null to stop at the Call Connect Ack
 * @param checkRevocation whether the chain's revocation is checked as Windows checks it; off, the stage is
 *                        reported skipped ("turned off"), never passed, and a sign-in keeps the password back
 */
public record ProbeRequest(String typedAddress, Target target, ProxySettings proxy,
                           List<X509Certificate> extraTrust, String extraTrustSource, Duration timeout,
                           String expectedCertificate, boolean checkWindows, Credentials signIn,
                           boolean checkRevocation) {
    /** The one default and the one range for the time limit: the command line, the wizard and the settings file. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    /** Whether a time limit a person chose is within {@link #MIN_TIMEOUT} and {@link #MAX_TIMEOUT}. */
    public static boolean isAllowedTimeout(Duration d) {
        return d != null && d.compareTo(MIN_TIMEOUT) >= 0 && d.compareTo(MAX_TIMEOUT) <= 0;
    }

    public ProbeRequest {
        Objects.requireNonNull(target, "target");
        proxy = proxy == null ? ProxySettings.NONE : proxy;
        extraTrust = extraTrust == null ? List.of() : List.copyOf(extraTrust);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        typedAddress = typedAddress == null ? target.toString() : typedAddress;
        expectedCertificate = expectedCertificate == null ? "" : expectedCertificate;
    }

    /** A request with the revocation check on. */
    public ProbeRequest(String typedAddress, Target target, ProxySettings proxy, List<X509Certificate> extraTrust,
                        String extraTrustSource, Duration timeout, String expectedCertificate, boolean checkWindows,
                        Credentials signIn) {
        this(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, expectedCertificate, checkWindows, signIn,
                true);
    }

    /** A request without the sign-in test, the Windows check on and no expected certificate. */
    public ProbeRequest(String typedAddress, Target target, ProxySettings proxy, List<X509Certificate> extraTrust,
                        String extraTrustSource, Duration timeout) {
        this(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, "", true, null);
    }

    public static ProbeRequest of(Target target) {
        return new ProbeRequest(null, target, ProxySettings.NONE, List.of(), null, DEFAULT_TIMEOUT);
    }

    public ProbeRequest withExpectedCertificate(String normalisedFingerprint) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, normalisedFingerprint,
                checkWindows, signIn, checkRevocation);
    }

    public ProbeRequest withWindowsCheck(boolean check) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, expectedCertificate,
                check, signIn, checkRevocation);
    }

    public ProbeRequest withProxy(ProxySettings settings) {
        return new ProbeRequest(typedAddress, target, settings, extraTrust, extraTrustSource, timeout, expectedCertificate,
                checkWindows, signIn, checkRevocation);
    }

    /** The same request with the sign-in test on (or off, with null). */
    public ProbeRequest withSignIn(Credentials credentials) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, expectedCertificate,
                checkWindows, credentials, checkRevocation);
    }

    public ProbeRequest withTimeout(Duration newTimeout) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, newTimeout, expectedCertificate,
                checkWindows, signIn, checkRevocation);
    }

    public ProbeRequest withExtraTrust(List<X509Certificate> certificates, String source) {
        return new ProbeRequest(typedAddress, target, proxy, certificates, source, timeout, expectedCertificate,
                checkWindows, signIn, checkRevocation);
    }

    /** The same request with the revocation check on or off. */
    public ProbeRequest withRevocationCheck(boolean check) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, expectedCertificate,
                checkWindows, signIn, check);
    }
}
