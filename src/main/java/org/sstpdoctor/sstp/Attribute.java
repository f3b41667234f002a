package org.sstpdoctor.sstp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a control packet ([MS-SSTP] 2.2.4): an 8-bit id and a raw value. Unknown ids
 * are allowed so that whatever a peer sent can be represented and reported.
 *
 * <p>Immutable: the value is copied in and out. Equality is over the value's content.
 */
public record Attribute(int id, byte[] value) {

    /** Reserved byte, id byte, 16-bit length. */
    public static final int HEADER_LENGTH = 4;
    /** The attribute length field has 12 bits and counts the header too. */
    public static final int MAX_LENGTH = 4095;

    public Attribute {
        if (id < 0 || id > 0xFF) {
            throw new IllegalArgumentException("attribute id must fit in 8 bits: " + id);
        }
        value = Objects.requireNonNull(value, "value").clone();
    }

    public static Attribute of(AttributeId id, byte[] value) {
        return new Attribute(id.code(), value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The length as written in the attribute header: header plus value. */
    public int length() {
        return HEADER_LENGTH + value.length;
    }

    /** The id as an enum constant, if SSTP defines it. */
    public Optional<AttributeId> knownId() {
        return AttributeId.of(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attribute that && id == that.id && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String name = knownId().map(known -> " " + known.name()).orElse("");
        return "Attribute[id=" + id + name + ", value=" + SstpCodec.hex(value) + "]";
    }
}
