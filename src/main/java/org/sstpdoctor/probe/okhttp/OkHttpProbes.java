package org.sstpdoctor.probe.okhttp;

import java.time.Clock;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.probe.SstpProbe;
import org.sstpdoctor.probe.SystemProxyDetector;

/** The probe as the product runs it: OkHttp as the transport. */
public final class OkHttpProbes {
    private OkHttpProbes() {
    }

    /** This computer's resolver and proxy settings. */
    public static SstpProbe standard() {
        return with(HostResolver.system(), SystemProxyDetector.ofThisComputer(), Clock.systemUTC());
    }

    public static SstpProbe with(HostResolver resolver, SystemProxyDetector proxies, Clock clock) {
        return new SstpProbe(resolver, proxies, clock, new OkHttpTransport());
    }
}
