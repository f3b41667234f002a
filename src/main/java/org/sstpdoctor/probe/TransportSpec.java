package org.sstpdoctor.probe;

import java.net.InetAddress;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.sstpdoctor.target.ProxyEndpoint;
import org.sstpdoctor.target.Target;

/**
 * What a {@link Transport} needs for one connection.
 *
 * @param proxy the web proxy to tunnel through, or null for a direct connection
 * @param addresses what the name to connect to (the proxy's when there is one) resolved to
 * @param user proxy user name, or null to connect as Windows does (no proxy credentials)
 * @param validator Java's trust decision (system CAs plus any extra ones)
 * @param deadlineNanos the {@link System#nanoTime()} by which the attempt ends
 */
public record TransportSpec(Target target, ProxyEndpoint proxy, List<InetAddress> addresses, String user,
                            Secret password, X509TrustManager validator, long deadlineNanos) {
    public TransportSpec {
        addresses = List.copyOf(addresses);
    }

    public boolean viaProxy() {
        return proxy != null;
    }
}
