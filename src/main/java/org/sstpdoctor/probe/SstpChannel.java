package org.sstpdoctor.probe;

import java.io.InputStream;
import java.io.OutputStream;

/** The connection after the HTTP 200, which carries SSTP packets. */
public interface SstpChannel {
    /** Reads what the server sends, with no byte lost that the HTTP layer had already buffered. */
    InputStream input();

    OutputStream output();

    /** Bounds each further read (waiting for CALL_DISCONNECT_ACK); never beyond the attempt's deadline. */
    void readTimeoutMillis(long millis);

    /** A channel over plain streams, for tests. */
    static SstpChannel of(InputStream in, OutputStream out) {
        return new SstpChannel() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public void readTimeoutMillis(long millis) {
                // plain streams have no timeout
            }
        };
    }
}
