package org.sstpdoctor.sstp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The value of a Crypto Binding Request attribute, sent by the server in CALL_CONNECT_ACK
 * ([MS-SSTP] 2.2.6): the hash protocols the server accepts and a nonce.
 *
 * <p>Wire layout: 3 reserved bytes, hash protocol bitmask (8 bits), 32-byte nonce; 36 bytes, so
 * the attribute is 40 bytes long. Immutable; equality is over content.
 */
public record CryptoBindingRequest(int hashBitmask, byte[] nonce) {

    public static final int HASH_SHA1 = 0x01;
    public static final int HASH_SHA256 = 0x02;
    public static final int NONCE_LENGTH = 32;
    /** The attribute value's length; the attribute itself is 4 bytes longer. */
    public static final int VALUE_LENGTH = 4 + NONCE_LENGTH;

    public CryptoBindingRequest {
        if (hashBitmask < 0 || hashBitmask > 0xFF) {
            throw new IllegalArgumentException("hash bitmask must fit in 8 bits: " + hashBitmask);
        }
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(
                    "nonce must be " + NONCE_LENGTH + " bytes, not " + nonce.length);
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public boolean supportsSha1() {
        return (hashBitmask & HASH_SHA1) != 0;
    }

    public boolean supportsSha256() {
        return (hashBitmask & HASH_SHA256) != 0;
    }

    /**
     * Parses a Crypto Binding Request attribute value (without the attribute header). Offsets in
     * errors are relative to the start of that value.
     */
    public static CryptoBindingRequest parse(byte[] value) throws SstpFormatException {
        Objects.requireNonNull(value, "value");
        if (value.length != VALUE_LENGTH) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_VALUE, "crypto binding request value is " + value.length
                    + " bytes, not the required " + VALUE_LENGTH
                    + " (3 reserved, hash bitmask, 32-byte nonce)", Math.min(value.length, VALUE_LENGTH));
        }
        return new CryptoBindingRequest(Wire.u8(value, 3), Arrays.copyOfRange(value, 4, VALUE_LENGTH));
    }

    /** The attribute value as it goes on the wire. */
    public byte[] encode() {
        byte[] value = new byte[VALUE_LENGTH];
        value[3] = (byte) hashBitmask;
        System.arraycopy(nonce, 0, value, 4, NONCE_LENGTH);
        return value;
    }

    /** This request wrapped in a CRYPTO_BINDING_REQ attribute. */
    public Attribute toAttribute() {
        return Attribute.of(AttributeId.CRYPTO_BINDING_REQ, encode());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CryptoBindingRequest that
                && hashBitmask == that.hashBitmask
                && Arrays.equals(nonce, that.nonce);
    }

    @Override
    public int hashCode() {
        return 31 * hashBitmask + Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "CryptoBindingRequest[hashBitmask=" + hashBitmask + ", nonce=" + SstpCodec.hex(nonce) + "]";
    }
}
