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
 * @param signIn the VPN user's credentials for the optional sign-in test, or null to stop at the Call Connect Ack
 */
public record ProbeRequest(String typedAddress, Target target, ProxySettings proxy,
                           List<X509Certificate> extraTrust, String extraTrustSource, Duration timeout,
                           Credentials signIn) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public ProbeRequest {
        Objects.requireNonNull(target, "target");
        proxy = proxy == null ? ProxySettings.NONE : proxy;
        extraTrust = extraTrust == null ? List.of() : List.copyOf(extraTrust);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        typedAddress = typedAddress == null ? target.toString() : typedAddress;
    }

    /** A request without the sign-in test. */
    public ProbeRequest(String typedAddress, Target target, ProxySettings proxy, List<X509Certificate> extraTrust,
                        String extraTrustSource, Duration timeout) {
        this(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, null);
    }

    public static ProbeRequest of(Target target) {
        return new ProbeRequest(null, target, ProxySettings.NONE, List.of(), null, DEFAULT_TIMEOUT);
    }

    public ProbeRequest withProxy(ProxySettings settings) {
        return new ProbeRequest(typedAddress, target, settings, extraTrust, extraTrustSource, timeout, signIn);
    }

    /** The same request with the sign-in test on (or off, with null). */
    public ProbeRequest withSignIn(Credentials credentials) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, timeout, credentials);
    }

    public ProbeRequest withTimeout(Duration newTimeout) {
        return new ProbeRequest(typedAddress, target, proxy, extraTrust, extraTrustSource, newTimeout, signIn);
    }

    public ProbeRequest withExtraTrust(List<X509Certificate> certificates, String source) {
        return new ProbeRequest(typedAddress, target, proxy, certificates, source, timeout, signIn);
    }
}
