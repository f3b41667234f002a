package org.sstpdoctor.sstp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstpdoctor.sstp.TestBytes.NONCE_HEX;
import static org.sstpdoctor.sstp.TestBytes.bytes;
import static org.sstpdoctor.sstp.TestBytes.nonce;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** StatusInfo, CryptoBindingRequest and the enums. */
class ValueTypesTest {

    @Test
    void enumCodesMatchTheSpecification() {
        assertEquals(9, MessageType.values().length);
        for (int code = 1; code <= 9; code++) {
            assertEquals(code, MessageType.of(code).orElseThrow().code());
        }
        assertEquals(MessageType.CALL_DISCONNECT_ACK, MessageType.of(7).orElseThrow());
        assertEquals(Optional.empty(), MessageType.of(0));
        assertEquals(Optional.empty(), MessageType.of(10));

        assertEquals(AttributeId.NO_ERROR, AttributeId.of(0).orElseThrow());
        assertEquals(AttributeId.CRYPTO_BINDING_REQ, AttributeId.of(4).orElseThrow());
        assertEquals(Optional.empty(), AttributeId.of(5));

        assertEquals(12, StatusCode.values().length);
        for (StatusCode status : StatusCode.values()) {
            assertEquals(status, StatusCode.of(status.code()).orElseThrow());
            assertFalse(status.description().isBlank());
        }
        assertEquals(StatusCode.STATUS_INFO_NOT_SUPPORTED_IN_MSG, StatusCode.of(11).orElseThrow());
        assertEquals(Optional.empty(), StatusCode.of(12));
        assertEquals(Optional.empty(), StatusCode.of(0x1_0000_0000L)); // must not wrap to 0
    }

    @Test
    void statusInfoParsesWithAndWithoutOriginalValue() throws SstpFormatException {
        StatusInfo plain = StatusInfo.parse(bytes("00 00 00 01 00 00 00 04"));
        assertEquals(new StatusInfo(1, 4), plain);
        assertEquals(Optional.of(StatusCode.VALUE_NOT_SUPPORTED), plain.knownStatus());
        assertEquals(Optional.of(AttributeId.ENCAPSULATED_PROTOCOL_ID), plain.knownAttributeId());

        StatusInfo withValue = StatusInfo.parse(bytes("ff ff ff 01 00 00 00 04 00 02"));
        assertArrayEquals(bytes("00 02"), withValue.attributeValue());
        // reserved bytes are ignored on reading and written as zero
        assertArrayEquals(bytes("00 00 00 01 00 00 00 04 00 02"), withValue.encode());
    }

    @Test
    void statusInfoKeepsUnknownAndLargeStatusValues() throws SstpFormatException {
        StatusInfo info = StatusInfo.parse(bytes("00 00 00 09 ff ff ff fe"));
        assertEquals(0xFFFF_FFFEL, info.status());
        assertEquals(Optional.empty(), info.knownStatus());
        assertArrayEquals(bytes("00 00 00 09 ff ff ff fe"), info.encode());
    }

    @Test
    void statusInfoRejectsShortValue() {
        SstpFormatException e = assertThrows(SstpFormatException.class,
                () -> StatusInfo.parse(bytes("00 00 00 01 00 00 04")));
        assertTrue(e.getMessage().contains("7 bytes"), e.getMessage());
        assertEquals(7, e.offset());
    }

    @Test
    void statusInfoRejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new StatusInfo(256, 0));
        assertThrows(IllegalArgumentException.class, () -> new StatusInfo(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new StatusInfo(1, 0x1_0000_0000L));
    }

    @Test
    void statusInfoNullOriginalValueMeansNone() {
        assertEquals(new StatusInfo(1, 4), new StatusInfo(1, 4, null));
    }

    @Test
    void cryptoBindingRequestParsesAndEncodes() throws SstpFormatException {
        CryptoBindingRequest request = CryptoBindingRequest.parse(bytes("00 00 00 03 " + NONCE_HEX));
        assertEquals(3, request.hashBitmask());
        assertTrue(request.supportsSha1());
        assertTrue(request.supportsSha256());
        assertArrayEquals(nonce(), request.nonce());
        assertArrayEquals(bytes("00 00 00 03 " + NONCE_HEX), request.encode());

        CryptoBindingRequest sha256Only = new CryptoBindingRequest(2, nonce());
        assertFalse(sha256Only.supportsSha1());
        assertTrue(sha256Only.supportsSha256());
        assertEquals(40, sha256Only.toAttribute().length());
    }

    @Test
    void cryptoBindingRequestRejectsWrongLength() {
        SstpFormatException e = assertThrows(SstpFormatException.class,
                () -> CryptoBindingRequest.parse(bytes("00 00 00 02 01 02")));
        assertTrue(e.getMessage().contains("6 bytes"), e.getMessage());
        assertThrows(SstpFormatException.class, () -> CryptoBindingRequest.parse(new byte[37]));
    }

    @Test
    void cryptoBindingRequestCopiesNonce() {
        byte[] nonce = nonce();
        CryptoBindingRequest request = new CryptoBindingRequest(2, nonce);
        nonce[0] = 99;
        request.nonce()[1] = 99;
        assertArrayEquals(nonce(), request.nonce());
        assertEquals(new CryptoBindingRequest(2, nonce()), request);
        assertEquals(new CryptoBindingRequest(2, nonce()).hashCode(), request.hashCode());
    }
}
