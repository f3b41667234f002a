package org.sstpdoctor.probe;

import java.util.List;

/**
 * The probe's stages, in the order a Windows client goes through them: one step class per stage.
 * To add a stage, see "How to add a stage" in the README.
 */
public final class Pipeline {
    public static final List<Step> STEPS = List.of(
            new ResolveStep(),
            new TcpConnectStep(),
            new ProxyTunnelStep(),
            new TlsHandshakeStep(),
            new SstpRequestStep(),
            new CallConnectStep(),
            new RevocationStep(),
            new SignInStep(),
            new AddressStep(),
            new WindowsTlsStep(),
            new ServerIdentityStep());

    private Pipeline() {
    }

    public static Step step(Stage stage) {
        return STEPS.stream().filter(s -> s.stage() == stage).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step for " + stage));
    }
}
