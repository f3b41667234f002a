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
 */
record RequestOptions(ProxySettings proxy, List<X509Certificate> extraTrust, String extraTrustSource, Duration timeout,
                      Integer port) {
    RequestOptions {
        extraTrust = List.copyOf(extraTrust);
    }

    ProbeRequest requestFor(String typed) throws InputException {
        return new ProbeRequest(typed, AddressParser.parse(typed, port), proxy, extraTrust, extraTrustSource, timeout);
    }
}
