package org.sstpdoctor.sstp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Reads and writes SSTP packets ([MS-SSTP] 2.2).
 *
 * <p>Decoding is strict about framing, because a diagnosis must say precisely what a peer got
 * wrong: the version must be 0x10, the length field must match the bytes, and attributes must
 * exactly fill the body. Reserved bits are ignored on reading, as the specification asks, and
 * written as zero. The meaning of attribute values is left to {@link StatusInfo} and
 * {@link CryptoBindingRequest}.
 */
public final class SstpCodec {

    public static final int HEADER_LENGTH = 4;
    public static final int MAX_PACKET_LENGTH = 4095;
    /** Major version 1, minor version 0. */
    public static final int VERSION = 0x10;
    /** Header, message type and attribute count. */
    public static final int MIN_CONTROL_LENGTH = 8;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private SstpCodec() {
    }

    /** Decodes one whole packet, header included. */
    public static SstpPacket decode(byte[] packet) throws SstpFormatException {
        Objects.requireNonNull(packet, "packet");
        if (packet.length < HEADER_LENGTH) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_LENGTH, "packet is " + packet.length
                    + " bytes, shorter than the " + HEADER_LENGTH + "-byte header", packet.length);
        }
        int declaredLength = checkHeader(packet);
        if (declaredLength != packet.length) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_LENGTH, "length field says " + declaredLength
                    + " bytes but the packet has " + packet.length, 2);
        }
        if (!isControl(packet)) {
            return new DataPacket(Arrays.copyOfRange(packet, HEADER_LENGTH, packet.length));
        }
        return decodeControl(packet);
    }

    /**
     * Reads exactly one packet from a stream: the 4 header bytes, which are validated before
     * anything else is read, then the rest.
     *
     * @return the packet, or empty on a clean end of stream before the first header byte
     * @throws EOFException if the stream ends inside a packet
     * @throws SstpFormatException if the bytes are not a well-formed packet
     */
    public static Optional<SstpPacket> read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        byte[] header = new byte[HEADER_LENGTH];
        header[0] = (byte) first;
        int got = 1 + readFully(in, header, 1, HEADER_LENGTH - 1);
        if (got < HEADER_LENGTH) {
            throw new EOFException("stream ended after " + got + " of the " + HEADER_LENGTH
                    + " SSTP header bytes");
        }
        // Validate first: a peer that is not speaking SSTP must not make us wait for a body.
        int length = checkHeader(header);
        byte[] packet = Arrays.copyOf(header, length);
        int bodyRead = readFully(in, packet, HEADER_LENGTH, length - HEADER_LENGTH);
        if (bodyRead < length - HEADER_LENGTH) {
            throw new EOFException("stream ended after " + (HEADER_LENGTH + bodyRead) + " of the "
                    + length + " bytes of an SSTP " + (isControl(header) ? "control" : "data") + " packet");
        }
        return Optional.of(decode(packet));
    }

    /**
     * Reads until {@code length} bytes or end of stream; returns how many were read. Not
     * {@code readNBytes}: some streams (ByteArrayInputStream among them) override it with a
     * single read, which would mistake a short read for end of stream.
     */
    private static int readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Writes one packet and flushes, so it leaves at once (the peer is waiting for it). */
    public static void write(OutputStream out, SstpPacket packet) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(packet.encode());
        out.flush();
    }

    /** Bytes as lower-case hex pairs separated by spaces, e.g. {@code "10 01 00 0e"}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * One line for people and reports, for example
     * {@code "CALL_CONNECT_ACK (crypto binding request: SHA-256, nonce 32 bytes)"} or
     * {@code "data packet, 20 bytes"} (for data packets, the payload length). Never throws on
     * malformed attribute values: it says they are malformed.
     */
    public static String describe(SstpPacket packet) {
        Objects.requireNonNull(packet, "packet");
        if (packet instanceof DataPacket data) {
            return "data packet, " + data.payload().length + " bytes";
        }
        ControlPacket control = (ControlPacket) packet;
        String name = control.knownType().map(Enum::name)
                .orElse(String.format("unknown control message 0x%04x", control.messageType()));
        if (control.attributes().isEmpty()) {
            return name;
        }
        StringJoiner details = new StringJoiner("; ", name + " (", ")");
        for (Attribute attribute : control.attributes()) {
            details.add(describe(attribute));
        }
        return details.toString();
    }

    // ---- decoding ----

    /** Validates version and length field; returns the declared total length. */
    private static int checkHeader(byte[] header) throws SstpFormatException {
        int version = Wire.u8(header, 0);
        if (version != VERSION) {
            throw new SstpFormatException(SstpFormatException.Problem.UNSUPPORTED_VERSION, String.format(
                    "unsupported SSTP version 0x%02x (expected 0x%02x)", version, VERSION), 0);
        }
        int length = Wire.length12(header, 2);
        int minimum = isControl(header) ? MIN_CONTROL_LENGTH : HEADER_LENGTH;
        if (length < minimum) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_LENGTH, "length field says " + length + " bytes, less than the "
                    + minimum + "-byte minimum of a " + (isControl(header) ? "control" : "data") + " packet", 2);
        }
        return length;
    }

    /** The C bit; the other 7 bits of that byte are reserved. */
    private static boolean isControl(byte[] header) {
        return (header[1] & 0x01) != 0;
    }

    private static ControlPacket decodeControl(byte[] packet) throws SstpFormatException {
        int messageType = Wire.u16(packet, 4);
        int declaredCount = Wire.u16(packet, 6);
        List<Attribute> attributes = new ArrayList<>();
        int offset = MIN_CONTROL_LENGTH;
        while (attributes.size() < declaredCount) {
            int index = attributes.size() + 1;
            int remaining = packet.length - offset;
            if (remaining == 0) {
                throw new SstpFormatException(SstpFormatException.Problem.BAD_ATTRIBUTE, "attribute count says " + declaredCount
                        + " but the packet ends after " + attributes.size(), offset);
            }
            if (remaining < Attribute.HEADER_LENGTH) {
                throw new SstpFormatException(SstpFormatException.Problem.BAD_ATTRIBUTE, "attribute " + index + " of " + declaredCount
                        + " is truncated: only " + remaining + " of its 4 header bytes are present", offset);
            }
            int length = Wire.length12(packet, offset + 2);
            if (length < Attribute.HEADER_LENGTH) {
                throw new SstpFormatException(SstpFormatException.Problem.BAD_ATTRIBUTE, "attribute " + index + " of " + declaredCount
                        + " has length " + length + ", less than its own 4-byte header", offset + 2);
            }
            if (length > remaining) {
                throw new SstpFormatException(SstpFormatException.Problem.BAD_ATTRIBUTE, "attribute " + index + " of " + declaredCount
                        + " has length " + length + " but only " + remaining
                        + " bytes remain in the packet", offset + 2);
            }
            attributes.add(new Attribute(Wire.u8(packet, offset + 1),
                    Arrays.copyOfRange(packet, offset + Attribute.HEADER_LENGTH, offset + length)));
            offset += length;
        }
        if (offset != packet.length) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_ATTRIBUTE, (packet.length - offset)
                    + " unexpected bytes after the last of " + declaredCount
                    + " attributes declared by the attribute count", offset);
        }
        return new ControlPacket(messageType, attributes);
    }

    // ---- describing ----

    private static String describe(Attribute attribute) {
        byte[] value = attribute.value();
        AttributeId id = attribute.knownId().orElse(null);
        if (id == null) {
            return String.format("unknown attribute 0x%02x, %d bytes", attribute.id(), value.length);
        }
        switch (id) {
            case ENCAPSULATED_PROTOCOL_ID:
                if (value.length == 2) {
                    int protocol = Wire.u16(value, 0);
                    return "protocol: " + (protocol == ControlPacket.PROTOCOL_PPP
                            ? "PPP" : String.format("unknown 0x%04x", protocol));
                }
                return "malformed protocol id: " + value.length + " bytes";
            case CRYPTO_BINDING_REQ:
                try {
                    CryptoBindingRequest request = CryptoBindingRequest.parse(value);
                    return "crypto binding request: " + hashNames(request.hashBitmask())
                            + ", nonce " + CryptoBindingRequest.NONCE_LENGTH + " bytes";
                } catch (SstpFormatException e) {
                    return "malformed crypto binding request: " + value.length + " bytes";
                }
            case CRYPTO_BINDING:
                // 3 reserved, bitmask, nonce, certificate hash, compound MAC: 100 bytes of value.
                if (value.length == 100) {
                    return "crypto binding: " + hashNames(Wire.u8(value, 3));
                }
                return "malformed crypto binding: " + value.length + " bytes";
            case STATUS_INFO:
                try {
                    return describe(StatusInfo.parse(value));
                } catch (SstpFormatException e) {
                    return "malformed status info: " + value.length + " bytes";
                }
            default:
                return "attribute " + id.name() + ", " + value.length + " bytes";
        }
    }

    private static String describe(StatusInfo info) {
        StringBuilder text = new StringBuilder("status: ")
                .append(info.knownStatus().map(Enum::name)
                        .orElse(String.format("unknown 0x%08x", info.status())));
        if (info.attributeId() != AttributeId.NO_ERROR.code()) {
            text.append(" for attribute ").append(info.knownAttributeId().map(Enum::name)
                    .orElse(String.format("0x%02x", info.attributeId())));
        }
        byte[] original = info.attributeValue();
        if (original.length > 0) {
            text.append(original.length <= 16
                    ? ", original value " + hex(original)
                    : ", original value " + original.length + " bytes");
        }
        return text.toString();
    }

    private static String hashNames(int bitmask) {
        StringJoiner names = new StringJoiner(" + ");
        if ((bitmask & CryptoBindingRequest.HASH_SHA1) != 0) {
            names.add("SHA-1");
        }
        if ((bitmask & CryptoBindingRequest.HASH_SHA256) != 0) {
            names.add("SHA-256");
        }
        int unknown = bitmask & ~(CryptoBindingRequest.HASH_SHA1 | CryptoBindingRequest.HASH_SHA256);
        if (unknown != 0) {
            names.add(String.format("unknown hash bits 0x%02x", unknown));
        }
        return bitmask == 0 ? "no hash protocol" : names.toString();
    }
}
