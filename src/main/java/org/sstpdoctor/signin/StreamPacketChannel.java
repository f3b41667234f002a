package org.sstpdoctor.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpPacket;

/** SSTP packets over a stream pair; {@code setTimeout} bounds each read (a socket's or an okio source's timeout). */
public final class StreamPacketChannel implements PacketChannel {
    private final InputStream in;
    private final OutputStream out;
    private final LongConsumer setTimeout;

    public StreamPacketChannel(InputStream in, OutputStream out, LongConsumer setTimeout) {
        this.in = in;
        this.out = out;
        this.setTimeout = setTimeout;
    }

    @Override
    public Optional<SstpPacket> read(long timeoutMillis) throws IOException {
        setTimeout.accept(Math.max(1, timeoutMillis));
        return SstpCodec.read(in);
    }

    @Override
    public synchronized void write(SstpPacket packet) throws IOException {
        SstpCodec.write(out, packet);
    }
}
