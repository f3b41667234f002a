package org.sstpdoctor.sstp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstpdoctor.sstp.TestBytes.NONCE_HEX;
import static org.sstpdoctor.sstp.TestBytes.bytes;
import static org.sstpdoctor.sstp.TestBytes.nonce;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlPacketTest {

    @Test
    void callConnectRequestHasExactBytes() {
        assertArrayEquals(bytes("10 01 00 0e 00 01 00 01 00 01 00 06 00 01"),
                ControlPacket.callConnectRequest().encode());
    }

    @Test
    void callConnectAckHasExactBytes() {
        assertArrayEquals(bytes("10 01 00 30 00 02 00 01 00 04 00 28 00 00 00 02 " + NONCE_HEX),
                ControlPacket.callConnectAck(CryptoBindingRequest.HASH_SHA256, nonce()).encode());
    }

    @Test
    void callConnectAckRejectsWrongNonceLength() {
        assertThrows(IllegalArgumentException.class, () -> ControlPacket.callConnectAck(2, new byte[31]));
    }

    @Test
    void callConnectNakCarriesStatusInfoWithOriginalValue() {
        StatusInfo refused = new StatusInfo(AttributeId.ENCAPSULATED_PROTOCOL_ID.code(),
                StatusCode.VALUE_NOT_SUPPORTED.code(), bytes("00 02"));
        assertArrayEquals(
                bytes("10 01 00 16 00 03 00 01 00 02 00 0e 00 00 00 01 00 00 00 04 00 02"),
                ControlPacket.callConnectNak(refused).encode());
    }

    @Test
    void callAbortWithoutAttributesHasExactBytes() {
        assertArrayEquals(bytes("10 01 00 08 00 05 00 00"), ControlPacket.callAbort().encode());
    }

    @Test
    void callAbortWithStatusInfoHasExactBytes() {
        StatusInfo info = StatusInfo.of(AttributeId.CRYPTO_BINDING_REQ, StatusCode.VALUE_NOT_SUPPORTED);
        assertArrayEquals(bytes("10 01 00 14 00 05 00 01 00 02 00 0c 00 00 00 04 00 00 00 04"),
                ControlPacket.callAbort(info).encode());
    }

    @Test
    void callDisconnectWithoutAttributesHasExactBytes() {
        assertArrayEquals(bytes("10 01 00 08 00 06 00 00"), ControlPacket.callDisconnect().encode());
    }

    @Test
    void callDisconnectWithNoErrorStatusMatchesAccelPpp() {
        assertArrayEquals(bytes("10 01 00 14 00 06 00 01 00 02 00 0c 00 00 00 00 00 00 00 00"),
                ControlPacket.callDisconnect(StatusInfo.of(AttributeId.NO_ERROR, StatusCode.NO_ERROR)).encode());
    }

    @Test
    void attributelessMessagesHaveExactBytes() {
        assertArrayEquals(bytes("10 01 00 08 00 07 00 00"), ControlPacket.callDisconnectAck().encode());
        assertArrayEquals(bytes("10 01 00 08 00 08 00 00"), ControlPacket.echoRequest().encode());
        assertArrayEquals(bytes("10 01 00 08 00 09 00 00"), ControlPacket.echoResponse().encode());
    }

    @Test
    void dataPacketHasExactBytes() {
        assertArrayEquals(bytes("10 00 00 08 ff 03 c0 21"), new DataPacket(bytes("ff 03 c0 21")).encode());
        assertArrayEquals(bytes("10 00 00 04"), new DataPacket(new byte[0]).encode());
    }

    @Test
    void knownTypeAndAttributeLookup() {
        ControlPacket ack = ControlPacket.callConnectAck(3, nonce());
        assertEquals(Optional.of(MessageType.CALL_CONNECT_ACK), ack.knownType());
        assertTrue(ack.attribute(AttributeId.CRYPTO_BINDING_REQ).isPresent());
        assertTrue(ack.attribute(AttributeId.STATUS_INFO).isEmpty());
        assertEquals(Optional.empty(), new ControlPacket(0x1234, List.of()).knownType());
    }

    @Test
    void typedAttributeAccessors() throws SstpFormatException {
        ControlPacket ack = ControlPacket.callConnectAck(3, nonce());
        assertEquals(Optional.of(new CryptoBindingRequest(3, nonce())), ack.cryptoBindingRequest());
        StatusInfo first = StatusInfo.of(AttributeId.ENCAPSULATED_PROTOCOL_ID, StatusCode.VALUE_NOT_SUPPORTED);
        StatusInfo second = new StatusInfo(1, 3, bytes("00"));
        assertEquals(List.of(first, second), ControlPacket.callConnectNak(first, second).statusInfos());
        assertEquals(Optional.empty(), ControlPacket.echoRequest().cryptoBindingRequest());
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        byte[] value = bytes("00 01");
        Attribute attribute = new Attribute(1, value);
        value[1] = 9;
        assertArrayEquals(bytes("00 01"), attribute.value());
        attribute.value()[0] = 7;
        assertArrayEquals(bytes("00 01"), attribute.value());
        assertEquals(new Attribute(1, bytes("00 01")), attribute);
        assertEquals(new Attribute(1, bytes("00 01")).hashCode(), attribute.hashCode());
        assertNotEquals(new Attribute(2, bytes("00 01")), attribute);
        assertEquals("Attribute[id=1 ENCAPSULATED_PROTOCOL_ID, value=00 01]", attribute.toString());

        assertEquals(ControlPacket.callConnectRequest(), ControlPacket.callConnectRequest());
        assertEquals(new DataPacket(bytes("01 02")), new DataPacket(bytes("01 02")));
        assertEquals(new DataPacket(bytes("01 02")).hashCode(), new DataPacket(bytes("01 02")).hashCode());

        byte[] payload = bytes("01 02");
        DataPacket data = new DataPacket(payload);
        payload[0] = 5;
        data.payload()[1] = 5;
        assertArrayEquals(bytes("01 02"), data.payload());
    }

    @Test
    void attributeListIsImmutable() {
        ControlPacket packet = ControlPacket.callConnectRequest();
        assertThrows(UnsupportedOperationException.class, () -> packet.attributes().clear());
    }

    @Test
    void constructorsRejectOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new Attribute(256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Attribute(-1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new ControlPacket(0x10000, List.of()));
        assertThrows(NullPointerException.class, () -> new Attribute(1, null));
    }

    @Test
    void encodingRejectsOversizedAttribute() {
        ControlPacket packet = new ControlPacket(MessageType.CALL_ABORT, new Attribute(2, new byte[4092]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, packet::encode);
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
    }

    @Test
    void encodingRejectsOversizedPacket() {
        // Each attribute alone fits; together they do not.
        ControlPacket packet = new ControlPacket(MessageType.CALL_ABORT,
                new Attribute(2, new byte[2100]), new Attribute(2, new byte[2100]));
        assertThrows(IllegalArgumentException.class, packet::encode);
        assertThrows(IllegalArgumentException.class, () -> new DataPacket(new byte[4092]).encode());
    }

    @Test
    void largestPacketsStillEncode() {
        assertEquals(4095, new DataPacket(new byte[4091]).encode().length);
        byte[] control = new ControlPacket(MessageType.CALL_ABORT, new Attribute(2, new byte[4083])).encode();
        assertEquals(4095, control.length);
        assertEquals("10 01 0f ff", SstpCodec.hex(Arrays.copyOf(control, 4)));
    }
}
