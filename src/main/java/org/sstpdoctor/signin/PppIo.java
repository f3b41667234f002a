package org.sstpdoctor.signin;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.sstpdoctor.ppp.CpPacket;
import org.sstpdoctor.ppp.PppFormatException;
import org.sstpdoctor.ppp.PppFrame;
import org.sstpdoctor.sstp.ControlPacket;
import org.sstpdoctor.sstp.DataPacket;
import org.sstpdoctor.sstp.MessageType;
import org.sstpdoctor.sstp.SstpFormatException;
import org.sstpdoctor.sstp.SstpPacket;

/**
 * The PPP link over SSTP data packets, as the sign-in steps see it: send a control packet, wait for
 * the next frame that matters. Keep-alives are answered here (SSTP ECHO, LCP Echo), frames of
 * protocols the test does not speak are refused with LCP Protocol-Reject once the link is open
 * (RFC 1661 §5.7), and everything that ends the call is turned into an {@link Event}.
 */
final class PppIo {
    /** RFC 1661 §4.6: the Restart timer's default. */
    static final long RESTART_MILLIS = 3000;
    /** Frames of no interest tolerated in one wait before the peer is considered broken. */
    private static final int MAX_IGNORED = 256;

    sealed interface Event permits Frame, TimedOut, SstpEnded, Closed, Broken {
    }

    record Frame(int protocol, CpPacket packet) implements Event {
    }

    record TimedOut() implements Event {
    }

    /** The server sent CALL_ABORT or CALL_DISCONNECT (a DISCONNECT is acknowledged here). */
    record SstpEnded(ControlPacket packet) implements Event {
    }

    record Closed(String how) implements Event {
    }

    record Broken(String what) implements Event {
    }

    private final PacketChannel channel;
    private final DoubleSupplier nowMillis;
    private final double deadlineMillis;
    private final BooleanSupplier cancelled;
    final long magic;
    private final List<Integer> spoken = new ArrayList<>(List.of(PppFrame.LCP, PppFrame.PAP, PppFrame.CHAP,
            PppFrame.EAP, PppFrame.IPCP));
    private int nextId;
    boolean lcpOpen;

    PppIo(PacketChannel channel, DoubleSupplier nowMillis, double deadlineMillis, BooleanSupplier cancelled, long magic) {
        this.channel = channel;
        this.nowMillis = nowMillis;
        this.deadlineMillis = deadlineMillis;
        this.cancelled = cancelled;
        this.magic = magic;
        this.nextId = (int) (magic & 0x7F);
    }

    int nextId() {
        nextId = (nextId + 1) & 0xFF;
        return nextId;
    }

    double now() {
        return nowMillis.getAsDouble();
    }

    boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** Milliseconds left before the probe's deadline. */
    long remaining() {
        return (long) Math.max(0, deadlineMillis - now());
    }

    void send(int protocol, CpPacket packet) throws IOException {
        channel.write(new DataPacket(new PppFrame(protocol, packet).encode()));
    }

    void sendControl(ControlPacket packet) throws IOException {
        channel.write(packet);
    }

    /** Waits up to {@code waitMillis} (never past the deadline) for the next frame of a protocol the test speaks. */
    Event next(long waitMillis) {
        double until = now() + Math.min(waitMillis, remaining());
        for (int ignored = 0; ignored < MAX_IGNORED; ignored++) {
            long left = (long) (until - now());
            if (left <= 0) {
                return new TimedOut();
            }
            Optional<SstpPacket> read;
            try {
                read = channel.read(left);
            } catch (SstpFormatException e) {
                return new Broken("the server sent a malformed SSTP packet: " + e.getMessage());
            } catch (EOFException e) {
                return new Closed("the server closed the connection in the middle of a packet");
            } catch (InterruptedIOException e) {
                return cancelled() ? new Closed("cancelled") : new TimedOut();
            } catch (IOException e) {
                if (cancelled()) {
                    return new Closed("cancelled");
                }
                String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return new Closed(message.contains("reset") ? "the server reset the connection" : "the connection failed: " + e.getMessage());
            }
            if (read.isEmpty()) {
                return new Closed("the server closed the connection");
            }
            try {
                Event event = handle(read.get());
                if (event != null) {
                    return event;
                }
            } catch (IOException e) {
                return new Closed("the connection failed while answering the server: " + e.getMessage());
            }
        }
        return new Broken("the server sent " + MAX_IGNORED + " packets without any the sign-in could use");
    }

    private Event handle(SstpPacket packet) throws IOException {
        if (packet instanceof ControlPacket control) {
            MessageType type = control.knownType().orElse(null);
            if (type == MessageType.ECHO_REQUEST) {
                channel.write(ControlPacket.echoResponse());
                return null;
            }
            if (type == MessageType.CALL_DISCONNECT) {
                channel.write(ControlPacket.callDisconnectAck());
                return new SstpEnded(control);
            }
            if (type == MessageType.CALL_ABORT) {
                return new SstpEnded(control);
            }
            return null; // ECHO_RESPONSE and anything else: nothing to do
        }
        PppFrame frame;
        CpPacket cp;
        try {
            frame = PppFrame.decode(((DataPacket) packet).payload());
            if (!spoken.contains(frame.protocol())) {
                if (lcpOpen) {
                    byte[] info = frame.information();
                    byte[] data = new byte[2 + Math.min(info.length, 1000)];
                    data[0] = (byte) (frame.protocol() >> 8);
                    data[1] = (byte) frame.protocol();
                    System.arraycopy(info, 0, data, 2, data.length - 2);
                    send(PppFrame.LCP, new CpPacket(CpPacket.PROTOCOL_REJECT, nextId(), data));
                }
                return null;
            }
            cp = frame.packet();
        } catch (PppFormatException e) {
            return new Broken("the server sent a malformed PPP frame: " + e.getMessage());
        }
        if (frame.protocol() == PppFrame.LCP) {
            switch (cp.code()) {
                case CpPacket.ECHO_REQUEST -> {
                    byte[] reply = new byte[4];
                    putMagic(reply);
                    send(PppFrame.LCP, new CpPacket(CpPacket.ECHO_REPLY, cp.id(), reply));
                    return null;
                }
                case CpPacket.ECHO_REPLY, CpPacket.DISCARD_REQUEST -> {
                    return null;
                }
                case CpPacket.TERMINATE_REQUEST -> send(PppFrame.LCP, new CpPacket(CpPacket.TERMINATE_ACK, cp.id(), new byte[0]));
                default -> { }
            }
        }
        return new Frame(frame.protocol(), cp);
    }

    void putMagic(byte[] into) {
        into[0] = (byte) (magic >> 24);
        into[1] = (byte) (magic >> 16);
        into[2] = (byte) (magic >> 8);
        into[3] = (byte) magic;
    }

    /** Peer text (a server's message) made safe to show, with the shared sanitiser, and bounded to 200 characters. */
    static String peerText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.offsetByCodePoints(0, Math.min(200, text.codePointCount(0, text.length())));
        return org.sstpdoctor.text.PeerText.line(text.substring(0, end)).strip();
    }
}
