package org.sstpdoctor.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a name up. The system's resolver by default; tests give their own (no test touches real DNS). */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
