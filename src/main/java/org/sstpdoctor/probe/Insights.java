package org.sstpdoctor.probe;

import java.util.List;
import org.sstpdoctor.probe.evidence.CaptivePortal;
import org.sstpdoctor.probe.evidence.ClockSkew;
import org.sstpdoctor.probe.evidence.CryptoBinding;
import org.sstpdoctor.probe.evidence.ServerIdentity;
import org.sstpdoctor.probe.windows.WindowsCompatibility;

/**
 * What the probe worked out beyond the connection itself, to predict what Windows will do: which
 * Windows clients can negotiate TLS, the certificate the crypto binding will see, whether something
 * in between decrypts the connection, what the server looks like, the clocks, a login page. Every
 * part is null (or empty) when it could not be worked out.
 *
 * @param interceptionEvidence why the probe thinks the connection is decrypted on the way (empty when not)
 * @param interceptionProduct the TLS-inspection product recognised from the chain, or empty
 */
public record Insights(WindowsCompatibility windowsCompatibility, CryptoBinding cryptoBinding,
                       List<String> interceptionEvidence, String interceptionProduct,
                       ServerIdentity serverIdentity, List<ClockSkew> clockSkews, CaptivePortal captivePortal) {
    public static final Insights NONE = new Insights(null, null, List.of(), "", null, List.of(), null);

    public Insights {
        interceptionEvidence = interceptionEvidence == null ? List.of() : List.copyOf(interceptionEvidence);
        interceptionProduct = interceptionProduct == null ? "" : interceptionProduct;
        clockSkews = clockSkews == null ? List.of() : List.copyOf(clockSkews);
    }

    public boolean intercepted() {
        return !interceptionEvidence.isEmpty();
    }
}
