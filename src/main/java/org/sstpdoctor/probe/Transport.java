package org.sstpdoctor.probe;

/**
 * Carries out the {@link TransportStep}s of an attempt on one connection: TCP, the proxy tunnel,
 * TLS and the SSTP HTTP request. Injected into {@link SstpProbe} (the OkHttp one lives in
 * {@code probe.okhttp}); tests can fake it.
 */
public interface Transport {
    /**
     * Opens the connection and sends the SSTP request. Never throws for what the network or a
     * peer does: that is in the {@link Exchange#observation()}. Reports each stage's start and
     * each passed stage to {@code events} as it happens; the engine reports failures. The caller
     * closes the exchange; cancelling closes it too.
     */
    Exchange open(TransportSpec spec, TransportEvents events, Cancellation cancellation);

    /** Events a transport reports as they happen. */
    interface TransportEvents {
        void started(Stage stage);

        void passed(Stage stage, String detail);

        /** The handshake completed; the engine judges the certificate and ends the TLS stage. */
        void handshakeCompleted(TlsFacts facts);

        /** Milliseconds since the attempt began. */
        double now();
    }

    /** One opened connection. */
    interface Exchange extends AutoCloseable {
        Observation observation();

        /** After a 200: the connection for SSTP packets; null otherwise. */
        SstpChannel channel();

        /** The start of the answer's body, read briefly (a web page where SSTP was expected). */
        String bodyExcerpt();

        /** Closes the connection; idempotent, never throws. */
        @Override
        void close();
    }
}
