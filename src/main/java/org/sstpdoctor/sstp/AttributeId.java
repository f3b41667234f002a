package org.sstpdoctor.sstp;

import java.util.Optional;

/** SSTP attribute ids ([MS-SSTP] 2.2.4), carried as an 8-bit field. */
public enum AttributeId {
    /** Never a real attribute: used only as the attribute id inside a Status Info value. */
    NO_ERROR(0),
    ENCAPSULATED_PROTOCOL_ID(1),
    STATUS_INFO(2),
    CRYPTO_BINDING(3),
    CRYPTO_BINDING_REQ(4);

    private final int code;

    AttributeId(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The attribute id with this wire value, or empty if the value is not one SSTP defines. */
    public static Optional<AttributeId> of(int code) {
        for (AttributeId id : values()) {
            if (id.code == code) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
