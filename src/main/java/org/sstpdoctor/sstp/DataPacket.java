package org.sstpdoctor.sstp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data packet (C bit 0): its payload is a PPP frame. The codec does not interpret it.
 *
 * <p>Immutable: the payload is copied in and out. Equality is over the payload's content.
 */
public record DataPacket(byte[] payload) implements SstpPacket {

    /** The largest payload that fits in one packet. */
    public static final int MAX_PAYLOAD_LENGTH = SstpCodec.MAX_PACKET_LENGTH - SstpCodec.HEADER_LENGTH;

    public DataPacket {
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] encode() {
        int length = SstpCodec.HEADER_LENGTH + payload.length;
        if (length > SstpCodec.MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("data packet would be " + length
                    + " bytes, more than the maximum of " + SstpCodec.MAX_PACKET_LENGTH);
        }
        byte[] packet = new byte[length];
        Wire.putHeader(packet, false, length);
        System.arraycopy(payload, 0, packet, SstpCodec.HEADER_LENGTH, payload.length);
        return packet;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataPacket that && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "DataPacket[payload=" + SstpCodec.hex(payload) + "]";
    }
}
