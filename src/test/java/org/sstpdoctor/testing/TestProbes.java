package org.sstpdoctor.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.probe.ProbeRequest;
import org.sstpdoctor.probe.ProxySettings;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.probe.SystemProxyDetector;
import org.sstpdoctor.target.AddressParser;
import org.sstpdoctor.target.InputException;

/** Probes that never leave this machine: names resolve only to loopback, no system proxy. */
public final class TestProbes {
    /** Every test name resolves to 127.0.0.1; anything else "does not exist". */
    public static final HostResolver LOOPBACK_ONLY = host -> {
        if (host.equals("localhost") || host.endsWith(".test")) {
            return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host + ": Name or service not known");
    };

    private TestProbes() {
    }

    public static SstpProbe probe() {
        return probe(LOOPBACK_ONLY);
    }

    public static SstpProbe probe(HostResolver resolver) {
        return org.sstpdoctor.probe.okhttp.OkHttpProbes.with(resolver, new SystemProxyDetector(Map.of(), new Properties(), null), Clock.systemUTC());
    }

    /** A request to localhost:port trusting the test CA, with a short timeout. */
    public static ProbeRequest local(int port) {
        return request("localhost:" + port).withExtraTrust(List.of(TestCertificates.CA.certificate()), "test CA");
    }

    public static ProbeRequest request(String address) {
        try {
            return new ProbeRequest(address, AddressParser.parse(address), ProxySettings.NONE, List.of(), null,
                    Duration.ofSeconds(3));
        } catch (InputException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
