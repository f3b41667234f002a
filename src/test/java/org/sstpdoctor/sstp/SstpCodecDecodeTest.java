package org.sstpdoctor.sstp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstpdoctor.sstp.TestBytes.bytes;
import static org.sstpdoctor.sstp.TestBytes.nonce;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SstpCodecDecodeTest {

    /** The Ack a real server (SHA-256 only) sent; the nonce is the one it sent that time. */
    private static final String OBSERVED_ACK = "10 01 00 30 00 02 00 01 00 04 00 28 00 00 00 02"
            + " 5f 3a 91 c2 07 e4 b8 6d 2a 19 f0 83 44 cd 7e 0b"
            + " 96 e1 3c 58 a7 20 db 6f 11 8e 45 b9 02 fa 6c d3";

    static Stream<SstpPacket> oneOfEveryMessageType() {
        byte[] cryptoBinding = new byte[100]; // 3 reserved, bitmask, nonce, cert hash, compound MAC
        cryptoBinding[3] = CryptoBindingRequest.HASH_SHA256;
        StatusInfo info = StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, StatusCode.VALUE_NOT_SUPPORTED);
        return Stream.of(
                ControlPacket.callConnectRequest(),
                ControlPacket.callConnectAck(3, nonce()),
                ControlPacket.callConnectNak(info, new StatusInfo(1, 4, bytes("00 02"))),
                new ControlPacket(MessageType.CALL_CONNECTED, Attribute.of(AttributeId.CRYPTO_BINDING, cryptoBinding)),
                ControlPacket.callAbort(),
                ControlPacket.callAbort(info),
                ControlPacket.callDisconnect(),
                ControlPacket.callDisconnect(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.NO_ERROR)),
                ControlPacket.callDisconnectAck(),
                ControlPacket.echoRequest(),
                ControlPacket.echoResponse(),
                new ControlPacket(0xBEEF, List.of(new Attribute(0x99, bytes("01 02 03")))),
                new DataPacket(bytes("ff 03 c0 21 01 01 00 04")),
                new DataPacket(new byte[0]),
                new DataPacket(new byte[4091]));
    }

    @ParameterizedTest
    @MethodSource("oneOfEveryMessageType")
    void roundTrips(SstpPacket packet) throws SstpFormatException {
        byte[] encoded = packet.encode();
        SstpPacket decoded = SstpCodec.decode(encoded);
        assertEquals(packet, decoded);
        assertArrayEquals(encoded, decoded.encode());
    }

    @Test
    void everyMessageTypeIsCoveredByTheRoundTrips() {
        List<Integer> types = oneOfEveryMessageType()
                .filter(ControlPacket.class::isInstance)
                .map(p -> ((ControlPacket) p).messageType())
                .toList();
        for (MessageType type : MessageType.values()) {
            assertTrue(types.contains(type.code()), type.name());
        }
    }

    @Test
    void decodesTheObservedRealAck() throws SstpFormatException {
        SstpPacket packet = SstpCodec.decode(bytes(OBSERVED_ACK));
        ControlPacket ack = assertInstanceOf(ControlPacket.class, packet);
        assertEquals(Optional.of(MessageType.CALL_CONNECT_ACK), ack.knownType());
        assertEquals(1, ack.attributes().size());
        Attribute attribute = ack.attribute(AttributeId.CRYPTO_BINDING_REQ).orElseThrow();
        assertEquals(36, attribute.value().length);

        CryptoBindingRequest request = ack.cryptoBindingRequest().orElseThrow();
        assertEquals(CryptoBindingRequest.HASH_SHA256, request.hashBitmask());
        assertTrue(request.supportsSha256());
        assertEquals("5f 3a 91 c2", SstpCodec.hex(Arrays.copyOf(request.nonce(), 4)));
        assertEquals("CALL_CONNECT_ACK (crypto binding request: SHA-256, nonce 32 bytes)",
                SstpCodec.describe(ack));
        assertArrayEquals(bytes(OBSERVED_ACK), ack.encode());
    }

    @Test
    void decodesNakWithStatusInfo() throws SstpFormatException {
        ControlPacket nak = assertInstanceOf(ControlPacket.class, SstpCodec.decode(
                bytes("10 01 00 14 00 03 00 01 00 02 00 0c 00 00 00 01 00 00 00 04")));
        assertEquals(Optional.of(MessageType.CALL_CONNECT_NAK), nak.knownType());
        StatusInfo info = nak.statusInfos().get(0);
        assertEquals(AttributeId.ENCAPSULATED_PROTOCOL_ID.code(), info.attributeId());
        assertEquals(Optional.of(StatusCode.VALUE_NOT_SUPPORTED), info.knownStatus());
        assertEquals(0, info.attributeValue().length);
        assertEquals("CALL_CONNECT_NAK (status: VALUE_NOT_SUPPORTED for attribute ENCAPSULATED_PROTOCOL_ID)",
                SstpCodec.describe(nak));
    }

    @Test
    void decodesDataPackets() throws SstpFormatException {
        DataPacket data = assertInstanceOf(DataPacket.class, SstpCodec.decode(bytes("10 00 00 08 ff 03 c0 21")));
        assertArrayEquals(bytes("ff 03 c0 21"), data.payload());
        DataPacket empty = assertInstanceOf(DataPacket.class, SstpCodec.decode(bytes("10 00 00 04")));
        assertEquals(0, empty.payload().length);
    }

    @Test
    void ignoresReservedBits() throws SstpFormatException {
        // Reserved bits in the header's second byte, in both length fields, and the attribute's reserved byte.
        assertEquals(ControlPacket.echoRequest(), SstpCodec.decode(bytes("10 ff f0 08 00 08 00 00")));
        assertEquals(ControlPacket.callConnectRequest(),
                SstpCodec.decode(bytes("10 01 00 0e 00 01 00 01 ab 01 f0 06 00 01")));
        assertEquals(new DataPacket(bytes("aa")), SstpCodec.decode(bytes("10 fe 50 05 aa")));
    }

    @Test
    void keepsUnknownMessageTypesAndAttributes() throws SstpFormatException {
        ControlPacket packet = assertInstanceOf(ControlPacket.class,
                SstpCodec.decode(bytes("10 01 00 0c 00 63 00 01 00 63 00 04")));
        assertEquals(0x63, packet.messageType());
        assertEquals(Optional.empty(), packet.knownType());
        assertEquals(List.of(new Attribute(0x63, new byte[0])), packet.attributes());
    }

    static Stream<Arguments> malformedPackets() {
        return Stream.of(
                Arguments.of("empty", "", "0 bytes, shorter than the 4-byte header", 0),
                Arguments.of("3 bytes", "10 01 00", "3 bytes, shorter than the 4-byte header", 3),
                Arguments.of("version 0x20", "20 01 00 08 00 08 00 00", "unsupported SSTP version 0x20", 0),
                Arguments.of("HTTP text instead of SSTP", "48 54 54 50", "unsupported SSTP version 0x48", 0),
                Arguments.of("length field larger than actual", "10 01 00 10 00 08 00 00",
                        "length field says 16 bytes but the packet has 8", 2),
                Arguments.of("length field smaller than actual", "10 01 00 08 00 08 00 00 00 00",
                        "length field says 8 bytes but the packet has 10", 2),
                Arguments.of("control packet shorter than 8 bytes", "10 01 00 06 00 01",
                        "less than the 8-byte minimum of a control packet", 2),
                Arguments.of("control packet of just a header", "10 01 00 04",
                        "less than the 8-byte minimum of a control packet", 2),
                Arguments.of("data packet length field below 4", "10 00 00 02",
                        "less than the 4-byte minimum of a data packet", 2),
                Arguments.of("truncated attribute value", "10 01 00 0e 00 01 00 01 00 01 00 08 00 01",
                        "attribute 1 of 1 has length 8 but only 6 bytes remain", 10),
                Arguments.of("truncated attribute header", "10 01 00 0a 00 01 00 01 00 01",
                        "attribute 1 of 1 is truncated: only 2 of its 4 header bytes", 8),
                Arguments.of("attribute length below 4", "10 01 00 0e 00 01 00 01 00 01 00 02 00 01",
                        "has length 2, less than its own 4-byte header", 10),
                Arguments.of("attribute length 0", "10 01 00 0c 00 01 00 01 00 01 00 00",
                        "has length 0, less than its own 4-byte header", 10),
                Arguments.of("count larger than attributes present", "10 01 00 0e 00 01 00 02 00 01 00 06 00 01",
                        "attribute count says 2 but the packet ends after 1", 14),
                Arguments.of("count smaller than attributes present", "10 01 00 0e 00 01 00 00 00 01 00 06 00 01",
                        "6 unexpected bytes after the last of 0 attributes", 8),
                Arguments.of("trailing junk after the attributes", "10 01 00 10 00 01 00 01 00 01 00 06 00 01 ff ff",
                        "2 unexpected bytes after the last of 1 attributes", 14));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPackets")
    void rejectsMalformedPacket(String name, String hex, String expectedMessage, int expectedOffset) {
        SstpFormatException e = assertThrows(SstpFormatException.class, () -> SstpCodec.decode(bytes(hex)));
        assertTrue(e.getMessage().contains(expectedMessage), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().contains("offset " + expectedOffset), () -> "message was: " + e.getMessage());
        assertEquals(expectedOffset, e.offset());
    }

    @Test
    void hexIsLowerCaseAndSpaceSeparated() {
        assertEquals("10 01 00 0e", SstpCodec.hex(bytes("10 01 00 0E")));
        assertEquals("ff", SstpCodec.hex(new byte[] {(byte) 0xFF}));
        assertEquals("", SstpCodec.hex(new byte[0]));
    }

    @Test
    void describesPacketsInOneLine() {
        assertEquals("CALL_CONNECT_REQUEST (protocol: PPP)", SstpCodec.describe(ControlPacket.callConnectRequest()));
        assertEquals("CALL_CONNECT_ACK (crypto binding request: SHA-1 + SHA-256, nonce 32 bytes)",
                SstpCodec.describe(ControlPacket.callConnectAck(3, nonce())));
        assertEquals("CALL_CONNECT_NAK (status: VALUE_NOT_SUPPORTED for attribute ENCAPSULATED_PROTOCOL_ID, "
                        + "original value 00 02)",
                SstpCodec.describe(ControlPacket.callConnectNak(new StatusInfo(1, 4, bytes("00 02")))));
        assertEquals("CALL_ABORT", SstpCodec.describe(ControlPacket.callAbort()));
        assertEquals("CALL_DISCONNECT (status: NO_ERROR)", SstpCodec.describe(
                ControlPacket.callDisconnect(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.NO_ERROR))));
        assertEquals("CALL_ABORT (status: unknown 0x0000002a for attribute 0x07)",
                SstpCodec.describe(ControlPacket.callAbort(new StatusInfo(7, 42))));
        assertEquals("ECHO_REQUEST", SstpCodec.describe(ControlPacket.echoRequest()));
        assertEquals("data packet, 20 bytes", SstpCodec.describe(new DataPacket(new byte[20])));
        assertEquals("unknown control message 0x0063 (unknown attribute 0x63, 0 bytes)",
                SstpCodec.describe(new ControlPacket(0x63, List.of(new Attribute(0x63, new byte[0])))));
    }

    @Test
    void describeReportsMalformedValuesInsteadOfThrowing() {
        ControlPacket packet = new ControlPacket(MessageType.CALL_CONNECT_ACK,
                Attribute.of(AttributeId.CRYPTO_BINDING_REQ, new byte[5]),
                Attribute.of(AttributeId.STATUS_INFO, new byte[3]),
                Attribute.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, bytes("00 02")));
        assertEquals("CALL_CONNECT_ACK (malformed crypto binding request: 5 bytes; "
                + "malformed status info: 3 bytes; protocol: unknown 0x0002)", SstpCodec.describe(packet));
    }
}
