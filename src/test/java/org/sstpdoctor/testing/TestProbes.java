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

    /**
     * The SSTP service accepted the call. Java's responder cannot speak TLS 1.0 (Java 17 disables it),
     * so Windows 7's ClientHello is refused: the deciding outcome is then the warning that only an old
     * Windows cannot connect, and the Ack is the next finding.
     */
    public static void assertSstpAck(org.sstpdoctor.probe.ProbeReport report) {
        org.sstpdoctor.probe.Outcome outcome = report.outcome();
        if (outcome == org.sstpdoctor.probe.Outcome.SSTP_ACK) {
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(org.sstpdoctor.probe.Outcome.SOME_WINDOWS_CANNOT_CONNECT, outcome,
                report.detail());
        org.junit.jupiter.api.Assertions.assertTrue(report.findings().stream()
                .anyMatch(f -> f.outcome() == org.sstpdoctor.probe.Outcome.SSTP_ACK), report.findings().toString());
        var table = report.insights().windowsCompatibility();
        table.rows().stream().filter(r -> r.family().supported()).forEach(r -> org.junit.jupiter.api.Assertions
                .assertEquals(org.sstpdoctor.probe.windows.WindowsCompatibility.Status.YES, r.status(), r.line()));
    }

    /** The outcome, with the "only old Windows cannot connect" warning over an Ack read as the Ack. */
    public static org.sstpdoctor.probe.Outcome sstpOutcome(org.sstpdoctor.probe.ProbeReport report) {
        if (report.outcome() == org.sstpdoctor.probe.Outcome.SOME_WINDOWS_CANNOT_CONNECT) {
            assertSstpAck(report);
            return org.sstpdoctor.probe.Outcome.SSTP_ACK;
        }
        return report.outcome();
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
