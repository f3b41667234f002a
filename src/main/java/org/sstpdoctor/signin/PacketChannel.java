package org.sstpdoctor.signin;

import java.io.IOException;
import java.util.Optional;
import org.sstpdoctor.sstp.SstpPacket;

/** The SSTP packets of one call, both ways; the probe wires it to its TLS connection. */
public interface PacketChannel {
    /**
     * The next packet, waiting at most {@code timeoutMillis}.
     *
     * @return empty when the peer closed the connection cleanly
     * @throws java.io.InterruptedIOException when the time ran out
     */
    Optional<SstpPacket> read(long timeoutMillis) throws IOException;

    void write(SstpPacket packet) throws IOException;
}
