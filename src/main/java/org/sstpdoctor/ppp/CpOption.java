package org.sstpdoctor.ppp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One configuration option of LCP or an NCP: type, then value (RFC 1661 §6). Immutable. */
public record CpOption(int type, byte[] value) {
    public CpOption {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("option type must fit in 8 bits: " + type);
        }
        value = Objects.requireNonNull(value, "value").clone();
        if (value.length > 253) {
            throw new IllegalArgumentException("option value too long: " + value.length);
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int u16() {
        return value.length < 2 ? -1 : ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
    }

    public long u32() {
        return value.length < 4 ? -1
                : ((long) (value[0] & 0xFF) << 24) | ((value[1] & 0xFF) << 16) | ((value[2] & 0xFF) << 8) | (value[3] & 0xFF);
    }

    public static CpOption u16(int type, int v) {
        return new CpOption(type, new byte[] {(byte) (v >> 8), (byte) v});
    }

    public static CpOption u32(int type, long v) {
        return new CpOption(type, new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CpOption that && type == that.type && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "option " + type + " = " + HexFormat.of().formatHex(value);
    }
}
