package org.sstpdoctor.sstp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a Status Info attribute ([MS-SSTP] 2.2.7): which attribute a status is about, the
 * status, and (in a NAK) optionally the original value of the attribute that was refused.
 *
 * <p>Wire layout: 3 reserved bytes, attribute id (8 bits), status (32 bits), original value.
 * Immutable; equality is over content.
 *
 * @param attributeId the attribute the status is about; 0 ({@link AttributeId#NO_ERROR}) when
 *     it is about none
 * @param status an unsigned 32-bit status, usually one of {@link StatusCode}
 * @param attributeValue the refused attribute's original value; empty when absent
 */
public record StatusInfo(int attributeId, long status, byte[] attributeValue) {

    /** Reserved bytes, attribute id and status: the part that is always present. */
    public static final int FIXED_LENGTH = 8;

    public StatusInfo {
        if (attributeId < 0 || attributeId > 0xFF) {
            throw new IllegalArgumentException("attribute id must fit in 8 bits: " + attributeId);
        }
        if (status < 0 || status > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("status must fit in 32 bits unsigned: " + status);
        }
        attributeValue = attributeValue == null ? new byte[0] : attributeValue.clone();
    }

    /** A status without an original attribute value. */
    public StatusInfo(int attributeId, long status) {
        this(attributeId, status, new byte[0]);
    }

    /** A status about an attribute, without an original attribute value. */
    public static StatusInfo of(AttributeId about, StatusCode status) {
        return new StatusInfo(about.code(), status.code());
    }

    @Override
    public byte[] attributeValue() {
        return attributeValue.clone();
    }

    public Optional<StatusCode> knownStatus() {
        return StatusCode.of(status);
    }

    public Optional<AttributeId> knownAttributeId() {
        return AttributeId.of(attributeId);
    }

    /**
     * Parses a Status Info attribute value (the attribute's value, without its 4-byte header).
     * Offsets in errors are relative to the start of that value.
     */
    public static StatusInfo parse(byte[] value) throws SstpFormatException {
        Objects.requireNonNull(value, "value");
        if (value.length < FIXED_LENGTH) {
            throw new SstpFormatException(SstpFormatException.Problem.BAD_VALUE, "status info value is " + value.length
                    + " bytes, shorter than the " + FIXED_LENGTH
                    + " needed for reserved bytes, attribute id and status", value.length);
        }
        return new StatusInfo(Wire.u8(value, 3), Wire.u32(value, 4),
                Arrays.copyOfRange(value, FIXED_LENGTH, value.length));
    }

    /** The attribute value as it goes on the wire. */
    public byte[] encode() {
        byte[] value = new byte[FIXED_LENGTH + attributeValue.length];
        value[3] = (byte) attributeId;
        Wire.putU32(value, 4, status);
        System.arraycopy(attributeValue, 0, value, FIXED_LENGTH, attributeValue.length);
        return value;
    }

    /** This status wrapped in a STATUS_INFO attribute. */
    public Attribute toAttribute() {
        return Attribute.of(AttributeId.STATUS_INFO, encode());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusInfo that
                && attributeId == that.attributeId
                && status == that.status
                && Arrays.equals(attributeValue, that.attributeValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributeId, status, Arrays.hashCode(attributeValue));
    }

    @Override
    public String toString() {
        return "StatusInfo[attributeId=" + attributeId
                + knownAttributeId().map(id -> " " + id.name()).orElse("")
                + ", status=" + status + knownStatus().map(s -> " " + s.name()).orElse("")
                + ", attributeValue=" + SstpCodec.hex(attributeValue) + "]";
    }
}
