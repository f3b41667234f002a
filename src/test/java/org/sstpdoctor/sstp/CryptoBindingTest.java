package org.sstpdoctor.sstp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.sstpdoctor.ppp.MppeKeys;

/**
 * The crypto binding of [MS-SSTP] §3.2.5.2. MS-SSTP publishes no test vector, so the expected values
 * are derived step by step from the specification's text here, with the JDK's HMAC, independently
 * of {@link CryptoBinding}: CMK = HMAC(HLAK, "SSTP inner method derived CMK" | LEN (16-bit little-endian)
 * | 0x01), as sorz/sstp-server (sstpd/sstp.py) and Open SSTP Client (SstpNegotiator.kt, cmacSize
 * 0x2000/0x1400 "little endian") compute it; compound MAC = HMAC(CMK, the 112-byte CALL_CONNECTED with
 * the MAC zeroed). The HLAK is RFC 3079's keys for RFC 2759's example user.
 */
class CryptoBindingTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HLAK = MppeKeys.hlak("clientPass".toCharArray(),
            HEX.parseHex("82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df"));
    private static final byte[] NONCE = new byte[32];
    private static final byte[] CERT = "not really a certificate, but bytes to hash".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < 32; i++) {
            NONCE[i] = (byte) (0xA0 + i);
        }
    }

    @Test
    void sha256BindingFromTheSpecificationSteps() throws Exception {
        byte[] certHash = CryptoBinding.certificateHash(CryptoBindingRequest.HASH_SHA256, CERT);
        assertArrayEquals(java.security.MessageDigest.getInstance("SHA-256").digest(CERT), certHash);

        byte[] seed = "SSTP inner method derived CMK".getBytes(StandardCharsets.US_ASCII);
        byte[] cmkInput = new byte[seed.length + 3];
        System.arraycopy(seed, 0, cmkInput, 0, seed.length);
        cmkInput[seed.length] = 0x20; // 32, little-endian
        cmkInput[seed.length + 1] = 0x00;
        cmkInput[seed.length + 2] = 0x01;
        byte[] cmk = hmac("HmacSHA256", HLAK, cmkInput);
        assertArrayEquals(cmk, CryptoBinding.compoundMacKey(CryptoBindingRequest.HASH_SHA256, HLAK));

        byte[] message = new byte[112];
        System.arraycopy(HEX.parseHex("10010070" + "0004" + "0001" + "00030068" + "00000002"), 0, message, 0, 16);
        System.arraycopy(NONCE, 0, message, 16, 32);
        System.arraycopy(certHash, 0, message, 48, 32);
        byte[] mac = hmac("HmacSHA256", cmk, message);

        CryptoBinding binding = CryptoBinding.compute(CryptoBindingRequest.HASH_SHA256, NONCE, certHash, HLAK);
        assertArrayEquals(mac, binding.compoundMac());
        System.arraycopy(mac, 0, message, 80, 32);
        assertArrayEquals(message, binding.toCallConnected().encode());
        assertTrue(binding.macMatches(HLAK));
        assertFalse(binding.macMatches(MppeKeys.zeroHlak()));
    }

    @Test
    void sha1BindingPadsHashAndMac() throws Exception {
        byte[] certHash = CryptoBinding.certificateHash(CryptoBindingRequest.HASH_SHA1, CERT);
        assertArrayEquals(Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-1").digest(CERT), 32), certHash);
        byte[] seed = "SSTP inner method derived CMK".getBytes(StandardCharsets.US_ASCII);
        byte[] cmkInput = Arrays.copyOf(seed, seed.length + 3);
        cmkInput[seed.length] = 0x14; // 20, little-endian
        cmkInput[seed.length + 2] = 0x01;
        byte[] cmk = hmac("HmacSHA1", MppeKeys.zeroHlak(), cmkInput);
        CryptoBinding binding = CryptoBinding.compute(CryptoBindingRequest.HASH_SHA1, NONCE, certHash, MppeKeys.zeroHlak());
        byte[] zeroed = binding.toCallConnected().encode();
        Arrays.fill(zeroed, 80, 112, (byte) 0);
        assertArrayEquals(Arrays.copyOf(hmac("HmacSHA1", cmk, zeroed), 32), binding.compoundMac());
        assertEquals(0, binding.compoundMac()[25]);
    }

    @Test
    void parsesWhatItEncodes() throws Exception {
        CryptoBinding binding = CryptoBinding.compute(CryptoBindingRequest.HASH_SHA256, NONCE,
                CryptoBinding.certificateHash(2, CERT), HLAK);
        ControlPacket packet = (ControlPacket) SstpCodec.decode(binding.toCallConnected().encode());
        assertEquals(binding, CryptoBinding.parse(packet.attribute(AttributeId.CRYPTO_BINDING).orElseThrow().value()));
        assertEquals(CryptoBindingRequest.HASH_SHA256, CryptoBinding.choose(3));
        assertEquals(CryptoBindingRequest.HASH_SHA1, CryptoBinding.choose(1));
        assertEquals(-1, CryptoBinding.choose(0));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data);
    }
}
