package org.sstpdoctor.signin;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sstpdoctor.sstp.SstpCodec;
import org.sstpdoctor.sstp.SstpPacket;

/**
 * SSTP packets over a stream whose reads must never time out, because a timed-out read ends the
 * connection (OkHttp releases a response body whose read failed, and closes its socket): one reader
 * thread reads packets as they come, and {@link #read} waits on a bounded queue instead. Closing the
 * channel closes the transport, which ends the reader.
 */
public final class QueuedPacketChannel implements PacketChannel, AutoCloseable {
    /** Packets held while nobody reads; a peer that floods faster than that is cut off. */
    private static final int CAPACITY = 256;

    private sealed interface Item permits Packet, End {
    }

    private record Packet(SstpPacket packet) implements Item {
    }

    /** Clean end of stream (error null) or the failure that ended it. */
    private record End(IOException error) implements Item {
    }

    private final OutputStream out;
    private final Runnable closeTransport;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final Thread reader;
    private volatile End end;

    public QueuedPacketChannel(InputStream in, OutputStream out, Runnable closeTransport) {
        this.out = out;
        this.closeTransport = closeTransport;
        this.reader = new Thread(() -> readLoop(in), "sstp-doctor-sign-in-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(InputStream in) {
        End last;
        try {
            while (true) {
                Optional<SstpPacket> packet = SstpCodec.read(in);
                if (packet.isEmpty()) {
                    last = new End(null);
                    break;
                }
                if (!queue.offer(new Packet(packet.get()))) {
                    last = new End(new IOException("the server sent more than " + CAPACITY + " packets without pause"));
                    break;
                }
            }
        } catch (IOException e) {
            last = new End(e);
        } catch (RuntimeException e) {
            last = new End(new IOException(e.getMessage(), e));
        }
        end = last;
        queue.offer(last); // the extra slot is for this
    }

    @Override
    public Optional<SstpPacket> read(long timeoutMillis) throws IOException {
        Item item;
        try {
            item = queue.poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (item == null) {
            throw new SocketTimeoutException("no packet within " + timeoutMillis + " ms");
        }
        if (item instanceof Packet packet) {
            return Optional.of(packet.packet());
        }
        End ended = (End) item;
        queue.offer(ended); // every later read sees the same end
        if (ended.error() == null) {
            return Optional.empty();
        }
        if (ended.error() instanceof EOFException || ended.error() instanceof org.sstpdoctor.sstp.SstpFormatException
                || ended.error() instanceof InterruptedIOException) {
            throw ended.error();
        }
        throw new IOException(ended.error().getMessage(), ended.error());
    }

    @Override
    public synchronized void write(SstpPacket packet) throws IOException {
        SstpCodec.write(out, packet);
    }

    /** Closes the transport and waits (briefly) for the reader to end. */
    @Override
    public void close() {
        closeTransport.run();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the reader has seen the end of the stream (for tests). */
    boolean ended() {
        return end != null;
    }
}
