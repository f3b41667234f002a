package org.sstpdoctor.sstp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Crypto Binding attribute of CALL_CONNECTED ([MS-SSTP] §2.2.7) and its computation
 * (§3.2.5.2): the client proves that the party it authenticated to in PPP is the one whose
 * certificate it saw in TLS.
 *
 * <p>Value layout (100 bytes; the attribute is 104, the message 112): 3 reserved bytes, the hash
 * protocol chosen (1 SHA-1, 2 SHA-256), the 32-byte nonce from the Call Connect Ack, the 32-byte
 * certificate hash (SHA-1 padded with zeros), the 32-byte compound MAC (SHA-1's padded likewise).
 *
 * <p>CMK = HMAC(HLAK, "SSTP inner method derived CMK" | length as 16-bit little-endian | 0x01), the
 * first block of the specification's PRF+; compound MAC = HMAC(CMK, the whole CALL_CONNECTED with the
 * MAC field zero). The same arrangement is in sorz/sstp-server (sstpd/sstp.py,
 * sstp_call_connected_crypto_binding) and kittoku/Open-SSTP-Client (SstpNegotiator.kt, sendCallConnected).
 */
public record CryptoBinding(int hashProtocol, byte[] nonce, byte[] certificateHash, byte[] compoundMac) {
    public static final int VALUE_LENGTH = 100;
    public static final int CALL_CONNECTED_LENGTH = 112;
    /** Where the compound MAC starts in the encoded CALL_CONNECTED message. */
    static final int MAC_OFFSET_IN_MESSAGE = 80;
    static final byte[] CMK_SEED = "SSTP inner method derived CMK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public CryptoBinding {
        if (hashProtocol != CryptoBindingRequest.HASH_SHA1 && hashProtocol != CryptoBindingRequest.HASH_SHA256) {
            throw new IllegalArgumentException("hash protocol must be 1 (SHA-1) or 2 (SHA-256): " + hashProtocol);
        }
        nonce = exactly32(nonce, "nonce");
        certificateHash = exactly32(certificateHash, "certificate hash");
        compoundMac = exactly32(compoundMac, "compound MAC");
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] certificateHash() {
        return certificateHash.clone();
    }

    @Override
    public byte[] compoundMac() {
        return compoundMac.clone();
    }

    /** The hash protocol a client picks from an Ack's bitmask: SHA-256 when offered (§3.2.5.3.2), or -1. */
    public static int choose(int bitmask) {
        if ((bitmask & CryptoBindingRequest.HASH_SHA256) != 0) {
            return CryptoBindingRequest.HASH_SHA256;
        }
        return (bitmask & CryptoBindingRequest.HASH_SHA1) != 0 ? CryptoBindingRequest.HASH_SHA1 : -1;
    }

    /** SHA-1 (zero-padded to 32 bytes) or SHA-256 of the DER certificate the client received in TLS. */
    public static byte[] certificateHash(int hashProtocol, byte[] certificateDer) {
        try {
            MessageDigest digest = MessageDigest.getInstance(hashProtocol == CryptoBindingRequest.HASH_SHA256 ? "SHA-256" : "SHA-1");
            return Arrays.copyOf(digest.digest(certificateDer), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has SHA-1 and SHA-256", e);
        }
    }

    /** The CMK: HMAC(HLAK, seed | LEN little-endian | 0x01), LEN the HMAC's output size. */
    public static byte[] compoundMacKey(int hashProtocol, byte[] hlak) {
        int length = hashProtocol == CryptoBindingRequest.HASH_SHA256 ? 32 : 20;
        byte[] input = Arrays.copyOf(CMK_SEED, CMK_SEED.length + 3);
        input[CMK_SEED.length] = (byte) length;
        input[CMK_SEED.length + 1] = (byte) (length >> 8);
        input[CMK_SEED.length + 2] = 0x01;
        return hmac(hashProtocol, hlak, input);
    }

    /** Builds the binding, compound MAC included, for these inputs. */
    public static CryptoBinding compute(int hashProtocol, byte[] nonce, byte[] certificateHash, byte[] hlak) {
        CryptoBinding unsigned = new CryptoBinding(hashProtocol, nonce, certificateHash, new byte[32]);
        byte[] message = unsigned.toCallConnected().encode();
        byte[] mac = hmac(hashProtocol, compoundMacKey(hashProtocol, hlak), message);
        return new CryptoBinding(hashProtocol, nonce, certificateHash, Arrays.copyOf(mac, 32));
    }

    /** Whether this binding's MAC is the one the HLAK gives (constant time). */
    public boolean macMatches(byte[] hlak) {
        CryptoBinding expected = compute(hashProtocol, nonce, certificateHash, hlak);
        return MessageDigest.isEqual(expected.compoundMac, compoundMac);
    }

    public static CryptoBinding parse(byte[] value) throws SstpFormatException {
        Objects.requireNonNull(value, "value");
        if (value.length != VALUE_LENGTH) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_VALUE, "crypto binding value is " + value.length + " bytes, not the required "
                    + VALUE_LENGTH, Math.min(value.length, VALUE_LENGTH));
        }
        int protocol = value[3] & 0xFF;
        if (protocol != CryptoBindingRequest.HASH_SHA1 && protocol != CryptoBindingRequest.HASH_SHA256) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_VALUE, "crypto binding names hash protocol " + protocol + ", neither SHA-1 nor SHA-256", 3);
        }
        return new CryptoBinding(protocol, Arrays.copyOfRange(value, 4, 36), Arrays.copyOfRange(value, 36, 68),
                Arrays.copyOfRange(value, 68, 100));
    }

    public byte[] encode() {
        byte[] value = new byte[VALUE_LENGTH];
        value[3] = (byte) hashProtocol;
        System.arraycopy(nonce, 0, value, 4, 32);
        System.arraycopy(certificateHash, 0, value, 36, 32);
        System.arraycopy(compoundMac, 0, value, 68, 32);
        return value;
    }

    /** CALL_CONNECTED carrying this binding. */
    public ControlPacket toCallConnected() {
        return new ControlPacket(MessageType.CALL_CONNECTED, Attribute.of(AttributeId.CRYPTO_BINDING, encode()));
    }

    private static byte[] hmac(int hashProtocol, byte[] key, byte[] data) {
        String algorithm = hashProtocol == CryptoBindingRequest.HASH_SHA256 ? "HmacSHA256" : "HmacSHA1";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has " + algorithm, e);
        }
    }

    private static byte[] exactly32(byte[] bytes, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, not " + bytes.length);
        }
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CryptoBinding that && hashProtocol == that.hashProtocol && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(certificateHash, that.certificateHash) && Arrays.equals(compoundMac, that.compoundMac);
    }

    @Override
    public int hashCode() {
        return 31 * hashProtocol + Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "CryptoBinding[hashProtocol=" + hashProtocol + ", nonce=" + SstpCodec.hex(nonce) + "]";
    }
}
