package org.sstpdoctor.probe;

import java.util.Set;

/**
 * One stage of the probe, one class. The ordered list of steps is {@link Pipeline#STEPS}.
 *
 * <p>A step is either a {@link TransportStep}, carried out by the {@link Transport} together with
 * the transport steps next to it (OkHttp cannot stop between TCP, the proxy, TLS and the request),
 * and judged by this class from what was observed; or an {@link ActiveStep}, which the probe runs
 * itself when the steps before it are done.
 */
public interface Step {
    Stage stage();

    /** Every outcome this step can decide; each has a knowledge-base entry (a test checks). */
    Set<Outcome> outcomes();
}
