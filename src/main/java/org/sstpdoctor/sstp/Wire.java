package org.sstpdoctor.sstp;

/** Big-endian field access shared by the codec and the value types. */
final class Wire {

    private Wire() {
    }

    static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | (bytes[offset + 1] & 0xFF);
    }

    /** Unsigned, hence a long. */
    static long u32(byte[] bytes, int offset) {
        return (long) u16(bytes, offset) << 16 | u16(bytes, offset + 2);
    }

    /** The 12-bit length of a packet or attribute header; the upper 4 bits are reserved. */
    static int length12(byte[] bytes, int offset) {
        return u16(bytes, offset) & 0x0FFF;
    }

    static void putU16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }

    static void putU32(byte[] bytes, int offset, long value) {
        putU16(bytes, offset, (int) (value >>> 16));
        putU16(bytes, offset + 2, (int) value);
    }

    /** Writes the 4-byte packet header; reserved bits are written as 0. */
    static void putHeader(byte[] packet, boolean control, int length) {
        packet[0] = (byte) SstpCodec.VERSION;
        packet[1] = (byte) (control ? 1 : 0);
        putU16(packet, 2, length);
    }
}
