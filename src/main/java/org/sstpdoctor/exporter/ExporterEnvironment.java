package org.sstpdoctor.exporter;

import java.time.Clock;
import org.sstpdoctor.kb.KnowledgeBase;
import org.sstpdoctor.probe.HostResolver;
import org.sstpdoctor.probe.SystemProxyDetector;

/**
 * What the exporter takes from the outside world, so that tests give their own: the name service,
 * the system's proxy settings, the knowledge base for the reports, and the clock.
 */
public record ExporterEnvironment(HostResolver resolver, SystemProxyDetector proxyDetector, KnowledgeBase knowledge,
                                  Clock clock) {
    public static ExporterEnvironment ofThisComputer(KnowledgeBase knowledge) {
        return new ExporterEnvironment(HostResolver.system(), SystemProxyDetector.ofThisComputer(), knowledge,
                Clock.systemUTC());
    }
}
