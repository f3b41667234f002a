package org.sstpdoctor.sstp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A control packet (C bit 1): a 16-bit message type and a list of attributes ([MS-SSTP] 2.2.2).
 * Unknown message types and attribute ids are representable, so anything a peer sends can be
 * decoded and reported. Immutable.
 */
public record ControlPacket(int messageType, List<Attribute> attributes) implements SstpPacket {

    /** Packet header, message type and attribute count. */
    public static final int FIXED_LENGTH = SstpCodec.MIN_CONTROL_LENGTH;

    /** Encapsulated protocol id value for PPP, the only protocol SSTP defines. */
    public static final int PROTOCOL_PPP = 0x0001;

    public ControlPacket {
        if (messageType < 0 || messageType > 0xFFFF) {
            throw new IllegalArgumentException("message type must fit in 16 bits: " + messageType);
        }
        attributes = List.copyOf(attributes);
    }

    public ControlPacket(MessageType type, Attribute... attributes) {
        this(type.code(), List.of(attributes));
    }

    /** Client's first message: asks for a call carrying PPP. */
    public static ControlPacket callConnectRequest() {
        return new ControlPacket(MessageType.CALL_CONNECT_REQUEST,
                Attribute.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, new byte[] {0, PROTOCOL_PPP}));
    }

    /** Server's acceptance, with a Crypto Binding Request (hash bitmask and 32-byte nonce). */
    public static ControlPacket callConnectAck(int hashBitmask, byte[] nonce32) {
        return new ControlPacket(MessageType.CALL_CONNECT_ACK,
                new CryptoBindingRequest(hashBitmask, nonce32).toAttribute());
    }

    /** Server's refusal; the specification requires at least one Status Info saying why. */
    public static ControlPacket callConnectNak(StatusInfo... infos) {
        return withStatusInfos(MessageType.CALL_CONNECT_NAK, infos);
    }

    public static ControlPacket callAbort(StatusInfo... infos) {
        return withStatusInfos(MessageType.CALL_ABORT, infos);
    }

    public static ControlPacket callDisconnect(StatusInfo... infos) {
        return withStatusInfos(MessageType.CALL_DISCONNECT, infos);
    }

    public static ControlPacket callDisconnectAck() {
        return new ControlPacket(MessageType.CALL_DISCONNECT_ACK);
    }

    public static ControlPacket echoRequest() {
        return new ControlPacket(MessageType.ECHO_REQUEST);
    }

    public static ControlPacket echoResponse() {
        return new ControlPacket(MessageType.ECHO_RESPONSE);
    }

    private static ControlPacket withStatusInfos(MessageType type, StatusInfo... infos) {
        return new ControlPacket(type,
                Arrays.stream(infos).map(StatusInfo::toAttribute).toArray(Attribute[]::new));
    }

    /** The message type as an enum constant, if SSTP defines it. */
    public Optional<MessageType> knownType() {
        return MessageType.of(messageType);
    }

    /** The first attribute with this id, if any. */
    public Optional<Attribute> attribute(AttributeId id) {
        Objects.requireNonNull(id, "id");
        return attributes.stream().filter(a -> a.id() == id.code()).findFirst();
    }

    /** Every STATUS_INFO attribute, parsed, in packet order. */
    public List<StatusInfo> statusInfos() throws SstpFormatException {
        List<StatusInfo> infos = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (attribute.id() == AttributeId.STATUS_INFO.code()) {
                infos.add(StatusInfo.parse(attribute.value()));
            }
        }
        return List.copyOf(infos);
    }

    /** The CRYPTO_BINDING_REQ attribute, parsed, if present. */
    public Optional<CryptoBindingRequest> cryptoBindingRequest() throws SstpFormatException {
        Optional<Attribute> attribute = attribute(AttributeId.CRYPTO_BINDING_REQ);
        return attribute.isEmpty()
                ? Optional.empty()
                : Optional.of(CryptoBindingRequest.parse(attribute.get().value()));
    }

    @Override
    public byte[] encode() {
        int length = FIXED_LENGTH;
        for (Attribute attribute : attributes) {
            if (attribute.length() > Attribute.MAX_LENGTH) {
                throw new IllegalArgumentException("attribute " + attribute.id() + " would be "
                        + attribute.length() + " bytes, more than the maximum of " + Attribute.MAX_LENGTH);
            }
            length += attribute.length();
        }
        if (length > SstpCodec.MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("control packet would be " + length
                    + " bytes, more than the maximum of " + SstpCodec.MAX_PACKET_LENGTH);
        }
        byte[] packet = new byte[length];
        Wire.putHeader(packet, true, length);
        Wire.putU16(packet, 4, messageType);
        Wire.putU16(packet, 6, attributes.size());
        int offset = FIXED_LENGTH;
        for (Attribute attribute : attributes) {
            byte[] value = attribute.value();
            packet[offset + 1] = (byte) attribute.id();
            Wire.putU16(packet, offset + 2, attribute.length());
            System.arraycopy(value, 0, packet, offset + Attribute.HEADER_LENGTH, value.length);
            offset += attribute.length();
        }
        return packet;
    }
}
